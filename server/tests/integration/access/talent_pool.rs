//! The talent pool (KRS) workflow, succession for key posts and the talent office's downloads
//! (issue 5), through their server functions and routes: each step by the one who may take
//! it, and tried by those who may not.

use super::answers::{bad_request, json, refused};
use super::calibration::placements;
use super::world::{self, ASN, BOSS, MATE, OTHER_INSTANSI, OTHER_UNIT, PASSWORD};
use crate::support::TestApp;
use app::api::intake::{ImportReport, RowStatus};
use app::api::succession::{SuccessionOverview, SuccessionPlan};
use app::api::talent_map::{Distributions, KotakCounts};
use app::api::talent_pool::TalentPool;
use app::domain::career::Readiness;
use app::domain::succession::{MatchPart, PipelineFlag};
use app::domain::talent_pool::Tahap;
use app::i18n::{filters, Lang};
use http::StatusCode;

async fn pool(app: &TestApp, cookie: &str, args: &[(&str, &str)]) -> TalentPool {
    json(&app.call("talenta/krs", args, Some(cookie)).await)
}

fn stages(pool: &TalentPool) -> Vec<(String, Tahap)> {
    pool.members
        .iter()
        .map(|m| (m.nip.clone(), m.tahap))
        .collect()
}

async fn step(
    app: &TestApp,
    cookie: &str,
    nip: &str,
    langkah: &str,
    nomor: &str,
    catatan: &str,
) -> crate::support::TestResponse {
    app.call(
        "talenta/krs/langkah",
        &[
            ("instansi", "uji-a"),
            ("periode", "2025"),
            ("nip", nip),
            ("langkah", langkah),
            ("nomor", nomor),
            ("catatan", catatan),
        ],
        Some(cookie),
    )
    .await
}

const REFERENCE: &str = "800/12/BKPSDM/2026";
const REJECTION: &str = "Riwayat jabatan belum sesuai dengan SK yang berlaku.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_talent_pool_runs_from_proposal_to_decision_for_the_right_people_only() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let bkpsdm_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;
        let bkpsdm = app.sign_in("bkpsdm.a", PASSWORD).await;
        let asn = app.sign_in(ASN, PASSWORD).await;
        let of_a = [("query[filter][instansi]", "uji-a")];

        // Kotak 7-9 are proposed without anyone doing anything: BOSS (9) before MATE (8).
        let proposed = pool(&app, &komite, &of_a).await;
        assert_eq!(
            stages(&proposed),
            vec![
                (BOSS.to_owned(), Tahap::Diusulkan),
                (MATE.to_owned(), Tahap::Diusulkan)
            ]
        );
        assert_eq!(proposed.per_tahap, [2, 0, 0, 0]);
        assert_eq!(
            proposed.nasional, 1,
            "kotak 9 is flagged for the national KRS"
        );
        assert!(proposed.members[0].nasional && !proposed.members[1].nasional);
        assert!(proposed.may_decide && !proposed.may_verify);
        // Another instansi's komite and an ASN see none of it.
        refused(&app.call("talenta/krs", &of_a, Some(&komite_b)).await);
        refused(&app.call("talenta/krs", &of_a, Some(&asn)).await);
        let b = pool(&app, &komite_b, &[("query[filter][instansi]", "uji-b")]).await;
        assert_eq!(
            stages(&b),
            vec![(OTHER_INSTANSI.to_owned(), Tahap::Diusulkan)]
        );

        // BKPSDM verifies; the komite may not, and nobody verifies outside kotak 7-9 or
        // outside their units.
        refused(&step(&app, &komite, MATE, "verifikasi", "", "").await);
        bad_request(
            &step(&app, &bkpsdm_unit, ASN, "verifikasi", "", "").await,
            "kotak 7, 8 atau 9",
        );
        bad_request(
            &step(&app, &bkpsdm_unit, OTHER_UNIT, "verifikasi", "", "").await,
            "tidak ada dalam pemetaan",
        );
        refused(&step(&app, &asn, MATE, "verifikasi", "", "").await);
        assert_eq!(
            step(&app, &bkpsdm_unit, MATE, "verifikasi", "", "")
                .await
                .status,
            StatusCode::OK
        );
        bad_request(
            &step(&app, &bkpsdm, MATE, "verifikasi", "", "").await,
            "Diverifikasi tidak dapat diverifikasi",
        );

        // The komite decides, under a reference; BKPSDM may not.
        bad_request(
            &step(&app, &komite, BOSS, "tetapkan", REFERENCE, "").await,
            "Diusulkan tidak dapat ditetapkan",
        );
        let komite_en = format!("{komite}; bahasa=en");
        bad_request(
            &step(&app, &komite_en, BOSS, "tetapkan", REFERENCE, "").await,
            "A proposal that is \"Proposed\" cannot be confirmed.",
        );
        bad_request(
            &step(&app, &komite, MATE, "tetapkan", " ", "").await,
            "nomor keputusan",
        );
        refused(&step(&app, &bkpsdm, MATE, "tetapkan", REFERENCE, "").await);
        refused(&step(&app, &komite_b, MATE, "tetapkan", REFERENCE, "").await);
        assert_eq!(
            step(&app, &komite, MATE, "tetapkan", REFERENCE, "")
                .await
                .status,
            StatusCode::OK
        );
        bad_request(
            &step(&app, &komite, MATE, "tolak", REFERENCE, REJECTION).await,
            "Ditetapkan tidak dapat ditolak",
        );
        bad_request(
            &step(&app, &komite, BOSS, "tolak", "BA/3", "terlalu pendek").await,
            "alasan penolakan",
        );
        assert_eq!(
            step(&app, &komite, BOSS, "tolak", "BA/3", REJECTION)
                .await
                .status,
            StatusCode::OK
        );
        bad_request(
            &step(&app, &komite, BOSS, "lompat", "BA/3", REJECTION).await,
            "verifikasi, tetapkan atau tolak",
        );

        let decided = pool(&app, &komite, &of_a).await;
        assert_eq!(decided.per_tahap, [0, 0, 1, 1]);
        let mate = decided
            .members
            .iter()
            .find(|m| m.nip == MATE)
            .expect("MATE");
        assert_eq!(mate.tahap, Tahap::Ditetapkan);
        assert_eq!(mate.decision_ref.as_deref(), Some(REFERENCE));
        // Who verified, by the account's name.
        assert_eq!(mate.verified_by.as_deref(), Some("Petugas uji"));
        let boss = decided
            .members
            .iter()
            .find(|m| m.nip == BOSS)
            .expect("BOSS");
        assert_eq!(
            (boss.tahap, boss.nasional, boss.note.as_deref()),
            (Tahap::Ditolak, true, Some(REJECTION))
        );
        let only_decided = pool(
            &app,
            &komite,
            &[
                ("query[filter][instansi]", "uji-a"),
                ("query[tahap]", "ditetapkan"),
            ],
        )
        .await;
        assert_eq!(
            stages(&only_decided),
            vec![(MATE.to_owned(), Tahap::Ditetapkan)]
        );
        bad_request(
            &app.call(
                "talenta/krs",
                &[("query[filter][instansi]", "uji-a"), ("query[tahap]", "x")],
                Some(&komite),
            )
            .await,
            "Tahap \"x\" tidak dikenal",
        );
        // A unit-narrowed BKPSDM sees the pool of its units only.
        let narrowed = pool(&app, &bkpsdm_unit, &of_a).await;
        assert!(narrowed.members.iter().all(|m| m.nip != OTHER_UNIT));

        let actions: Vec<(String, String)> = sqlx::query_as(
            "SELECT action, actor FROM audit_log WHERE action LIKE 'krs.%' ORDER BY seq",
        )
        .fetch_all(&app.pool)
        .await
        .expect("audit");
        assert_eq!(
            actions,
            vec![
                ("krs.verifikasi".to_owned(), "akun:bkpsdm.a1".to_owned()),
                ("krs.tetapkan".to_owned(), "akun:komite.a".to_owned()),
                ("krs.tolak".to_owned(), "akun:komite.a".to_owned()),
            ]
        );
        app.finish().await;
    }
}

/// Key posts of instansi A: an administrator post (kritikal, target) held by BOSS; a vacant
/// JPT pratama post; an administrator post held by someone a year from retirement. MATE and
/// ASN hold pengawas posts; OTHER_INSTANSI holds a pengawas post in B.
async fn posts(app: &TestApp) {
    let pool = &app.pool;
    for (instansi, unit, code, jenis, kritikal, target) in [
        ("uji-a", "A-1", "ADM", "administrator", true, true),
        ("uji-a", "A-0", "JPT", "jpt_pratama", true, false),
        ("uji-a", "A-2", "ADM2", "administrator", false, true),
        ("uji-a", "A-1", "PENGAWAS", "pengawas", false, false),
        ("uji-b", "B-0", "PENGAWAS-B", "pengawas", false, false),
    ] {
        sqlx::query(
            "INSERT INTO jabatan (instansi_id, unit_kerja_id, code, name, jenis, kritikal, target) \
             SELECT i.id, u.id, $3, $3, $4, $5, $6 FROM instansi i JOIN unit_kerja u \
             ON u.instansi_id = i.id AND u.code = $2 WHERE i.slug = $1",
        )
        .bind(instansi)
        .bind(unit)
        .bind(code)
        .bind(jenis)
        .bind(kritikal)
        .bind(target)
        .execute(pool)
        .await
        .expect("jabatan");
    }
    sqlx::query(
        "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, golongan, \
         unit_kerja_id) SELECT instansi_id, '196812012000011009', 'pns', 'Pejabat Senior', 'L', \
         '1968-12-01', '2000-01-01', 'IV/a', unit_kerja_id FROM pegawai WHERE nip = $1",
    )
    .bind(OTHER_UNIT)
    .execute(pool)
    .await
    .expect("senior");
    for (nip, code) in [
        (BOSS, "ADM"),
        ("196812012000011009", "ADM2"),
        (MATE, "PENGAWAS"),
        (ASN, "PENGAWAS"),
        (OTHER_INSTANSI, "PENGAWAS-B"),
    ] {
        sqlx::query(
            "UPDATE pegawai SET jabatan_id = (SELECT j.id FROM jabatan j \
             WHERE j.code = $2 AND j.instansi_id = pegawai.instansi_id) WHERE nip = $1",
        )
        .bind(nip)
        .bind(code)
        .execute(pool)
        .await
        .expect("holder");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn succession_ranks_the_pool_flags_risky_posts_and_stays_in_its_instansi() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        posts(&app).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let bkpsdm_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;
        let asn = app.sign_in(ASN, PASSWORD).await;
        let of_a = [("instansi", "uji-a")];

        let overview: SuccessionOverview =
            json(&app.call("talenta/suksesi", &of_a, Some(&komite)).await);
        let flags = |code: &str| {
            overview
                .posts
                .iter()
                .find(|p| p.code == code)
                .map(|p| p.flags.clone())
                .expect(code)
        };
        assert_eq!(overview.posts.len(), 3, "only kritikal and target posts");
        assert_eq!(
            flags("JPT"),
            vec![PipelineFlag::Kosong, PipelineFlag::KurangDariDuaKandidat],
            "BOSS (kotak 9, administrator) is ready for the vacant JPT post"
        );
        assert_eq!(flags("ADM"), vec![PipelineFlag::KurangDariDuaKandidat]);
        assert!(flags("ADM2").contains(&PipelineFlag::PejabatMendekatiBup));
        // The riskiest post comes first.
        assert_eq!(overview.posts[0].code, "JPT");

        let plan: SuccessionPlan = json(
            &app.call(
                "talenta/suksesi/jabatan",
                &[
                    ("instansi", "uji-a"),
                    ("kode", "ADM"),
                    ("banding[0]", MATE),
                    ("banding[1]", ASN),
                ],
                Some(&komite),
            )
            .await,
        );
        // MATE (kotak 8, pengawas) is the candidate; ASN (kotak 5) is not in the pool, BOSS
        // holds the post, OTHER_INSTANSI (kotak 9, pengawas) belongs to another instansi.
        let nips: Vec<&str> = plan.candidates.iter().map(|c| c.nip.as_str()).collect();
        assert_eq!(nips, vec![MATE]);
        let mate = &plan.candidates[0];
        assert_eq!(mate.readiness, Some(Readiness::SiapSekarang));
        // Checks 100 (weight 30), working in the post's OPD 100 (10), talent 80 (15); the
        // JPM is not assessed and the post has no field on record: (3000 + 1000 + 1200) / 55.
        assert_eq!(mate.score.score, Some(94.5), "{:?}", mate.score);
        assert_eq!(
            mate.score.missing,
            vec![MatchPart::Jpm, MatchPart::Bidang],
            "left out, not counted as zero"
        );
        assert_eq!(plan.compared, vec![MATE.to_owned()]);
        assert!(!plan.requirements_set);

        // A stricter requirement changes readiness: golongan IV/a is far from III/a.
        sqlx::query(
            "INSERT INTO syarat_jabatan (jabatan_id, min_golongan) \
             SELECT id, 'IV/a' FROM jabatan WHERE code = 'ADM'",
        )
        .execute(&app.pool)
        .await
        .expect("syarat");
        let strict: SuccessionPlan = json(
            &app.call(
                "talenta/suksesi/jabatan",
                &[("instansi", "uji-a"), ("kode", "ADM")],
                Some(&komite),
            )
            .await,
        );
        assert!(strict.requirements_set);
        assert_eq!(
            strict.candidates[0].readiness,
            Some(Readiness::SiapLebihDariDuaTahun)
        );
        assert!(strict
            .post
            .flags
            .contains(&PipelineFlag::TanpaPenggantiSiap));

        // The page shows the comparison without JavaScript, whatever the code's case (the
        // router's form navigation lower-cases the path).
        let page = app
            .get_as(
                &format!("/talenta/suksesi/adm?instansi=uji-a&banding={MATE}"),
                Some(&komite),
            )
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Perbandingan kandidat"));
        assert!(page.body.contains("Rekan Satu Unit"));

        // Scope: the unit-narrowed BKPSDM sees the key posts of its units; B and the ASN
        // see nothing of A.
        let narrowed: SuccessionOverview =
            json(&app.call("talenta/suksesi", &of_a, Some(&bkpsdm_unit)).await);
        let codes: Vec<&str> = narrowed.posts.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, vec!["ADM"]);
        refused(&app.call("talenta/suksesi", &of_a, Some(&komite_b)).await);
        refused(&app.call("talenta/suksesi", &of_a, Some(&asn)).await);
        refused(
            &app.call(
                "talenta/suksesi/jabatan",
                &[("instansi", "uji-a"), ("kode", "ADM")],
                Some(&komite_b),
            )
            .await,
        );
        let foreign = app
            .call(
                "talenta/suksesi/jabatan",
                &[("instansi", "uji-b"), ("kode", "ADM")],
                Some(&komite_b),
            )
            .await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloads_carry_the_filters_neutralise_formulas_and_respect_scope() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        sqlx::query("UPDATE pegawai SET name = $1 WHERE nip = $2")
            .bind("=HYPERLINK(\"http://x\",\"klik\")")
            .bind(MATE)
            .execute(&app.pool)
            .await
            .expect("name");
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let bkpsdm_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;
        let asn = app.sign_in(ASN, PASSWORD).await;

        let people = app
            .get_as(
                "/talenta/unduh/pegawai.csv?instansi=uji-a&golongan=III",
                Some(&komite),
            )
            .await;
        assert_eq!(people.status, StatusCode::OK, "{}", people.body);
        assert!(people.header("content-type").starts_with("text/csv"));
        assert!(people.header("content-disposition").contains("pegawai.csv"));
        assert!(
            people.body.contains("Filter,Golongan III"),
            "{}",
            people.body
        );
        assert!(people.body.contains("Dibuat,"));
        assert!(people.body.contains(ASN));
        assert!(!people.body.contains(BOSS), "BOSS is IV/b");
        assert!(
            people.body.contains("\"'=HYPERLINK("),
            "a formula is neutralised: {}",
            people.body
        );

        let map = app
            .get_as("/talenta/unduh/peta.xlsx?instansi=uji-a", Some(&komite))
            .await;
        assert_eq!(map.status, StatusCode::OK);
        assert!(map.body.starts_with("PK"));
        assert!(map.header("content-type").contains("spreadsheetml"));

        let krs = app
            .get_as("/talenta/unduh/krs.csv?instansi=uji-a", Some(&komite))
            .await;
        assert_eq!(krs.status, StatusCode::OK);
        assert!(krs.body.contains(BOSS) && krs.body.contains("Diusulkan"));

        // Scope: a unit-narrowed BKPSDM gets its units only; B, the ASN and strangers
        // get nothing.
        let narrowed = app
            .get_as(
                "/talenta/unduh/pegawai.csv?instansi=uji-a",
                Some(&bkpsdm_unit),
            )
            .await;
        assert_eq!(narrowed.status, StatusCode::OK);
        assert!(narrowed.body.contains(ASN) && !narrowed.body.contains(OTHER_UNIT));
        for cookie in [&komite_b, &asn] {
            let answer = app
                .get_as("/talenta/unduh/pegawai.csv?instansi=uji-a", Some(cookie))
                .await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN);
            assert!(!answer.body.contains(ASN));
        }
        let anonymous = app
            .get_as("/talenta/unduh/peta.csv?instansi=uji-a", None)
            .await;
        assert!(anonymous.status.is_redirection());
        assert!(anonymous.header("location").starts_with("/masuk?kembali="));
        let unknown = app
            .get_as("/talenta/unduh/rahasia.csv?instansi=uji-a", Some(&komite))
            .await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_spread_counts_per_opd_and_period_within_scope() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let bkpsdm_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;
        let spread = |cookie: String, args: Vec<(&'static str, &'static str)>| {
            let app = &app;
            async move { app.call("talenta/sebaran", &args, Some(&cookie)).await }
        };
        let kotak = |counts: &KotakCounts| -> Vec<(u8, i64)> {
            (1..=9u8)
                .zip(counts.per_kotak)
                .filter(|(_, n)| *n > 0)
                .collect()
        };

        // The OPD are the roots of the tree: here one, A-0, holding everyone of A.
        let whole: Distributions =
            json(&spread(komite.clone(), vec![("filter[instansi]", "uji-a")]).await);
        assert_eq!(filters::grouping(&whole, Lang::Id), "OPD");
        let rows: Vec<(&str, Vec<(u8, i64)>)> = whole
            .by_unit
            .iter()
            .map(|r| (r.label.as_str(), kotak(r)))
            .collect();
        assert_eq!(rows, vec![("A-0", vec![(1, 1), (5, 1), (8, 1), (9, 1)])]);
        let periods: Vec<(&str, Vec<(u8, i64)>)> = whole
            .by_period
            .iter()
            .map(|r| (r.label.as_str(), kotak(r)))
            .collect();
        assert_eq!(
            periods,
            vec![
                ("2024", vec![(2, 1), (3, 1)]),
                ("2025", vec![(1, 1), (5, 1), (8, 1), (9, 1)])
            ]
        );
        assert_eq!(whole.by_unit[0].talent_pool(), 2);

        // Under a chosen unit, its children are the rows.
        let under: Distributions = json(
            &spread(
                komite.clone(),
                vec![("filter[instansi]", "uji-a"), ("filter[unit]", "A-0")],
            )
            .await,
        );
        assert_eq!(filters::grouping(&under, Lang::Id), "unit di bawah A-0");
        assert_eq!(filters::grouping(&under, Lang::En), "units under A-0");
        let rows: Vec<(&str, Vec<(u8, i64)>)> = under
            .by_unit
            .iter()
            .map(|r| (r.label.as_str(), kotak(r)))
            .collect();
        assert_eq!(
            rows,
            vec![("A-1", vec![(5, 1), (8, 1), (9, 1)]), ("A-2", vec![(1, 1)])]
        );

        // A unit-narrowed BKPSDM counts only its units; B sees nothing of A.
        let narrowed: Distributions =
            json(&spread(bkpsdm_unit.clone(), vec![("filter[instansi]", "uji-a")]).await);
        assert_eq!(narrowed.by_unit[0].placed(), 3);
        refused(&spread(komite_b, vec![("filter[instansi]", "uji-a")]).await);

        let csv = app
            .get_as(
                "/talenta/unduh/sebaran.csv?instansi=uji-a&unit=A-0",
                Some(&komite),
            )
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body.contains("A-1,0,0,0,0,1,0,0,1,1,3,0,2"),
            "{}",
            csv.body
        );
        let page = app
            .get_as("/talenta/sebaran?instansi=uji-a", Some(&komite))
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("<svg"),
            "the charts are drawn on the server"
        );
        app.finish().await;
    }
}

const ROSTER: &str =
    "NIP;Nama;Golongan\n198503032010011001;Andi Baru;III/a\n199002142015032004;Dewi Baru;III/b\n";

async fn pegawai_named(app: &TestApp, name: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM pegawai WHERE name = $1")
        .bind(name)
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_import_checks_first_saves_all_or_nothing_and_only_for_bkpsdm() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let bkpsdm = app.sign_in("bkpsdm.a", PASSWORD).await;
        let bkpsdm_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let check = "/talenta/impor/unggah?instansi=uji-a&jenis=roster&mode=uji";
        let save = "/talenta/impor/unggah?instansi=uji-a&jenis=roster&mode=simpan";

        // Only BKPSDM of the whole instansi; nobody else learns anything about the file.
        for cookie in [&bkpsdm_unit, &komite, &komite_b] {
            refused(
                &app.upload(save, "pegawai.csv", ROSTER.as_bytes(), Some(cookie))
                    .await,
            );
        }
        let anonymous = app
            .upload(save, "pegawai.csv", ROSTER.as_bytes(), None)
            .await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(pegawai_named(&app, "Andi Baru").await, 0);

        // The dry run reports and writes nothing.
        let dry: ImportReport = json(
            &app.upload(
                check,
                "pegawai%20baru.csv",
                ROSTER.as_bytes(),
                Some(&bkpsdm),
            )
            .await,
        );
        assert_eq!(dry.file_name, "pegawai baru.csv");
        assert_eq!((dry.counts.new, dry.counts.rejected), (2, 0));
        assert_eq!(dry.batch_id, None);
        assert_eq!(pegawai_named(&app, "Andi Baru").await, 0);

        // A file with a rejected row is reported and nothing of it is written.
        let broken = format!("{ROSTER}12345;Salah;III/a\n");
        let refused_file: ImportReport = json(
            &app.upload(save, "rusak.csv", broken.as_bytes(), Some(&bkpsdm))
                .await,
        );
        assert_eq!(refused_file.counts.rejected, 1);
        assert_eq!(refused_file.batch_id, None);
        assert_eq!(pegawai_named(&app, "Andi Baru").await, 0);
        // Each refusal carries its reason in both languages, for the page to pick.
        let reason = refused_file
            .rows
            .iter()
            .find_map(|r| match &r.status {
                RowStatus::Rejected(reason) => Some(reason.clone()),
                _ => None,
            })
            .expect("the rejected row");
        assert_eq!(
            (reason.id.as_str(), reason.en.as_str()),
            (
                "NIP harus 18 digit angka, bukan 5 digit",
                "a NIP has 18 digits, not 5"
            )
        );

        // The clean file is saved as one batch, with its audit entry.
        let saved: ImportReport = json(
            &app.upload(save, "pegawai.csv", ROSTER.as_bytes(), Some(&bkpsdm))
                .await,
        );
        assert!(saved.batch_id.is_some());
        assert_eq!(pegawai_named(&app, "Andi Baru").await, 1);
        let importer: String =
            sqlx::query_scalar("SELECT importer FROM import_batch WHERE file_name = 'pegawai.csv'")
                .fetch_one(&app.pool)
                .await
                .expect("batch");
        assert_eq!(importer, "akun:bkpsdm.a");

        // The route answers its reasons as plain text, for the page to show.
        let plain_refusal = |response: crate::support::TestResponse, message: &str| {
            assert_eq!(
                response.status,
                StatusCode::BAD_REQUEST,
                "{}",
                response.body
            );
            assert!(response.body.contains(message), "{}", response.body);
        };
        plain_refusal(
            app.upload(
                "/talenta/impor/unggah?instansi=uji-a&jenis=gaji&mode=uji",
                "x.csv",
                ROSTER.as_bytes(),
                Some(&bkpsdm),
            )
            .await,
            "jenis berkas",
        );
        plain_refusal(
            app.upload(check, "kosong.csv", b"", Some(&bkpsdm)).await,
            "Berkas tidak dapat diimpor",
        );
        plain_refusal(
            app.upload(
                check,
                "kosong.csv",
                b"",
                Some(&format!("{bkpsdm}; bahasa=en")),
            )
            .await,
            "The file cannot be imported: the file is empty or has no row of column headings.",
        );
        // Larger than a form, smaller than the import limit: accepted for checking.
        let mut large = String::from("NIP;Nama;Golongan\n");
        for (day, seq) in (1..=28).flat_map(|d| (1..=999).map(move |s| (d, s))) {
            if large.len() > 300 * 1024 {
                break;
            }
            large.push_str(&format!(
                "198503{day:02}2010011{seq:03};Pegawai Uji {seq};III/a\n"
            ));
        }
        let big = app
            .upload(check, "besar.csv", large.as_bytes(), Some(&bkpsdm))
            .await;
        assert_eq!(big.status, StatusCode::OK, "{}", big.body);
        app.finish().await;
    }
}
