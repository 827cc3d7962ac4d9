//! The `sesi` table: live sessions, kept by the SHA-256 of their token (`auth::session` makes
//! the token, hashes it and sets the times).

use super::{Conn, StoreError};

/// Records a session of the account, valid until `expires_at`.
pub async fn insert(
    conn: &mut Conn,
    token_hash: &str,
    akun_id: i64,
    created_at: &str,
    expires_at: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sesi (token_hash, akun_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(akun_id)
    .bind(created_at)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the session whose token hashes to `token_hash`, and every session expired by `now`.
pub async fn delete_with_expired(
    conn: &mut Conn,
    token_hash: &str,
    now: &str,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sesi WHERE token_hash = $1 OR expires_at <= $2")
        .bind(token_hash)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes every session of the account.
pub async fn delete_all_of(conn: &mut Conn, akun_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sesi WHERE akun_id = $1")
        .bind(akun_id)
        .execute(conn)
        .await?;
    Ok(())
}
