//! Plain forms, as a page without islands (or a browser without JavaScript) sends them: the
//! answer is a Post/Redirect/Get back to the page, at the form, and the page shows the
//! refusal inside that form in the reader's language, with the refusal's 4xx status. Never
//! the server function's JSON.

use super::world::{self, ASN, PASSWORD};
use crate::support::{session_cookie, set_cookie, TestApp, TestResponse};
use http::StatusCode;

/// The `jenjang_hasil=…` pair a form's answer sets, to send back with the next request.
fn outcome_cookie(answer: &TestResponse) -> String {
    set_cookie(answer, "jenjang_hasil")
        .unwrap_or_else(|| panic!("no outcome cookie in {:?}", answer.headers))
}

fn text(page: &TestResponse, selector: &str) -> String {
    let selector = scraper::Selector::parse(selector).expect("selector");
    page.html()
        .select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_sign_in_comes_back_to_its_form_in_the_readers_language() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let fields = [
            ("_formulir", "masuk"),
            ("nama_pengguna", ASN),
            ("kata_sandi", "bukan-kata-sandinya"),
        ];
        let answer = app.submit("masuk", "/masuk", &fields, None).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{:?}", app.engine);
        assert_eq!(answer.header("location"), "http://jenjang.test/masuk");
        assert!(answer.body.is_empty(), "no JSON: {}", answer.body);
        let outcome = outcome_cookie(&answer);

        let page = app.get_as("/masuk", Some(&outcome)).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            text(&page, "form#masuk [role=alert]"),
            "NIP/nama pengguna atau kata sandi salah."
        );
        // Read once: the page clears it.
        assert!(page
            .headers
            .get_all("set-cookie")
            .iter()
            .any(|v| v.to_str().is_ok_and(|v| v.starts_with("jenjang_hasil=;"))));

        let english = format!("bahasa=en; {outcome}");
        let page = app.get_as("/masuk", Some(&english)).await;
        assert_eq!(
            text(&page, "form#masuk [role=alert]"),
            "Wrong NIP/user name or password."
        );
        // Without the cookie the page is clean again.
        let page = app.get_as("/masuk", None).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.count("[role=alert]"), 0);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_form_lands_where_the_function_sends_it_and_a_refusal_only_in_its_form() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let signed_in = app
            .submit(
                "masuk",
                "/masuk",
                &[
                    ("_formulir", "masuk"),
                    ("nama_pengguna", ASN),
                    ("kata_sandi", PASSWORD),
                ],
                None,
            )
            .await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
        assert_eq!(signed_in.header("location"), "/saya");
        let asn = session_cookie(&signed_in).expect("a session");

        // A correction without evidence: refused, back on /saya/data at its form.
        let fields = [
            ("_formulir", "ajukan-koreksi"),
            ("jenis", "pelatihan"),
            ("nilai", "Diklat"),
            ("tanggal", "2026-03-02"),
            ("jp", "24"),
            ("penjelasan", "Pelatihan ini belum tercatat"),
            ("bukti", ""),
        ];
        let refused = app
            .submit("saya/koreksi", "/saya/data", &fields, Some(&asn))
            .await;
        assert_eq!(refused.status, StatusCode::SEE_OTHER);
        // No fragment: it would keep the browser from focusing the message (autofocus).
        assert_eq!(refused.header("location"), "http://jenjang.test/saya/data");
        let cookies = format!("{asn}; {}", outcome_cookie(&refused));
        let page = app.get_as("/saya/data", Some(&cookies)).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        let alert = text(&page, "form#ajukan-koreksi [role=alert]");
        assert!(alert.contains("tautan bukti"), "{alert}");
        assert_eq!(
            page.count("form#ajukan-koreksi [role=alert][autofocus][tabindex='-1']"),
            1,
            "the message takes the focus as the page loads"
        );
        assert_eq!(page.count("[role=alert]"), 1, "only in its own form");

        // The same request with evidence: accepted, and the page says so.
        let mut fields = fields;
        fields[6] = ("bukti", "https://contoh.go.id/sertifikat.pdf");
        let filed = app
            .submit("saya/koreksi", "/saya/data", &fields, Some(&asn))
            .await;
        assert_eq!(filed.status, StatusCode::SEE_OTHER);
        assert_eq!(filed.header("location"), "http://jenjang.test/saya/data");
        let cookies = format!("{asn}; {}", outcome_cookie(&filed));
        let page = app.get_as("/saya/data", Some(&cookies)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(text(&page, "form#ajukan-koreksi [role=status]").contains("Permohonan terkirim"));
        app.finish().await;
    }
}
