//! Passwords: argon2id hashes, computed on threads of their own, one per core, so that a
//! sign-in never stalls the async workers and never more run at once than the machine has
//! cores; temporary passwords for resets.
//!
//! One argon2 evaluation takes about 19 MB and a core for a moment. Unbounded, 300 parallel
//! sign-ins from 10 addresses once took the server past 4.7 GB. So this process runs one
//! evaluation per core, lets a few more wait their turn, and refuses the rest at once
//! ([`PasswordError::Busy`], answered 503 "try again"). The evaluations run on a fixed set
//! of threads rather than tokio's blocking pool: the allocator keeps a freed 19 MB block in
//! the arena of the thread that used it, so spreading evaluations over many threads would
//! keep many such blocks.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use thiserror::Error;
use tokio::sync::oneshot;

#[derive(Debug, Error)]
pub enum PasswordError {
    #[error("kata sandi tidak dapat di-hash: {0}")]
    Hash(String),
    #[error("sumber acak sistem tidak tersedia: {0}")]
    Random(String),
    #[error("terlalu banyak kata sandi sedang diperiksa")]
    Busy,
}

/// Evaluations allowed to wait, per core, beside the one running on it.
const WAITING_PER_CORE: usize = 8;

type Job = Box<dyn FnOnce() + Send>;

/// The evaluations of this process: the queue its hashing threads take work from, and how
/// many are admitted (running or waiting).
struct Hashing {
    jobs: Mutex<Sender<Job>>,
    admitted: AtomicUsize,
    capacity: usize,
}

fn hashing() -> &'static Hashing {
    static HASHING: OnceLock<Hashing> = OnceLock::new();
    HASHING
        .get_or_init(|| Hashing::new(std::thread::available_parallelism().map_or(1, usize::from)))
}

impl Hashing {
    /// `cores` hashing threads and their queue.
    fn new(cores: usize) -> Hashing {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..cores {
            let queue = Arc::clone(&queue);
            let started = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || loop {
                    // The lock is held only while waiting for the next job.
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                });
            if let Err(error) = started {
                tracing::error!(%error, "password hashing thread not started");
            }
        }
        Hashing {
            jobs: Mutex::new(jobs),
            admitted: AtomicUsize::new(0),
            capacity: cores * (1 + WAITING_PER_CORE),
        }
    }
}

/// Counts an admitted evaluation out again, however it ends.
struct Admitted(&'static AtomicUsize);

impl Drop for Admitted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Runs `work` on a hashing thread, or refuses when too many wait. A client that hangs up
/// does not end an evaluation already queued: its place is given back when it ends.
async fn bounded<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PasswordError> {
    bounded_on(hashing(), work).await
}

async fn bounded_on<T: Send + 'static>(
    pool: &'static Hashing,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PasswordError> {
    let admitted = Admitted(&pool.admitted);
    if pool.admitted.fetch_add(1, Ordering::AcqRel) >= pool.capacity {
        return Err(PasswordError::Busy);
    }
    let (done, result) = oneshot::channel();
    let job: Job = Box::new(move || {
        let result = work();
        // The place is free before anyone hears the result.
        drop(admitted);
        // Nobody may be waiting any more; the work was done all the same.
        let _ = done.send(result);
    });
    pool.jobs
        .lock()
        .map_err(|_| PasswordError::Busy)?
        .send(job)
        .map_err(|_| PasswordError::Busy)?;
    result.await.map_err(|_| PasswordError::Busy)
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
        // A pool of its own, so that the other tests' hashes are not refused meanwhile.
        let pool: &'static Hashing = Box::leak(Box::new(Hashing::new(2)));
        let attempts: Vec<_> = (0..pool.capacity * 3)
            .map(|_| {
                tokio::spawn(bounded_on(pool, || {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }))
            })
            .collect();
        let mut busy = 0;
        for attempt in attempts {
            match attempt.await.expect("task") {
                Ok(()) => {}
                Err(PasswordError::Busy) => busy += 1,
                Err(other) => panic!("{other}"),
            }
        }
        assert!(
            busy >= pool.capacity,
            "{busy} of {} refused",
            pool.capacity * 3
        );
        // Every place is given back: the next evaluation runs, not refused.
        assert!(bounded_on(pool, || 7).await.is_ok_and(|n| n == 7));
        assert_eq!(pool.admitted.load(Ordering::Acquire), 0);
    }

    #[test]
    fn temporary_passwords_are_long_and_differ() {
        let a = temporary().expect("random");
        assert_eq!(a.chars().count(), 14);
        assert_ne!(a, temporary().expect("random"));
        assert_eq!(crate::auth::policy::weakness(&a, "budi"), None);
    }
}
