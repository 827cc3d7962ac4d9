//! Passwords: argon2id hashes, computed on tokio's blocking threads so that a sign-in never
//! stalls the async workers, and never more at once than the machine has cores; temporary
//! passwords for resets.
//!
//! One argon2 evaluation takes about 19 MB and a core for a moment. Unbounded, 300 parallel
//! sign-ins from 10 addresses once took the server past 4.7 GB. So this process runs one
//! evaluation per core, lets a few more wait their turn, and refuses the rest at once
//! ([`PasswordError::Busy`], answered 503 "try again"): memory stays near
//! cores x 19 MB however many attempts arrive.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;
use thiserror::Error;
use tokio::sync::Semaphore;

#[derive(Debug, Error)]
pub enum PasswordError {
    #[error("kata sandi tidak dapat di-hash: {0}")]
    Hash(String),
    #[error("pekerjaan hash terhenti: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("sumber acak sistem tidak tersedia: {0}")]
    Random(String),
    #[error("terlalu banyak kata sandi sedang diperiksa")]
    Busy,
}

/// Evaluations allowed to wait, per core, beside the one running on it.
const WAITING_PER_CORE: usize = 8;

/// The evaluations of this process: running (one per core) and admitted (running or waiting).
struct Hashing {
    running: Semaphore,
    admitted: AtomicUsize,
    capacity: usize,
}

fn hashing() -> &'static Hashing {
    static HASHING: OnceLock<Hashing> = OnceLock::new();
    HASHING.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Hashing {
            running: Semaphore::new(cores),
            admitted: AtomicUsize::new(0),
            capacity: cores * (1 + WAITING_PER_CORE),
        }
    })
}

/// Counts an admitted evaluation out again, however it ends.
struct Admitted(&'static AtomicUsize);

impl Drop for Admitted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Runs `work` on a blocking thread when a core is free, or refuses when too many wait.
async fn bounded<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PasswordError> {
    let pool = hashing();
    let admitted = Admitted(&pool.admitted);
    if pool.admitted.fetch_add(1, Ordering::AcqRel) >= pool.capacity {
        return Err(PasswordError::Busy);
    }
    let running = pool
        .running
        .acquire()
        .await
        .map_err(|_| PasswordError::Busy)?;
    // The place and the core go with the work: a client that hangs up does not end an
    // evaluation already running, so they are given back when it ends, not when it is
    // no longer awaited.
    Ok(tokio::task::spawn_blocking(move || {
        let result = work();
        drop((running, admitted));
        result
    })
    .await?)
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N], PasswordError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| PasswordError::Random(e.to_string()))?;
    Ok(bytes)
}

fn hash_now(password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|e| PasswordError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| PasswordError::Hash(e.to_string()))
}

/// The argon2id hash (PHC string) of `password`.
pub async fn hash(password: String) -> Result<String, PasswordError> {
    bounded(move || hash_now(&password)).await?
}

/// A hash no password matches, verified against when the account does not exist, so that
/// an unknown user takes as long as a wrong password.
fn decoy() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        random_bytes::<24>()
            .ok()
            .and_then(|bytes| hash_now(&format!("{bytes:?}")).ok())
            .unwrap_or_default()
    })
}

/// Whether `password` matches `stored`; with no stored hash, spends the same time and fails.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, PasswordError> {
    bounded(move || {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| decoy().to_owned());
        let matches = PasswordHash::new(&phc)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && matches
    })
    .await
}

/// A temporary password for a reset: 14 characters from an alphabet without look-alikes.
pub fn temporary() -> Result<String, PasswordError> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY345679";
    Ok(random_bytes::<14>()?
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("kopi-susu-balikpapan".to_owned()).await.expect("hash");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("kopi-susu-balikpapan".into(), Some(stored.clone()))
            .await
            .expect("verify"));
        assert!(!verify("kopi-susu-balikpapaN".into(), Some(stored.clone()))
            .await
            .expect("verify"));
        // The same password twice gives two salts.
        assert_ne!(
            stored,
            hash("kopi-susu-balikpapan".to_owned()).await.expect("hash")
        );
    }

    #[tokio::test]
    async fn an_unknown_account_or_broken_hash_never_verifies() {
        assert!(!verify(String::new(), None).await.expect("verify"));
        assert!(!verify("apa saja".into(), Some("bukan-phc".into()))
            .await
            .expect("verify"));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn parallel_evaluations_past_the_queue_are_refused_not_run() {
        let capacity = hashing().capacity;
        let attempts: Vec<_> = (0..capacity * 3)
            .map(|_| tokio::spawn(verify("salah".into(), None)))
            .collect();
        let mut busy = 0;
        for attempt in attempts {
            match attempt.await.expect("task") {
                Ok(matched) => assert!(!matched),
                Err(PasswordError::Busy) => busy += 1,
                Err(other) => panic!("{other}"),
            }
        }
        assert!(busy >= capacity, "{busy} of {} refused", capacity * 3);
        // Every place is given back: the next attempt is checked, not refused.
        assert!(!verify("salah".into(), None).await.expect("admitted again"));
    }

    #[test]
    fn temporary_passwords_are_long_and_differ() {
        let a = temporary().expect("random");
        assert_eq!(a.chars().count(), 14);
        assert_ne!(a, temporary().expect("random"));
        assert_eq!(crate::auth::policy::weakness(&a, "budi"), None);
    }
}
