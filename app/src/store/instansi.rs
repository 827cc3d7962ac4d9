//! The `instansi` table: the government bodies whose ASN Jenjang maps, known by their slug.

use super::StoreError;
use sqlx::{Any, Executor};

/// The id of the instansi with `slug`, if there is one.
pub async fn id_by_slug<'c, E>(executor: E, slug: &str) -> Result<Option<i64>, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query_scalar("SELECT id FROM instansi WHERE slug = $1")
        .bind(slug)
        .fetch_optional(executor)
        .await
        .map_err(StoreError::from)
}
