//! Who is signed in: accounts, their grants and their sessions, as read from the database.
//! The guard resolves a request's viewer from here; writing accounts is a service
//! (`services::accounts`).

use super::session;
use crate::domain::access::{Grant, Role};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

/// An account as the rest of the application sees it (never its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub pegawai_id: Option<i64>,
    pub must_change_password: bool,
}

const ACCOUNT_COLUMNS: &str = "id, username, name, pegawai_id, \
     CASE WHEN must_change_password THEN 1 ELSE 0 END AS must_change";

fn account(row: &AnyRow) -> Result<Account, sqlx::Error> {
    Ok(Account {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        name: row.try_get("name")?,
        pegawai_id: row.try_get("pegawai_id")?,
        must_change_password: row.try_get::<i64, _>("must_change")? != 0,
    })
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

/// An active account and its password hash, for signing in.
pub async fn credentials(
    pool: &AnyPool,
    username: &str,
) -> Result<Option<(Account, String)>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS}, password_hash FROM akun WHERE username = $1 AND active"
    ))
    .bind(username)
    .fetch_optional(pool)
    .await?
    .map(|row| Ok((account(&row)?, row.try_get("password_hash")?)))
    .transpose()
}

/// An active account by id.
pub async fn load(pool: &AnyPool, akun_id: i64) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM akun WHERE id = $1 AND active"
    ))
    .bind(akun_id)
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(account)
    .transpose()
}

/// The active account a live session belongs to.
pub async fn of_session(pool: &AnyPool, token: &str) -> Result<Option<Account>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM akun WHERE active AND id = \
         (SELECT akun_id FROM sesi WHERE token_hash = $1 AND expires_at > $2)"
    ))
    .bind(session::token_hash(token))
    .bind(session::now())
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(account)
    .transpose()
}

/// The roles an account holds.
pub async fn grants<'c, E>(executor: E, akun_id: i64) -> Result<Vec<Grant>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("SELECT role, instansi_id, unit_kerja_id FROM peran WHERE akun_id = $1 ORDER BY id")
        .bind(akun_id)
        .fetch_all(executor)
        .await?
        .iter()
        .map(|row| {
            let code: String = row.try_get("role")?;
            Ok(Grant {
                role: Role::from_code(&code).ok_or_else(|| {
                    sqlx::Error::Decode(format!("peran tak dikenal: {code}").into())
                })?,
                instansi_id: row.try_get("instansi_id")?,
                unit_kerja_id: row.try_get("unit_kerja_id")?,
            })
        })
        .collect()
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
