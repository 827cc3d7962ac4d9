//! Sessions held in the database, so that several server processes on one PostgreSQL share
//! them. The browser keeps a random token in an HttpOnly cookie; the database keeps only its
//! SHA-256, and a session ends at sign-out or after [`LIFETIME_HOURS`].

use super::password::{random_bytes, PasswordError};
use crate::digest::sha256_hex;
use crate::store::{sessions, Conn, StoreError};
use chrono::{Duration, SecondsFormat, Utc};
use http::HeaderMap;

pub const COOKIE: &str = "jenjang_sesi";
/// A working day; signing in again afterwards is cheap, a stolen cookie expires.
pub const LIFETIME_HOURS: i64 = 10;

fn timestamp(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Starts a session for the account and returns the cookie's token.
pub async fn create(conn: &mut Conn, akun_id: i64) -> Result<String, SessionError> {
    let token: String = random_bytes::<32>()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let now = Utc::now();
    sessions::insert(
        conn,
        &token_hash(&token),
        akun_id,
        &timestamp(now),
        &timestamp(now + Duration::hours(LIFETIME_HOURS)),
    )
    .await?;
    Ok(token)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// Now, in the format of `expires_at`.
pub fn now() -> String {
    timestamp(Utc::now())
}

/// Ends the session with this token (and sweeps expired ones while at it).
pub async fn revoke(conn: &mut Conn, token: &str) -> Result<(), StoreError> {
    sessions::delete_with_expired(conn, &token_hash(token), &now()).await
}

/// The session token the request carries, if any.
pub fn token(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE).filter(|value| value.len() == 64)
}

/// The value of the request's cookie `name`, if it carries one that is not empty.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, value)| *cookie == name && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

/// Whether the request reached us over https (directly or through a proxy that says so).
pub fn is_https(headers: &HeaderMap, uri: &http::Uri) -> bool {
    uri.scheme_str() == Some("https")
        || headers
            .get("x-forwarded-proto")
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https"))
}

/// The `Set-Cookie` value that stores `token`, or clears the cookie when `token` is `None`.
pub fn cookie(token: Option<&str>, secure: bool) -> String {
    let (value, max_age) = match token {
        Some(token) => (token, LIFETIME_HOURS * 3600),
        None => ("", 0),
    };
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Random(#[from] PasswordError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::COOKIE,
            HeaderValue::from_str(cookie).expect("header"),
        );
        headers
    }

    #[test]
    fn the_token_is_read_among_other_cookies() {
        let token = "a".repeat(64);
        assert_eq!(
            super::token(&headers(&format!("tema=gelap; {COOKIE}={token}; lain=1"))),
            Some(token)
        );
        assert_eq!(super::token(&headers("tema=gelap")), None);
        // A malformed token is no token.
        assert_eq!(super::token(&headers(&format!("{COOKIE}=pendek"))), None);
    }

    #[test]
    fn the_cookie_is_http_only_lax_and_secure_over_https() {
        let set = cookie(Some("abc"), false);
        assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax"));
        assert!(!set.contains("Secure"));
        assert!(cookie(Some("abc"), true).ends_with("; Secure"));
        assert!(cookie(None, false).contains("Max-Age=0"));
    }

    #[test]
    fn https_is_recognised_directly_or_behind_a_proxy() {
        let uri: http::Uri = "/masuk".parse().expect("uri");
        assert!(!is_https(&HeaderMap::new(), &uri));
        let mut proxied = HeaderMap::new();
        proxied.insert("x-forwarded-proto", HeaderValue::from_static("https"));
        assert!(is_https(&proxied, &uri));
    }
}
