//! Merit-index results kept by the people who publish them (issue 21): the seed's 147
//! results, a file with a bad row that writes nothing and names the row, a result added,
//! refused a second value, corrected with a reason and marked corrected on the public page,
//! and the console's `jenjang indeks-merit import`.

use crate::support::{self, TestApp};
use app::auth::guard::Gate;
use app::domain::access::{Grant, Role};
use app::services::accounts::{self, NewAccount};
use app::services::intake::{Mode, SheetLimits};
use app::services::merit_results::{import_file, FileRequest};
use http::StatusCode;

const PASSWORD: &str = "sandi-operator-data-2026";

/// Signs in a public-data operator, created for the test; the session cookie.
async fn operator(app: &TestApp) -> String {
    let mut tx = app.pool.begin().await.expect("tx");
    accounts::create(
        &mut tx,
        "uji",
        NewAccount {
            nip: None,
            username: Some("data.publik"),
            name: Some("Operator Data Publik"),
            password: PASSWORD,
            must_change_password: false,
            grants: vec![Grant {
                role: Role::DataPublik,
                instansi_id: None,
                unit_kerja_id: None,
            }],
        },
    )
    .await
    .expect("operator account");
    tx.commit().await.expect("commit");
    app.sign_in("data.publik", PASSWORD).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

async fn results(app: &TestApp) -> i64 {
    count(app, "SELECT COUNT(*) FROM merit_index_score").await
}

/// A file with one good row and two bad ones: an instansi mistyped (row 3) and a score off
/// the scale (row 4). Semicolons and a day-first date, as Indonesian spreadsheets write.
const BAD_FILE: &str = "Instansi;Tahun;Badan;Skala;Skor;Kategori;Sumber;Tanggal Publikasi;Catatan\n\
    Pemerintah Kota Balikpapan;2024;BKN;KASN_100_400;281;;https://contoh.go.id/balikpapan;19/12/2024;putaran BKN\n\
    Kota Balikpapn;2025;BKN;KASN_100_400;290;;https://contoh.go.id/salah-ketik;2025-09-10;\n\
    Pemerintah Kota Bontang;2024;BKN;KASN_100_400;450;IV;https://contoh.go.id/bontang;2024-12-19;\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_with_a_bad_row_writes_nothing_and_names_the_row() {
    for app in TestApp::each_engine().await {
        let before = results(&app).await;
        // At the console, through the service.
        let console = Gate::new(app.pool.clone(), false).operator("cli:uji");
        let scope = console.merit_publisher().expect("the console publishes");
        let report = import_file(
            &scope,
            FileRequest {
                file_name: "hasil.csv",
                bytes: BAD_FILE.as_bytes(),
                limits: SheetLimits::default(),
                mode: Mode::Commit,
            },
        )
        .await
        .expect("checked");
        assert!(!report.written, "{:?}", app.engine);
        assert_eq!((report.counts.new, report.counts.rejected), (1, 2));
        let rejected: Vec<(usize, &str)> = report.rejections().collect();
        assert_eq!(rejected[0].0, 3);
        assert!(
            rejected[0]
                .1
                .contains("\"Kota Balikpapn\" tidak ada dalam katalog")
                && rejected[0]
                    .1
                    .contains("mungkin maksudnya: Pemerintah Kota Balikpapan"),
            "{rejected:?}"
        );
        assert_eq!(rejected[1].0, 4);
        assert!(
            rejected[1]
                .1
                .contains("skor 450 di luar rentang KASN/BKN 100-400"),
            "{rejected:?}"
        );
        assert_eq!(results(&app).await, before, "nothing is half-imported");

        // On the web: the check is kept and shown, and saving it is refused.
        let cookie = operator(&app).await;
        let checked = app
            .call(
                "data/indeks-merit/impor/uji",
                &[("nama_berkas", "hasil.csv"), ("isi", BAD_FILE)],
                Some(&cookie),
            )
            .await;
        assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
        let draft: i64 = serde_json::from_str(&checked.body).expect("the draft's id");
        let page = app
            .get_as(&format!("/data/indeks-merit?draf={draft}"), Some(&cookie))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page
            .body
            .contains("mungkin maksudnya: Pemerintah Kota Balikpapan"));
        assert_eq!(page.count("form#impor-simpan button"), 0, "no save offered");
        let saved = app
            .call(
                "data/indeks-merit/impor/simpan",
                &[("draf", &draft.to_string())],
                Some(&cookie),
            )
            .await;
        assert_eq!(saved.status, StatusCode::BAD_REQUEST, "{}", saved.body);
        assert!(
            saved.message().contains("2 baris ditolak"),
            "{}",
            saved.message()
        );
        assert_eq!(results(&app).await, before);

        // The good row alone saves, once; the same file again changes nothing.
        let good: String = BAD_FILE.lines().take(2).map(|l| format!("{l}\n")).collect();
        let checked = app
            .call(
                "data/indeks-merit/impor/uji",
                &[("nama_berkas", "hasil-baik.csv"), ("isi", &good)],
                Some(&cookie),
            )
            .await;
        let draft: i64 = serde_json::from_str(&checked.body).expect("the draft's id");
        let saved = app
            .call(
                "data/indeks-merit/impor/simpan",
                &[("draf", &draft.to_string())],
                Some(&cookie),
            )
            .await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        assert_eq!(results(&app).await, before + 1);
        let again = app
            .call(
                "data/indeks-merit/impor/simpan",
                &[("draf", &draft.to_string())],
                Some(&cookie),
            )
            .await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST, "saved once");
        let imports = count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'indeks_merit.impor'",
        )
        .await;
        assert_eq!(imports, 1);
        app.finish().await;
    }
}

/// The operator's form for Kota Balikpapan's 2024 result of BKN's round.
fn balikpapan_2024() -> [(&'static str, &'static str); 9] {
    [
        ("instansi", "Kota Balikpapan"),
        ("tahun", "2024"),
        ("badan", "BKN"),
        ("skala", "KASN_100_400"),
        ("skor", "281"),
        ("kategori", ""),
        ("sumber", "https://contoh.go.id/balikpapan-2024"),
        ("tanggal", "2024-12-19"),
        ("catatan", "putaran BKN Desember"),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_result_is_added_refused_a_second_value_and_corrected_with_a_reason() {
    for app in TestApp::each_engine().await {
        let cookie = operator(&app).await;
        let added = app
            .call(
                "data/indeks-merit/tambah",
                &balikpapan_2024(),
                Some(&cookie),
            )
            .await;
        assert_eq!(
            added.status,
            StatusCode::OK,
            "{:?}: {}",
            app.engine,
            added.body
        );
        let id: i64 = serde_json::from_str(&added.body).expect("the result's id");

        // Another value for the same instansi, year and body: which is right must be decided.
        let mut second = balikpapan_2024();
        second[4] = ("skor", "283");
        let refused = app
            .call("data/indeks-merit/tambah", &second, Some(&cookie))
            .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert!(
            refused
                .message()
                .contains("catat koreksi beserta alasannya"),
            "{}",
            refused.message()
        );
        // KASN's round of the same year is another result, kept apart.
        let mut kasn = balikpapan_2024();
        kasn[2] = ("badan", "KASN");
        kasn[4] = ("skor", "275");
        kasn[7] = ("tanggal", "2024-05-29");
        let kept = app
            .call("data/indeks-merit/tambah", &kasn, Some(&cookie))
            .await;
        assert_eq!(kept.status, StatusCode::OK, "{}", kept.body);
        // A stated category that contradicts the score names both.
        let mut contradicts = balikpapan_2024();
        contradicts[1] = ("tahun", "2023");
        contradicts[5] = ("kategori", "IV");
        let refused = app
            .call("data/indeks-merit/tambah", &contradicts, Some(&cookie))
            .await;
        assert!(
            refused.message().contains(
                "Kategori tertulis IV bertentangan dengan skor 281, yang berkategori III"
            ),
            "{}",
            refused.message()
        );
        // A mistyped instansi is refused with the names nearest to it, in English too.
        let mut typo = balikpapan_2024();
        typo[0] = ("instansi", "Kota Balikpapn");
        let english = format!("bahasa=en; {cookie}");
        let refused = app
            .call("data/indeks-merit/tambah", &typo, Some(&english))
            .await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST);
        assert!(
            refused
                .message()
                .contains("perhaps you meant: Pemerintah Kota Balikpapan"),
            "{}",
            refused.message()
        );

        let reason = "Sumber pertama salah ketik; BKN meralatnya sehari kemudian";
        let id_text = id.to_string();
        let correction = [
            ("id", id_text.as_str()),
            ("skor", "282,5"),
            ("kategori", ""),
            ("sumber", "https://contoh.go.id/balikpapan-2024-ralat"),
            ("tanggal", "2024-12-20"),
            ("catatan", "putaran BKN Desember"),
            ("alasan", reason),
        ];
        let corrected = app
            .call("data/indeks-merit/koreksi", &correction, Some(&cookie))
            .await;
        assert_eq!(corrected.status, StatusCode::OK, "{}", corrected.body);
        let new_id: i64 = serde_json::from_str(&corrected.body).expect("the new version's id");
        // The corrected version stays, the new one names it and why.
        let (corrects, version, why): (Option<i64>, i64, Option<String>) = sqlx::query_as(
            "SELECT corrects_id, version, correction_reason FROM merit_index_score WHERE id = $1",
        )
        .bind(new_id)
        .fetch_one(&app.pool)
        .await
        .expect("new version");
        assert_eq!(
            (corrects, version, why.as_deref()),
            (Some(id), 2, Some(reason))
        );
        assert_eq!(
            count(
                &app,
                &format!("SELECT COUNT(*) FROM merit_index_score WHERE id = {id}")
            )
            .await,
            1
        );
        // A version already corrected is not corrected again.
        let again = app
            .call("data/indeks-merit/koreksi", &correction, Some(&cookie))
            .await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST);
        assert!(
            again.message().contains("sudah dikoreksi"),
            "{}",
            again.message()
        );

        // The public page: both rounds of 2024, the corrected one marked, the reason told.
        let page = app.get("/indeks-merit/kota-balikpapan").await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = page.table_rows();
        let bkn = rows
            .iter()
            .find(|r| r[0] == "2024" && r[1] == "BKN")
            .unwrap_or_else(|| panic!("BKN 2024 in {rows:?}"));
        assert_eq!(bkn[2], "282,5 dikoreksi");
        assert_eq!(bkn[3], "III (Baik)");
        assert!(bkn[4].contains(reason), "{bkn:?}");
        assert!(bkn[4].contains("Sebelumnya: 281."), "{bkn:?}");
        assert!(bkn[4].contains("terbit 2024-12-20"), "{bkn:?}");
        let kasn = rows
            .iter()
            .find(|r| r[0] == "2024" && r[1] == "KASN")
            .unwrap_or_else(|| panic!("KASN 2024 in {rows:?}"));
        assert_eq!(kasn[2], "275");
        let english = app
            .get_as("/indeks-merit/kota-balikpapan", Some("bahasa=en"))
            .await;
        assert!(english.body.contains("corrected"));
        assert!(english.body.contains("Before: 281."));
        // The trend page marks it too, without the reason.
        let trend = app.get("/indeks-merit?instansi=kota-balikpapan").await;
        assert!(trend
            .table_rows()
            .iter()
            .any(|r| r[2] == "2024" && r[3] == "BKN" && r[4] == "282,5 dikoreksi"));

        // Every write is in the audit log, the correction with its reason.
        let logged: Vec<(String, Option<String>)> = sqlx::query_as(
            "SELECT action, reason FROM audit_log WHERE action LIKE 'indeks_merit.%' ORDER BY seq",
        )
        .fetch_all(&app.pool)
        .await
        .expect("log");
        assert_eq!(
            logged,
            [
                ("indeks_merit.tambah".to_owned(), None),
                ("indeks_merit.tambah".to_owned(), None),
                ("indeks_merit.koreksi".to_owned(), Some(reason.to_owned())),
            ]
        );
        // The operator's desk opens on the result, in its version in force.
        let desk = app
            .get_as(&format!("/data/indeks-merit?koreksi={id}"), Some(&cookie))
            .await;
        assert_eq!(desk.status, StatusCode::OK);
        assert_eq!(
            desk.count(&format!(
                "form#koreksi-hasil input[name=id][value=\"{new_id}\"]"
            )),
            1
        );
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seed_holds_147_results_and_51_categories_show_as_categories() {
    for app in TestApp::each_engine().await {
        assert_eq!(results(&app).await, 147, "{:?}", app.engine);
        let alone = count(
            &app,
            "SELECT COUNT(*) FROM merit_index_score WHERE score IS NULL",
        )
        .await;
        assert_eq!(alone, 51);
        let slugs: Vec<String> = sqlx::query_scalar(
            "SELECT i.slug FROM instansi i WHERE EXISTS \
             (SELECT 1 FROM merit_index_score s WHERE s.instansi_id = i.id) ORDER BY i.slug",
        )
        .fetch_all(&app.pool)
        .await
        .expect("slugs");
        assert_eq!(slugs.len(), 108);
        let query: Vec<String> = slugs.iter().map(|s| format!("instansi={s}")).collect();
        let page = app.get(&format!("/indeks-merit?{}", query.join("&"))).await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = page.table_rows();
        assert_eq!(rows.len(), 147);
        let categories: Vec<&Vec<String>> =
            rows.iter().filter(|r| r[4] == "hanya kategori").collect();
        assert_eq!(categories.len(), 51);
        // Each with its category and source, and no median.
        assert!(categories
            .iter()
            .all(|r| !r[5].is_empty() && !r[6].is_empty() && r[7] == "—"));
        assert!(rows
            .iter()
            .any(|r| r[0] == "Kementerian Agama" && r[1] == "Nasional" && r[5] == "III (Baik)"));
        // BPOM's two rounds of 2024 stay two results.
        let bpom_2024 = rows
            .iter()
            .filter(|r| r[0] == "Badan Pengawas Obat dan Makanan" && r[2] == "2024")
            .map(|r| r[3].as_str())
            .collect::<Vec<_>>();
        assert_eq!(bpom_2024, ["KASN", "BKN"]);
        // A hundred instansi: the chart draws eight lines and says where the rest are.
        let selector = scraper::Selector::parse(".grafik-kanvas.lebar a.titik").expect("selector");
        let html = page.html();
        let mut drawn: Vec<&str> = html
            .select(&selector)
            .filter_map(|a| a.value().attr("href"))
            .collect();
        drawn.sort_unstable();
        drawn.dedup();
        assert_eq!(drawn.len(), 8);
        assert!(page.body.contains("Grafik memuat paling banyak 8 garis"));
        // The selector groups them by province, the national ones together.
        assert_eq!(page.count("select[name=instansi] option[selected]"), 108);
        assert_eq!(page.count("optgroup[label=Nasional] option"), 19);
        // A filter narrows the list, the chosen ones stay.
        let narrowed = app
            .get("/indeks-merit?instansi=kota-bontang&cari=kutai")
            .await;
        assert_eq!(narrowed.count("select[name=instansi] option"), 2);

        // The front page: each instansi's latest result, a category alone as such.
        let front = app.get("/").await;
        let latest = front.table_rows();
        assert_eq!(latest.len(), 108);
        assert!(latest
            .iter()
            .any(|r| r[0] == "Kementerian Agama" && r[3] == "hanya kategori"));
        app.finish().await;
    }
}

/// Runs `jenjang indeks-merit` with `args` against the app's database.
fn indeks_merit(app: &TestApp, args: &[&str]) -> (bool, String) {
    let args: Vec<&str> = std::iter::once("indeks-merit")
        .chain(args.iter().copied())
        .collect();
    support::console(app, &args)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_checks_imports_adds_and_corrects() {
    for app in TestApp::each_engine().await {
        let dir = tempfile::tempdir().expect("temp dir");
        let bad = dir.path().join("hasil.csv");
        std::fs::write(&bad, BAD_FILE).expect("file");
        let bad = bad.to_string_lossy().into_owned();
        let before = results(&app).await;
        let (ok, output) = indeks_merit(&app, &["import", "--dry-run", &bad]);
        assert!(!ok, "a dry run with rejected rows fails: {output}");
        assert!(output.contains("uji coba"), "{output}");
        assert!(output.contains("baris      3  DITOLAK"), "{output}");
        let (ok, output) = indeks_merit(&app, &["import", &bad]);
        assert!(!ok, "a file with rejected rows fails: {output}");
        assert!(output.contains("2 baris ditolak"), "{output}");
        assert_eq!(results(&app).await, before);

        let (ok, output) = indeks_merit(
            &app,
            &[
                "add",
                "--instansi",
                "Pemerintah Kota Bontang",
                "--tahun",
                "2024",
                "--badan",
                "BKN",
                "--skala",
                "KASN_100_400",
                "--kategori",
                "Baik",
                "--sumber",
                "https://contoh.go.id/bontang-2024",
                "--tanggal",
                "19/12/2024",
            ],
        );
        assert!(ok, "{output}");
        let id: i64 = sqlx::query_scalar(
            "SELECT MAX(id) FROM merit_index_score WHERE recorded_by LIKE 'cli:%'",
        )
        .fetch_one(&app.pool)
        .await
        .expect("added by the console");
        let (ok, output) = indeks_merit(
            &app,
            &[
                "correct",
                &id.to_string(),
                "--skor",
                "301",
                "--sumber",
                "https://contoh.go.id/bontang-2024-nilai",
                "--tanggal",
                "2025-01-15",
                "--alasan",
                "BKN menerbitkan nilainya kemudian",
            ],
        );
        assert!(ok, "{output}");
        assert_eq!(results(&app).await, before + 2);
        app.finish().await;
    }
}
