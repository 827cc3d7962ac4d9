//! The scope guard: the only way a server function reaches private data.
//!
//! The request context holds a [`Gate`], never a bare pool. `Gate::public` serves the public
//! tables; everything personal needs a [`Viewer`] (a live session), and from it a scope token
//! ([`PersonScope`], [`InstansiScope`], [`TeamScope`]) that only this module can make, after
//! [`permits`] allowed the action on the resolved subject. Services that read personal data
//! take those tokens, so a query path without the check does not compile. Writing the public
//! merit-index results takes one too ([`PublisherScope`]).

use super::identity::{self, Account};
use super::session;
use crate::domain::access::{
    may_assign, permits, unit_roots_in, Action, Grant, Principal, Role, Subject,
};
use crate::domain::duties::{self, Conflict, Decision};
use crate::domain::local_time::Zone;
use crate::error::AppError;
use crate::store::sql::AnyQuery;
use crate::store::{accounts, units, Pool};
use leptos::prelude::use_context;

/// What the server puts in every request's context.
#[derive(Clone)]
pub struct Gate {
    pool: Pool,
    trust_proxy: bool,
}

impl Gate {
    /// `trust_proxy`: the server sits behind a reverse proxy that appends the client's
    /// address to `X-Forwarded-For` (otherwise every client would share the proxy's).
    pub fn new(pool: Pool, trust_proxy: bool) -> Gate {
        Gate { pool, trust_proxy }
    }

    /// The client's address, for the per-address sign-in limit.
    pub fn client_address(&self) -> String {
        use_context::<http::request::Parts>()
            .map(|parts| {
                let peer = parts
                    .extensions
                    .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                    .map(|info| info.0.ip());
                client_address(&parts.headers, peer, self.trust_proxy)
            })
            .unwrap_or_else(|| UNKNOWN_ADDRESS.to_owned())
    }

    /// The pool for public tables (merit-index scores, instansi names, aggregates that
    /// passed disclosure control). Personal data is reached through [`Gate::viewer`].
    pub fn public(&self) -> &Pool {
        &self.pool
    }

    /// The pool for signing in and out, before there is a viewer.
    pub(crate) fn sign_in_pool(&self) -> &Pool {
        &self.pool
    }

    /// Who is asking, if they have a live session (even one that must change its password).
    pub async fn session(&self) -> Result<Option<Viewer>, AppError> {
        self.session_of(session_token()).await
    }

    async fn session_of(&self, token: Option<String>) -> Result<Option<Viewer>, AppError> {
        let Some(token) = token else {
            return Ok(None);
        };
        let Some(account) = identity::of_session(&self.pool, &token).await? else {
            return Ok(None);
        };
        let grants = accounts::grants(&self.pool, account.id).await?;
        Ok(Some(Viewer {
            pool: self.pool.clone(),
            principal: Principal {
                pegawai_id: account.pegawai_id,
                grants,
            },
            actor: format!("akun:{}", account.username),
            account,
        }))
    }

    /// The operator at the server's console (`jenjang import`, `jenjang score`), named
    /// `actor` in the audit log (`cli:<login>`). Whoever can run the binary against the
    /// database can read and write it anyway, so the console acts with an administrator's
    /// rights; but its work goes through the same scopes and services as the web's, so
    /// there is one way to import or score, checked and audited alike.
    pub fn operator(&self, actor: &str) -> Viewer {
        Viewer {
            pool: self.pool.clone(),
            account: Account {
                id: 0,
                username: actor.to_owned(),
                name: actor.to_owned(),
                pegawai_id: None,
                must_change_password: false,
            },
            principal: Principal {
                pegawai_id: None,
                grants: vec![Grant {
                    role: Role::Admin,
                    instansi_id: None,
                    unit_kerja_id: None,
                }],
            },
            actor: actor.to_owned(),
        }
    }

    /// The signed-in viewer, refused while their password must be changed.
    pub async fn viewer(&self) -> Result<Viewer, AppError> {
        Self::usable(self.session().await?)
    }

    /// The signed-in viewer of a request handled outside Leptos (a download), from its
    /// headers.
    pub async fn viewer_of(&self, headers: &http::HeaderMap) -> Result<Viewer, AppError> {
        Self::usable(self.session_of(session::token(headers)).await?)
    }

    fn usable(viewer: Option<Viewer>) -> Result<Viewer, AppError> {
        let viewer = viewer.ok_or(AppError::Unauthenticated)?;
        if viewer.account.must_change_password {
            return Err(AppError::PasswordChangeRequired);
        }
        Ok(viewer)
    }
}

/// The address key of a client whose address is unknown (a server started without
/// connection info, as in tests that call the router directly).
pub const UNKNOWN_ADDRESS: &str = "tidak-diketahui";

/// The client's address: the peer, or behind a trusted proxy the last `X-Forwarded-For`
/// entry (the one the proxy appended; earlier ones are whatever the client claimed).
pub fn client_address(
    headers: &http::HeaderMap,
    peer: Option<std::net::IpAddr>,
    trust_proxy: bool,
) -> String {
    let forwarded = trust_proxy
        .then(|| {
            headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
                .next_back()
        })
        .flatten();
    forwarded
        .or(peer)
        .map_or_else(|| UNKNOWN_ADDRESS.to_owned(), |ip| ip.to_string())
}

/// The gate of the current request.
pub fn gate() -> Result<Gate, AppError> {
    use_context::<Gate>().ok_or_else(|| {
        tracing::error!("gate missing from the request context");
        AppError::Internal
    })
}

/// The session token the current request carries (server functions and server rendering
/// alike).
pub fn session_token() -> Option<String> {
    use_context::<http::request::Parts>().and_then(|parts| session::token(&parts.headers))
}

/// A signed-in person with their grants.
pub struct Viewer {
    pool: Pool,
    account: Account,
    principal: Principal,
    /// How the audit log names this viewer.
    actor: String,
}

/// A person the viewer may act on, resolved and checked for one action.
pub struct PersonScope<'a> {
    viewer: &'a Viewer,
    pegawai_id: i64,
    instansi_id: i64,
    action: Action,
}

/// The viewer's own record: what they write about themselves (their IDP, their correction
/// requests) goes through this token, which no other person's record can give.
pub struct OwnScope<'a>(PersonScope<'a>);

/// The part of an instansi the viewer may read: all of it, or some unit subtrees.
pub struct InstansiScope<'a> {
    viewer: &'a Viewer,
    instansi_id: i64,
    slug: String,
    name: String,
    zone: Zone,
    units: Option<Vec<i64>>,
    action: Action,
}

/// An account the viewer may manage (reset its password, give it roles).
pub struct AccountScope<'a> {
    viewer: &'a Viewer,
    account: Account,
}

/// The published merit-index results of every instansi, for someone allowed to write them.
pub struct PublisherScope<'a> {
    viewer: &'a Viewer,
}

/// An atasan's direct reports.
pub struct TeamScope<'a> {
    viewer: &'a Viewer,
    atasan_id: i64,
    instansi_id: i64,
}

impl Viewer {
    pub fn account(&self) -> &Account {
        &self.account
    }

    pub fn principal(&self) -> &Principal {
        &self.principal
    }

    /// How the audit log names this viewer.
    pub fn actor(&self) -> String {
        self.actor.clone()
    }

    /// Refuses `decision` about the person `subject` when they are the viewer themselves.
    pub fn not_about_myself(&self, decision: Decision, subject: i64) -> Result<(), AppError> {
        duties::decide_about(decision, self.principal.pegawai_id, subject)
            .map_err(AppError::conflict)
    }

    fn may_in_instansi(&self, action: Action, instansi_id: i64) -> bool {
        permits(&self.principal, action, &Subject::Instansi { instansi_id })
    }

    /// For writes that the services wrap in their own transaction and audit entry.
    pub(crate) fn pool(&self) -> &Pool {
        &self.pool
    }

    /// The person with this NIP, when `action` is allowed on them. An unknown NIP is refused
    /// like a forbidden one, so that nobody can probe which NIPs exist.
    pub async fn person(&self, action: Action, nip: &str) -> Result<PersonScope<'_>, AppError> {
        let id = accounts::pegawai_id_by_nip(&self.pool, nip).await?;
        self.person_by_id(action, id.ok_or(AppError::Forbidden)?)
            .await
    }

    /// The viewer's own pegawai record (refused to staff accounts, which have none).
    pub async fn own_person(&self) -> Result<OwnScope<'_>, AppError> {
        let id = self.account.pegawai_id.ok_or(AppError::Forbidden)?;
        Ok(OwnScope(self.person_by_id(Action::ViewPerson, id).await?))
    }

    /// The person with this id, when `action` is allowed on them.
    pub async fn person_by_id(
        &self,
        action: Action,
        pegawai_id: i64,
    ) -> Result<PersonScope<'_>, AppError> {
        let place = accounts::person_place(&self.pool, pegawai_id)
            .await?
            .ok_or(AppError::Forbidden)?;
        let instansi_id = place.instansi_id;
        let subject = Subject::Person {
            pegawai_id,
            instansi_id,
            units: match place.unit_kerja_id {
                Some(unit) => accounts::ancestors(&self.pool, unit).await?,
                None => Vec::new(),
            },
            atasan_id: place.atasan_id,
        };
        if !permits(&self.principal, action, &subject) {
            return Err(AppError::Forbidden);
        }
        Ok(PersonScope {
            viewer: self,
            pegawai_id,
            instansi_id,
            action,
        })
    }

    /// The instansi with this slug (or, without one, the first the viewer's grants name),
    /// when `action` is allowed on it.
    pub async fn instansi(
        &self,
        action: Action,
        slug: Option<&str>,
    ) -> Result<InstansiScope<'_>, AppError> {
        let instansi = match slug {
            Some(slug) => accounts::instansi_by_slug(&self.pool, slug).await?,
            // An administrator without an instansi of their own starts at the first
            // instansi that has pegawai.
            None => accounts::first_instansi(&self.pool, self.principal.instansi_id()).await?,
        };
        let instansi = instansi.ok_or(AppError::Forbidden)?;
        let instansi_id = instansi.id;
        if !permits(&self.principal, action, &Subject::Instansi { instansi_id }) {
            return Err(AppError::Forbidden);
        }
        Ok(InstansiScope {
            viewer: self,
            instansi_id,
            slug: instansi.slug,
            name: instansi.name,
            zone: Zone::of_province(&instansi.province),
            units: unit_roots_in(&self.principal, action, instansi_id),
            action,
        })
    }

    /// The account with this user name, when the viewer may manage it: its pegawai (if any)
    /// is in the viewer's scope and the viewer could give every role it holds.
    pub async fn account_to_manage(&self, username: &str) -> Result<AccountScope<'_>, AppError> {
        let username = identity::normalise_username(username);
        let id = accounts::active_id_by_username(&self.pool, &username).await?;
        let account = match id {
            Some(id) => accounts::load(&self.pool, id).await?,
            None => None,
        }
        .ok_or(AppError::Forbidden)?;
        if let Some(pegawai_id) = account.pegawai_id {
            self.person_by_id(Action::ManageAccounts, pegawai_id)
                .await?;
        }
        let held = accounts::grants(&self.pool, account.id).await?;
        if account.pegawai_id.is_none() && held.is_empty() && !self.is_admin() {
            return Err(AppError::Forbidden);
        }
        let own = account.id == self.account.id;
        for grant in &held {
            duties::manage_account(&self.principal, grant.role, own).map_err(AppError::conflict)?;
            self.check_assignable(grant).await?;
        }
        if own {
            // An account with no roles is still the viewer's own.
            return Err(AppError::conflict(Conflict::OwnCase(
                Decision::AccountManagement,
            )));
        }
        Ok(AccountScope {
            viewer: self,
            account,
        })
    }

    /// The grant of `role` in the scope's instansi, narrowed to the unit with `unit_code`,
    /// when the viewer may give it.
    pub async fn grant_in(
        &self,
        scope: &InstansiScope<'_>,
        role: Role,
        unit_code: Option<&str>,
    ) -> Result<Grant, AppError> {
        let unit_kerja_id = match unit_code.map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => Some(
                units::id_by_code(&self.pool, scope.instansi_id, code)
                    .await?
                    .ok_or_else(|| {
                        AppError::bad_request(
                            format!("unit kerja dengan kode \"{code}\" tidak ada di instansi ini."),
                            format!("no unit with the code \"{code}\" in this instansi."),
                        )
                    })?,
            ),
            None => None,
        };
        let grant = Grant {
            role,
            instansi_id: (!role.installation_wide()).then_some(scope.instansi_id),
            unit_kerja_id: unit_kerja_id.filter(|_| !role.installation_wide()),
        };
        self.check_assignable(&grant).await?;
        Ok(grant)
    }

    async fn check_assignable(&self, grant: &Grant) -> Result<(), AppError> {
        duties::manage_account(&self.principal, grant.role, false).map_err(AppError::conflict)?;
        let units = match grant.unit_kerja_id {
            Some(unit) => accounts::ancestors(&self.pool, unit).await?,
            None => Vec::new(),
        };
        if may_assign(&self.principal, grant, &units) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    fn is_admin(&self) -> bool {
        self.principal.grants.iter().any(|g| g.role == Role::Admin)
    }

    /// The installation's published merit-index results, when the viewer may add, correct
    /// and import them (the public-data operator, an administrator, the console).
    pub fn merit_publisher(&self) -> Result<PublisherScope<'_>, AppError> {
        if !permits(
            &self.principal,
            Action::PublishMeritResults,
            &Subject::Installation,
        ) {
            return Err(AppError::Forbidden);
        }
        Ok(PublisherScope { viewer: self })
    }

    /// The viewer's direct reports, when they hold the atasan role.
    pub fn team(&self) -> Result<TeamScope<'_>, AppError> {
        let atasan_id = self.account.pegawai_id.ok_or(AppError::Forbidden)?;
        let instansi_id = self
            .principal
            .grants
            .iter()
            .find(|g| g.role == Role::Atasan)
            .and_then(|g| g.instansi_id)
            .ok_or(AppError::Forbidden)?;
        Ok(TeamScope {
            viewer: self,
            atasan_id,
            instansi_id,
        })
    }
}

impl PersonScope<'_> {
    pub fn pegawai_id(&self) -> i64 {
        self.pegawai_id
    }

    pub fn instansi_id(&self) -> i64 {
        self.instansi_id
    }

    pub fn pool(&self) -> &Pool {
        &self.viewer.pool
    }

    /// How the audit log names whoever acts through this scope.
    pub fn actor(&self) -> String {
        self.viewer.actor()
    }

    /// Whether the viewer may do `action` in this person's instansi (to offer its controls).
    pub fn viewer_may_in_instansi(&self, action: Action) -> bool {
        self.viewer.may_in_instansi(action, self.instansi_id)
    }

    /// Refuses unless the scope was checked for `action`: a write service asks for the
    /// action it performs, so a token obtained for reading cannot be used to write.
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        checked_for(self.action, action)
    }
}

impl<'a> OwnScope<'a> {
    pub fn person(&self) -> &PersonScope<'a> {
        &self.0
    }
}

impl InstansiScope<'_> {
    pub fn instansi_id(&self) -> i64 {
        self.instansi_id
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The instansi's time zone, from its province.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The name of the person acting, as a publication credits them.
    pub fn viewer_name(&self) -> &str {
        &self.viewer.account.name
    }

    /// `None` for the whole instansi, or the roots of the unit subtrees in scope.
    pub fn units(&self) -> Option<&[i64]> {
        self.units.as_deref()
    }

    pub fn pool(&self) -> &Pool {
        &self.viewer.pool
    }

    /// How the audit log names whoever acts through this scope.
    pub fn actor(&self) -> String {
        self.viewer.actor()
    }

    /// Refuses `decision` about the person `subject` when they are the viewer themselves.
    pub fn not_about_myself(&self, decision: Decision, subject: i64) -> Result<(), AppError> {
        self.viewer.not_about_myself(decision, subject)
    }

    /// Whether the separation of duties lets the viewer give `role` (komite and admin: an
    /// administrator only; the scope rules are checked when they act).
    pub fn may_give_role(&self, role: Role) -> bool {
        duties::manage_account(&self.viewer.principal, role, false).is_ok()
    }

    /// Whether the separation of duties lets the viewer manage the account `username`, which
    /// holds `roles`: not their own, and only roles they may give.
    pub fn may_manage_account(&self, username: &str, roles: &[Role]) -> bool {
        username != self.viewer.account.username && roles.iter().all(|r| self.may_give_role(*r))
    }

    /// Refuses unless the scope was checked for `action` (see [`PersonScope::require`]).
    pub fn require(&self, action: Action) -> Result<(), AppError> {
        checked_for(self.action, action)
    }

    /// Whether the viewer may also do `action` in this instansi (to offer its controls).
    pub fn viewer_may(&self, action: Action) -> bool {
        self.viewer.may_in_instansi(action, self.instansi_id)
    }

    /// A condition on a pegawai table aliased `p` that keeps only people in scope, for SQL
    /// run through [`InstansiScope::query`].
    pub fn pegawai_filter(&self) -> String {
        self.unit_filter("p.unit_kerja_id")
    }

    /// The same condition on any unit column (a post's unit, say).
    pub fn unit_filter(&self, column: &str) -> String {
        match &self.units {
            None => String::new(),
            Some(roots) => format!(" AND {column} IN ({})", subtree_sql(2, roots.len())),
        }
    }

    /// `sql` with the instansi bound as `$1` and the unit roots of [`pegawai_filter`] from
    /// `$2`; further binds follow them.
    ///
    /// [`pegawai_filter`]: InstansiScope::pegawai_filter
    pub fn query<'q>(&self, sql: &'q str) -> AnyQuery<'q> {
        accounts::scoped(self, sql)
    }
}

impl AccountScope<'_> {
    pub fn account(&self) -> &Account {
        &self.account
    }

    pub fn viewer(&self) -> &Viewer {
        self.viewer
    }
}

impl PublisherScope<'_> {
    pub fn pool(&self) -> &Pool {
        &self.viewer.pool
    }

    /// How the audit log names whoever acts through this scope.
    pub fn actor(&self) -> String {
        self.viewer.actor()
    }

    /// The account recording through this scope; `None` for the console's operator, who
    /// signs in to no account (`Gate::operator` gives it the id 0).
    pub fn account_id(&self) -> Option<i64> {
        Some(self.viewer.account.id).filter(|id| *id > 0)
    }
}

impl TeamScope<'_> {
    pub fn atasan_id(&self) -> i64 {
        self.atasan_id
    }

    pub fn instansi_id(&self) -> i64 {
        self.instansi_id
    }

    pub fn pool(&self) -> &Pool {
        &self.viewer.pool
    }
}

/// Refuses unless a scope token checked for `checked` is used for `wanted`.
fn checked_for(checked: Action, wanted: Action) -> Result<(), AppError> {
    if checked == wanted {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A subquery of the ids of the unit subtrees under `count` roots bound from `$first`.
pub fn subtree_sql(first: usize, count: usize) -> String {
    if count == 0 {
        return "SELECT id FROM unit_kerja WHERE 1 = 0".to_owned();
    }
    format!(
        "WITH RECURSIVE down (id) AS (SELECT id FROM unit_kerja WHERE id IN ({}) \
         UNION SELECT u.id FROM unit_kerja u JOIN down ON u.parent_id = down.id) SELECT id FROM down",
        crate::store::sql::placeholders(first, count)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{HeaderMap, HeaderValue};

    #[test]
    fn the_client_address_comes_from_the_proxy_only_when_it_is_trusted() {
        let peer: std::net::IpAddr = [10, 0, 0, 1].into();
        let mut headers = HeaderMap::new();
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_static("1.2.3.4, 203.0.113.9"),
        );
        assert_eq!(client_address(&headers, Some(peer), false), "10.0.0.1");
        assert_eq!(client_address(&headers, Some(peer), true), "203.0.113.9");
        assert_eq!(
            client_address(&HeaderMap::new(), Some(peer), true),
            "10.0.0.1"
        );
        assert_eq!(
            client_address(&HeaderMap::new(), None, false),
            UNKNOWN_ADDRESS
        );
    }

    #[test]
    fn subtrees_are_selected_recursively_and_nothing_without_roots() {
        assert!(subtree_sql(2, 2).contains("WHERE id IN ($2, $3)"));
        assert!(subtree_sql(2, 0).contains("1 = 0"));
    }
}
