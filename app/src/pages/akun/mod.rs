//! `/akun`: accounts and roles of an instansi, for BKPSDM and administrators: create an
//! account (its temporary password is shown once), give a role, reset a password.

mod page;

pub use page::AccountsPage;

use crate::api::accounts::{AccountLine, AccountsData, GrantLine, IssuedPassword};
use crate::domain::access::Role;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "akun/daftar")]
pub async fn list_accounts(instansi: Option<String>) -> Result<AccountsData, AppError> {
    use crate::auth::request::in_instansi;
    use crate::domain::access::Action;
    in_instansi(Action::ManageAccounts, instansi, async |scope| {
        let accounts = crate::store::accounts::in_instansi(scope).await?;
        // Each account's roles in this instansi, one line per grant (a role may be held for
        // two units).
        let mut grants: std::collections::HashMap<String, Vec<GrantLine>> =
            std::collections::HashMap::new();
        for grant in crate::store::accounts::grants_in_instansi(scope).await? {
            grants.entry(grant.username).or_default().push(GrantLine {
                role: grant.role,
                unit: grant.unit,
            });
        }
        Ok(AccountsData {
            instansi: scope.name().to_owned(),
            slug: scope.slug().to_owned(),
            accounts: accounts
                .into_iter()
                .map(|a| AccountLine {
                    manageable: scope.may_manage_account(&a.username, &a.roles),
                    grants: grants.remove(&a.username).unwrap_or_default(),
                    username: a.username,
                    name: a.name,
                    nip: a.nip,
                    must_change_password: a.must_change_password,
                })
                .collect(),
            roles_to_give: Role::ALL
                .into_iter()
                .filter(|role| *role != Role::Admin && scope.may_give_role(*role))
                .collect(),
            units: crate::services::talent_map::units_in_remit(scope).await?,
            whole_instansi: scope.units().is_none(),
        })
    })
    .await
}

#[cfg(feature = "ssr")]
fn parse_role(code: &str) -> Result<Role, AppError> {
    Role::from_code(code).ok_or_else(|| {
        AppError::bad_request(
            format!("peran \"{code}\" tidak dikenal."),
            format!("unknown role \"{code}\"."),
        )
    })
}

/// Creates an account for a pegawai (by NIP) or for staff (user name and name) with one
/// role, and returns its temporary password.
#[server(endpoint = "akun/buat")]
pub async fn create_account(
    instansi: Option<String>,
    nip: Option<String>,
    nama_pengguna: Option<String>,
    nama: Option<String>,
    peran: String,
    unit: Option<String>,
) -> Result<IssuedPassword, AppError> {
    use crate::auth::identity::normalise_username;
    use crate::auth::request::as_viewer;
    use crate::domain::access::Action;
    as_viewer(async |viewer| {
        let scope = viewer
            .instansi(Action::ManageAccounts, instansi.as_deref())
            .await?;
        let nip = nip.filter(|n| !n.trim().is_empty());
        if let Some(nip) = &nip {
            viewer
                .person(Action::ManageAccounts, &normalise_username(nip))
                .await?;
        }
        let grant = viewer
            .grant_in(&scope, parse_role(&peran)?, unit.as_deref())
            .await?;
        let (account, password) = crate::services::accounts::issue(
            &scope,
            nip.as_deref(),
            nama_pengguna.as_deref(),
            nama.as_deref(),
            grant,
        )
        .await?;
        Ok(IssuedPassword {
            username: account.username,
            password,
        })
    })
    .await
}

/// Gives an account one more role in the instansi.
#[server(endpoint = "akun/peran")]
pub async fn grant_role(
    instansi: Option<String>,
    nama_pengguna: String,
    peran: String,
    unit: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::request::as_viewer;
    use crate::domain::access::Action;
    as_viewer(async |viewer| {
        let scope = viewer
            .instansi(Action::ManageAccounts, instansi.as_deref())
            .await?;
        let target = viewer.account_to_manage(&nama_pengguna).await?;
        let grant = viewer
            .grant_in(&scope, parse_role(&peran)?, unit.as_deref())
            .await?;
        crate::services::accounts::grant(&target, &grant).await?;
        Ok(())
    })
    .await
}

/// Sets a temporary password that must be changed at the next sign-in.
#[server(endpoint = "akun/setel-ulang-sandi")]
pub async fn reset_password(nama_pengguna: String) -> Result<IssuedPassword, AppError> {
    crate::auth::request::as_viewer(async |viewer| {
        let target = viewer.account_to_manage(&nama_pengguna).await?;
        let password = crate::services::accounts::reset_password(&target).await?;
        Ok(IssuedPassword {
            username: target.account().username.clone(),
            password,
        })
    })
    .await
}
