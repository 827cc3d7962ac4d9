//! `cargo bench -p jenjang --bench talent` (run by `make bench`): scoring an instansi of
//! 10,000 pegawai and importing a 500-row assessment XLSX, on SQLite and on PostgreSQL when it
//! is reachable. Fails when a target is missed: scoring under 1 s, the import under 1 s.

use app::services::intake::{import, ImportKind, ImportRequest, Mode, Silent};
use app::services::scoring::score_instansi;
use jenjang::commands::seed_demo::{create, DemoSpec};
use sqlx::{AnyPool, Row};
use std::process::ExitCode;
use std::time::Instant;

const SLUG: &str = "bench-10000";
const PEGAWAI: usize = 10_000;
const TARGET_SECONDS: f64 = 1.0;

/// A 500-row assessment file for people of the instansi whose posts have a standard.
async fn assessment_xlsx(pool: &AnyPool) -> Vec<u8> {
    let rows = sqlx::query(
        "SELECT p.nip FROM pegawai p JOIN instansi i ON i.id = p.instansi_id \
         WHERE i.slug = $1 AND p.jabatan_id IS NOT NULL ORDER BY p.id LIMIT 500",
    )
    .bind(SLUG)
    .fetch_all(pool)
    .await
    .expect("pegawai");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let mut headers = vec!["NIP", "Tanggal Asesmen", "Penyelenggara"];
    headers.extend(
        app::domain::kompetensi::Kompetensi::ALL
            .iter()
            .map(|k| k.label()),
    );
    headers.extend(
        app::domain::kompetensi::DimensiPotensi::ALL
            .iter()
            .map(|d| d.label()),
    );
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    for (index, row) in rows.iter().enumerate() {
        let r = index as u32 + 1;
        let nip: String = row.try_get("nip").expect("nip");
        sheet.write_string(r, 0, &nip).expect("cell");
        sheet.write_string(r, 1, "15/01/2026").expect("cell");
        sheet
            .write_string(r, 2, "UPT Penilaian Kompetensi (bench)")
            .expect("cell");
        for col in 3..12u16 {
            sheet
                .write_number(r, col, f64::from(2 + (r + u32::from(col)) % 3))
                .expect("cell");
        }
        for col in 12..20u16 {
            sheet
                .write_number(r, col, f64::from(55 + (r * 7 + u32::from(col)) % 40))
                .expect("cell");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

struct Measured {
    engine: &'static str,
    scoring_first: f64,
    scoring_again: f64,
    placed: usize,
    import: f64,
}

async fn measure(engine: &'static str, url: &str) -> Measured {
    let pool = jenjang::db::connect(url).await.expect("database");
    let spec = DemoSpec {
        slug: SLUG.to_owned(),
        name: "Instansi bench 10.000 (demo)".to_owned(),
        pegawai: PEGAWAI,
        cohort: PEGAWAI,
        accounts: false,
    };
    create(&pool, &spec).await.expect("bench instansi");
    let started = Instant::now();
    let summary = score_instansi(&pool, SLUG, 2025, "bench")
        .await
        .expect("scored");
    let scoring_first = started.elapsed().as_secs_f64();
    assert_eq!(summary.pegawai, PEGAWAI);
    let started = Instant::now();
    let again = score_instansi(&pool, SLUG, 2025, "bench")
        .await
        .expect("scored");
    let scoring_again = started.elapsed().as_secs_f64();
    assert_eq!(again.new_snapshots, 0);

    let bytes = assessment_xlsx(&pool).await;
    let started = Instant::now();
    let report = import(
        &pool,
        ImportRequest {
            kind: ImportKind::Asesmen,
            instansi_slug: SLUG,
            file_name: "asesmen-500.xlsx",
            bytes: &bytes,
            importer: "bench",
            mode: Mode::Commit,
        },
        &Silent,
    )
    .await
    .expect("import");
    let import_seconds = started.elapsed().as_secs_f64();
    assert_eq!(
        (report.counts.new, report.counts.rejected),
        (500, 0),
        "{:?}",
        report.rows.first()
    );
    pool.close().await;
    Measured {
        engine,
        scoring_first,
        scoring_again,
        placed: summary.placed,
        import: import_seconds,
    }
}

/// Peak resident memory of this process, from /proc.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or_default()
}

#[tokio::main]
async fn main() -> ExitCode {
    jenjang::telemetry::init();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut results = vec![
        measure(
            "SQLite",
            &format!("sqlite://{}/bench.db", dir.path().display()),
        )
        .await,
    ];
    let admin = std::env::var("JENJANG_BENCH_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
    sqlx::any::install_default_drivers();
    let name = format!("jenjang_bench_{}", std::process::id());
    match sqlx::AnyPool::connect(&admin).await {
        Ok(admin_pool) => {
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&admin_pool)
                .await
                .expect("create bench database");
            let url = format!(
                "{}/{name}",
                admin
                    .rsplit_once('/')
                    .map_or(admin.as_str(), |(base, _)| base)
            );
            results.push(measure("PostgreSQL", &url).await);
            sqlx::query(&format!("DROP DATABASE {name} WITH (FORCE)"))
                .execute(&admin_pool)
                .await
                .expect("drop bench database");
        }
        Err(error) => println!("PostgreSQL tidak terjangkau ({error}); hanya SQLite."),
    }
    let mut ok = true;
    for m in &results {
        println!(
            "{:<10} skoring {PEGAWAI} pegawai: {:.3} s pertama kali ({} terpetakan), {:.3} s diulang tanpa perubahan; impor XLSX 500 baris asesmen: {:.3} s",
            m.engine, m.scoring_first, m.placed, m.scoring_again, m.import
        );
        ok &= m.scoring_first < TARGET_SECONDS && m.import < TARGET_SECONDS;
    }
    println!("memori puncak proses bench: {} MB", peak_rss_kb() / 1024);
    if ok {
        ExitCode::SUCCESS
    } else {
        println!("GAGAL: target 1 detik terlampaui");
        ExitCode::FAILURE
    }
}
