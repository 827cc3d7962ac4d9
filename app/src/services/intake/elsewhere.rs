//! NIPs on record outside the importing instansi. An import must refuse them (a person
//! belongs to one instansi; a transfer is an administrator's), but every refusal tells the
//! importer that the NIP exists: a file of 16 MB of NIPs once asked about hundreds of
//! thousands at once. So every import that names NIPs the instansi does not hold is a lookup:
//! it is in the audit log with what it asked and found, counted before it looks (so the
//! answer to the limit says nothing about the NIPs), an instansi may make
//! [`MAX_LOOKUPS_PER_DAY`] of them a day, and a file naming more than [`MAX_NAMED`] NIPs on
//! record elsewhere is refused whole without naming them or their number.

use super::context::nip_digits;
use super::IntakeError;
use crate::auth::guard::InstansiScope;
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::store::{self, intake::context as stored};
use std::collections::{BTreeSet, HashSet};

/// Such NIPs one file may name, each refused on its own row.
pub const MAX_NAMED: usize = 10;
/// Imports naming NIPs the instansi does not hold, per instansi in 24 hours: a day of new
/// hires is a handful of files.
pub const MAX_LOOKUPS_PER_DAY: i64 = 50;
/// How the audit log names a lookup.
const ACTION: &str = "impor.nip_di_luar_instansi";

/// The file's NIPs (as digits) on record outside the scope's instansi, within the limits
/// above.
pub async fn recorded_elsewhere(
    scope: &InstansiScope<'_>,
    file: &str,
    file_sha256: &str,
    nips: &[String],
) -> Result<HashSet<String>, IntakeError> {
    let instansi_id = scope.instansi_id();
    let mut conn = store::acquire(scope.pool()).await?;
    let ours = stored::pegawai(&mut conn, instansi_id).await?;
    let asked: Vec<String> = nips
        .iter()
        .map(|n| nip_digits(n))
        .filter(|n| !ours.contains_key(n))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    drop(conn);
    if asked.is_empty() {
        return Ok(HashSet::new());
    }
    // The entry first: it takes the audit log's head, so two imports at once count one after
    // the other, and a refused lookup leaves nothing behind.
    let mut tx = store::begin(scope.pool()).await?;
    audit::record(
        &mut tx,
        Change {
            actor: &scope.actor(),
            instansi_id: Some(instansi_id),
            action: ACTION,
            entity: "import_batch",
            entity_id: None,
            before: None,
            after: Some(serde_json::json!({
                "berkas": file,
                "sha256": file_sha256,
                "nip_ditanyakan": asked.len(),
            })),
            reason: None,
        },
    )
    .await?;
    let lookups =
        store::audit::count_since(&mut tx, ACTION, instansi_id, &clock::hours_ago(24)).await?;
    if lookups > MAX_LOOKUPS_PER_DAY {
        return Err(IntakeError::LookupLimit(MAX_LOOKUPS_PER_DAY));
    }
    store::commit(tx).await?;
    let mut conn = store::acquire(scope.pool()).await?;
    let found = stored::foreign_nips(&mut conn, instansi_id, &asked).await?;
    if found.len() > MAX_NAMED {
        return Err(IntakeError::RecordedElsewhere(MAX_NAMED));
    }
    Ok(found)
}
