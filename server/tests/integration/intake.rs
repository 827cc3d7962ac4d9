//! Imports through the service the command line and the web share: every rejection case of
//! the issue shows its message and writes nothing; a commit is all-or-nothing, remembers its
//! file, row, importer and time, and importing the same file again changes nothing.

use crate::support::{self, TestApp};
use app::services::intake::{
    ImportKind, ImportReport, ImportRequest, Mode, RowStatus, SheetLimits,
};
use sqlx::AnyPool;

pub const INSTANSI: &str = "kota-uji";

/// An instansi with one unit and two posts (one with a competency standard).
pub async fn organisation(pool: &AnyPool) {
    sqlx::query(
        "INSERT INTO instansi (slug, name, kind, province) VALUES ($1, 'Kota Uji', 'kota', 'Kalimantan Timur')",
    )
    .bind(INSTANSI)
    .execute(pool)
    .await
    .expect("instansi");
    sqlx::query(
        "INSERT INTO unit_kerja (instansi_id, code, name) \
         SELECT id, 'BKPSDM', 'Badan Kepegawaian' FROM instansi WHERE slug = $1",
    )
    .bind(INSTANSI)
    .execute(pool)
    .await
    .expect("unit");
    for (code, name, jenis, jenjang, level) in [
        (
            "ADM-1",
            "Kepala Bidang Pengembangan",
            "administrator",
            None,
            3,
        ),
        (
            "JF-1",
            "Analis SDM Aparatur Ahli Pertama",
            "fungsional",
            Some("ahli_pertama"),
            2,
        ),
    ] {
        sqlx::query(
            "INSERT INTO jabatan (instansi_id, unit_kerja_id, code, name, jenis, jenjang, kelas, field) \
             SELECT i.id, u.id, $2, $3, $4, $5, 9, 'Administrasi Publik' FROM instansi i \
             JOIN unit_kerja u ON u.instansi_id = i.id WHERE i.slug = $1",
        )
        .bind(INSTANSI)
        .bind(code)
        .bind(name)
        .bind(jenis)
        .bind(jenjang)
        .execute(pool)
        .await
        .expect("jabatan");
        for kompetensi in app::domain::kompetensi::Kompetensi::ALL {
            sqlx::query(
                "INSERT INTO standar_kompetensi (jabatan_id, kompetensi, level) \
                 SELECT id, $2, $3 FROM jabatan WHERE code = $1",
            )
            .bind(code)
            .bind(kompetensi.code())
            .bind(level as i64)
            .execute(pool)
            .await
            .expect("standar");
        }
    }
}

/// The organisation with [`ROSTER`] imported.
async fn organisation_with_roster(pool: &AnyPool) {
    organisation(pool).await;
    run(
        pool,
        ImportKind::Roster,
        "pegawai.csv",
        ROSTER.as_bytes(),
        Mode::Commit,
    )
    .await;
}

pub async fn run(
    pool: &AnyPool,
    kind: ImportKind,
    file_name: &str,
    bytes: &[u8],
    mode: Mode,
) -> ImportReport {
    support::import_as(
        pool,
        INSTANSI,
        "uji:bkpsdm",
        ImportRequest {
            kind,
            file_name,
            bytes,
            limits: SheetLimits::default(),
            mode,
        },
    )
    .await
    .expect("import runs")
}

pub const ROSTER: &str =
    "NIP;Nama;Golongan;Jabatan;Unit Kerja;TMT Jabatan;Pendidikan;Bidang Pendidikan\r\n\
198503032010011001;Andi Saputra;III/d;ADM-1;BKPSDM;2018-03-01;S2;Administrasi Publik\r\n\
199002142015032004;Dewi Lestari;III-b;JF-1;BKPSDM;01/07/2023;S1;Hukum\r\n\
198811202012121003;Rahmat Hidayat;3c;JF-1;BKPSDM;2020-01-02;S1;Administrasi Publik\r\n";

async fn count(pool: &AnyPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .expect("count")
}

/// What a rejected file must leave behind: nothing.
async fn nothing_written(pool: &AnyPool, before: (i64, i64, i64)) {
    assert_eq!(
        (
            count(pool, "pegawai").await,
            count(pool, "import_batch").await,
            count(pool, "skp").await
        ),
        before
    );
}

async fn state(pool: &AnyPool) -> (i64, i64, i64) {
    (
        count(pool, "pegawai").await,
        count(pool, "import_batch").await,
        count(pool, "skp").await,
    )
}

fn reasons(report: &ImportReport) -> Vec<(usize, String)> {
    report
        .rejections()
        .map(|(row, reason)| (row, reason.to_owned()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_roster_imports_once_with_its_provenance_and_again_changes_nothing() {
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let dry = run(
            &app.pool,
            ImportKind::Roster,
            "pegawai.csv",
            ROSTER.as_bytes(),
            Mode::DryRun,
        )
        .await;
        assert_eq!(
            (dry.counts.new, dry.counts.rejected),
            (3, 0),
            "{:?}",
            dry.rows
        );
        assert_eq!(
            count(&app.pool, "pegawai").await,
            0,
            "a dry run writes nothing"
        );

        let first = run(
            &app.pool,
            ImportKind::Roster,
            "pegawai.csv",
            ROSTER.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!(first.counts.new, 3);
        let batch = first.batch_id.expect("written");
        let (golongan, retirement, file, importer, row): (String, String, String, String, i64) =
            sqlx::query_as(
                "SELECT p.golongan, p.retirement_date, b.file_name, b.importer, p.source_row \
                 FROM pegawai p JOIN import_batch b ON b.id = p.import_batch_id WHERE p.nip = $1",
            )
            .bind("199002142015032004")
            .fetch_one(&app.pool)
            .await
            .expect("pegawai");
        assert_eq!(golongan, "III/b", "III-b is read as III/b");
        assert_eq!(
            retirement, "2048-03-01",
            "58 for ahli pertama, the month after"
        );
        assert_eq!(
            (file.as_str(), importer.as_str(), row),
            ("pegawai.csv", "uji:bkpsdm", 3)
        );
        let imported_at: String =
            sqlx::query_scalar("SELECT imported_at FROM import_batch WHERE id = $1")
                .bind(batch)
                .fetch_one(&app.pool)
                .await
                .expect("batch");
        assert!(
            imported_at.ends_with('Z') && imported_at.len() == 20,
            "{imported_at}"
        );

        let again = run(
            &app.pool,
            ImportKind::Roster,
            "pegawai.csv",
            ROSTER.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!(
            (
                again.counts.unchanged,
                again.counts.new,
                again.counts.changed
            ),
            (3, 0, 0)
        );
        assert_eq!(again.batch_id, None);
        assert_eq!(
            count(&app.pool, "import_batch").await,
            1,
            "nothing written the second time"
        );

        let promoted = ROSTER.replace("III-b", "III/c");
        // The dry run names the person and each value the row replaces, old and new.
        let moved = promoted.replace("III/c;JF-1", "III/c;ADM-1");
        let check = run(
            &app.pool,
            ImportKind::Roster,
            "pegawai-2.csv",
            moved.as_bytes(),
            Mode::DryRun,
        )
        .await;
        let dewi = check
            .rows
            .iter()
            .find(|r| r.status == RowStatus::Changed)
            .expect("Dewi's row changed");
        assert_eq!(dewi.person.as_deref(), Some("Dewi Lestari"));
        let changes: Vec<(&str, &str, &str)> = dewi
            .changes
            .iter()
            .map(|c| (c.column.as_str(), c.before.as_str(), c.after.as_str()))
            .collect();
        assert_eq!(
            changes,
            vec![
                ("Golongan", "III/b", "III/c"),
                (
                    "Jabatan",
                    "Analis SDM Aparatur Ahli Pertama",
                    "Kepala Bidang Pengembangan"
                ),
            ]
        );
        let changed = run(
            &app.pool,
            ImportKind::Roster,
            "pegawai-2.csv",
            promoted.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!((changed.counts.changed, changed.counts.unchanged), (1, 2));
        assert_eq!(
            count(&app.pool, "riwayat_pangkat").await,
            4,
            "the rank history keeps III/b"
        );
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_roster_row_is_refused_with_its_reason_and_nothing_is_written() {
    let cases: [(&str, &str); 10] = [
        (
            "19850303201001100;Satu;III/a",
            "NIP harus 18 digit angka, bukan 17 digit",
        ),
        (
            "198502302010011001;Dua;III/a",
            "tanggal lahir pada NIP (19850230) tidak ada di kalender",
        ),
        (
            "198503032010013001;Tiga;III/a",
            "digit jenis kelamin pada NIP harus 1 atau 2, bukan 3",
        ),
        (
            "198503032010011001;Empat;III/f",
            "golongan \"III/f\" tidak dikenal (contoh: III/a)",
        ),
        ("198503032010011001;;III/a", "kolom Nama kosong"),
        ("198503032010011001;Enam;", "kolom Golongan kosong"),
        (
            "1985A3032010011001;Tujuh;III/a",
            "NIP hanya boleh berisi angka (spasi dan titik diperbolehkan sebagai pemisah)",
        ),
        (
            "198503032010011001;Delapan;III/a;TIDAK-ADA",
            "jabatan \"TIDAK-ADA\" tidak ada di instansi ini",
        ),
        (
            "198503032010011001;Sembilan;III/a;;;2025-02-30",
            "TMT Jabatan \"2025-02-30\" bukan tanggal yang ada (tulis 2025-11-03 atau 03/11/2025)",
        ),
        (
            "200503032010011001;Sepuluh;III/a",
            "TMT CPNS pada NIP (2010-01) kurang dari 18 tahun setelah tanggal lahir (2005-03-03)",
        ),
    ];
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let before = state(&app.pool).await;
        for (row, expected) in cases {
            // A good row first: the whole file is still refused.
            let file = format!(
                "NIP;Nama;Golongan;Jabatan;Unit Kerja;TMT Jabatan\n199002142015032004;Baik;III/b\n{row}\n"
            );
            let report = run(
                &app.pool,
                ImportKind::Roster,
                "salah.csv",
                file.as_bytes(),
                Mode::Commit,
            )
            .await;
            assert_eq!(reasons(&report), vec![(3, expected.to_owned())], "{row}");
            assert_eq!(report.batch_id, None);
            nothing_written(&app.pool, before).await;
        }
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn separators_in_a_nip_are_accepted_and_a_nip_twice_is_refused() {
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let spaced = "NIP,Nama,Golongan\n\"19850303 201001 1 001\",Andi,III/a\n1990.02.14.2015.03.2.004,Dewi,IV/a\n";
        let report = run(
            &app.pool,
            ImportKind::Roster,
            "spasi.csv",
            spaced.as_bytes(),
            Mode::DryRun,
        )
        .await;
        assert_eq!(
            (report.counts.new, report.counts.rejected),
            (2, 0),
            "{:?}",
            report.rows
        );
        assert_eq!(report.rows[0].key, "NIP 198503032010011001");

        let before = state(&app.pool).await;
        let twice = "NIP;Nama;Golongan\n198503032010011001;Andi;III/a\n199002142015032004;Dewi;III/b\n1985 0303 2010 0110 01;Andi lagi;III/a\n";
        let report = run(
            &app.pool,
            ImportKind::Roster,
            "ganda.csv",
            twice.as_bytes(),
            Mode::Commit,
        )
        .await;
        // The first row is right; the repeat is what is refused.
        let expected =
            "NIP 198503032010011001 sudah ada di baris 2; setiap data hanya boleh sekali dalam berkas";
        assert_eq!(reasons(&report), vec![(4, expected.to_owned())]);
        nothing_written(&app.pool, before).await;
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_without_required_columns_are_refused_whole() {
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let error = support::import_as(
            &app.pool,
            INSTANSI,
            "uji",
            ImportRequest {
                kind: ImportKind::Skp,
                file_name: "skp.csv",
                bytes: b"NIP;Tahun\n198503032010011001;2025\n",
                limits: SheetLimits::default(),
                mode: Mode::Commit,
            },
        )
        .await
        .expect_err("refused");
        assert_eq!(
            error.to_string(),
            "kolom wajib tidak ditemukan: Hasil Kerja, Perilaku"
        );
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skp_scores_out_of_range_and_mismatched_predikat_are_refused() {
    for app in TestApp::each_engine().await {
        organisation_with_roster(&app.pool).await;
        let before = state(&app.pool).await;
        let file =
            "NIP;Tahun;Hasil Kerja;Perilaku;Predikat;Nilai Penghargaan;Nilai Umpan Balik 360\n\
198503032010011001;2025;Di atas ekspektasi;Di atas ekspektasi;Sangat Baik;80;90\n\
199002142015032004;2025;sesuai;sesuai;Baik;101;60\n\
198811202012121003;2025;sesuai;di bawah;Baik;50;60\n\
198811202012121003;2024;luar biasa;sesuai;;50;60\n\
197001012000011999;2025;sesuai;sesuai;;50;60\n";
        let report = run(
            &app.pool,
            ImportKind::Skp,
            "skp.csv",
            file.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!(
            reasons(&report),
            vec![
                (3, "Nilai Penghargaan 101 di luar rentang 0-100".to_owned()),
                (4, "predikat \"Baik\" tidak sesuai dengan rating (seharusnya Kurang)".to_owned()),
                (5, "Hasil Kerja \"luar biasa\" tidak dikenal (di atas, sesuai atau di bawah ekspektasi)".to_owned()),
                (6, "NIP 197001012000011999 tidak terdaftar di instansi ini; impor daftar pegawai lebih dulu".to_owned()),
            ]
        );
        nothing_written(&app.pool, before).await;
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assessment_levels_give_the_jpm_and_bad_scores_are_refused() {
    for app in TestApp::each_engine().await {
        organisation_with_roster(&app.pool).await;
        let header = "NIP;Tanggal Asesmen;Penyelenggara;JPM;Integritas;Kerja Sama;Komunikasi;Orientasi pada Hasil;Pelayanan Publik;Pengembangan Diri dan Orang Lain;Mengelola Perubahan;Pengambilan Keputusan;Perekat Bangsa;Kemampuan Intelektual;Interpersonal;Kesadaran Diri;Berpikir Kritis dan Strategis;Problem Solving;Kecerdasan Emosional;Belajar Cepat;Motivasi dan Komitmen";
        let bad = format!(
            "{header}\n\
198503032010011001;10/11/2025;UPT BKN;;3;3;3;3;3;3;3;3;3;70;80;75;75;70;80;75;120\n\
199002142015032004;2025-11-31;UPT BKN;;2;2;2;2;2;2;2;1;1;60;60;60;60;60;60;60;60\n\
198811202012121003;2025-11-12;UPT BKN;95;2;2;2;2;2;2;2;1;1;60;60;60;60;60;60;60;60\n"
        );
        let before = state(&app.pool).await;
        let report = run(
            &app.pool,
            ImportKind::Asesmen,
            "asesmen.csv",
            bad.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!(
            reasons(&report),
            vec![
                (2, "Motivasi dan Komitmen 120 di luar rentang 0-100".to_owned()),
                (3, "Tanggal Asesmen \"2025-11-31\" bukan tanggal yang ada (tulis 2025-11-03 atau 03/11/2025)".to_owned()),
                (4, "JPM di berkas (95%) tidak sama dengan hasil hitung dari standar jabatan (88,89%)".to_owned()),
            ]
        );
        nothing_written(&app.pool, before).await;
        assert_eq!(count(&app.pool, "asesmen").await, 0);

        let good = format!(
            "{header}\n\
198503032010011001;10/11/2025;UPT BKN;100;4;3;3;3;3;3;3;4;3;70;80;75;75;70;80;75;75\n\
199002142015032004;2025-11-12;UPT BKN;88,89;2;2;2;2;2;2;2;1;1;60;60;60;60;60;60;60;60\n"
        );
        let report = run(
            &app.pool,
            ImportKind::Asesmen,
            "asesmen.csv",
            good.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!(report.counts.new, 2, "{:?}", report.rows);
        let (jpm, potential, until): (f64, f64, String) = sqlx::query_as(
            "SELECT a.jpm, a.potential, a.valid_until FROM asesmen a JOIN pegawai p ON p.id = a.pegawai_id WHERE p.nip = $1",
        )
        .bind("199002142015032004")
        .fetch_one(&app.pool)
        .await
        .expect("asesmen");
        assert_eq!(
            (jpm, potential, until.as_str()),
            (88.89, 60.0, "2028-11-12")
        );
        let levels = count(&app.pool, "asesmen_kompetensi").await;
        assert_eq!(levels, 18);
        let again = run(
            &app.pool,
            ImportKind::Asesmen,
            "asesmen.csv",
            good.as_bytes(),
            Mode::Commit,
        )
        .await;
        assert_eq!((again.counts.unchanged, again.batch_id), (2, None));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn xlsx_files_import_and_a_nip_typed_as_a_number_is_refused() {
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in ["NIP", "Nama", "Gol/Ruang", "TMT Jabatan"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, col as u16, *header).expect("cell");
        }
        sheet
            .write_string(1, 0, "198503032010011001")
            .expect("cell");
        sheet
            .write_string(1, 1, "=HYPERLINK(\"http://x\")")
            .expect("cell");
        sheet.write_string(1, 2, "III/a").expect("cell");
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2020, 2, 3).expect("date");
        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_datetime_with_format(1, 3, &date, &format)
            .expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        let report = run(
            &app.pool,
            ImportKind::Roster,
            "pegawai.xlsx",
            &bytes,
            Mode::Commit,
        )
        .await;
        assert_eq!(report.counts.new, 1, "{:?}", report.rows);
        let (name, tmt): (String, String) = sqlx::query_as(
            "SELECT name, tmt_jabatan FROM pegawai WHERE nip = '198503032010011001'",
        )
        .fetch_one(&app.pool)
        .await
        .expect("stored");
        assert_eq!(
            name, "=HYPERLINK(\"http://x\")",
            "a formula-like cell is data"
        );
        assert_eq!(
            app::export::spreadsheet_safe(&name),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(tmt, "2020-02-03");

        sheet_with_number_nip(&app.pool).await;
        app.finish().await;
    }
}

async fn sheet_with_number_nip(pool: &AnyPool) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "NIP").expect("cell");
    sheet.write_string(0, 1, "Nama").expect("cell");
    sheet.write_string(0, 2, "Golongan").expect("cell");
    sheet
        .write_number(1, 0, 199_002_142_015_032_004.0)
        .expect("cell");
    sheet.write_string(1, 1, "Dewi").expect("cell");
    sheet.write_string(1, 2, "III/b").expect("cell");
    let bytes = book.save_to_buffer().expect("xlsx");
    let report = run(pool, ImportKind::Roster, "angka.xlsx", &bytes, Mode::Commit).await;
    let reasons = reasons(&report);
    assert_eq!(reasons.len(), 1);
    assert!(
        reasons[0].1.contains("Excel hanya menyimpan 15 digit"),
        "{reasons:?}"
    );
    assert!(matches!(report.rows[0].status, RowStatus::Rejected(_)));
}

/// `count` valid NIPs of people born 3 March 1985, appointed January 2010, from `first`.
fn nips(first: usize, count: usize) -> Vec<String> {
    (first..first + count)
        .map(|n| format!("198503032010011{n:03}"))
        .collect()
}

fn roster(nips: &[String]) -> Vec<u8> {
    let mut csv = "NIP;Nama;Golongan\n".to_owned();
    for nip in nips {
        csv.push_str(&format!("{nip};Pegawai {nip};III/a\n"));
    }
    csv.into_bytes()
}

/// A roster dry run of `nips` that must be refused whole.
async fn refused_roster(pool: &AnyPool, nips: &[String]) -> app::services::intake::IntakeError {
    support::import_as(
        pool,
        INSTANSI,
        "uji:bkpsdm",
        ImportRequest {
            kind: ImportKind::Roster,
            file_name: "nip.csv",
            bytes: &roster(nips),
            limits: SheetLimits::default(),
            mode: Mode::DryRun,
        },
    )
    .await
    .expect_err("refused whole")
}

async fn lookups(pool: &AnyPool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'impor.nip_di_luar_instansi'")
        .fetch_one(pool)
        .await
        .expect("audit")
}

/// NIPs on record in another instansi are refused without saying where; a file cannot ask
/// about many at once, each lookup that finds some is audited, and an instansi runs out of
/// lookups for the day.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nips_recorded_elsewhere_are_refused_without_saying_where_and_lookups_are_bounded() {
    for app in TestApp::each_engine().await {
        let pool = &app.pool;
        organisation(pool).await;
        sqlx::query(
            "INSERT INTO instansi (slug, name, kind, province) VALUES ('kota-lain', 'Kota Lain', 'kota', 'Papua')",
        )
        .execute(pool)
        .await
        .expect("instansi");
        let theirs = nips(500, 12);
        for nip in &theirs {
            sqlx::query(
                "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, golongan) \
                 SELECT id, $1, 'pns', 'Orang Lain', 'L', '1985-03-03', '2010-01-01', 'III/a' \
                 FROM instansi WHERE slug = 'kota-lain'",
            )
            .bind(nip)
            .execute(pool)
            .await
            .expect("pegawai");
        }
        let before = state(pool).await;
        // One of theirs among new people: that row is refused, and nothing says where it is.
        let file = [nips(1, 2), theirs[..1].to_vec()].concat();
        let report = run(
            pool,
            ImportKind::Roster,
            "roster.csv",
            &roster(&file),
            Mode::Commit,
        )
        .await;
        let refused = reasons(&report);
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(
            refused[0].1.contains("sudah tercatat sebagai pegawai"),
            "{refused:?}"
        );
        assert!(!refused[0].1.contains("Kota Lain") && !refused[0].1.contains("instansi lain"));
        nothing_written(pool, before).await;
        assert_eq!(lookups(pool).await, 1);

        // Eleven of theirs: the whole file is refused, without the NIPs or their number.
        let error = refused_roster(pool, &theirs[..11]).await;
        assert!(
            error.to_string().starts_with("lebih dari 10 NIP"),
            "{error}"
        );
        assert!(!error.to_string().contains(&theirs[0]), "{error}");
        assert_eq!(lookups(pool).await, 2);

        // Every file naming NIPs the instansi does not hold is a lookup, whatever it finds,
        // counted before it looks; a file of its own people is none.
        run(
            pool,
            ImportKind::Roster,
            "baru.csv",
            &roster(&nips(1, 2)),
            Mode::DryRun,
        )
        .await;
        assert_eq!(lookups(pool).await, 3);
        while lookups(pool).await < 50 {
            run(
                pool,
                ImportKind::Roster,
                "lagi.csv",
                &roster(&nips(1, 1)),
                Mode::DryRun,
            )
            .await;
        }
        for file in [&theirs[..1], &nips(1, 1)[..]] {
            let error = refused_roster(pool, file).await;
            assert!(error.to_string().contains("batas 50 impor"), "{error}");
        }
        assert_eq!(lookups(pool).await, 50, "a refused lookup leaves no entry");
        let asked: String = sqlx::query_scalar(
            "SELECT after_state FROM audit_log WHERE action = 'impor.nip_di_luar_instansi' ORDER BY seq LIMIT 1",
        )
        .fetch_one(pool)
        .await
        .expect("entry");
        assert!(asked.contains("\"nip_ditanyakan\":3"), "{asked}");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_names_the_first_thousand_rejected_rows_and_counts_them_all() {
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let mut csv = "NIP;Nama;Golongan\n".to_owned();
        for n in 0..1_005 {
            csv.push_str(&format!("bukan-nip-{n};Orang {n};III/a\n"));
        }
        let report = run(
            &app.pool,
            ImportKind::Roster,
            "buruk.csv",
            csv.as_bytes(),
            Mode::DryRun,
        )
        .await;
        assert_eq!(report.counts.rejected, 1_005);
        assert_eq!(
            report.rejections().count(),
            app::services::intake::MAX_NAMED_REJECTIONS
        );
        assert_eq!(report.rejections().next().map(|(row, _)| row), Some(2));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_console_dry_run_fails_on_a_rejected_row_and_names_what_changes() {
    for app in TestApp::each_engine().await {
        organisation_with_roster(&app.pool).await;
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("pegawai.csv");
        // Andi appears twice (only the repeat is refused); Dewi is promoted.
        let text = format!(
            "{}198503032010011001;Andi Saputra;III/d;ADM-1;BKPSDM;2018-03-01;S2;Administrasi Publik\r\n",
            ROSTER.replace("III-b", "III/c")
        );
        std::fs::write(&file, text).expect("file");
        let path = file.to_string_lossy().into_owned();
        let (ok, output) = support::console(
            &app,
            &[
                "import",
                "roster",
                &path,
                "--instansi",
                INSTANSI,
                "--dry-run",
            ],
        );
        assert!(
            !ok,
            "a dry run with a rejected row exits non-zero:\n{output}"
        );
        assert!(
            output.contains("baris      5  DITOLAK  NIP 198503032010011001 sudah ada di baris 2"),
            "{output}"
        );
        assert!(
            output.contains("Dewi Lestari, NIP 199002142015032004"),
            "{output}"
        );
        assert!(output.contains("Golongan: III/b → III/c"), "{output}");

        std::fs::write(&file, ROSTER.replace("III-b", "III/c")).expect("file");
        let (ok, output) = support::console(
            &app,
            &[
                "import",
                "roster",
                &path,
                "--instansi",
                INSTANSI,
                "--dry-run",
            ],
        );
        assert!(ok, "a clean dry run succeeds:\n{output}");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anyone_gets_the_templates_and_a_filled_in_template_imports() {
    for app in TestApp::each_engine().await {
        organisation(&app.pool).await;
        let csv = app
            .get_as("/talenta/impor/templat/templat-roster.csv", None)
            .await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(
            csv.body.starts_with("\u{feff}NIP;Nama;"),
            "semicolons, for Excel in the Indonesian locale: {}",
            csv.body
        );
        assert!(csv.body.contains("\r\n=\"198503032010012001\";"));
        let xlsx = app
            .get_as("/talenta/impor/templat/templat-skp.xlsx", None)
            .await;
        assert_eq!(xlsx.status, 200);
        assert!(xlsx.header("content-type").contains("spreadsheetml"));
        assert_eq!(
            app.get_as("/talenta/impor/templat/templat-gaji.xlsx", None)
                .await
                .status,
            404
        );
        // The template's example row, with the example's unit and post replaced by this
        // instansi's, is a file the import takes: the NIP comes back whole.
        let filled = csv
            .body
            .replace("Analis Kebijakan Ahli Muda", "JF-1")
            .replace("Badan Perencanaan Pembangunan Daerah", "BKPSDM")
            .replace("197509221999051001", "");
        let report = run(
            &app.pool,
            ImportKind::Roster,
            "templat-roster.csv",
            filled.as_bytes(),
            Mode::DryRun,
        )
        .await;
        assert_eq!(
            (report.counts.new, report.counts.rejected),
            (1, 0),
            "{:?}",
            report.rows
        );
        assert_eq!(report.rows[0].key, "NIP 198503032010012001");
        assert_eq!(
            report.rows[0].person.as_deref(),
            Some("Siti Rahmawati, S.E.")
        );
        app.finish().await;
    }
}
