//! The tables `sign_in_failure` (each key's tally of failed sign-ins) and `sign_in_known`
//! (where each account has signed in). The database holds them so that every server process
//! behind a proxy counts the same attempts.

use super::{Pool, StoreError};
use crate::domain::sign_in_limits::{Millis, Tally, WINDOW_MS};
use sqlx::Row;

/// The tally of `key`, if it has one.
pub async fn tally(pool: &Pool, key: &str) -> Result<Option<Tally>, StoreError> {
    let row =
        sqlx::query("SELECT failures, window_start, next_at FROM sign_in_failure WHERE key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await?;
    row.map(|row| {
        Ok(Tally {
            failures: u32::try_from(row.try_get::<i64, _>("failures")?)
                .map_err(|_| StoreError::corrupt("sign_in_failure.failures"))?,
            window_start: row.try_get("window_start")?,
            next_at: row.try_get("next_at")?,
        })
    })
    .transpose()
}

/// Stores `next` for `key` if its tally is still `seen` (compare and swap), and says whether
/// it did: two attempts that read the same tally cannot both be counted on it.
pub async fn swap(
    pool: &Pool,
    key: &str,
    seen: Option<Tally>,
    next: Tally,
) -> Result<bool, StoreError> {
    let stored = match seen {
        None => {
            sqlx::query(
                "INSERT INTO sign_in_failure (key, failures, window_start, next_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING",
            )
            .bind(key)
            .bind(i64::from(next.failures))
            .bind(next.window_start)
            .bind(next.next_at)
            .execute(pool)
            .await?
        }
        Some(seen) => {
            sqlx::query(
                "UPDATE sign_in_failure SET failures = $1, window_start = $2, next_at = $3 \
             WHERE key = $4 AND failures = $5 AND window_start = $6 AND next_at = $7",
            )
            .bind(i64::from(next.failures))
            .bind(next.window_start)
            .bind(next.next_at)
            .bind(key)
            .bind(i64::from(seen.failures))
            .bind(seen.window_start)
            .bind(seen.next_at)
            .execute(pool)
            .await?
        }
    };
    Ok(stored.rows_affected() == 1)
}

/// Forgets the tallies of `keys` (after a successful sign-in).
pub async fn clear(pool: &Pool, keys: &[String]) -> Result<(), StoreError> {
    for key in keys {
        sqlx::query("DELETE FROM sign_in_failure WHERE key = $1")
            .bind(key)
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// Takes back one counted attempt of `key` (a reservation that turned out a success).
pub async fn release(pool: &Pool, key: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE sign_in_failure SET failures = failures - 1 WHERE key = $1 AND failures > 0",
    )
    .bind(key)
    .execute(pool)
    .await?;
    Ok(())
}

/// How long an address stays one an account is known at without a new sign-in from it.
const KNOWN_FOR_MS: Millis = 180 * 24 * 60 * 60 * 1000;

/// Forgets tallies whose window and wait are both over, and addresses unused for half a
/// year: the tables hold only what still counts.
pub async fn sweep(pool: &Pool, now: Millis) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sign_in_failure WHERE window_start <= $1 AND next_at <= $2")
        .bind(now - WINDOW_MS)
        .bind(now)
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM sign_in_known WHERE last_success < $1")
        .bind(now - KNOWN_FOR_MS)
        .execute(pool)
        .await?;
    Ok(())
}

/// Whether `username` has signed in from `address` before.
pub async fn is_known(pool: &Pool, username: &str, address: &str) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT last_success FROM sign_in_known WHERE username = $1 AND address = $2",
    )
    .bind(username)
    .bind(address)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// Remembers that `username` signed in from `address` at `now`.
pub async fn remember(
    pool: &Pool,
    username: &str,
    address: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sign_in_known (username, address, last_success) VALUES ($1, $2, $3) \
         ON CONFLICT (username, address) DO UPDATE SET last_success = $3",
    )
    .bind(username)
    .bind(address)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}
