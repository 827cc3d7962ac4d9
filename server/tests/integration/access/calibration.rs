//! The talent office (issue 5) through its server functions: the talent map with its filters,
//! kotak lists and period comparison, within each viewer's scope; and a calibration session
//! from opening to its PDF minutes, tried at every step by people who must not take it.

use super::answers::{bad_request, json};
use super::world::{self, ASN, BOSS, MATE, OTHER_INSTANSI, OTHER_UNIT, PASSWORD};
use crate::support::{TestApp, TestResponse};
use app::api::calibration::SessionList;
use app::api::talent_card::TalentCard;
use app::api::talent_map::{Comparison, PeoplePage, TalentMap};
use http::StatusCode;

/// The default parameter set in force in both instansi of the world.
async fn parameters(app: &TestApp) {
    let mut conn = app.pool.acquire().await.expect("connection");
    for slug in ["uji-a", "uji-b"] {
        let id: i64 = sqlx::query_scalar("SELECT id FROM instansi WHERE slug = $1")
            .bind(slug)
            .fetch_one(&mut *conn)
            .await
            .expect("instansi");
        app::services::parameters::adopt(
            &mut conn,
            id,
            &app::domain::scoring::ParameterSet::bkn_2025(),
            "uji",
        )
        .await
        .expect("parameters");
    }
}

/// A computed placement: `kinerja` and `potensial` categories as stored, and their kotak.
pub(super) async fn place(
    app: &TestApp,
    nip: &str,
    period: i64,
    categories: (&str, &str),
    kotak: i64,
    golongan: &str,
) {
    let scores = |category: &str| match category {
        "below" | "low" => 50.0,
        "meets" | "middle" => 70.0,
        _ => 90.0,
    };
    sqlx::query(
        "INSERT INTO placement (instansi_id, pegawai_id, period, parameter_set_id, status, kinerja, \
         potensial, kinerja_category, potential_category, kotak, unit_kerja_id, golongan, components, \
         fingerprint, computed_at) \
         SELECT p.instansi_id, p.id, $2, (SELECT MAX(s.id) FROM parameter_set s \
         WHERE s.instansi_id = p.instansi_id), 'placed', $3, $4, $5, $6, $7, p.unit_kerja_id, $8, '[]', \
         'uji', '2025-12-01T00:00:00Z' FROM pegawai p WHERE p.nip = $1",
    )
    .bind(nip)
    .bind(period)
    .bind(scores(categories.0))
    .bind(scores(categories.1))
    .bind(categories.0)
    .bind(categories.1)
    .bind(kotak)
    .bind(golongan)
    .execute(&app.pool)
    .await
    .expect("placement");
}

/// Instansi A in 2025: ASN kotak 5 (III/a), MATE 8 (III/c), BOSS 9 (IV/b), all in unit A-1;
/// OTHER_UNIT 1 (IV/a) in A-2. In 2024: ASN 3, BOSS 2. Instansi B: OTHER_INSTANSI 9.
pub(super) async fn placements(app: &TestApp) {
    parameters(app).await;
    place(app, ASN, 2025, ("meets", "middle"), 5, "III/a").await;
    place(app, MATE, 2025, ("meets", "high"), 8, "III/c").await;
    place(app, BOSS, 2025, ("above", "high"), 9, "IV/b").await;
    place(app, OTHER_UNIT, 2025, ("below", "low"), 1, "IV/a").await;
    place(app, ASN, 2024, ("below", "middle"), 3, "III/a").await;
    place(app, BOSS, 2024, ("meets", "low"), 2, "IV/a").await;
    place(app, OTHER_INSTANSI, 2025, ("above", "high"), 9, "III/b").await;
}

async fn map(app: &TestApp, cookie: &str, filter: &[(&str, &str)]) -> TalentMap {
    let args: Vec<(String, &str)> = filter
        .iter()
        .map(|(k, v)| (format!("filter[{k}]"), *v))
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    json(&app.call("talenta/peta", &args, Some(cookie)).await)
}

fn placed(map: &TalentMap) -> Vec<(u8, i64)> {
    (1..=9u8)
        .zip(map.per_kotak)
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_talent_map_filters_lists_and_compares_within_the_viewers_scope() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let hr_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;
        let asn = app.sign_in(ASN, PASSWORD).await;

        let whole = map(&app, &komite, &[]).await;
        assert_eq!(whole.period, Some(2025));
        assert_eq!(whole.periods, vec![2025, 2024]);
        assert_eq!(placed(&whole), vec![(1, 1), (5, 1), (8, 1), (9, 1)]);
        assert!(whole.may_calibrate);
        assert_eq!(
            whole
                .units
                .iter()
                .map(|u| (u.code.as_str(), u.depth))
                .collect::<Vec<_>>(),
            vec![("A-0", 0), ("A-1", 1), ("A-2", 1)]
        );
        // Golongan III: the two ruang III people only; group IV: the other two.
        let group_iii = map(&app, &komite, &[("golongan", "III")]).await;
        assert_eq!(placed(&group_iii), vec![(5, 1), (8, 1)]);
        let grade = map(&app, &komite, &[("golongan", "IV/a")]).await;
        assert_eq!(placed(&grade), vec![(1, 1)]);
        // A unit filter takes its subtree: the root holds everyone, A-2 one person.
        assert_eq!(
            placed(&map(&app, &komite, &[("unit", "A-0")]).await).len(),
            4
        );
        assert_eq!(
            placed(&map(&app, &komite, &[("unit", "A-2")]).await),
            vec![(1, 1)]
        );
        assert_eq!(
            map(&app, &komite, &[("asn", "pppk")]).await.per_kotak,
            [0; 9]
        );
        let earlier = map(&app, &komite, &[("periode", "2024")]).await;
        assert_eq!(placed(&earlier), vec![(2, 1), (3, 1)]);
        bad_request(
            &app.call(
                "talenta/peta",
                &[("filter[golongan]", "III/f")],
                Some(&komite),
            )
            .await,
            "Golongan",
        );
        bad_request(
            &app.call("talenta/peta", &[("filter[unit]", "B-0")], Some(&komite))
                .await,
            "Unit kerja",
        );
        bad_request(
            &app.call(
                "talenta/peta",
                &[("filter[periode]", "2019")],
                Some(&komite),
            )
            .await,
            "2019",
        );

        // BKPSDM narrowed to A-1 sees A-1's people only, and may not calibrate.
        let narrowed = map(&app, &hr_unit, &[]).await;
        assert_eq!(placed(&narrowed), vec![(5, 1), (8, 1), (9, 1)]);
        assert!(!narrowed.may_calibrate);
        // The komite of B sees B only, and nothing of A even when it asks for A.
        assert_eq!(placed(&map(&app, &komite_b, &[]).await), vec![(9, 1)]);
        let foreign = app
            .call(
                "talenta/peta",
                &[("filter[instansi]", "uji-a")],
                Some(&komite_b),
            )
            .await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN);
        assert!(!foreign.body.contains("Ani Pegawai"));
        // An ASN is refused the map.
        assert_eq!(
            app.call("talenta/peta", &[], Some(&asn)).await.status,
            StatusCode::FORBIDDEN
        );

        // A kotak's people, searched by name or NIP.
        let people = |args: Vec<(&'static str, &'static str)>| {
            let mut all = vec![("query[urut]", "Nama"), ("query[halaman]", "1")];
            all.extend(args);
            all
        };
        let in_eight: PeoplePage = json(
            &app.call(
                "talenta/peta/orang",
                &people(vec![("query[kotak]", "8")]),
                Some(&komite),
            )
            .await,
        );
        assert_eq!(in_eight.total, 1);
        assert_eq!(in_eight.people[0].nip, MATE);
        let found: PeoplePage = json(
            &app.call(
                "talenta/peta/orang",
                &people(vec![("query[cari]", "ANI")]),
                Some(&komite),
            )
            .await,
        );
        assert_eq!(
            found
                .people
                .iter()
                .map(|p| p.nip.as_str())
                .collect::<Vec<_>>(),
            vec![ASN]
        );
        let by_nip: PeoplePage = json(
            &app.call(
                "talenta/peta/orang",
                &people(vec![("query[cari]", "19920101")]),
                Some(&komite),
            )
            .await,
        );
        assert_eq!(by_nip.people[0].nip, OTHER_UNIT);
        let by_kinerja: PeoplePage = json(
            &app.call(
                "talenta/peta/orang",
                &[("query[urut]", "Kinerja"), ("query[halaman]", "1")],
                Some(&komite),
            )
            .await,
        );
        assert_eq!(by_kinerja.people[0].nip, BOSS);
        assert_eq!(
            by_kinerja.people.last().map(|p| p.nip.as_str()),
            Some(OTHER_UNIT)
        );
        // The narrowed BKPSDM finds nobody outside A-1, even by NIP.
        let outside: PeoplePage = json(
            &app.call(
                "talenta/peta/orang",
                &people(vec![("query[cari]", "19920101")]),
                Some(&hr_unit),
            )
            .await,
        );
        assert_eq!(outside.total, 0);

        // 2024 → 2025: ASN 3 → 5 and BOSS 2 → 9 moved up; nobody fell.
        let comparison: Comparison = json(
            &app.call("talenta/peta/banding", &[("dari", "2024")], Some(&komite))
                .await,
        );
        assert_eq!((comparison.from, comparison.to), (2024, 2025));
        assert_eq!(
            comparison
                .up
                .iter()
                .map(|m| (m.nip.as_str(), m.from, m.to))
                .collect::<Vec<_>>(),
            vec![(BOSS, 2, 9), (ASN, 3, 5)]
        );
        assert!(comparison.down.is_empty());
        app.finish().await;
    }
}

async fn move_to(
    app: &TestApp,
    cookie: &str,
    session: &str,
    nip: &str,
    to: &str,
    reason: &str,
) -> TestResponse {
    app.call(
        "talenta/kalibrasi/pindah",
        &[
            ("sesi", session),
            ("nip", nip),
            ("ke", to),
            ("alasan", reason),
        ],
        Some(cookie),
    )
    .await
}

const REASON: &str = "Memimpin tim lintas OPD dengan hasil terukur pada 2025";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_calibration_session_records_reasons_locks_on_close_and_yields_minutes() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let hr = app.sign_in("bkpsdm.a", PASSWORD).await;
        let asn = app.sign_in(ASN, PASSWORD).await;

        // Only the komite opens a session, for a period that was mapped, one at a time.
        let open = |cookie: &str, period: &'static str| {
            let cookie = cookie.to_owned();
            let app = &app;
            async move {
                app.call(
                    "talenta/kalibrasi/buka",
                    &[("periode", period), ("nama", "Rapat komite talenta")],
                    Some(&cookie),
                )
                .await
            }
        };
        assert_eq!(open(&hr, "2025").await.status, StatusCode::FORBIDDEN);
        assert_eq!(open(&asn, "2025").await.status, StatusCode::FORBIDDEN);
        bad_request(&open(&komite, "2030").await, "belum dipetakan");
        let id: i64 = json(&open(&komite, "2025").await);
        let session = id.to_string();
        bad_request(&open(&komite, "2025").await, "Sudah ada sesi");

        // Moves need another real kotak and a written reason, and a person of this instansi.
        bad_request(
            &move_to(&app, &komite, &session, ASN, "8", "terlalu singkat").await,
            "alasan",
        );
        bad_request(
            &move_to(&app, &komite, &session, ASN, "5", REASON).await,
            "sudah berada di kotak 5",
        );
        bad_request(
            &move_to(&app, &komite, &session, ASN, "10", REASON).await,
            "1 sampai 9",
        );
        bad_request(
            &move_to(&app, &komite, &session, OTHER_INSTANSI, "1", REASON).await,
            "tidak ada dalam pemetaan",
        );
        // A reader of English is told the same in English.
        let komite_en = format!("{komite}; bahasa=en");
        bad_request(
            &move_to(&app, &komite_en, &session, ASN, "8", "terlalu singkat").await,
            "Write the reason for the calibration, at least 20 characters.",
        );
        bad_request(
            &move_to(&app, &komite_en, &session, ASN, "5", REASON).await,
            "This employee is already in box 5.",
        );
        bad_request(
            &open(&komite_en, "2030").await,
            "This period is not mapped yet",
        );
        // Nobody else moves anyone: not BKPSDM, not the ASN, not the komite of B.
        for cookie in [&hr, &asn] {
            let response = move_to(&app, cookie, &session, ASN, "9", REASON).await;
            assert_eq!(response.status, StatusCode::FORBIDDEN, "{}", response.body);
        }
        let foreign = move_to(&app, &komite_b, &session, ASN, "9", REASON).await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{}", foreign.body);
        assert_eq!(
            app.call(
                "talenta/kalibrasi/sesi",
                &[("id", &session)],
                Some(&komite_b)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );

        let moved = move_to(&app, &komite, &session, ASN, "8", REASON).await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        // The map counts the calibrated kotak; the computed one stays beside it.
        let after = map(&app, &komite, &[]).await;
        assert_eq!(placed(&after), vec![(1, 1), (8, 2), (9, 1)]);
        assert_eq!(after.calibrated, 1);
        let card: TalentCard = json(
            &app.call("pegawai/rekam", &[("nip", ASN)], Some(&komite))
                .await,
        );
        let latest = &card.record.placements[0];
        assert_eq!((latest.kotak, latest.calibrated_kotak), (Some(5), Some(8)));
        assert_eq!(latest.calibration_reason.as_deref(), Some(REASON));
        assert_eq!(card.calibrations.len(), 1);
        assert_eq!(
            card.calibration.and_then(|c| c.session).map(|s| s.id),
            Some(id)
        );
        // The ASN sees both kotak and the reason on their own page, and is offered no controls.
        let own: TalentCard = json(&app.call("pegawai/rekam", &[], Some(&asn)).await);
        assert_eq!(own.record.placements[0].calibrated_kotak, Some(8));
        assert!(own.calibration.is_none());
        let page = app.get_as("/saya", Some(&asn)).await;
        assert!(
            page.body
                .contains("hasil kalibrasi komite talenta: kotak 8"),
            "{}",
            page.body
        );
        assert!(page.body.contains(REASON));
        // A second move starts from the calibrated kotak.
        let again = move_to(&app, &komite, &session, ASN, "7", REASON).await;
        assert_eq!(again.status, StatusCode::OK, "{}", again.body);

        // The minutes exist only for a closed session.
        let pdf = format!("/talenta/kalibrasi/{id}/berita-acara.pdf");
        assert_eq!(
            app.get_as(&pdf, Some(&komite)).await.status,
            StatusCode::BAD_REQUEST
        );
        bad_request(
            &app.call(
                "talenta/kalibrasi/tutup",
                &[("sesi", &session), ("anggota", " \n ")],
                Some(&komite),
            )
            .await,
            "anggota komite",
        );
        assert_eq!(
            app.call(
                "talenta/kalibrasi/tutup",
                &[("sesi", &session), ("anggota", "Sekda")],
                Some(&hr)
            )
            .await
            .status,
            StatusCode::FORBIDDEN
        );
        let closed = app
            .call(
                "talenta/kalibrasi/tutup",
                &[
                    ("sesi", &session),
                    ("anggota", "Dr. Sri Wahyuni\nAndi Pratama\n"),
                ],
                Some(&komite),
            )
            .await;
        assert_eq!(closed.status, StatusCode::OK, "{}", closed.body);
        // Closed means locked.
        bad_request(
            &move_to(&app, &komite, &session, MATE, "9", REASON).await,
            "ditutup",
        );
        bad_request(
            &app.call(
                "talenta/kalibrasi/tutup",
                &[("sesi", &session), ("anggota", "Sekda")],
                Some(&komite),
            )
            .await,
            "ditutup",
        );
        let list: SessionList = json(&app.call("talenta/kalibrasi", &[], Some(&hr)).await);
        assert_eq!(list.sessions.len(), 1);
        assert_eq!(list.sessions[0].moves, 2);
        assert!(list.sessions[0].closed_at.is_some() && !list.may_calibrate);

        // The minutes name each change, its reason and the members present.
        let minutes = app.get_as(&pdf, Some(&komite)).await;
        assert_eq!(minutes.status, StatusCode::OK);
        assert_eq!(minutes.header("content-type"), "application/pdf");
        assert_eq!(minutes.header("cache-control"), "no-store");
        // Table cells wrap: compare without white space.
        let flat: String = minutes.body.split_whitespace().collect();
        for text in [
            "Ani Pegawai",
            ASN,
            "5 → 8",
            "5 → 7 (sebelumnya 8)",
            REASON,
            "Dr. Sri Wahyuni",
            "Andi Pratama",
        ] {
            let text: String = text.split_whitespace().collect();
            assert!(
                flat.contains(&text),
                "{text} missing from the minutes:\n{}",
                minutes.body
            );
        }
        assert_eq!(app.get_as(&pdf, Some(&hr)).await.status, StatusCode::OK);
        assert_eq!(
            app.get_as(&pdf, Some(&asn)).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.get_as(&pdf, Some(&komite_b)).await.status,
            StatusCode::NOT_FOUND
        );
        let anonymous = app.get_as(&pdf, None).await;
        assert!(anonymous.status.is_redirection());
        assert!(anonymous.header("location").starts_with("/masuk?kembali="));

        // Every step is in the audit log under the komite member's name; moves are append-only.
        let actions: Vec<(String, String, Option<String>)> = sqlx::query_as(
            "SELECT action, actor, reason FROM audit_log WHERE action LIKE 'kalibrasi.%' ORDER BY seq",
        )
        .fetch_all(&app.pool)
        .await
        .expect("audit");
        assert_eq!(
            actions
                .iter()
                .map(|(a, _, _)| a.as_str())
                .collect::<Vec<_>>(),
            vec![
                "kalibrasi.sesi.buka",
                "kalibrasi.pindah",
                "kalibrasi.pindah",
                "kalibrasi.sesi.tutup"
            ]
        );
        assert!(actions.iter().all(|(_, actor, _)| actor == "akun:komite.a"));
        assert_eq!(actions[1].2.as_deref(), Some(REASON));
        assert!(sqlx::query("UPDATE kalibrasi SET to_kotak = 9")
            .execute(&app.pool)
            .await
            .is_err());
        app.finish().await;
    }
}
