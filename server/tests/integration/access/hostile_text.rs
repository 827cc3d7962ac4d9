//! Stored text is data, never markup (issue 18, item 3): a name imported with `</title>`,
//! `<script>`, quotes and a formula opener reaches the atasan's pages as the same characters,
//! in the title and in the body, and adds no element to the document.

use super::world::{self, Actor, MATE, PASSWORD};
use crate::support::TestApp;
use http::StatusCode;

const HOSTILE: &str = "=Fajar</title><meta http-equiv=\"refresh\" content=\"0;url=https://contoh.invalid/\"><script>alert('x')</script> \"Bin\" O'Neil";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_name_stays_text_in_the_title_and_the_body() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        sqlx::query("UPDATE pegawai SET name = $1 WHERE nip = $2")
            .bind(HOSTILE)
            .bind(MATE)
            .execute(&app.pool)
            .await
            .expect("rename");
        let boss = Actor::Atasan.username().expect("atasan");
        let cookie = app.sign_in(boss, PASSWORD).await;
        for page in [format!("/pegawai/{MATE}"), "/tim".to_owned()] {
            let response = app.get_as(&page, Some(&cookie)).await;
            assert_eq!(response.status, StatusCode::OK, "{page}");
            assert_eq!(
                response.count("meta[http-equiv]"),
                0,
                "{page}: {}",
                response.body
            );
            assert_eq!(response.count("head title"), 1, "{page}");
            let scripts = response.html();
            let script = scraper::Selector::parse("script").expect("selector");
            assert!(
                scripts
                    .select(&script)
                    .all(|s| !s.text().collect::<String>().contains("alert")),
                "{page}: the name ran as a script"
            );
            assert!(
                scripts.root_element().text().any(|t| t.contains(HOSTILE)),
                "{page}: the name is not shown as stored"
            );
        }
        let record = app.get_as(&format!("/pegawai/{MATE}"), Some(&cookie)).await;
        let html = record.html();
        let title = scraper::Selector::parse("head title").expect("selector");
        let shown: String = html.select(&title).flat_map(|t| t.text()).collect();
        assert_eq!(shown, format!("{HOSTILE} | Jenjang"));
        app.finish().await;
    }
}
