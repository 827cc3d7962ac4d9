//! Sign-in limits, counted in the database so that every server process behind a proxy
//! counts the same attempts. The rules are `domain::sign_in_limits`; this module reads and
//! writes each key's tally (`store::sign_in_attempts`) around them.
//!
//! An attempt is reserved, counted as a failure, before its password is checked; a success
//! clears it. So parallel attempts are counted one by one and cannot all slip under a limit,
//! and a blocked attempt costs no password check at all.

use crate::domain::sign_in_limits::{admit, minutes, Key, Millis};
use crate::store::{sign_in_attempts, Pool, StoreError};

/// Rounds of read and compare-and-swap before contended keys answer "wait a second".
const SWAP_ROUNDS: usize = 4;
/// The longest user name counted: anything longer is no account, and would only make the
/// tallies' keys long.
pub const MAX_USERNAME_CHARS: usize = 64;
/// The wait when other attempts kept winning the race for a key.
const CONTENDED_MS: Millis = 1_000;

/// Whether an attempt goes ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Go,
    /// Minutes to wait, as the person is told.
    Wait(u32),
}

/// The client as the limits count it. An IPv6 client is its /64: one home or phone gets a
/// whole /64 to pick addresses from, so a full address would give a guesser unlimited keys.
fn client(address: &str) -> String {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        _ => address.to_owned(),
    }
}

fn pair_key(username: &str, address: &str) -> String {
    format!("pasangan:{username}|{}", client(address))
}

fn address_key(address: &str) -> String {
    format!("alamat:{}", client(address))
}

fn account_key(username: &str) -> String {
    format!("akun:{username}")
}

/// Counts an attempt by `username` from `address` at `now` under every key (pair, address,
/// account), or says how long to wait: every key is read first, and the attempt counts
/// under all of them only when all allow it.
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
    // Every key must allow the attempt before any counts it: an attempt one key refuses
    // (the account slowed down by strangers) must not use up the owner's other allowances.
    'round: for _ in 0..SWAP_ROUNDS {
        let mut planned = Vec::with_capacity(keys.len());
        for (key, kind) in &keys {
            let seen = sign_in_attempts::tally(pool, key).await?;
            match admit(*kind, seen, now) {
                Ok(next) => planned.push((key, seen, next)),
                Err(wait) => return Ok(Verdict::Wait(minutes(wait))),
            }
        }
        for (n, (key, seen, next)) in planned.iter().enumerate() {
            if !sign_in_attempts::swap(pool, key, *seen, *next).await? {
                // Another attempt counted meanwhile: take back what this round counted,
                // so that no attempt is counted twice, and read again.
                for (counted, _, _) in &planned[..n] {
                    sign_in_attempts::release(pool, counted).await?;
                }
                continue 'round;
            }
        }
        return Ok(Verdict::Go);
    }
    Ok(Verdict::Wait(minutes(CONTENDED_MS)))
}

/// Takes back an attempt that was counted but never checked (the server was too busy to
/// check the password): it was nobody's failure.
pub async fn not_checked(pool: &Pool, username: &str, address: &str) -> Result<(), StoreError> {
    for key in [
        pair_key(username, address),
        address_key(address),
        account_key(username),
    ] {
        sign_in_attempts::release(pool, &key).await?;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::{address_key, pair_key};

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_and_an_ipv4_client_by_its_address() {
        assert_eq!(
            address_key("2001:db8:1:2:aaaa::1"),
            address_key("2001:db8:1:2:ffff:1:2:3")
        );
        assert_eq!(
            pair_key("budi", "2001:db8:1:2:aaaa::1"),
            pair_key("budi", "2001:db8:1:2::9")
        );
        assert_ne!(
            address_key("2001:db8:1:2::1"),
            address_key("2001:db8:1:3::1")
        );
        assert_eq!(address_key("10.0.0.1"), "alamat:10.0.0.1");
        assert_eq!(address_key("tidak-diketahui"), "alamat:tidak-diketahui");
    }
}
