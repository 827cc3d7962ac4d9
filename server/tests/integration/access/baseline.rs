//! The security baseline on every response: headers, cross-site writes, body limits, caching,
//! and no database error text in the browser.

use super::world::{self, ASN, PASSWORD};
use crate::support::TestApp;
use axum::body::Body;
use http::{Request, StatusCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_policy_and_everything_else_a_strict_one() {
    for app in TestApp::each_engine().await {
        let page = app.get("/indeks-merit").await;
        let policy = page.header("content-security-policy").to_owned();
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy");
        // Every inline script of the page carries that nonce.
        let scripts = page.count("script");
        let with_nonce = page.count(&format!("script[nonce=\"{nonce}\"]"));
        assert!(
            scripts > 0 && scripts == with_nonce,
            "{scripts} scripts, {with_nonce} with the nonce"
        );
        assert_eq!(page.header("x-content-type-options"), "nosniff");
        assert_eq!(page.header("referrer-policy"), "same-origin");
        assert_eq!(page.header("x-frame-options"), "DENY");
        // A second request gets another nonce.
        let again = app.get("/indeks-merit").await;
        assert_ne!(again.header("content-security-policy"), policy);
        let health = app.get("/healthz").await;
        assert!(health
            .header("content-security-policy")
            .starts_with("default-src 'none'"));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_pages_are_cacheable_only_for_visitors_without_a_session() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let anonymous = app.get("/indeks-merit").await;
        assert!(anonymous.header("cache-control").starts_with("public"));
        assert!(
            anonymous.header("vary").contains("Cookie"),
            "{:?}",
            anonymous.headers
        );
        let cookie = app.sign_in(ASN, PASSWORD).await;
        let signed_in = app.get_as("/indeks-merit", Some(&cookie)).await;
        assert_eq!(signed_in.status, StatusCode::OK);
        assert_eq!(signed_in.header("cache-control"), "no-store");
        // The header names who is signed in.
        assert!(signed_in.body.contains("Ani Pegawai"));
        for private in ["/saya", "/masuk"] {
            assert_eq!(
                app.get_as(private, Some(&cookie))
                    .await
                    .header("cache-control"),
                "no-store"
            );
        }
        let api = app.call("pegawai/rekam", &[], Some(&cookie)).await;
        assert_eq!(api.status, StatusCode::OK);
        assert_eq!(api.header("cache-control"), "no-store");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_from_another_site_are_refused() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let forged = Request::post("/api/masuk")
            .header("host", "jenjang.test")
            .header("origin", "https://jahat.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "nama_pengguna={ASN}&kata_sandi={PASSWORD}"
            )))
            .expect("request");
        let response = app.request(forged).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN);
        assert!(response.header("set-cookie").is_empty());
        let no_origin = Request::post("/api/keluar")
            .header("sec-fetch-site", "cross-site")
            .body(Body::empty())
            .expect("request");
        assert_eq!(app.request(no_origin).await.status, StatusCode::FORBIDDEN);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_requests_are_refused() {
    for app in TestApp::each_engine().await {
        let huge = "a".repeat(jenjang::http::security::BODY_LIMIT_BYTES + 1);
        let response = app
            .call(
                "masuk",
                &[("nama_pengguna", &huge), ("kata_sandi", "x")],
                None,
            )
            .await;
        assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_errors_never_reach_the_browser() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let cookie = app.sign_in(ASN, PASSWORD).await;
        // Break the database under the running application.
        sqlx::query("DROP VIEW placement_calibrated")
            .execute(&app.pool)
            .await
            .expect("drop view");
        let api = app.call("pegawai/rekam", &[], Some(&cookie)).await;
        assert_eq!(
            api.app_error(),
            Some(app::error::AppError::Internal),
            "{}",
            api.body
        );
        let page = app.get_as("/saya", Some(&cookie)).await;
        assert!(
            page.body.contains("Terjadi gangguan pada server"),
            "{}",
            page.body
        );
        for response in [api, page] {
            assert_eq!(response.status, StatusCode::INTERNAL_SERVER_ERROR);
            for leak in [
                "placement_in_force",
                "no such table",
                "does not exist",
                "SELECT",
            ] {
                assert!(
                    !response.body.contains(leak),
                    "{leak} leaked: {}",
                    response.body
                );
            }
        }
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_answers_carry_strict_transport_security_and_plain_http_does_not() {
    for app in TestApp::each_engine().await {
        let plain = app.get("/indeks-merit").await;
        assert_eq!(plain.header("strict-transport-security"), "");
        let request = Request::get("/indeks-merit")
            .header("x-forwarded-proto", "https")
            .body(Body::empty())
            .expect("request");
        let proxied = app.request(request).await;
        assert_eq!(proxied.status, StatusCode::OK);
        assert_eq!(
            proxied.header("strict-transport-security"),
            "max-age=31536000"
        );
        app.finish().await;
    }
}
