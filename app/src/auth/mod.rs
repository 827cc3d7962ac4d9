//! Signing in and out, sessions, and the scope guard every private server function goes
//! through. The decision rules themselves are pure, in `domain::access`.

#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod identity;
#[cfg(feature = "ssr")]
pub mod password;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

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
    use super::guard::Viewer;
    use super::identity::Account;
    use super::session;
    use crate::api::accounts::Me;
    use crate::domain::access::{home, Principal};

    /// Who is signed in, as the pages show them.
    pub fn me(account: &Account, principal: &Principal) -> Me {
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
