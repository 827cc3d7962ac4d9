//! The `audit_log` and `audit_head` tables: the hash-chained log of every write, and its head,
//! the row every writer takes first. `services::audit` computes the hashes and checks them.

use super::sql::placeholders;
use super::{Conn, Pool, StoreError};
use crate::api::audit::AuditEntry;
use crate::auth::guard::InstansiScope;
use futures_util::TryStreamExt;
use sqlx::any::AnyRow;
use sqlx::Row;

fn entry(row: &AnyRow) -> Result<AuditEntry, StoreError> {
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

/// Moves the head on by one entry, in the caller's transaction, and returns the new entry's
/// seq and the hash of the entry before it. Taking the head row first serialises writers on
/// both engines.
pub async fn advance_head(conn: &mut Conn) -> Result<(i64, String), StoreError> {
    let head = sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
        .fetch_one(conn)
        .await?;
    Ok((head.try_get("seq")?, head.try_get("hash")?))
}

/// Appends an entry, its hash computed.
pub async fn insert(conn: &mut Conn, entry: &AuditEntry) -> Result<(), StoreError> {
    sqlx::query(&format!(
        "INSERT INTO audit_log ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
    ))
    .bind(entry.seq)
    .bind(&entry.at)
    .bind(&entry.actor)
    .bind(entry.instansi_id)
    .bind(&entry.action)
    .bind(&entry.entity)
    .bind(&entry.entity_id)
    .bind(&entry.before)
    .bind(&entry.after)
    .bind(&entry.reason)
    .bind(&entry.prev_hash)
    .bind(&entry.hash)
    .execute(conn)
    .await?;
    Ok(())
}

/// Points the head at the entry just appended, by its hash.
pub async fn set_head_hash(conn: &mut Conn, hash: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// Hands every entry of the log to `visit`, in seq order, streaming.
pub async fn for_each(pool: &Pool, mut visit: impl FnMut(AuditEntry)) -> Result<(), StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq");
    let mut rows = sqlx::query(&sql).fetch(pool);
    while let Some(row) = rows.try_next().await? {
        visit(entry(&row)?);
    }
    Ok(())
}

/// How many entries of `action` the instansi's log holds since `since` (a stored time stamp).
pub async fn count_since(
    conn: &mut Conn,
    action: &str,
    instansi_id: i64,
    since: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND instansi_id = $2 AND at >= $3",
    )
    .bind(action)
    .bind(instansi_id)
    .bind(since)
    .fetch_one(conn)
    .await?)
}

/// The hash of the entry `seq`, if there is one.
pub async fn hash_at(pool: &Pool, seq: i64) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT hash FROM audit_log WHERE seq = $1")
            .bind(seq)
            .fetch_optional(pool)
            .await?,
    )
}

/// The head: the seq and hash of the last entry it was moved to.
pub async fn head(pool: &Pool) -> Result<(i64, String), StoreError> {
    let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
        .fetch_one(pool)
        .await?;
    Ok((head.try_get("seq")?, head.try_get("hash")?))
}

/// The names of the accounts with these user names: (user name, name).
pub async fn account_names(
    pool: &Pool,
    usernames: &[String],
) -> Result<Vec<(String, String)>, StoreError> {
    if usernames.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT username, name FROM akun WHERE username IN ({})",
        placeholders(1, usernames.len())
    );
    let mut query = sqlx::query(&sql);
    for username in usernames {
        query = query.bind(username);
    }
    query
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("username")?, row.try_get("name")?)))
        .collect()
}

/// A page of an instansi's log, newest first, before `before_seq` when given. Only for a
/// scope the guard allowed to read the log.
pub async fn page(
    scope: &InstansiScope<'_>,
    before_seq: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>, StoreError> {
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
