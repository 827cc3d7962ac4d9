//! The audit log: an append-only, hash-chained record of every write. Each entry's hash covers
//! its content and its predecessor's hash; `verify` walks the chain and reports the first
//! entry that was edited, removed or inserted out of order.

use crate::api::audit::AuditEntry;
use crate::digest::sha256_hex;
use crate::services::clock;
use crate::store::{self, Conn, Pool, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What one write did, as its service describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change<'a> {
    /// `akun:<username>` for people signed in, `cli:<user>` for the command line.
    pub actor: &'a str,
    /// The instansi whose log shows the entry; `None` for installation-wide changes.
    pub instansi_id: Option<i64>,
    /// What was done, e.g. `akun.buat`, `impor.asesmen`, `skoring`.
    pub action: &'a str,
    /// The kind of thing written, e.g. `akun`, `import_batch`, `placement`.
    pub entity: &'a str,
    pub entity_id: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    /// Required where a decision needs a written reason.
    pub reason: Option<&'a str>,
}

/// The hash `entry` must carry: SHA-256 of a canonical JSON array of every other field.
pub fn expected_hash(entry: &AuditEntry) -> String {
    let canonical = serde_json::json!([
        entry.seq,
        entry.at,
        entry.actor,
        entry.instansi_id,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before,
        entry.after,
        entry.reason,
        entry.prev_hash,
    ]);
    sha256_hex(canonical.to_string().as_bytes())
}

/// Appends `change` to the chain, inside the caller's transaction: it commits or rolls back
/// with the write it describes. Taking the head row first serialises writers on both engines.
pub async fn record(conn: &mut Conn, change: Change<'_>) -> Result<i64, StoreError> {
    let (seq, prev_hash) = store::audit::advance_head(&mut *conn).await?;
    let mut written = AuditEntry {
        seq,
        at: clock::now_utc(),
        actor: change.actor.to_owned(),
        instansi_id: change.instansi_id,
        action: change.action.to_owned(),
        entity: change.entity.to_owned(),
        entity_id: change.entity_id,
        before: change.before.map(|v| v.to_string()),
        after: change.after.map(|v| v.to_string()),
        reason: change.reason.map(str::to_owned),
        prev_hash,
        hash: String::new(),
    };
    written.hash = expected_hash(&written);
    store::audit::insert(&mut *conn, &written).await?;
    store::audit::set_head_hash(conn, &written.hash).await?;
    Ok(written.seq)
}

/// What a walk of the chain found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verification {
    pub entries: i64,
    /// The hash of the last entry: publish or keep it elsewhere to anchor the chain.
    pub head: String,
    /// Every break, in Bahasa Indonesia, first one first; empty when the chain is whole.
    pub problems: Vec<String>,
}

impl Verification {
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Walks the whole chain, streaming, and checks each link and the head.
pub async fn verify(pool: &Pool) -> Result<Verification, StoreError> {
    let mut expected_seq = 1;
    let mut previous = GENESIS.to_owned();
    let mut problems = Vec::new();
    let mut entries = 0;
    store::audit::for_each(pool, |entry| {
        entries += 1;
        if entry.seq != expected_seq {
            problems.push(format!(
                "entri {} hilang: urutan melompat dari {} ke {}",
                expected_seq,
                expected_seq - 1,
                entry.seq
            ));
        }
        if entry.prev_hash != previous {
            problems.push(format!(
                "entri {}: tidak tersambung ke entri sebelumnya (hash sebelumnya berbeda)",
                entry.seq
            ));
        }
        if entry.hash != expected_hash(&entry) {
            problems.push(format!(
                "entri {}: isinya diubah setelah dicatat (hash tidak cocok)",
                entry.seq
            ));
        }
        expected_seq = entry.seq + 1;
        previous = entry.hash;
    })
    .await?;
    let (head_seq, head_hash) = store::audit::head(pool).await?;
    if head_seq != expected_seq - 1 || head_hash != previous {
        problems.push(format!(
            "kepala rantai menunjuk entri {head_seq}, tetapi entri terakhir yang sah adalah {}: entri di akhir log dihapus",
            expected_seq - 1
        ));
    }
    Ok(Verification {
        entries,
        head: previous,
        problems,
    })
}
