//! The `unit_kerja` table: the unit tree of an instansi.

use super::StoreError;
use crate::domain::unit_tree::{Unit, UnitTree};
use sqlx::{Any, Executor, Row};

/// The id of the unit with `code` in the instansi, if there is one.
pub async fn id_by_code<'c, E>(
    executor: E,
    instansi_id: i64,
    code: &str,
) -> Result<Option<i64>, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query_scalar("SELECT id FROM unit_kerja WHERE instansi_id = $1 AND code = $2")
        .bind(instansi_id)
        .bind(code)
        .fetch_optional(executor)
        .await
        .map_err(StoreError::from)
}

/// The instansi's unit tree, siblings by name: the one way the units are loaded, so that
/// every walk over them (`domain::unit_tree`) sees the same tree.
pub async fn tree<'c, E>(executor: E, instansi_id: i64) -> Result<UnitTree, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    let rows = sqlx::query(
        "SELECT id, parent_id, code, name FROM unit_kerja WHERE instansi_id = $1 ORDER BY name",
    )
    .bind(instansi_id)
    .fetch_all(executor)
    .await?;
    let units = rows
        .iter()
        .map(|row| {
            Ok(Unit {
                id: row.try_get("id")?,
                parent_id: row.try_get("parent_id")?,
                code: row.try_get("code")?,
                name: row.try_get("name")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(UnitTree::new(units))
}
