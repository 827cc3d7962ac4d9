//! How often someone may try a password, decided per key from that key's tally of failures.
//! The tallies live in the database, so every server process counts the same attempts.
//!
//! Three keys count each attempt, each against a different attacker:
//! - **account and address**: 5 failures in 15 minutes, then that address waits out the
//!   window for that account. Someone guessing from one place is stopped quickly, and the
//!   account's owner elsewhere is not locked out by them.
//! - **address**: 30 failures in 15 minutes across accounts (an office shares one address),
//!   then the address waits: one place spraying many accounts.
//! - **account**: guesses from many addresses. The first 10 failures in the window are free;
//!   after that each attempt must wait twice as long as the one before, up to a minute, so a
//!   botnet gets about 20 more guesses per window, not thousands. An address the account has
//!   signed in from before is spared this wait (but not the per-address limits): the owner at
//!   the office or at home is never held up by strangers, which is what made the old scheme
//!   (5 failures locked the account everywhere) a way to lock the Sekda out on purpose.
//!
//! An attempt is counted before its password is checked, so parallel attempts cannot all
//! slip under a limit; a success clears the account's and the pair's tallies.

/// Times are milliseconds since the Unix epoch.
pub type Millis = i64;

pub const WINDOW_MS: Millis = 15 * 60 * 1000;
/// Failures allowed per account and address within the window.
pub const PER_PAIR: u32 = 5;
/// Failures allowed per address, across accounts, within the window.
pub const PER_ADDRESS: u32 = 30;
/// Failures per account, from anywhere, before attempts must be spaced out.
pub const ACCOUNT_FREE: u32 = 10;
/// The longest spacing between attempts on one account.
pub const MAX_SPACING_MS: Millis = 60 * 1000;

/// What a tally counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Pair,
    Address,
    Account {
        /// The account has signed in from this address before.
        known_address: bool,
    },
}

/// One key's failures in its current window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub failures: u32,
    pub window_start: Millis,
    /// No attempt before this moment (the account's spacing).
    pub next_at: Millis,
}

/// Whether an attempt at `now` may go ahead under `key`, given its stored tally: the tally to
/// store if it goes, or how long to wait.
pub fn admit(key: Key, stored: Option<Tally>, now: Millis) -> Result<Tally, Millis> {
    let tally = stored
        .filter(|t| now - t.window_start < WINDOW_MS)
        .unwrap_or(Tally {
            failures: 0,
            window_start: now,
            next_at: now,
        });
    let window_left = tally.window_start + WINDOW_MS - now;
    let failures = tally.failures.saturating_add(1);
    match key {
        Key::Pair if tally.failures >= PER_PAIR => Err(window_left),
        Key::Address if tally.failures >= PER_ADDRESS => Err(window_left),
        Key::Pair
        | Key::Address
        | Key::Account {
            known_address: true,
        } => Ok(Tally { failures, ..tally }),
        Key::Account {
            known_address: false,
        } if now < tally.next_at => Err(tally.next_at - now),
        Key::Account {
            known_address: false,
        } => Ok(Tally {
            failures,
            next_at: now + spacing(failures),
            ..tally
        }),
    }
}

/// The wait after the `failures`-th failure on an account: none up to [`ACCOUNT_FREE`], then
/// one second, doubling, up to [`MAX_SPACING_MS`].
fn spacing(failures: u32) -> Millis {
    match failures.checked_sub(ACCOUNT_FREE + 1) {
        None => 0,
        Some(doublings) => 1000i64
            .checked_shl(doublings.min(16))
            .unwrap_or(MAX_SPACING_MS)
            .min(MAX_SPACING_MS),
    }
}

/// A wait in whole minutes, as a person is told it (at least one).
pub fn minutes(wait: Millis) -> u32 {
    u32::try_from((wait.max(1) + 59_999) / 60_000).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Millis = 1_800_000_000_000;

    fn run(key: Key, attempts: u32, now: Millis) -> (Option<Tally>, Vec<Result<Tally, Millis>>) {
        let mut stored = None;
        let mut outcomes = Vec::new();
        for _ in 0..attempts {
            let outcome = admit(key, stored, now);
            if let Ok(tally) = outcome {
                stored = Some(tally);
            }
            outcomes.push(outcome);
        }
        (stored, outcomes)
    }

    #[test]
    fn a_pair_gets_five_attempts_then_waits_out_the_window() {
        let (stored, outcomes) = run(Key::Pair, 8, T0);
        assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 5);
        assert_eq!(outcomes[5], Err(WINDOW_MS));
        assert_eq!(minutes(WINDOW_MS), 15);
        // A minute before the window ends, one minute is left; at its end, a new window.
        assert_eq!(
            admit(Key::Pair, stored, T0 + WINDOW_MS - 60_000),
            Err(60_000)
        );
        let fresh = admit(Key::Pair, stored, T0 + WINDOW_MS).expect("a new window");
        assert_eq!((fresh.failures, fresh.window_start), (1, T0 + WINDOW_MS));
    }

    #[test]
    fn an_address_gets_thirty_attempts() {
        let (_, outcomes) = run(Key::Address, 40, T0);
        assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 30);
    }

    #[test]
    fn an_account_is_spaced_out_after_ten_failures_from_strangers_only() {
        let stranger = Key::Account {
            known_address: false,
        };
        let (stored, outcomes) = run(stranger, 10, T0);
        assert!(outcomes.iter().all(Result::is_ok));
        let tally = stored.expect("tally");
        // The eleventh goes ahead and makes the next wait a second, then two, four, ...
        let eleventh = admit(stranger, Some(tally), T0).expect("eleventh");
        assert_eq!(eleventh.next_at, T0 + 1_000);
        assert_eq!(admit(stranger, Some(eleventh), T0 + 400), Err(600));
        let twelfth = admit(stranger, Some(eleventh), T0 + 1_000).expect("twelfth");
        assert_eq!(twelfth.next_at, T0 + 3_000);
        // The owner at a known address is never held up.
        let owner = Key::Account {
            known_address: true,
        };
        assert!(admit(owner, Some(twelfth), T0 + 1_001).is_ok());
    }

    #[test]
    fn spacing_doubles_up_to_a_minute() {
        assert_eq!(spacing(ACCOUNT_FREE), 0);
        assert_eq!(spacing(ACCOUNT_FREE + 1), 1_000);
        assert_eq!(spacing(ACCOUNT_FREE + 2), 2_000);
        assert_eq!(spacing(ACCOUNT_FREE + 6), 32_000);
        assert_eq!(spacing(ACCOUNT_FREE + 7), MAX_SPACING_MS);
        assert_eq!(spacing(u32::MAX), MAX_SPACING_MS);
    }

    #[test]
    fn a_botnet_gets_few_guesses_per_window() {
        // Attempts from strangers as fast as they are allowed, over one window.
        let stranger = Key::Account {
            known_address: false,
        };
        let mut stored = None;
        let mut now = T0;
        let mut admitted = 0;
        while now < T0 + WINDOW_MS {
            match admit(stranger, stored, now) {
                Ok(tally) => {
                    stored = Some(tally);
                    admitted += 1;
                }
                Err(wait) => now += wait,
            }
        }
        assert!((20..=30).contains(&admitted), "{admitted} guesses");
    }
}
