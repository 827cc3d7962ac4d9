//! The security baseline every response passes through: cross-origin writes refused,
//! security headers, and caching only for public responses to visitors without a session.

use app::auth::session;
use app::security::STRICT_CONTENT_SECURITY_POLICY;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, HOST, ORIGIN, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, VARY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::{HeaderMap, HeaderValue, Method, StatusCode};

/// Largest request body accepted (sign-in forms, server-function arguments). File uploads
/// get their own, larger limit where they are accepted.
pub const BODY_LIMIT_BYTES: usize = 256 * 1024;

/// Paths anyone may read and a proxy may cache (when the visitor has no session).
pub fn is_public(path: &str) -> bool {
    const PREFIXES: [&str; 7] = [
        "/indeks-merit",
        "/unduh/",
        "/api/indeks-merit",
        "/api/beranda",
        "/api/metodologi",
        "/pkg/",
        "/metodologi",
    ];
    path == "/"
        || path == "/favicon.svg"
        || path == "/healthz"
        || PREFIXES.iter().any(|p| path.starts_with(p))
}

/// Static assets, identical for everyone whoever asks.
fn is_asset(path: &str) -> bool {
    path.starts_with("/pkg/") || path == "/favicon.svg"
}

/// Whether a state-changing request comes from another site: its `Origin` (or, without one,
/// `Sec-Fetch-Site`) says so. Requests without either (command-line clients) carry no
/// browser's cookies by accident and pass.
fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(origin) = headers.get(ORIGIN) {
        let host = headers.get(HOST).and_then(|h| h.to_str().ok());
        let origin_host = origin
            .to_str()
            .ok()
            .and_then(|o| o.split_once("://"))
            .map(|(_, rest)| rest.trim_end_matches('/'));
        return match (origin_host, host) {
            (Some(origin_host), Some(host)) => !origin_host.eq_ignore_ascii_case(host),
            _ => true,
        };
    }
    headers
        .get("sec-fetch-site")
        .is_some_and(|site| site.as_bytes() == b"cross-site")
}

pub async fn baseline(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let writes = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if writes && is_cross_site(request.headers()) {
        tracing::warn!(%path, "cross-site write refused");
        return (
            StatusCode::FORBIDDEN,
            "Permintaan ditolak: berasal dari situs lain.",
        )
            .into_response();
    }
    let has_session = session::token(request.headers()).is_some();
    let https = session::is_https(request.headers(), request.uri());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if https {
        // Over https (directly, or as the TLS-terminating proxy says), browsers are told to
        // come back over https only, for a year. A browser ignores the header on a plain-http
        // answer, so a client claiming https where there is none changes nothing. No
        // includeSubDomains: an instansi's other hosts are not ours to decide for.
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(STRICT_CONTENT_SECURITY_POLICY),
        );
    }
    let cacheable =
        response.status().is_success() && (is_asset(&path) || (is_public(&path) && !has_session));
    let headers = response.headers_mut();
    if cacheable {
        if !headers.contains_key(CACHE_CONTROL) {
            headers.insert(
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            );
        }
        if !is_asset(&path) {
            // The same address shows a signed-in visitor their name: caches keep them apart.
            headers.append(VARY, HeaderValue::from_static("Cookie"));
        }
    } else {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn only_a_foreign_origin_is_cross_site() {
        assert!(!is_cross_site(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "https://jahat.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "null"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_cross_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(!is_cross_site(&HeaderMap::new()));
    }

    #[test]
    fn private_paths_are_not_public() {
        for path in [
            "/saya",
            "/pegawai/199001012015011001",
            "/talenta",
            "/akun",
            "/api/pegawai/rekam",
        ] {
            assert!(!is_public(path), "{path}");
        }
        for path in [
            "/",
            "/indeks-merit",
            "/indeks-merit/kota-balikpapan",
            "/unduh/indeks-merit.csv",
        ] {
            assert!(is_public(path), "{path}");
        }
    }
}
