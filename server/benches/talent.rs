//! `cargo bench -p jenjang --bench talent` (run by `make bench`): scoring an instansi of
//! 10,000 pegawai, the talent map of that instansi under each filter, and importing a 500-row
//! assessment XLSX, on SQLite and on PostgreSQL when it is reachable. Fails when a target is
//! missed: scoring under 1 s, every talent map (and a kotak list) under 200 ms of server time,
//! the import under 1 s.

use app::auth::guard::Gate;
use app::domain::access::Action;
use app::services::intake::{import, ImportKind, ImportRequest, Mode, SheetLimits, Silent};
use app::services::scoring::score_instansi;
use jenjang::commands::seed_demo::{create, DemoSpec};
use sqlx::{AnyPool, Row};
use std::process::ExitCode;
use std::time::Instant;

const SLUG: &str = "bench-10000";
const PEGAWAI: usize = 10_000;
const TARGET_SECONDS: f64 = 1.0;
const MAP_TARGET_SECONDS: f64 = 0.2;
/// Issue 21: a release of 10,000 pegawai is computed and audited in under 5 s.
const RELEASE_TARGET_SECONDS: f64 = 5.0;

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
    /// The slowest talent-map request, and what it was.
    map_slowest: (f64, String),
    import: f64,
    /// Computing, auditing and storing the period's public release.
    release: f64,
    audited_cells: usize,
}

/// Times the talent map of the bench instansi, as its komite sees it, under every kind of
/// filter, plus the first page of a kotak list; answers the slowest.
async fn talent_map(pool: &AnyPool) -> (f64, String) {
    use app::api::talent_map::{MapFilter, PeopleQuery};
    use app::domain::access::{Grant, Role};
    let mut conn = pool.acquire().await.expect("connection");
    let instansi: i64 = sqlx::query_scalar("SELECT id FROM instansi WHERE slug = $1")
        .bind(SLUG)
        .fetch_one(&mut *conn)
        .await
        .expect("instansi");
    let account = app::services::accounts::create(
        &mut conn,
        "bench",
        app::services::accounts::NewAccount {
            nip: None,
            username: Some("komite.bench"),
            name: Some("Komite (bench)"),
            password: "sandi-bench-2025",
            must_change_password: false,
            grants: vec![Grant {
                role: Role::Komite,
                instansi_id: Some(instansi),
                unit_kerja_id: None,
            }],
        },
    )
    .await
    .expect("account");
    let token = app::auth::session::create(&mut conn, account.id)
        .await
        .expect("session");
    let unit: String = sqlx::query_scalar(
        "SELECT code FROM unit_kerja WHERE instansi_id = $1 AND parent_id IS NULL ORDER BY id LIMIT 1",
    )
    .bind(instansi)
    .fetch_one(&mut *conn)
    .await
    .expect("unit");
    drop(conn);
    let mut headers = http::HeaderMap::new();
    headers.insert(
        http::header::COOKIE,
        format!("{}={token}", app::auth::session::COOKIE)
            .parse()
            .expect("cookie"),
    );
    let gate = Gate::new(pool.clone(), false);
    let viewer = gate.viewer_of(&headers).await.expect("viewer");
    let scope = viewer
        .instansi(Action::ViewInstansi, Some(SLUG))
        .await
        .expect("scope");
    let some = |s: &str| Some(s.to_owned());
    let filters = [
        ("tanpa saringan", MapFilter::default()),
        (
            "golongan III",
            MapFilter {
                golongan: some("III"),
                ..MapFilter::default()
            },
        ),
        (
            "unit (OPD)",
            MapFilter {
                unit: Some(unit),
                ..MapFilter::default()
            },
        ),
        (
            "jabatan fungsional",
            MapFilter {
                jabatan: some("fungsional"),
                ..MapFilter::default()
            },
        ),
        (
            "PNS, golongan III/c",
            MapFilter {
                asn: some("pns"),
                golongan: some("III/c"),
                ..MapFilter::default()
            },
        ),
    ];
    let mut slowest = (0.0, String::new());
    for (label, filter) in &filters {
        let started = Instant::now();
        let map = app::services::talent_map::map(&scope, filter)
            .await
            .expect("talent map");
        let seconds = started.elapsed().as_secs_f64();
        assert!(map.period.is_some());
        if seconds > slowest.0 {
            slowest = (seconds, format!("peta {label}"));
        }
    }
    let started = Instant::now();
    let page = app::services::talent_map::people(
        &scope,
        &PeopleQuery {
            kotak: Some(5),
            cari: Some("a".to_owned()),
            ..PeopleQuery::default()
        },
    )
    .await
    .expect("people");
    let seconds = started.elapsed().as_secs_f64();
    assert!(page.total > 0);
    if seconds > slowest.0 {
        slowest = (seconds, "daftar kotak 5 dengan pencarian".to_owned());
    }
    slowest
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
    let operator = Gate::new(pool.clone(), false).operator("bench");
    let scope = operator
        .instansi(Action::ImportRecords, Some(SLUG))
        .await
        .expect("scope");
    let started = Instant::now();
    let summary = score_instansi(&scope, 2025).await.expect("scored");
    let scoring_first = started.elapsed().as_secs_f64();
    assert_eq!(summary.pegawai, PEGAWAI);
    let started = Instant::now();
    let again = score_instansi(&scope, 2025).await.expect("scored");
    let scoring_again = started.elapsed().as_secs_f64();
    assert_eq!(again.new_snapshots, 0);
    let map_slowest = talent_map(&pool).await;
    let publisher = operator
        .instansi(Action::PublishRelease, Some(SLUG))
        .await
        .expect("scope");
    let started = Instant::now();
    let publication = app::services::releases::publish(&publisher, 2025, "")
        .await
        .expect("published");
    let release = started.elapsed().as_secs_f64();
    assert!(publication
        .audit
        .iter()
        .all(|c| c.smallest <= 1e-6 && c.largest.is_none_or(|l| l >= 5.0 - 1e-6)));
    let audited_cells = publication.audit.len();

    let bytes = assessment_xlsx(&pool).await;
    let started = Instant::now();
    let report = import(
        &scope,
        ImportRequest {
            kind: ImportKind::Asesmen,
            file_name: "asesmen-500.xlsx",
            bytes: &bytes,
            limits: SheetLimits::default(),
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
        map_slowest,
        import: import_seconds,
        release,
        audited_cells,
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
        println!(
            "{:<10} rilis publik {PEGAWAI} pegawai (hitung, audit LP {} sel \"<5\", simpan): {:.3} s",
            m.engine, m.audited_cells, m.release
        );
        println!(
            "{:<10} peta talenta {PEGAWAI} pegawai, permintaan paling lambat: {:.1} ms ({})",
            m.engine,
            m.map_slowest.0 * 1000.0,
            m.map_slowest.1
        );
        ok &= m.scoring_first < TARGET_SECONDS
            && m.import < TARGET_SECONDS
            && m.release < RELEASE_TARGET_SECONDS
            && m.map_slowest.0 < MAP_TARGET_SECONDS;
    }
    println!("memori puncak proses bench: {} MB", peak_rss_kb() / 1024);
    if ok {
        ExitCode::SUCCESS
    } else {
        println!(
            "GAGAL: target terlampaui (skoring dan impor 1 s, peta talenta 200 ms, rilis 5 s)"
        );
        ExitCode::FAILURE
    }
}
