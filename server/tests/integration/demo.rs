//! `jenjang seed-demo` then `jenjang score`: the synthetic Balikpapan places its assessed
//! cohort, on both engines, and seeding twice writes nothing the second time.

use crate::support::{self, TestApp};
use jenjang::commands::seed_demo::{create, DemoSpec, DEMO_SLUG};

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

        let summary = support::score(pool, DEMO_SLUG, 2025, "uji").await;
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
