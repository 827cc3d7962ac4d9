//! `jenjang seed-demo` then `jenjang score`: the synthetic Balikpapan places its assessed
//! cohort, on both engines, with a past (2024 scored, calibrated in a closed session and
//! published), and seeding twice writes nothing the second time.

use crate::support::{self, TestApp};
use app::domain::access::Action;
use app::services::calibration;
use jenjang::commands::seed_demo::{create, history, DemoSpec, DEMO_PASSWORD, DEMO_SLUG};
use jenjang::commands::{instansi_scope, operator};
use sqlx::AnyPool;

async fn count(pool: &AnyPool, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_instansi_places_its_assessed_cohort() {
    for app in TestApp::each_engine().await {
        let pool = &app.pool;
        let report = create(pool, &DemoSpec::default()).await.expect("demo");
        assert_eq!((report.pegawai, report.assessed), (6_000, 500));
        assert!(
            (50..=60).contains(&report.units),
            "about 40 OPD and their sub-units"
        );
        let flagged: i64 = sqlx::query_scalar(
            "SELECT CASE WHEN demo THEN 1 ELSE 0 END FROM instansi WHERE slug = $1",
        )
        .bind(DEMO_SLUG)
        .fetch_one(pool)
        .await
        .expect("instansi");
        assert_eq!(flagged, 1, "demo data is marked synthetic");
        let golongan_iii: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM pegawai WHERE kind = 'pns' AND golongan LIKE 'III/%'",
        )
        .fetch_one(pool)
        .await
        .expect("count");
        assert!(
            golongan_iii > 1_500,
            "golongan III is the largest group: {golongan_iii}"
        );

        history::record(pool).await.expect("the demo's 2024");
        let placed_2024 = count(
            pool,
            "SELECT COUNT(*) FROM placement_calibrated WHERE period = 2024 AND kotak IS NOT NULL",
        )
        .await;
        assert!(placed_2024 >= 300, "2024 placed {placed_2024}");
        let closed = count(
            pool,
            "SELECT COUNT(*) FROM sesi_kalibrasi WHERE period = 2024 AND closed_at IS NOT NULL",
        )
        .await;
        let moves = count(pool, "SELECT COUNT(*) FROM kalibrasi WHERE period = 2024").await;
        assert_eq!(
            (closed, moves),
            (1, 3),
            "one closed 2024 session, three moves"
        );
        let released = count(pool, "SELECT COUNT(*) FROM rilis WHERE period = 2024").await;
        assert_eq!(released, 1);
        minutes_read_as_a_committee_signs_them(pool).await;

        let summary = support::score(pool, DEMO_SLUG, 2025, "uji").await;
        let moved = count(
            pool,
            "SELECT COUNT(*) FROM placement_calibrated a JOIN placement_calibrated b \
             ON b.pegawai_id = a.pegawai_id AND b.period = 2025 \
             WHERE a.period = 2024 AND a.kotak IS NOT NULL AND b.kotak IS NOT NULL \
             AND COALESCE(a.calibrated_kotak, a.kotak) <> b.kotak",
        )
        .await;
        assert!(
            moved >= 50,
            "plausible movement between 2024 and 2025: {moved}"
        );
        let outside_iii = count(
            pool,
            "SELECT COUNT(*) FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
             WHERE f.period = 2025 AND f.kotak IS NOT NULL AND p.golongan NOT LIKE 'III/%'",
        )
        .await;
        assert!(
            (30..=100).contains(&outside_iii),
            "some placed outside golongan III: {outside_iii}"
        );
        // Everyone outside the cohort lacks an assessment, unless a hukdis excluded them first.
        let unassessed = summary
            .missing
            .get("Penilaian potensi (asesmen)")
            .copied()
            .unwrap_or_default();
        assert!(
            unassessed <= 5_500 && unassessed + summary.excluded >= 5_500,
            "{summary:?}"
        );
        assert!(
            summary.placed >= 400,
            "most of the cohort is placed: {summary:?}"
        );
        assert_eq!(summary.placed, summary.per_kotak.iter().sum::<usize>());
        unplaced_people_are_listed_with_what_they_lack(&app, unassessed).await;
        candidates_rank_by_their_fit_for_each_post(&app).await;
        let again = support::score(pool, DEMO_SLUG, 2025, "uji").await;
        assert_eq!(again.new_snapshots, 0);
        assert_eq!(
            create(pool, &DemoSpec::default())
                .await
                .expect("again")
                .pegawai,
            0
        );
        app.finish().await;
    }
}

/// The 2024 session's minutes, read as text by poppler's `pdftotext`: letterhead, reference number, the change table with every
/// moved person's NIP and reason, and a signature line per member present.
async fn minutes_read_as_a_committee_signs_them(pool: &AnyPool) {
    let viewer = operator(pool);
    let scope = instansi_scope(&viewer, Action::Calibrate, DEMO_SLUG)
        .await
        .expect("scope");
    let session: i64 = sqlx::query_scalar("SELECT id FROM sesi_kalibrasi WHERE period = 2024")
        .fetch_one(pool)
        .await
        .expect("session");
    let pdf = calibration::minutes(&scope, session)
        .await
        .expect("minutes");
    let text = support::pdf_text(&pdf);
    // Table cells wrap, and pdftotext spaces columns as it sees fit: compare without spaces.
    let flat: String = text.split_whitespace().collect();
    for expected in [
        "PEMERINTAH KOTA BALIKPAPAN (DEMO)",
        "BERITA ACARA KALIBRASI MANAJEMEN TALENTA",
        "Nomor: 800.1.3/0412/KMT/2025",
        "Nama dan NIP",
        "Dicatat oleh",
        "5 → 6",
        "8 → 7",
        "3 → 5",
        "RPJMD",
        "teguran",
        "Demikian berita acara ini dibuat",
        "Inspektur Daerah (demo)",
        "Kepala BKPSDM (demo), sekretaris",
    ] {
        let expected: String = expected.split_whitespace().collect();
        assert!(flat.contains(&expected), "{expected:?} in\n{text}");
    }
    let nips: Vec<String> = sqlx::query_scalar(
        "SELECT p.nip FROM kalibrasi k JOIN pegawai p ON p.id = k.pegawai_id WHERE k.period = 2024",
    )
    .fetch_all(pool)
    .await
    .expect("nips");
    assert_eq!(nips.len(), 3);
    for nip in nips {
        assert!(flat.contains(&nip), "{nip} in the change table:\n{text}");
    }
}

/// BKPSDM finds everyone the 2025 map leaves out, with what each lacks: reached from the map,
/// counted per missing input, and listed a page at a time under one input.
async fn unplaced_people_are_listed_with_what_they_lack(app: &TestApp, unassessed: usize) {
    let cookie = app.sign_in("bkpsdm.demo", DEMO_PASSWORD).await;
    let map = app
        .get_as(
            &format!("/talenta/peta?instansi={DEMO_SLUG}"),
            Some(&cookie),
        )
        .await;
    assert!(map
        .body
        .contains("belum terpetakan: siapa, dan data apa yang belum ada"));
    let all = app
        .get_as(
            &format!("/talenta/belum-terpetakan?instansi={DEMO_SLUG}"),
            Some(&cookie),
        )
        .await;
    assert_eq!(all.status, 200);
    let count = app::format::decimal_id(unassessed as f64, 0);
    assert!(
        all.body
            .contains(&format!("Penilaian potensi (asesmen): {count} orang")),
        "the count of those without an assessment"
    );
    let lacking = app
        .get_as(
            &format!("/talenta/belum-terpetakan?instansi={DEMO_SLUG}&kurang=asesmen&halaman=2"),
            Some(&cookie),
        )
        .await;
    assert!(lacking.body.contains(&format!(
        "Belum ada penilaian potensi (asesmen) ({count} orang)"
    )));
    assert!(lacking.body.contains("Halaman 2 dari"));
    // A search within those lacking one input keeps to them.
    assert!(lacking
        .body
        .contains(r#"<input type="hidden" name="kurang" value="asesmen""#));
    let rows = lacking.table_rows();
    assert_eq!(rows.len(), 50, "a page of 50");
    for row in &rows {
        assert!(
            row.last()
                .is_some_and(|reason| reason.contains("Penilaian potensi (asesmen)")),
            "{row:?}"
        );
    }
}

/// Key posts of different fields rank their candidates differently: the post's field, its
/// own standard and the OPD weigh in, each candidate's score says why, the list shows the
/// best ten first, and a fourth candidate chosen for comparison is said to be left out.
async fn candidates_rank_by_their_fit_for_each_post(app: &TestApp) {
    let cookie = app.sign_in("komite.demo", DEMO_PASSWORD).await;
    let mut lists = Vec::new();
    for code in ["DINKES-KABID1", "BAPPEDA-KABID1"] {
        let page = app
            .get_as(
                &format!("/talenta/suksesi/{code}?instansi={DEMO_SLUG}"),
                Some(&cookie),
            )
            .await;
        assert_eq!(page.status, 200, "{code}");
        let rows = page.table_rows();
        assert!(
            (3..=10).contains(&rows.len()),
            "{code}: the best ten first: {}",
            rows.len()
        );
        assert!(page.body.contains("Tampilkan semua"), "{code}");
        // The score's parts are shown beside it.
        assert!(rows[0][6].contains("kesesuaian bidang"), "{:?}", rows[0]);
        assert!(
            rows[0][6].contains("pengalaman di OPD jabatan"),
            "{:?}",
            rows[0]
        );
        lists.push(rows);
    }
    let (dinkes, bappeda) = (&lists[0], &lists[1]);
    // The health office has candidates of its own field and OPD in the pool: they lead.
    for row in dinkes.iter().take(3) {
        assert!(row[3].starts_with("Dinas Kesehatan"), "{row:?}");
    }
    let top = |rows: &[Vec<String>]| {
        rows.iter()
            .take(3)
            .map(|r| r[2].clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(top(dinkes), top(bappeda), "each post its own top three");
    // The planning office's own candidate gains the field and OPD parts.
    assert!(
        bappeda.iter().any(|r| r[3].starts_with("Badan Perencanaan")
            && r[6].contains("kesesuaian bidang 100 · pengalaman di OPD jabatan 100")),
        "{bappeda:?}"
    );

    let page = app
        .get_as(
            &format!("/talenta/suksesi/DINKES-KABID1?instansi={DEMO_SLUG}&semua=1"),
            Some(&cookie),
        )
        .await;
    let rows = page.table_rows();
    assert!(rows.len() > 10, "all of them on request");
    let nips: Vec<String> = rows
        .iter()
        .take(4)
        .map(|r| r[2].chars().filter(char::is_ascii_digit).collect())
        .collect();
    let chosen: String = nips.iter().map(|n| format!("&banding={n}")).collect();
    let compared = app
        .get_as(
            &format!("/talenta/suksesi/DINKES-KABID1?instansi={DEMO_SLUG}{chosen}"),
            Some(&cookie),
        )
        .await;
    assert!(compared.body.contains(
        "Perbandingan memuat paling banyak 3 kandidat: 1 yang dipilih sesudahnya tidak ditampilkan."
    ));
}
