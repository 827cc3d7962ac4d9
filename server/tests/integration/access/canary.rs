//! The canary crawl (issue 7): pegawai with unmistakable names and NIPs are placed, trained and
//! put in an OPD of their own; then every public page reachable from the public entry points,
//! every public server function and every public download is read as an anonymous visitor,
//! and none may carry a canary.

use super::calibration::{place, placements};
use super::world;
use crate::support::TestApp;
use http::StatusCode;
use std::collections::{BTreeSet, VecDeque};

/// What no public answer may contain: the canaries' name stem and NIP stem.
const CANARY_NAME: &str = "Zzkanari";
const CANARY_NIP: &str = "19770707200701";

/// Where the public comes in; everything linked from these pages is followed.
const ENTRY_POINTS: [&str; 8] = [
    "/",
    "/indeks-merit",
    "/metodologi",
    "/indeks-merit/uji-a",
    "/indeks-merit/uji-a?periode=2024",
    "/indeks-merit/uji-b",
    "/unduh/indeks-merit.csv",
    "/unduh/indeks-merit.csv?instansi=uji-a",
];

/// Pages the crawl reads at most: each of the seed's 108 instansi has a page and two
/// downloads, and little else is public; a loop would show here.
const MAX_PAGES: usize = 1_000;

async fn canaries(app: &TestApp) {
    let pool = &app.pool;
    sqlx::query(
        "INSERT INTO unit_kerja (instansi_id, parent_id, code, name) \
         SELECT id, NULL, 'DK', 'Dinas Kebudayaan' FROM instansi WHERE slug = 'uji-a'",
    )
    .execute(pool)
    .await
    .expect("unit");
    for i in 0..12 {
        let nip = format!("{CANARY_NIP}{i:04}");
        sqlx::query(
            "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, \
             golongan, unit_kerja_id) SELECT u.instansi_id, $1, 'pns', $2, 'L', '1977-07-07', \
             '2007-01-01', 'III/c', u.id FROM unit_kerja u WHERE u.code = 'DK'",
        )
        .bind(&nip)
        .bind(format!("{CANARY_NAME} Orang {i}"))
        .execute(pool)
        .await
        .expect("canary");
        place(app, &nip, 2025, ("above", "high"), 9, "III/c").await;
        sqlx::query(
            "INSERT INTO riwayat_pelatihan (pegawai_id, name, start_date, year, jp) \
             SELECT id, 'Pelatihan Teknis', '2025-05-05', 2025, 30 FROM pegawai WHERE nip = $1",
        )
        .bind(&nip)
        .execute(pool)
        .await
        .expect("pelatihan");
    }
}

/// The same-site links of a page, without their fragment.
fn links(body: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(body);
    let anchor = scraper::Selector::parse("a[href]").expect("selector");
    html.select(&anchor)
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        // The language switch only redirects: the crawl reads both languages itself.
        .filter(|href| {
            !href.is_empty() && !href.starts_with("/pkg/") && !href.starts_with("/bahasa/")
        })
        .collect()
}

fn assert_no_canary(what: &str, body: &str) {
    assert!(
        !body.contains(CANARY_NAME) && !body.contains(CANARY_NIP),
        "{what} carries a canary"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_public_page_function_or_download_carries_a_canary() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        canaries(&app).await;
        // The public figures are the canaries' instansi's release, published after them.
        crate::support::publish(&app.pool, "uji-a", 2025, "")
            .await
            .expect("published");

        // In Bahasa Indonesia (no cookie) and in English.
        for language in [None, Some("bahasa=en")] {
            let mut queue: VecDeque<String> =
                ENTRY_POINTS.iter().map(|p| (*p).to_owned()).collect();
            let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
            let mut read = 0;
            while let Some(path) = queue.pop_front() {
                let page = app.get_as(&path, language).await;
                read += 1;
                assert!(read <= MAX_PAGES, "the crawl does not end");
                assert_no_canary(&path, &page.body);
                if page.status != StatusCode::OK {
                    continue;
                }
                for link in links(&page.body) {
                    if seen.insert(link.clone()) {
                        queue.push_back(link);
                    }
                }
            }
            // The canaries' OPD is there, as aggregates: the crawl did reach their figures.
            assert!(seen.contains("/indeks-merit/uji-a"));
            let picture = app.get_as("/indeks-merit/uji-a", language).await;
            assert!(picture.body.contains("Dinas Kebudayaan"));
            assert!(read >= ENTRY_POINTS.len(), "{seen:?}");
        }

        for (function, args) in [
            ("beranda", vec![]),
            ("metodologi", vec![]),
            ("indeks-merit/instansi", vec![("slug", "uji-a")]),
            ("indeks-merit/talenta", vec![("slug", "uji-a")]),
            (
                "indeks-merit/talenta",
                vec![("slug", "uji-a"), ("periode", "2024")],
            ),
        ] {
            let answer = app.call(function, &args, None).await;
            assert_no_canary(function, &answer.body);
        }
        let overview = app
            .post_json("/api/indeks-merit", r#"{"selection":["uji-a","uji-b"]}"#)
            .await;
        assert_no_canary("indeks-merit", &overview.body);
        app.finish().await;
    }
}
