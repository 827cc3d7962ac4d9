//! Who is signed in: accounts as the rest of the application sees them, the user name people
//! type, and the account behind a session token. The guard resolves a request's viewer from
//! here; the store reads accounts (`store::accounts`), and writing them is a service
//! (`services::accounts`).

use super::session;
use crate::domain::local_time::Zone;
use crate::store::{accounts, Pool, StoreError};
use serde::{Deserialize, Serialize};

/// An account as the rest of the application sees it (never its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub pegawai_id: Option<i64>,
    pub must_change_password: bool,
}

/// What people type to sign in: a NIP with or without its spaces and dots, or a user name in
/// any case.
pub fn normalise_username(input: &str) -> String {
    let trimmed = input.trim();
    let digits: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '.'))
        .collect();
    if digits.len() == 18 && digits.chars().all(|c| c.is_ascii_digit()) {
        digits
    } else {
        trimmed.to_lowercase()
    }
}

/// The time zone of a live session's instansi: the instansi of the account's own pegawai
/// record, else of its first grant in one. `None` for no session or no instansi (an
/// installation's administrator).
pub async fn zone_of_session(pool: &Pool, token: &str) -> Result<Option<Zone>, StoreError> {
    let province =
        accounts::province_of_session(pool, &session::token_hash(token), &session::now()).await?;
    Ok(province.as_deref().map(Zone::of_province))
}

/// The active account a live session belongs to.
pub async fn of_session(pool: &Pool, token: &str) -> Result<Option<Account>, StoreError> {
    accounts::of_session(pool, &session::token_hash(token), &session::now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nips_lose_their_separators_and_names_their_case() {
        assert_eq!(
            normalise_username(" 19900101 201501 1 001 "),
            "199001012015011001"
        );
        assert_eq!(
            normalise_username("19900101.201501.1.001"),
            "199001012015011001"
        );
        assert_eq!(normalise_username("  BKPSDM.Demo "), "bkpsdm.demo");
        // Not 18 digits: a user name, kept as typed (lower case).
        assert_eq!(normalise_username("1990 0101"), "1990 0101");
    }
}
