//! Signing in and out: messages, cookies, session rotation, rate limits, forced password
//! changes.

use super::world::{self, ASN, PASSWORD};
use crate::support::{session_cookie, TestApp};
use http::StatusCode;

async fn live_sessions(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM sesi")
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let wrong = app
            .call(
                "masuk",
                &[("nama_pengguna", ASN), ("kata_sandi", "bukan-sandinya-1")],
                None,
            )
            .await;
        let unknown = app
            .call(
                "masuk",
                &[
                    ("nama_pengguna", "199912312020121999"),
                    ("kata_sandi", "bukan-sandinya-1"),
                ],
                None,
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert_eq!((wrong.status, &wrong.body), (unknown.status, &unknown.body));
        assert_eq!(wrong.message(), "NIP/nama pengguna atau kata sandi salah.");
        assert!(session_cookie(&wrong).is_none());
        // A NIP typed with its spaces and dots is the same NIP.
        let spaced = app
            .call(
                "masuk",
                &[
                    ("nama_pengguna", "19900101 201501 1 001"),
                    ("kata_sandi", PASSWORD),
                ],
                None,
            )
            .await;
        assert!(session_cookie(&spaced).is_some(), "{}", spaced.body);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_cookie_is_http_only_lax_and_secure_behind_https() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let response = app
            .call(
                "masuk",
                &[("nama_pengguna", ASN), ("kata_sandi", PASSWORD)],
                None,
            )
            .await;
        let cookie = response.header("set-cookie").to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain http: {cookie}");
        assert_eq!(response.header("cache-control"), "no-store");
        let request = http::Request::post("/api/masuk")
            .header("host", "jenjang.test")
            .header("x-forwarded-proto", "https")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(format!(
                "nama_pengguna={ASN}&kata_sandi={PASSWORD}"
            )))
            .expect("request");
        let secure = app.request(request).await;
        assert!(
            secure.header("set-cookie").contains("; Secure"),
            "{}",
            secure.header("set-cookie")
        );
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_replaces_the_session_and_signing_out_ends_it() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let first = app.sign_in(ASN, PASSWORD).await;
        assert_eq!(live_sessions(&app).await, 1);
        // Signing in again from the same browser: a new id, the old one is gone.
        let again = app
            .call(
                "masuk",
                &[("nama_pengguna", ASN), ("kata_sandi", PASSWORD)],
                Some(&first),
            )
            .await;
        let second = session_cookie(&again).expect("new session");
        assert_ne!(first, second);
        assert_eq!(live_sessions(&app).await, 1);
        assert_eq!(
            app.get_as("/saya", Some(&first)).await.status,
            StatusCode::FOUND
        );
        let mine = app.get_as("/saya", Some(&second)).await;
        assert_eq!(mine.status, StatusCode::OK);
        assert!(mine.body.contains("Ani Pegawai"));
        // Signing out clears the cookie and the session.
        let out = app.call("keluar", &[], Some(&second)).await;
        assert!(
            out.header("set-cookie").contains("Max-Age=0"),
            "{}",
            out.header("set-cookie")
        );
        assert_eq!(live_sessions(&app).await, 0);
        let after = app.get_as("/saya", Some(&second)).await;
        assert_eq!(after.status, StatusCode::FOUND);
        assert_eq!(after.header("location"), "/masuk?kembali=/saya");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_failures_are_refused_with_429_even_with_the_right_password() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        for _ in 0..app::domain::sign_in_limits::PER_PAIR {
            let failed = app
                .call(
                    "masuk",
                    &[("nama_pengguna", ASN), ("kata_sandi", "tebak-tebakan-1")],
                    None,
                )
                .await;
            assert_eq!(failed.status, StatusCode::UNAUTHORIZED);
        }
        let blocked = app
            .call(
                "masuk",
                &[("nama_pengguna", ASN), ("kata_sandi", PASSWORD)],
                None,
            )
            .await;
        assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            blocked.message(),
            "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit."
        );
        assert!(session_cookie(&blocked).is_none());
        // Another account is not blocked by this one's failures.
        app.sign_in("bkpsdm.a", PASSWORD).await;
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_password_must_be_changed_before_anything_else() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let hr = app.sign_in("bkpsdm.a", PASSWORD).await;
        let reset = app
            .call(
                "akun/setel-ulang-sandi",
                &[("nama_pengguna", ASN)],
                Some(&hr),
            )
            .await;
        assert_eq!(reset.status, StatusCode::OK, "{}", reset.body);
        let issued: serde_json::Value = serde_json::from_str(&reset.body).expect("json");
        let temporary = issued["password"].as_str().expect("password").to_owned();
        let asn = app.sign_in(ASN, &temporary).await;
        // Until the password is changed, the record is out of reach.
        let page = app.get_as("/saya", Some(&asn)).await;
        assert_eq!(page.status, StatusCode::FOUND);
        assert_eq!(page.header("location"), "/akun/sandi");
        let weak = app
            .call(
                "akun/ganti-sandi",
                &[
                    ("sandi_lama", &temporary),
                    ("sandi_baru", "pendek"),
                    ("sandi_ulang", "pendek"),
                ],
                Some(&asn),
            )
            .await;
        assert_eq!(weak.status, StatusCode::BAD_REQUEST);
        assert!(
            weak.message().contains("minimal 10 karakter"),
            "{}",
            weak.body
        );
        let digits = app
            .call(
                "akun/ganti-sandi",
                &[
                    ("sandi_lama", &temporary),
                    ("sandi_baru", "12345678901"),
                    ("sandi_ulang", "12345678901"),
                ],
                Some(&format!("{asn}; bahasa=en")),
            )
            .await;
        assert_eq!(
            digits.app_error(),
            Some(app::error::AppError::BadRequest(
                "The password may not be digits only.".into()
            ))
        );
        let changed = app
            .call(
                "akun/ganti-sandi",
                &[
                    ("sandi_lama", &temporary),
                    ("sandi_baru", "teluk-balikpapan-biru"),
                    ("sandi_ulang", "teluk-balikpapan-biru"),
                ],
                Some(&asn),
            )
            .await;
        assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
        let fresh = session_cookie(&changed).expect("a fresh session");
        assert_eq!(
            app.get_as("/saya", Some(&fresh)).await.status,
            StatusCode::OK
        );
        // The old session ended with the change.
        assert_eq!(
            app.get_as("/saya", Some(&asn)).await.status,
            StatusCode::FOUND
        );
        app.finish().await;
    }
}

/// What a sign-in answered: 200 signed in, 401 wrong password, 429 wait, 503 busy.
async fn statuses(
    app: &TestApp,
    address: &str,
    password: &str,
    attempts: usize,
) -> Vec<StatusCode> {
    let tries = (0..attempts).map(|_| app.sign_in_from(address, ASN, password));
    futures_util::future::join_all(tries)
        .await
        .into_iter()
        .map(|r| r.status)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_are_counted_before_any_password_is_checked() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let mut answers = statuses(&app, "10.0.0.66", "tebak-tebakan-1", 25).await;
        assert!(answers
            .iter()
            .all(|s| matches!(*s, StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS)));
        // Then one at a time, until the address is told to wait: in all, no more wrong
        // passwords were checked than the limit allows.
        for _ in 0..app::domain::sign_in_limits::PER_PAIR {
            answers.extend(statuses(&app, "10.0.0.66", "tebak-tebakan-1", 1).await);
        }
        let checked = answers
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count();
        assert_eq!(
            checked,
            app::domain::sign_in_limits::PER_PAIR as usize,
            "{answers:?}"
        );
        // The guesser's address waits, even with the right password ...
        let blocked = app.sign_in_from("10.0.0.66", ASN, PASSWORD).await;
        assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
        // ... but the owner, elsewhere, is not locked out by a stranger.
        let owner = app.sign_in_from("10.0.0.7", ASN, PASSWORD).await;
        assert_eq!(owner.status, StatusCode::OK, "{}", owner.body);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_signs_in_all_day_from_one_address() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        // One wrong password now and then, and many sign-ins: only failures count.
        for round in 0..40 {
            if round % 10 == 0 {
                let wrong = app
                    .sign_in_from("10.0.0.1", "bkpsdm.a", "salah-ketik-123")
                    .await;
                assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
            }
            let user = if round % 2 == 0 { ASN } else { "bkpsdm.a" };
            let ok = app.sign_in_from("10.0.0.1", user, PASSWORD).await;
            assert_eq!(ok.status, StatusCode::OK, "sign-in {round}: {}", ok.body);
        }
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_botnet_slows_down_strangers_while_the_owner_signs_in_at_the_office() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        // The owner has signed in from the office before.
        let first = app.sign_in_from("10.1.1.1", ASN, PASSWORD).await;
        assert_eq!(first.status, StatusCode::OK);
        // Guesses from many addresses, a few each: under every per-address limit.
        let mut refused = 0;
        for n in 0..20 {
            let stranger = format!("10.9.{n}.1");
            for _ in 0..2 {
                let answer = app.sign_in_from(&stranger, ASN, "tebak-tebakan-2").await;
                if answer.status == StatusCode::TOO_MANY_REQUESTS {
                    refused += 1;
                }
            }
        }
        assert!(
            refused >= 20,
            "only {refused} of 40 distributed guesses were slowed down"
        );
        let owner = app.sign_in_from("10.1.1.1", ASN, PASSWORD).await;
        assert_eq!(owner.status, StatusCode::OK, "{}", owner.body);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_server_processes_count_the_same_attempts() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let other = app.peer().await;
        for (n, server) in [&app, &other, &app, &other, &app].into_iter().enumerate() {
            let wrong = server
                .sign_in_from("10.0.0.99", ASN, "tebak-tebakan-3")
                .await;
            assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "attempt {n}");
        }
        for server in [&app, &other] {
            let blocked = server.sign_in_from("10.0.0.99", ASN, PASSWORD).await;
            assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
        }
        // A session made by one process is good on the other.
        let session = app.sign_in(ASN, PASSWORD).await;
        assert_eq!(
            other.get_as("/saya", Some(&session)).await.status,
            StatusCode::OK
        );
        other.finish().await;
        app.finish().await;
    }
}
