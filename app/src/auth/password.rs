//! Passwords: argon2id hashes, computed on tokio's blocking threads so that a sign-in never
//! stalls the async workers; temporary passwords for resets.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::OnceLock;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum PasswordError {
    #[error("kata sandi tidak dapat di-hash: {0}")]
    Hash(String),
    #[error("pekerjaan hash terhenti: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("sumber acak sistem tidak tersedia: {0}")]
    Random(String),
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
    tokio::task::spawn_blocking(move || hash_now(&password)).await?
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
    tokio::task::spawn_blocking(move || {
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
    .map_err(PasswordError::from)
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

    #[test]
    fn temporary_passwords_are_long_and_differ() {
        let a = temporary().expect("random");
        assert_eq!(a.chars().count(), 14);
        assert_ne!(a, temporary().expect("random"));
        assert_eq!(crate::auth::policy::weakness(&a, "budi"), None);
    }
}
