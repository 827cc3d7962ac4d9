//! The language switch: `/bahasa/{id,en}` remembers the choice and comes back to the page; the
//! pages render in the chosen language, with `<html lang>` to match.

use crate::support::TestApp;
use http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switch_remembers_the_choice_and_comes_back_to_the_page() {
    for app in TestApp::each_engine().await {
        let switched = app
            .get("/bahasa/en?kembali=%2Findeks-merit%3Finstansi%3Dkota-malang%26tahun%3D2021")
            .await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER, "{:?}", app.engine);
        assert_eq!(
            switched.header("location"),
            "/indeks-merit?instansi=kota-malang&tahun=2021"
        );
        assert!(switched
            .header("set-cookie")
            .starts_with("bahasa=en; Path=/;"));
        assert_eq!(switched.header("cache-control"), "no-store");

        for elsewhere in ["//jahat.example", "https://jahat.example", ""] {
            let response = app.get(&format!("/bahasa/id?kembali={elsewhere}")).await;
            assert_eq!(response.header("location"), "/", "{elsewhere}");
            assert!(response.header("set-cookie").starts_with("bahasa=id;"));
        }
        let unknown = app.get("/bahasa/fr?kembali=/").await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(unknown.header("set-cookie").is_empty());
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_renders_in_the_chosen_language() {
    for app in TestApp::each_engine().await {
        let indonesian = app.get("/indeks-merit?instansi=kota-malang").await;
        assert!(indonesian.body.contains(r#"<html lang="id""#));
        assert!(indonesian
            .body
            .contains("Indeks Sistem Merit ASN per instansi"));
        assert!(indonesian.body.contains("256,5"));

        let english = app
            .get_as("/indeks-merit?instansi=kota-malang", Some("bahasa=en"))
            .await;
        assert_eq!(english.status, StatusCode::OK, "{:?}", app.engine);
        assert!(english.body.contains(r#"<html lang="en""#));
        assert!(english.body.contains("ASN Merit System Index per instansi"));
        assert!(english.body.contains("256.5"));
        assert!(!english
            .body
            .contains("Indeks Sistem Merit ASN per instansi"));
        // The switch offers the other language, coming back to the same page.
        assert!(english
            .body
            .contains("/bahasa/id?kembali=/indeks-merit%3Finstansi%3Dkota-malang"));
        // A cache keeps the two languages apart.
        assert!(english.header("vary").contains("Cookie"));

        let missing = app.get_as("/tidak-ada", Some("bahasa=en")).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.body.contains("Page not found"));
        app.finish().await;
    }
}
