//! Accounts as they travel from the server functions to the browser: who is signed in, the
//! accounts of an instansi with their roles, and a password given out once. Signing in and
//! the scope guard are `auth`; writing accounts is `services::accounts`.

use crate::api::talent_map::UnitOption;
use crate::domain::access::Role;
use serde::{Deserialize, Serialize};

/// Who is signed in, as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub username: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub home: String,
    pub must_change_password: bool,
}

/// A role an account holds in the instansi listed, and the unit it is limited to (`None`:
/// the whole instansi).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantLine {
    pub role: Role,
    pub unit: Option<String>,
}

/// An account as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountLine {
    pub username: String,
    pub name: String,
    pub nip: Option<String>,
    pub grants: Vec<GrantLine>,
    pub must_change_password: bool,
    /// The viewer may reset this account's password (not their own, nor a komite or admin
    /// account unless they are an administrator).
    pub manageable: bool,
}

/// The accounts of an instansi, as the accounts page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsData {
    pub instansi: String,
    pub slug: String,
    pub accounts: Vec<AccountLine>,
    /// The roles the viewer may give (komite and admin only by an administrator).
    pub roles_to_give: Vec<Role>,
    /// The units the viewer may limit a role to, as a tree in depth-first order.
    pub units: Vec<UnitOption>,
    /// Whether the viewer may give a role for the whole instansi (not when their own roles
    /// are limited to units).
    pub whole_instansi: bool,
}

/// A password given out once, to be changed at the first sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedPassword {
    pub username: String,
    pub password: String,
}
