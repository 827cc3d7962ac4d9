//! The audit log: an append-only, hash-chained record of every write. Each entry's hash covers
//! its content and its predecessor's hash; `verify` walks the chain and reports the first
//! entry that was edited, removed or inserted out of order.

use crate::api::audit::AuditEntry;
use crate::auth::guard::InstansiScope;
use crate::digest::sha256_hex;
use crate::services::clock;
use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};

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

fn entry(row: &AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        seq: row.try_get("seq")?,
        at: row.try_get("at")?,
        actor: row.try_get("actor")?,
        instansi_id: row.try_get("instansi_id")?,
        action: row.try_get("action")?,
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        before: row.try_get("before_state")?,
        after: row.try_get("after_state")?,
        reason: row.try_get("reason")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

const COLUMNS: &str = "seq, at, actor, instansi_id, action, entity, entity_id, before_state, \
     after_state, reason, prev_hash, hash";

/// Appends `change` to the chain, inside the caller's transaction: it commits or rolls back
/// with the write it describes. Taking the head row first serialises writers on both engines.
pub async fn record(conn: &mut AnyConnection, change: Change<'_>) -> Result<i64, sqlx::Error> {
    let head = sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(&mut *conn)
        .await?;
    let mut written = AuditEntry {
        seq: head.try_get("seq")?,
        at: clock::now_utc(),
        actor: change.actor.to_owned(),
        instansi_id: change.instansi_id,
        action: change.action.to_owned(),
        entity: change.entity.to_owned(),
        entity_id: change.entity_id,
        before: change.before.map(|v| v.to_string()),
        after: change.after.map(|v| v.to_string()),
        reason: change.reason.map(str::to_owned),
        prev_hash: head.try_get("hash")?,
        hash: String::new(),
    };
    written.hash = expected_hash(&written);
    sqlx::query(&format!(
        "INSERT INTO audit_log ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(written.seq)
    .bind(&written.at)
    .bind(&written.actor)
    .bind(written.instansi_id)
    .bind(&written.action)
    .bind(&written.entity)
    .bind(&written.entity_id)
    .bind(&written.before)
    .bind(&written.after)
    .bind(&written.reason)
    .bind(&written.prev_hash)
    .bind(&written.hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&written.hash)
        .execute(&mut *conn)
        .await?;
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
pub async fn verify(pool: &AnyPool) -> Result<Verification, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq");
    let mut rows = sqlx::query(&sql).fetch(pool);
    let mut expected_seq = 1;
    let mut previous = GENESIS.to_owned();
    let mut problems = Vec::new();
    let mut entries = 0;
    while let Some(row) = rows.try_next().await? {
        let entry = entry(&row)?;
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
    }
    drop(rows);
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(pool)
        .await?;
    let (head_seq, head_hash): (i64, String) = (head.try_get("seq")?, head.try_get("hash")?);
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

/// A page of an instansi's log, newest first, before `before_seq` when given. Only for a
/// scope the guard allowed to read the log.
pub async fn page(
    scope: &InstansiScope<'_>,
    before_seq: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE instansi_id = $1 AND seq < $2 \
         ORDER BY seq DESC LIMIT $3"
    ))
    .bind(scope.instansi_id())
    .bind(before_seq.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(scope.pool())
    .await?
    .iter()
    .map(entry)
    .collect()
}
