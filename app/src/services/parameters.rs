//! Scoring rules per instansi, versioned (domain.md §4). A change adds a version; stored
//! versions are never edited (the database refuses updates and deletes), and each placement
//! names the version it used.

use crate::domain::scoring::{ParameterError, ParameterSet};
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::store::parameters::add_version;
pub use crate::store::parameters::{current, history, in_force_everywhere, StoredParameters};
use crate::store::{Conn, StoreError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ParameterStoreError {
    #[error(transparent)]
    Invalid(#[from] ParameterError),
    #[error("aturan tidak dapat ditulis sebagai JSON: {0}")]
    Encode(#[from] serde_json::Error),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

/// Puts `rules` in force: a new version, unless the version in force already has exactly
/// these rules (then it is returned as it is).
pub async fn adopt(
    conn: &mut Conn,
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
    let json = serde_json::to_string(rules)?;
    let created_at = clock::now_utc();
    let id = add_version(
        &mut *conn,
        instansi_id,
        version,
        &rules.name,
        &json,
        &created_at,
        actor,
    )
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
    conn: &mut Conn,
    instansi_id: i64,
    actor: &str,
) -> Result<StoredParameters, ParameterStoreError> {
    match current(&mut *conn, instansi_id).await? {
        Some(current) => Ok(current),
        None => adopt(conn, instansi_id, &ParameterSet::bkn_2025(), actor).await,
    }
}
