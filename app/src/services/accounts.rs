//! Accounts and their roles: creation, role grants, passwords. Every write goes through the
//! audit log in the same transaction.

use crate::auth::guard::{AccountScope, InstansiScope, Viewer};
use crate::auth::identity::{normalise_username, Account};
use crate::auth::password::{self, PasswordError};
use crate::auth::policy::{self, Weakness};
use crate::auth::session::{self, SessionError};
use crate::domain::access::Grant;
use crate::domain::nip::Nip;
use crate::error::AppError;
use crate::i18n::{refusals, Lang};
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::store::{self, accounts, sessions, Conn, StoreError};
use serde_json::json;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AccountError {
    #[error("nama pengguna \"{0}\" sudah dipakai")]
    UsernameTaken(String),
    #[error("pegawai dengan NIP {0} tidak ditemukan")]
    UnknownPegawai(String),
    #[error("pegawai dengan NIP {0} sudah memiliki akun")]
    PegawaiHasAccount(String),
    #[error("akun \"{0}\" tidak ditemukan")]
    UnknownAccount(String),
    #[error("nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah atau tanda hubung (3-40 karakter)")]
    InvalidUsername,
    #[error("nama wajib diisi")]
    MissingName,
    #[error("{0}")]
    Weak(Weakness),
    #[error("kata sandi lama salah")]
    WrongPassword,
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::Password(_) | AccountError::Session(_) => {
                tracing::error!(%error, "account service failed");
                AppError::Internal
            }
            AccountError::Database(error) => error.into(),
            AccountError::UnknownAccount(_) => AppError::NotFound,
            refused => {
                AppError::bad_request(format!("{refused}."), format!("{}.", refused.english()))
            }
        }
    }
}

impl AccountError {
    /// The error in English; its `Display` is the Indonesian.
    fn english(&self) -> String {
        match self {
            AccountError::UsernameTaken(name) => format!("the user name \"{name}\" is taken"),
            AccountError::UnknownPegawai(nip) => format!("no employee has the NIP {nip}"),
            AccountError::PegawaiHasAccount(nip) => {
                format!("the employee with NIP {nip} already has an account")
            }
            AccountError::UnknownAccount(name) => format!("no account \"{name}\""),
            AccountError::InvalidUsername => "a user name has only lower-case letters, digits, dots, underscores or hyphens (3-40 characters)".to_owned(),
            AccountError::MissingName => "the name is required".to_owned(),
            AccountError::Weak(weakness) => refusals::weakness(*weakness, Lang::En),
            AccountError::WrongPassword => "the old password is wrong".to_owned(),
            AccountError::Password(_) | AccountError::Session(_) | AccountError::Database(_) => {
                "a server error".to_owned()
            }
        }
    }
}

fn valid_staff_username(username: &str) -> bool {
    (3..=40).contains(&username.len())
        && username
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// A new account: for a pegawai (signing in with their NIP, named after them) or for staff
/// without a NIP (a user name and a name).
#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    pub nip: Option<&'a str>,
    pub username: Option<&'a str>,
    pub name: Option<&'a str>,
    pub password: &'a str,
    /// A password someone else chose must be changed at the first sign-in.
    pub must_change_password: bool,
    pub grants: Vec<Grant>,
}

fn grant_json(grants: &[Grant]) -> serde_json::Value {
    json!(grants
        .iter()
        .map(|g| json!({"peran": g.role.code(), "instansi_id": g.instansi_id, "unit_kerja_id": g.unit_kerja_id}))
        .collect::<Vec<_>>())
}

/// Creates the account and its grants, with an audit entry, in the caller's transaction.
pub async fn create(
    conn: &mut Conn,
    actor: &str,
    new: NewAccount<'_>,
) -> Result<Account, AccountError> {
    let (username, name, pegawai_id, instansi_id) = match new.nip {
        Some(nip) => {
            let nip = Nip::parse(nip)
                .map_err(|_| AccountError::UnknownPegawai(nip.to_owned()))?
                .to_string();
            let holder = accounts::holder_by_nip(&mut *conn, &nip)
                .await?
                .ok_or_else(|| AccountError::UnknownPegawai(nip.clone()))?;
            let taken = accounts::id_by_pegawai(&mut *conn, holder.id).await?;
            if taken.is_some() {
                return Err(AccountError::PegawaiHasAccount(nip));
            }
            (nip, holder.name, Some(holder.id), Some(holder.instansi_id))
        }
        None => {
            let username = normalise_username(new.username.unwrap_or_default());
            if !valid_staff_username(&username) {
                return Err(AccountError::InvalidUsername);
            }
            let name = new.name.map(str::trim).filter(|n| !n.is_empty());
            let name = name.ok_or(AccountError::MissingName)?.to_owned();
            let instansi_id = new.grants.iter().find_map(|g| g.instansi_id);
            (username, name, None, instansi_id)
        }
    };
    if let Some(reason) = policy::weakness(new.password, &username) {
        return Err(AccountError::Weak(reason));
    }
    let taken = accounts::id_by_username(&mut *conn, &username).await?;
    if taken.is_some() {
        return Err(AccountError::UsernameTaken(username));
    }
    let hash = password::hash(new.password.to_owned()).await?;
    let id = accounts::insert(
        &mut *conn,
        &username,
        &name,
        pegawai_id,
        &hash,
        new.must_change_password,
        &clock::now_utc(),
    )
    .await?;
    for grant in &new.grants {
        accounts::insert_grant(&mut *conn, id, grant).await?;
    }
    audit::record(
        conn,
        Change {
            actor,
            instansi_id,
            action: "akun.buat",
            entity: "akun",
            entity_id: Some(username.clone()),
            before: None,
            after: Some(json!({
                "nama_pengguna": username,
                "nama": name,
                "pegawai_id": pegawai_id,
                "peran": grant_json(&new.grants),
            })),
            reason: None,
        },
    )
    .await?;
    Ok(Account {
        id,
        username,
        name,
        pegawai_id,
        must_change_password: new.must_change_password,
    })
}

/// Gives an existing account one more role, unless it already holds exactly that grant.
pub async fn add_grant(
    conn: &mut Conn,
    actor: &str,
    target: &Account,
    grant: &Grant,
) -> Result<bool, AccountError> {
    let held = accounts::grants(&mut *conn, target.id).await?;
    if held.contains(grant) {
        return Ok(false);
    }
    accounts::insert_grant(&mut *conn, target.id, grant).await?;
    audit::record(
        conn,
        Change {
            actor,
            instansi_id: grant.instansi_id,
            action: "akun.peran",
            entity: "akun",
            entity_id: Some(target.username.clone()),
            before: Some(grant_json(&held)),
            after: Some(grant_json(
                &[held.as_slice(), std::slice::from_ref(grant)].concat(),
            )),
            reason: None,
        },
    )
    .await?;
    Ok(true)
}

/// Creates an account in the viewer's `scope` with one `grant` and a temporary password,
/// to be changed at the first sign-in; returns the account and that password. `nip` names
/// a pegawai; without it, `username` and `name` make a staff account.
pub async fn issue(
    scope: &InstansiScope<'_>,
    nip: Option<&str>,
    username: Option<&str>,
    name: Option<&str>,
    grant: Grant,
) -> Result<(Account, String), AccountError> {
    let temporary = password::temporary()?;
    let mut tx = store::begin(scope.pool()).await?;
    let account = create(
        &mut tx,
        &scope.actor(),
        NewAccount {
            nip,
            username,
            name,
            password: &temporary,
            must_change_password: true,
            grants: vec![grant],
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok((account, temporary))
}

/// Gives the managed account one more role, in one transaction with its audit entry.
pub async fn grant(scope: &AccountScope<'_>, grant: &Grant) -> Result<bool, AccountError> {
    let mut tx = store::begin(scope.viewer().pool()).await?;
    let added = add_grant(&mut tx, &scope.viewer().actor(), scope.account(), grant).await?;
    store::commit(tx).await?;
    Ok(added)
}

/// Sets a new password and ends the account's sessions. A reset by someone else sets
/// `must_change`; the owner's own change clears it.
pub async fn set_password(
    conn: &mut Conn,
    actor: &str,
    target: &Account,
    instansi_id: Option<i64>,
    new_password: &str,
    must_change: bool,
) -> Result<(), AccountError> {
    if let Some(reason) = policy::weakness(new_password, &target.username) {
        return Err(AccountError::Weak(reason));
    }
    let hash = password::hash(new_password.to_owned()).await?;
    accounts::set_password_hash(&mut *conn, target.id, &hash, must_change).await?;
    sessions::delete_all_of(&mut *conn, target.id).await?;
    audit::record(
        conn,
        Change {
            actor,
            instansi_id,
            action: if must_change {
                "akun.setel_ulang_sandi"
            } else {
                "akun.ganti_sandi"
            },
            entity: "akun",
            entity_id: Some(target.username.clone()),
            // Never the hashes: the log records that the password changed, not to what.
            before: None,
            after: Some(json!({"wajib_ganti_sandi": must_change})),
            reason: None,
        },
    )
    .await?;
    Ok(())
}

/// The signed-in person changes their own password: the old one must match. Every session of
/// the account ends; the new session's token is returned for this browser.
pub async fn change_own_password(
    viewer: &Viewer,
    old_password: String,
    new_password: &str,
) -> Result<String, AccountError> {
    let pool = viewer.pool();
    let account = viewer.account();
    let (_, hash) = accounts::credentials(pool, &account.username)
        .await?
        .ok_or_else(|| AccountError::UnknownAccount(account.username.clone()))?;
    if !password::verify(old_password, Some(hash)).await? {
        return Err(AccountError::WrongPassword);
    }
    let instansi_id = viewer.principal().instansi_id();
    let mut tx = store::begin(pool).await?;
    set_password(
        &mut tx,
        &viewer.actor(),
        account,
        instansi_id,
        new_password,
        false,
    )
    .await?;
    let token = session::create(&mut tx, account.id).await?;
    store::commit(tx).await?;
    Ok(token)
}

/// A new temporary password for the account, which must be changed at its next sign-in;
/// every session of the account ends.
pub async fn reset_password(scope: &AccountScope<'_>) -> Result<String, AccountError> {
    let viewer = scope.viewer();
    let temporary = password::temporary()?;
    let instansi_id = viewer.principal().instansi_id();
    let mut tx = store::begin(viewer.pool()).await?;
    set_password(
        &mut tx,
        &viewer.actor(),
        scope.account(),
        instansi_id,
        &temporary,
        true,
    )
    .await?;
    store::commit(tx).await?;
    Ok(temporary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_usernames_are_plain() {
        assert!(valid_staff_username("bkpsdm.demo"));
        assert!(valid_staff_username("komite_2025"));
        assert!(!valid_staff_username("ab"));
        assert!(!valid_staff_username("nama dengan spasi"));
        assert!(!valid_staff_username("Huruf"));
    }
}
