//! The built assets under `/pkg`: the WASM, its JS and the stylesheet, each named by a hash of
//! its content and stored beside its brotli and gzip forms at build time (`xtask`). They are
//! served as they lie, never compressed per request, and cached for a year: a new build
//! makes new names.

use axum::extract::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use http::header::CACHE_CONTROL;
use http::HeaderValue;
use std::path::Path;
use tower_http::services::ServeDir;

/// The cache policy of a file whose name changes with its content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `/pkg` of the site root.
pub fn service(site_root: &str) -> Router {
    let files = ServeDir::new(Path::new(site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(immutable))
}

async fn immutable(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if response.status().is_success() {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use http::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
    use http::{Request, StatusCode};
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_built_file_is_sent_as_its_brotli_form_and_cached_for_a_year() {
        let site = tempfile::tempdir().expect("temporary folder");
        let pkg = site.path().join("pkg");
        std::fs::create_dir_all(&pkg).expect("pkg");
        std::fs::write(pkg.join("jenjang.abc.wasm"), b"raw").expect("wasm");
        std::fs::write(pkg.join("jenjang.abc.wasm.br"), b"br").expect("br");
        let root = site.path().to_str().expect("a UTF-8 path");
        let get = |path: &str| {
            Request::get(path)
                .header(ACCEPT_ENCODING, "gzip, br")
                .body(Body::empty())
                .expect("request")
        };

        let sent = service(root)
            .oneshot(get("/jenjang.abc.wasm"))
            .await
            .expect("infallible");
        assert_eq!(sent.status(), StatusCode::OK);
        assert_eq!(sent.headers()[CONTENT_ENCODING], "br");
        assert_eq!(sent.headers()[CACHE_CONTROL], IMMUTABLE);

        let missing = service(root)
            .oneshot(get("/jenjang.old.wasm"))
            .await
            .expect("infallible");
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert!(!missing.headers().contains_key(CACHE_CONTROL));
    }
}
