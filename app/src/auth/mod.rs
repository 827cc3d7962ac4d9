//! Signing in and out, sessions, and the scope guard every private server function goes
//! through. The decision rules themselves are pure, in `domain::access`.

#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod password;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

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

/// Where to go after signing in: a path on this site only (never `//host` or a scheme), so
/// that the sign-in link cannot send people elsewhere.
pub fn safe_return(path: Option<&str>) -> Option<&str> {
    path.filter(|p| {
        p.starts_with('/')
            && !p.starts_with("//")
            && !p.starts_with("/\\")
            && !p.contains("://")
            && !p.chars().any(char::is_control)
            && *p != "/masuk"
    })
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::guard::{Gate, Viewer};
    use super::{password, session, Me};
    use crate::domain::access::{home, Principal};
    use crate::error::AppError;
    use crate::services::accounts::{self, normalise_username, Account};
    use crate::services::audit::{self, Change};
    use std::time::Instant;

    fn me(account: &Account, principal: &Principal) -> Me {
        Me {
            username: account.username.clone(),
            name: account.name.clone(),
            roles: principal.roles(),
            home: home(principal).to_owned(),
            must_change_password: account.must_change_password,
        }
    }

    impl Viewer {
        pub fn me(&self) -> Me {
            me(self.account(), self.principal())
        }
    }

    /// Checks the credentials (within the rate limits), replaces any session the browser
    /// had with a new one, and records the sign-in. Returns the new session's token and
    /// who signed in.
    pub async fn sign_in(
        gate: &Gate,
        typed_username: &str,
        typed_password: String,
        address: &str,
        previous_token: Option<String>,
    ) -> Result<(String, Me), AppError> {
        let username = normalise_username(typed_username);
        let throttle = gate.throttle();
        if let Some(minutes) = throttle.blocked(&username, address, Instant::now()) {
            return Err(AppError::TooManyAttempts(minutes));
        }
        let pool = gate.sign_in_pool();
        let found = accounts::credentials(pool, &username).await?;
        let (account, hash) = found.unzip();
        let matches = password::verify(typed_password, hash)
            .await
            .map_err(|error| {
                tracing::error!(%error, "password verification failed");
                AppError::Internal
            })?;
        let Some(account) = account.filter(|_| matches) else {
            throttle.fail(&username, address, Instant::now());
            return Err(AppError::InvalidCredentials);
        };
        throttle.succeed(&username);
        let principal = Principal {
            pegawai_id: account.pegawai_id,
            grants: accounts::grants(pool, account.id).await?,
        };
        let mut tx = pool.begin().await?;
        if let Some(previous) = previous_token {
            session::revoke(&mut tx, &previous).await?;
        }
        let token = session::create(&mut tx, account.id)
            .await
            .map_err(|error| {
                tracing::error!(%error, "session not created");
                AppError::Internal
            })?;
        audit::record(
            &mut tx,
            Change {
                actor: &format!("akun:{}", account.username),
                instansi_id: principal.instansi_id(),
                action: "sesi.masuk",
                entity: "akun",
                entity_id: Some(account.username.clone()),
                before: None,
                after: Some(serde_json::json!({ "alamat": address })),
                reason: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok((token, me(&account, &principal)))
    }

    /// Stores the session token in the browser's cookie, or clears it.
    pub fn set_session_cookie(token: Option<&str>) {
        let secure = leptos::prelude::use_context::<http::request::Parts>()
            .is_some_and(|parts| session::is_https(&parts.headers, &parts.uri));
        let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() else {
            return;
        };
        match http::HeaderValue::from_str(&session::cookie(token, secure)) {
            Ok(value) => response.append_header(http::header::SET_COOKIE, value),
            Err(error) => tracing::error!(%error, "session cookie not representable"),
        }
    }

    /// Ends the viewer's session.
    pub async fn sign_out(gate: &Gate, token: &str) -> Result<(), AppError> {
        let mut tx = gate.sign_in_pool().begin().await?;
        session::revoke(&mut tx, token).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_return(Some("/saya")), Some("/saya"));
        assert_eq!(
            safe_return(Some("/pegawai/199001012015011001?x=1")),
            Some("/pegawai/199001012015011001?x=1")
        );
        for hostile in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "saya",
            "/masuk",
            "/a\nb",
        ] {
            assert_eq!(safe_return(Some(hostile)), None, "{hostile}");
        }
        assert_eq!(safe_return(None), None);
    }
}
