//! `jenjang generate` through each engine's bulk path (COPY on PostgreSQL, batched inserts on
//! SQLite), and its CSV form for the native loaders: valid NIPs, demo-flagged instansi.

use crate::support::TestApp;
use app::domain::nip::{NiPppk, Nip};
use jenjang::commands::generate::{run, GenerateArgs};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_pegawai_load_through_the_bulk_path() {
    for app in TestApp::each_engine().await {
        let args = GenerateArgs {
            pegawai: 7_001,
            instansi: 7,
            seed: 5,
            csv: None,
        };
        run(&app.pool, app.url(), &args).await.expect("generated");
        let (count, instansi): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), COUNT(DISTINCT p.instansi_id) FROM pegawai p \
             JOIN instansi i ON i.id = p.instansi_id WHERE i.demo AND i.slug LIKE 'sintetis-%'",
        )
        .fetch_one(&app.pool)
        .await
        .expect("count");
        assert_eq!((count, instansi), (7_001, 7));
        let sample: Vec<(String, String)> =
            sqlx::query_as("SELECT nip, kind FROM pegawai ORDER BY nip LIMIT 200")
                .fetch_all(&app.pool)
                .await
                .expect("sample");
        for (nip, kind) in sample {
            let valid = if kind == "pns" {
                Nip::parse(&nip).is_ok()
            } else {
                NiPppk::parse(&nip).is_ok()
            };
            assert!(valid, "{nip}");
        }
        let again = run(&app.pool, app.url(), &args).await;
        assert!(
            again.is_err(),
            "a second generation into the same database is refused"
        );

        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_pegawai_can_go_to_a_csv_for_the_native_loaders() {
    for app in TestApp::each_engine().await {
        let dir = tempfile::tempdir().expect("dir");
        let csv = dir.path().join("pegawai.csv");
        let args = GenerateArgs {
            pegawai: 100,
            instansi: 3,
            seed: 5,
            csv: Some(csv.clone()),
        };
        run(&app.pool, app.url(), &args).await.expect("csv");
        let text = std::fs::read_to_string(&csv).expect("csv file");
        assert_eq!(text.lines().count(), 101, "a header and 100 rows");
        assert!(text.starts_with("instansi_id,nip,kind,name,gender,birth_date,tmt_asn,golongan"));
        let loaded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pegawai")
            .fetch_one(&app.pool)
            .await
            .expect("count");
        assert_eq!(loaded, 0, "a CSV run loads nothing");
        app.finish().await;
    }
}
