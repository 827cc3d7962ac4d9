//! Sign-in limits, counted in the database so that every server process behind a proxy
//! counts the same attempts. The rules are `domain::sign_in_limits`; this module reads and
//! writes each key's tally (`store::sign_in_attempts`) around them.
//!
//! An attempt is reserved, counted as a failure, before its password is checked; a success
//! clears it. So parallel attempts are counted one by one and cannot all slip under a limit,
//! and a blocked attempt costs no password check at all.

use crate::domain::sign_in_limits::{admit, minutes, Key, Millis};
use crate::store::{sign_in_attempts, Pool, StoreError};

/// Rounds of read and compare-and-swap before a contended key answers "wait a second".
const SWAP_ROUNDS: usize = 4;
/// The wait when other attempts kept winning the race for a key.
const CONTENDED_MS: Millis = 1_000;

/// Whether an attempt goes ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Go,
    /// Minutes to wait, as the person is told.
    Wait(u32),
}

fn pair_key(username: &str, address: &str) -> String {
    format!("pasangan:{username}|{address}")
}

fn address_key(address: &str) -> String {
    format!("alamat:{address}")
}

fn account_key(username: &str) -> String {
    format!("akun:{username}")
}

/// Counts an attempt by `username` from `address` at `now` under every key, or says how long
/// to wait. Keys are taken in order (pair, address, account) and the first that refuses
/// ends the reservation.
pub async fn reserve(
    pool: &Pool,
    username: &str,
    address: &str,
    now: Millis,
) -> Result<Verdict, StoreError> {
    sign_in_attempts::sweep(pool, now).await?;
    let known_address = sign_in_attempts::is_known(pool, username, address).await?;
    let keys = [
        (pair_key(username, address), Key::Pair),
        (address_key(address), Key::Address),
        (account_key(username), Key::Account { known_address }),
    ];
    for (key, kind) in &keys {
        if let Err(wait) = count(pool, key, *kind, now).await? {
            return Ok(Verdict::Wait(minutes(wait)));
        }
    }
    Ok(Verdict::Go)
}

/// Counts one attempt under one key: `Err` with the wait when the key refuses it.
async fn count(
    pool: &Pool,
    key: &str,
    kind: Key,
    now: Millis,
) -> Result<Result<(), Millis>, StoreError> {
    for _ in 0..SWAP_ROUNDS {
        let seen = sign_in_attempts::tally(pool, key).await?;
        let next = match admit(kind, seen, now) {
            Ok(next) => next,
            Err(wait) => return Ok(Err(wait)),
        };
        if sign_in_attempts::swap(pool, key, seen, next).await? {
            return Ok(Ok(()));
        }
    }
    Ok(Err(CONTENDED_MS))
}

/// After a successful sign-in: the account's and the pair's failures are forgotten, the
/// address's tally gives back the attempt reserved for this success (its other failures
/// stay: they were other accounts'), and the address becomes one the account is known at.
pub async fn succeeded(
    pool: &Pool,
    username: &str,
    address: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sign_in_attempts::clear(pool, &[pair_key(username, address), account_key(username)]).await?;
    sign_in_attempts::release(pool, &address_key(address)).await?;
    sign_in_attempts::remember(pool, username, address, now).await
}
