//! NIPs on record outside the importing instansi. An import must refuse them (a person
//! belongs to one instansi; a transfer is an administrator's), but every refusal tells the
//! importer that the NIP exists: a file of 16 MB of NIPs once asked about hundreds of
//! thousands at once. So each lookup that finds any is in the audit log with its count, an
//! instansi may make [`MAX_LOOKUPS_PER_DAY`] of them a day, and a file naming more than
//! [`MAX_NAMED`] such NIPs is refused whole, with the count and not the NIPs.

use super::IntakeError;
use crate::auth::guard::InstansiScope;
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::store::{self, intake::context as stored};
use std::collections::{BTreeSet, HashSet};

/// Such NIPs one file may name, each refused on its own row.
pub const MAX_NAMED: usize = 10;
/// Lookups that found such NIPs, per instansi in 24 hours.
pub const MAX_LOOKUPS_PER_DAY: i64 = 20;
/// How the audit log names a lookup that found some.
const ACTION: &str = "impor.nip_tercatat_di_luar";

/// The file's NIPs (as digits) on record outside the scope's instansi, within the limits
/// above; the lookup is audited when it finds any.
pub async fn recorded_elsewhere(
    scope: &InstansiScope<'_>,
    file: &str,
    file_sha256: &str,
    nips: &[String],
) -> Result<HashSet<String>, IntakeError> {
    let instansi_id = scope.instansi_id();
    let asked: BTreeSet<String> = nips.iter().map(|n| super::context::nip_digits(n)).collect();
    let asked: Vec<String> = asked.into_iter().collect();
    let mut conn = store::acquire(scope.pool()).await?;
    let found = stored::foreign_nips(&mut conn, instansi_id, &asked).await?;
    drop(conn);
    if found.is_empty() {
        return Ok(found);
    }
    let lookups =
        store::audit::count_since(scope.pool(), ACTION, instansi_id, &clock::hours_ago(24)).await?;
    if lookups >= MAX_LOOKUPS_PER_DAY {
        return Err(IntakeError::LookupLimit(MAX_LOOKUPS_PER_DAY));
    }
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
                "nip_diperiksa": asked.len(),
                "nip_tercatat_di_luar": found.len(),
            })),
            reason: None,
        },
    )
    .await?;
    store::commit(tx).await?;
    if found.len() > MAX_NAMED {
        return Err(IntakeError::RecordedElsewhere(found.len()));
    }
    Ok(found)
}
