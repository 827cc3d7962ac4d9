//! `/metodologi`: the rules as the parameter data holds them, for anyone, cacheable.

use crate::support::TestApp;
use app::domain::scoring::ParameterSet;
use http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_methodology_is_read_from_the_parameter_versions_in_force() {
    for app in TestApp::each_engine().await {
        let page = app.get("/metodologi").await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", app.engine);
        assert!(page.header("cache-control").starts_with("public"));
        let rows = page.table_rows();
        for expected in [
            vec!["Kinerja utama (predikat SKP)".to_owned(), "60 %".to_owned()],
            vec!["Penilaian potensi (asesmen)".to_owned(), "25 %".to_owned()],
            vec!["Sangat Baik".to_owned(), "100".to_owned()],
            vec![
                "Sedang menjalani hukuman disiplin".to_owned(),
                "0".to_owned(),
            ],
        ] {
            assert!(
                rows.contains(&expected),
                "missing {expected:?} in {rows:#?}"
            );
        }
        assert!(page
            .body
            .contains("Belum ada instansi yang memetakan talenta"));

        // An instansi that versions its own thresholds is listed with them.
        let mut conn = app.pool.acquire().await.expect("connection");
        let id: i64 = sqlx::query_scalar("SELECT id FROM instansi WHERE slug = 'kota-balikpapan'")
            .fetch_one(&mut *conn)
            .await
            .expect("seeded instansi");
        app::services::parameters::adopt(&mut conn, id, &ParameterSet::jpm_90_78(), "uji")
            .await
            .expect("adopted");
        drop(conn);
        // A write that did not come through this process's HTTP (another process, here the
        // service called directly) is seen once the public cache looks again, within a second.
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        let page = app.get("/metodologi").await;
        let listed = page
            .table_rows()
            .into_iter()
            .find(|r| r.first().map(String::as_str) == Some("Pemerintah Kota Balikpapan"))
            .expect("the instansi is listed");
        assert!(listed[1].contains("versi 1"), "{listed:?}");
        assert!(listed[1].ends_with("ambang 90 / 78"), "{listed:?}");
        app.finish().await;
    }
}
