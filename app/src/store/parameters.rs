//! The `parameter_set` table: every version of an instansi's scoring rules, stored as JSON.
//! Versions are only ever added (the database refuses updates and deletes).

use super::{Conn, Pool, StoreError};
use crate::domain::scoring::ParameterSet;
use sqlx::any::AnyRow;
use sqlx::Row;

/// A stored version of an instansi's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredParameters {
    pub id: i64,
    pub version: i64,
    pub rules: ParameterSet,
    pub created_at: String,
    pub created_by: String,
}

/// An instansi's versions, newest first, as [`decode`] reads them.
const NEWEST_FIRST: &str = "SELECT id, version, rules, created_at, created_by FROM parameter_set \
     WHERE instansi_id = $1 ORDER BY version DESC";

fn decode(row: &AnyRow) -> Result<StoredParameters, StoreError> {
    let rules: String = row.try_get("rules")?;
    Ok(StoredParameters {
        id: row.try_get("id")?,
        version: row.try_get("version")?,
        rules: serde_json::from_str(&rules).map_err(|e| StoreError::corrupt(e.to_string()))?,
        created_at: row.try_get("created_at")?,
        created_by: row.try_get("created_by")?,
    })
}

/// The version in force (the latest), if the instansi has one.
pub async fn current(
    conn: &mut Conn,
    instansi_id: i64,
) -> Result<Option<StoredParameters>, StoreError> {
    sqlx::query(&format!("{NEWEST_FIRST} LIMIT 1"))
        .bind(instansi_id)
        .fetch_optional(conn)
        .await?
        .as_ref()
        .map(decode)
        .transpose()
}

/// Every version, newest first.
pub async fn history(
    conn: &mut Conn,
    instansi_id: i64,
) -> Result<Vec<StoredParameters>, StoreError> {
    sqlx::query(NEWEST_FIRST)
        .bind(instansi_id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(decode)
        .collect()
}

/// Adds version `version` of the instansi's rules, named `name`, with `rules` as JSON.
/// Returns its id.
pub async fn add_version(
    conn: &mut Conn,
    instansi_id: i64,
    version: i64,
    name: &str,
    rules: &str,
    created_at: &str,
    created_by: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO parameter_set (instansi_id, version, name, rules, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(instansi_id)
    .bind(version)
    .bind(name)
    .bind(rules)
    .bind(created_at)
    .bind(created_by)
    .fetch_one(conn)
    .await?)
}

/// The version in force of every instansi that has one, with the instansi's slug and name,
/// by name.
pub async fn in_force_everywhere(
    pool: &Pool,
) -> Result<Vec<(String, String, StoredParameters)>, StoreError> {
    sqlx::query(
        "SELECT i.slug, i.name AS instansi, p.id, p.version, p.rules, p.created_at, p.created_by \
         FROM parameter_set p JOIN instansi i ON i.id = p.instansi_id \
         WHERE p.version = (SELECT MAX(q.version) FROM parameter_set q \
         WHERE q.instansi_id = p.instansi_id) ORDER BY i.name",
    )
    .fetch_all(pool)
    .await?
    .iter()
    .map(|row| -> Result<_, StoreError> {
        Ok((row.try_get("slug")?, row.try_get("instansi")?, decode(row)?))
    })
    .collect()
}
