//! Scoring rules per instansi, versioned (domain.md §4). A change adds a version; stored
//! versions are never edited (the database refuses updates and deletes), and each placement
//! names the version it used.

use crate::domain::scoring::{ParameterError, ParameterSet};
use crate::services::audit::{self, Change};
use crate::services::clock;
use sqlx::{AnyConnection, Row};
use thiserror::Error;

/// A stored version of an instansi's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredParameters {
    pub id: i64,
    pub version: i64,
    pub rules: ParameterSet,
    pub created_at: String,
    pub created_by: String,
}

#[derive(Debug, Error)]
pub enum ParameterStoreError {
    #[error(transparent)]
    Invalid(#[from] ParameterError),
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
}

/// An instansi's versions, newest first, as [`decode`] reads them.
const NEWEST_FIRST: &str = "SELECT id, version, rules, created_at, created_by FROM parameter_set \
     WHERE instansi_id = $1 ORDER BY version DESC";

fn decode(row: &sqlx::any::AnyRow) -> Result<StoredParameters, sqlx::Error> {
    let rules: String = row.try_get("rules")?;
    Ok(StoredParameters {
        id: row.try_get("id")?,
        version: row.try_get("version")?,
        rules: serde_json::from_str(&rules).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        created_at: row.try_get("created_at")?,
        created_by: row.try_get("created_by")?,
    })
}

/// The version in force (the latest), if the instansi has one.
pub async fn current(
    conn: &mut AnyConnection,
    instansi_id: i64,
) -> Result<Option<StoredParameters>, sqlx::Error> {
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
    conn: &mut AnyConnection,
    instansi_id: i64,
) -> Result<Vec<StoredParameters>, sqlx::Error> {
    sqlx::query(NEWEST_FIRST)
        .bind(instansi_id)
        .fetch_all(conn)
        .await?
        .iter()
        .map(decode)
        .collect()
}

/// Puts `rules` in force: a new version, unless the version in force already has exactly
/// these rules (then it is returned as it is).
pub async fn adopt(
    conn: &mut AnyConnection,
    instansi_id: i64,
    rules: &ParameterSet,
    actor: &str,
) -> Result<StoredParameters, ParameterStoreError> {
    rules.validate()?;
    let current = current(&mut *conn, instansi_id).await?;
    if let Some(current) = current.as_ref().filter(|c| &c.rules == rules) {
        return Ok(current.clone());
    }
    let version = current.map_or(1, |c| c.version + 1);
    let json = serde_json::to_string(rules).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let created_at = clock::now_utc();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO parameter_set (instansi_id, version, name, rules, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(instansi_id)
    .bind(version)
    .bind(&rules.name)
    .bind(json)
    .bind(&created_at)
    .bind(actor)
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        conn,
        Change {
            actor,
            instansi_id: Some(instansi_id),
            action: "parameter.adopsi",
            entity: "parameter_set",
            entity_id: Some(id.to_string()),
            before: None,
            after: Some(serde_json::json!({ "nama": rules.name, "versi": version })),
            reason: None,
        },
    )
    .await?;
    Ok(StoredParameters {
        id,
        version,
        rules: rules.clone(),
        created_at,
        created_by: actor.to_owned(),
    })
}

/// The version in force, adopting the default "BKN 2025" set when the instansi has none.
pub async fn in_force(
    conn: &mut AnyConnection,
    instansi_id: i64,
    actor: &str,
) -> Result<StoredParameters, ParameterStoreError> {
    match current(&mut *conn, instansi_id).await? {
        Some(current) => Ok(current),
        None => adopt(conn, instansi_id, &ParameterSet::bkn_2025(), actor).await,
    }
}

/// The version in force of every instansi that has one, with the instansi's slug and name,
/// by name: what the public methodology page lists.
pub async fn in_force_everywhere(
    pool: &sqlx::AnyPool,
) -> Result<Vec<(String, String, StoredParameters)>, sqlx::Error> {
    sqlx::query(
        "SELECT i.slug, i.name AS instansi, p.id, p.version, p.rules, p.created_at, p.created_by \
         FROM parameter_set p JOIN instansi i ON i.id = p.instansi_id \
         WHERE p.version = (SELECT MAX(q.version) FROM parameter_set q \
         WHERE q.instansi_id = p.instansi_id) ORDER BY i.name",
    )
    .fetch_all(pool)
    .await?
    .iter()
    .map(|row| Ok((row.try_get("slug")?, row.try_get("instansi")?, decode(row)?)))
    .collect()
}
