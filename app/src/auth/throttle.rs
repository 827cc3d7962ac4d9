//! Sign-in rate limits: failed attempts counted per account and per client address within a
//! window; past the limit, sign-in is refused (HTTP 429) until the window has passed.
//! Kept in the server process's memory: each process limits what reaches it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Failed attempts allowed per account within [`WINDOW`].
pub const PER_ACCOUNT: u32 = 5;
/// Failed attempts allowed per client address within [`WINDOW`] (an office shares one).
pub const PER_ADDRESS: u32 = 30;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Beyond this many tracked keys, expired ones are swept on the next failure.
const SWEEP_ABOVE: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    since: Instant,
}

#[derive(Debug, Clone, Default)]
pub struct Throttle {
    failures: Arc<Mutex<HashMap<String, Failures>>>,
}

fn keys(account: &str, address: &str) -> [(String, u32); 2] {
    [
        (format!("akun:{account}"), PER_ACCOUNT),
        (format!("alamat:{address}"), PER_ADDRESS),
    ]
}

impl Throttle {
    /// `Some(minutes)` to wait when either limit is reached, `None` to go ahead.
    pub fn blocked(&self, account: &str, address: &str, now: Instant) -> Option<u32> {
        let failures = self.failures.lock().ok()?;
        keys(account, address)
            .iter()
            .filter_map(|(key, limit)| {
                let f = failures.get(key)?;
                let left = WINDOW
                    .checked_sub(now.duration_since(f.since))
                    .filter(|left| !left.is_zero())?;
                let minutes = u32::try_from(left.as_secs().div_ceil(60)).unwrap_or(u32::MAX);
                (f.count >= *limit).then_some(minutes.max(1))
            })
            .max()
    }

    pub fn fail(&self, account: &str, address: &str, now: Instant) {
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        if failures.len() > SWEEP_ABOVE {
            failures.retain(|_, f| now.duration_since(f.since) < WINDOW);
        }
        for (key, _) in keys(account, address) {
            let entry = failures.entry(key).or_insert(Failures {
                count: 0,
                since: now,
            });
            if now.duration_since(entry.since) >= WINDOW {
                *entry = Failures {
                    count: 0,
                    since: now,
                };
            }
            entry.count += 1;
        }
    }

    /// A successful sign-in clears the account's count (not the address's).
    pub fn succeed(&self, account: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(&format!("akun:{account}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_blocked_after_five_failures_until_the_window_passes() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..PER_ACCOUNT {
            assert_eq!(throttle.blocked("budi", "10.0.0.1", t0), None);
            throttle.fail("budi", "10.0.0.1", t0);
        }
        assert_eq!(throttle.blocked("budi", "10.0.0.1", t0), Some(15));
        // From another address too: the limit protects the account.
        assert_eq!(throttle.blocked("budi", "10.0.0.2", t0), Some(15));
        assert_eq!(throttle.blocked("siti", "10.0.0.2", t0), None);
        assert_eq!(
            throttle.blocked("budi", "10.0.0.1", t0 + Duration::from_secs(14 * 60)),
            Some(1)
        );
        assert_eq!(throttle.blocked("budi", "10.0.0.1", t0 + WINDOW), None);
    }

    #[test]
    fn an_address_is_blocked_after_many_failures_across_accounts() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for n in 0..PER_ADDRESS {
            throttle.fail(&format!("user{n}"), "10.0.0.9", t0);
        }
        assert!(throttle.blocked("baru", "10.0.0.9", t0).is_some());
        assert_eq!(throttle.blocked("baru", "10.0.0.8", t0), None);
    }

    #[test]
    fn success_clears_the_account_and_an_old_window_starts_over() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..PER_ACCOUNT - 1 {
            throttle.fail("budi", "10.0.0.1", t0);
        }
        throttle.succeed("budi");
        throttle.fail("budi", "10.0.0.1", t0);
        assert_eq!(throttle.blocked("budi", "10.0.0.1", t0), None);
        for _ in 0..PER_ACCOUNT {
            throttle.fail("siti", "10.0.0.1", t0);
        }
        let later = t0 + WINDOW;
        throttle.fail("siti", "10.0.0.1", later);
        assert_eq!(throttle.blocked("siti", "10.0.0.1", later), None);
    }
}
