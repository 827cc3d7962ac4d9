//! The ASN's own pages end to end through the server functions: the IDP from draft to the
//! atasan's approval, and a correction request decided by BKPSDM. Each step is also tried by
//! people who must not take it, and what they tried must leave nothing changed.

use super::answers::{bad_request, json, refused};
use super::world::{self, ASN, BOSS, MATE, OTHER_INSTANSI, PASSWORD};
use crate::support::TestApp;
use app::api::self_service::{
    CareerPath, CorrectionView, KotakExplanation, MyData, MyIdp, PendingIdp, TrainingProgress,
};
use app::domain::career::{Attained, CheckOutcome, Criterion};
use app::domain::correction::RequestStatus;
use app::domain::idp::{IdpStatus, Method, ThreadKind};
use http::StatusCode;

async fn plan(app: &TestApp, cookie: &str) -> MyIdp {
    json(&app.call("saya/idp", &[], Some(cookie)).await)
}

async fn audit_actions(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("SELECT action, actor FROM audit_log ORDER BY seq")
        .fetch_all(&app.pool)
        .await
        .expect("audit log")
}

/// The signed-in pegawai asks for a missing training (40 JP of leadership training) to be
/// recorded, with evidence.
pub(super) async fn file_training_correction(app: &TestApp, cookie: &str) {
    let filed = app
        .call(
            "saya/koreksi",
            &[
                ("jenis", "pelatihan"),
                ("nilai", "Pelatihan Kepemimpinan Pengawas"),
                ("tanggal", "2026-03-02"),
                ("jp", "40"),
                ("penjelasan", "Sertifikat PKP saya belum tercatat"),
                ("bukti", "https://contoh.go.id/sertifikat.pdf"),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idp_goes_from_draft_to_approval_and_nobody_else_can_touch_it() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let asn = app.sign_in(ASN, PASSWORD).await;
        let boss = app.sign_in(BOSS, PASSWORD).await;
        let mate = app.sign_in(MATE, PASSWORD).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let hr = app.sign_in("bkpsdm.a", PASSWORD).await;

        assert_eq!(plan(&app, &asn).await.plan, None);
        assert_eq!(
            app.call("saya/idp/mulai", &[], Some(&asn)).await.status,
            StatusCode::OK
        );
        bad_request(
            &app.call("saya/idp/mulai", &[], Some(&asn)).await,
            "sudah dibuat",
        );
        // An empty plan cannot be submitted; a goal needs a method, JP for training, a date.
        bad_request(
            &app.call("saya/idp/ajukan", &[], Some(&asn)).await,
            "paling sedikit satu",
        );
        let target = format!("{}-06-30", app::services::clock::today().year() + 1);
        let goal = |method: &'static str, jp: &'static str| {
            [
                ("sasaran", "Menguasai analisis data kepegawaian"),
                ("metode", method),
                ("jp", jp),
                ("tanggal_target", target.as_str()),
            ]
        };
        bad_request(
            &app.call("saya/idp/tambah", &goal("pelatihan", ""), Some(&asn))
                .await,
            "Isi JP",
        );
        let added = app
            .call("saya/idp/tambah", &goal("pelatihan", "24"), Some(&asn))
            .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        let draft = plan(&app, &asn).await.plan.expect("plan");
        assert_eq!(draft.status, IdpStatus::Draf);
        let goal_id = draft.goals[0].id.to_string();

        // Another ASN, even a colleague of the same atasan, cannot read or change it.
        refused(
            &app.call("tim/idp/rencana", &[("nip", ASN)], Some(&mate))
                .await,
        );
        let foreign = app
            .call(
                "saya/idp/sasaran",
                &[
                    ("id", &goal_id),
                    ("metode", "coaching"),
                    ("tanggal_target", &target),
                ],
                Some(&mate),
            )
            .await;
        assert_eq!(foreign.status, StatusCode::BAD_REQUEST, "{}", foreign.body);
        assert_eq!(
            app.call("saya/idp/hapus", &[("id", &goal_id)], Some(&boss))
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
        let unchanged = plan(&app, &asn).await.plan.expect("plan");
        assert_eq!(unchanged.goals, draft.goals);

        assert_eq!(
            app.call("saya/idp/ajukan", &[], Some(&asn)).await.status,
            StatusCode::OK
        );
        bad_request(
            &app.call("saya/idp/tambah", &goal("coaching", ""), Some(&asn))
                .await,
            "tidak dapat diubah",
        );
        let waiting: Vec<PendingIdp> = json(&app.call("tim/idp", &[], Some(&boss)).await);
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].nip, ASN);

        // Only the direct atasan decides; the person, HR and the komite cannot.
        let decide = |decision: &'static str, comment: &'static str| {
            [("nip", ASN), ("keputusan", decision), ("komentar", comment)]
        };
        for who in [&asn, &mate, &hr, &komite] {
            refused(
                &app.call("tim/idp/putuskan", &decide("setujui", ""), Some(who))
                    .await,
            );
        }
        bad_request(
            &app.call("tim/idp/putuskan", &decide("kembalikan", " "), Some(&boss))
                .await,
            "alasan pengembalian",
        );
        // A reason is a sentence, as for a calibration: 20 characters at least.
        bad_request(
            &app.call(
                "tim/idp/putuskan",
                &decide("kembalikan", "Tambahkan coaching"),
                Some(&boss),
            )
            .await,
            "sekurang-kurangnya 20 karakter",
        );
        let returned = app
            .call(
                "tim/idp/putuskan",
                &decide("kembalikan", "Tambahkan coaching komunikasi"),
                Some(&boss),
            )
            .await;
        assert_eq!(returned.status, StatusCode::OK, "{}", returned.body);
        let back = plan(&app, &asn).await.plan.expect("plan");
        assert_eq!(back.status, IdpStatus::Dikembalikan);
        let last = back.thread.last().expect("thread");
        assert_eq!(
            (last.kind, last.text.as_str(), last.author.as_str()),
            (
                ThreadKind::Kembalikan,
                "Tambahkan coaching komunikasi",
                "Bapak Atasan"
            )
        );

        let added = app
            .call("saya/idp/tambah", &goal("coaching", ""), Some(&asn))
            .await;
        assert_eq!(added.status, StatusCode::OK, "{}", added.body);
        assert_eq!(
            app.call(
                "saya/idp/ajukan",
                &[("catatan", "Coaching sudah saya tambahkan")],
                Some(&asn)
            )
            .await
            .status,
            StatusCode::OK
        );
        let approved = app
            .call("tim/idp/putuskan", &decide("setujui", ""), Some(&boss))
            .await;
        assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);
        bad_request(
            &app.call("tim/idp/putuskan", &decide("setujui", ""), Some(&boss))
                .await,
            "sedang diajukan",
        );

        // Approved: only evidence can be added; the rest of the activity stays as approved.
        let evidence = app
            .call(
                "saya/idp/sasaran",
                &[
                    ("id", &goal_id),
                    ("metode", "mentoring"),
                    ("bukti", "https://lms.contoh.go.id/sertifikat/1"),
                ],
                Some(&asn),
            )
            .await;
        assert_eq!(evidence.status, StatusCode::OK, "{}", evidence.body);
        let done = plan(&app, &asn).await.plan.expect("plan");
        assert_eq!(done.status, IdpStatus::Disetujui);
        // The conversation, in order, each step by whom.
        let steps: Vec<(ThreadKind, &str)> = done
            .thread
            .iter()
            .map(|e| (e.kind, e.text.as_str()))
            .collect();
        assert_eq!(
            steps,
            vec![
                (ThreadKind::Ajukan, ""),
                (ThreadKind::Kembalikan, "Tambahkan coaching komunikasi"),
                (ThreadKind::Ajukan, "Coaching sudah saya tambahkan"),
                (ThreadKind::Setujui, ""),
            ]
        );
        assert_eq!(done.goals[0].method, Some(Method::Pelatihan));
        assert_eq!(
            done.goals[0].evidence_url.as_deref(),
            Some("https://lms.contoh.go.id/sertifikat/1")
        );
        // The atasan (and HR) read it; a person of another instansi does not.
        let seen: MyIdp = json(
            &app.call("tim/idp/rencana", &[("nip", ASN)], Some(&boss))
                .await,
        );
        assert_eq!(seen.plan.map(|p| p.status), Some(IdpStatus::Disetujui));
        let other = app.sign_in(OTHER_INSTANSI, PASSWORD).await;
        refused(
            &app.call("tim/idp/rencana", &[("nip", ASN)], Some(&other))
                .await,
        );

        // An approved plan gains activities through a revision with a reason, which makes it
        // a draft again, bound for the atasan.
        bad_request(
            &app.call("saya/idp/revisi", &[("alasan", "tambah")], Some(&asn))
                .await,
            "alasan revisi",
        );
        assert_eq!(
            app.call(
                "saya/idp/revisi",
                &[("alasan", "Menambah pelatihan SPBE yang baru dibuka")],
                None,
            )
            .await
            .status,
            StatusCode::UNAUTHORIZED
        );
        let revised = app
            .call(
                "saya/idp/revisi",
                &[("alasan", "Menambah pelatihan SPBE yang baru dibuka")],
                Some(&asn),
            )
            .await;
        assert_eq!(revised.status, StatusCode::OK, "{}", revised.body);
        let draft = plan(&app, &asn).await.plan.expect("plan");
        assert_eq!(draft.status, IdpStatus::Draf);
        assert_eq!(
            draft.thread.last().map(|e| e.kind),
            Some(ThreadKind::Revisi)
        );
        let more = app
            .call("saya/idp/tambah", &goal("coaching", ""), Some(&asn))
            .await;
        assert_eq!(more.status, StatusCode::OK, "{}", more.body);

        let log = audit_actions(&app).await;
        for action in [
            "idp.mulai",
            "idp.sasaran.tambah",
            "idp.ajukan",
            "idp.kembalikan",
            "idp.setujui",
            "idp.revisi",
        ] {
            assert!(log.iter().any(|(a, _)| a == action), "{action} in {log:?}");
        }
        assert!(log.contains(&("idp.setujui".to_owned(), format!("akun:{BOSS}"))));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_correction_is_decided_by_bkpsdm_in_scope_and_updates_the_record() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let asn = app.sign_in(ASN, PASSWORD).await;
        let boss = app.sign_in(BOSS, PASSWORD).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let komite_b = app.sign_in("komite.b", PASSWORD).await;
        let hr_unit = app.sign_in("bkpsdm.a1", PASSWORD).await;

        bad_request(
            &app.call(
                "saya/koreksi",
                &[
                    ("jenis", "pelatihan"),
                    ("nilai", "Diklat"),
                    ("tanggal", "2026-03-02"),
                    ("jp", "24"),
                    ("penjelasan", "Pelatihan ini belum tercatat"),
                    ("bukti", ""),
                ],
                Some(&asn),
            )
            .await,
            "tautan bukti",
        );
        file_training_correction(&app, &asn).await;
        let mine: MyData = json(&app.call("saya/data", &[], Some(&asn)).await);
        assert_eq!(mine.requests.len(), 1);
        assert_eq!(mine.requests[0].status, RequestStatus::Diajukan);
        assert_eq!(mine.groups.len(), 4);

        let queue: Vec<CorrectionView> = json(
            &app.call("talenta/koreksi", &[("instansi", "uji-a")], Some(&hr_unit))
                .await,
        );
        assert_eq!(queue.len(), 1);
        let id = queue[0].id.to_string();
        refused(
            &app.call("talenta/koreksi", &[("instansi", "uji-a")], Some(&komite))
                .await,
        );
        refused(
            &app.call("talenta/koreksi", &[("instansi", "uji-a")], Some(&komite_b))
                .await,
        );

        // Neither the person, their atasan nor a komite decides; only BKPSDM in scope.
        for who in [&asn, &boss, &komite, &komite_b] {
            refused(
                &app.call(
                    "talenta/koreksi/putuskan",
                    &[("id", &id), ("keputusan", "terima")],
                    Some(who),
                )
                .await,
            );
        }
        let trainings = || async {
            sqlx::query_scalar::<_, f64>(
                "SELECT t.jp FROM riwayat_pelatihan t JOIN pegawai p ON p.id = t.pegawai_id \
                 WHERE p.nip = $1",
            )
            .bind(ASN)
            .fetch_all(&app.pool)
            .await
            .expect("trainings")
        };
        assert!(trainings().await.is_empty());
        bad_request(
            &app.call(
                "talenta/koreksi/putuskan",
                &[("id", &id), ("keputusan", "tolak"), ("alasan", "tidak")],
                Some(&hr_unit),
            )
            .await,
            "alasan penolakan",
        );
        let accepted = app
            .call(
                "talenta/koreksi/putuskan",
                &[("id", &id), ("keputusan", "terima")],
                Some(&hr_unit),
            )
            .await;
        assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.body);
        assert_eq!(trainings().await, vec![40.0]);
        bad_request(
            &app.call(
                "talenta/koreksi/putuskan",
                &[("id", &id), ("keputusan", "terima")],
                Some(&hr_unit),
            )
            .await,
            "sudah diputuskan",
        );
        let mine: MyData = json(&app.call("saya/data", &[], Some(&asn)).await);
        assert_eq!(mine.requests[0].status, RequestStatus::Diterima);
        assert_eq!(
            mine.requests[0].decided_by.as_deref(),
            Some("akun:bkpsdm.a1")
        );
        let log = audit_actions(&app).await;
        assert!(log.contains(&("koreksi.ajukan".to_owned(), format!("akun:{ASN}"))));
        assert!(log.contains(&("koreksi.terima".to_owned(), "akun:bkpsdm.a1".to_owned())));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_own_pages_read_the_person_and_their_instansi_only() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        for (slug, code) in [("uji-a", "A-KABID"), ("uji-b", "B-KABID")] {
            sqlx::query(
                "INSERT INTO jabatan (instansi_id, code, name, jenis, target) \
                 SELECT id, $2, $2, 'administrator', TRUE FROM instansi WHERE slug = $1",
            )
            .bind(slug)
            .bind(code)
            .execute(&app.pool)
            .await
            .expect("post");
        }
        let asn = app.sign_in(ASN, PASSWORD).await;

        // Not placed yet: no kotak, no levers, nothing invented.
        let kotak: KotakExplanation = json(&app.call("saya/kotak", &[], Some(&asn)).await);
        assert_eq!(kotak.nip, ASN);
        assert_eq!(kotak.latest, None);
        assert_eq!(kotak.advancement, None);

        // A target post of the ASN's instansi: the kotak rule of its kind is checked, and a
        // fact not on record is unknown, so no readiness is claimed.
        let path: CareerPath = json(
            &app.call("saya/karier", &[("jabatan", "A-KABID")], Some(&asn))
                .await,
        );
        assert!(path.options.iter().any(|o| o.code == "A-KABID"));
        assert!(path.options.iter().all(|o| o.code != "B-KABID"));
        let target = path.target.expect("assessed");
        assert!(!target.requirements_set);
        let kotak_check = target
            .checks
            .iter()
            .find(|c| c.criterion == Criterion::Kotak)
            .expect("kotak rule of an administrator post");
        assert_eq!(kotak_check.outcome, CheckOutcome::Unknown);
        assert_eq!(kotak_check.attained, Attained::NotOnRecord);
        assert_eq!(target.readiness, None);
        // The page words the checklist in the reader's language; its outcome is the same.
        let in_english = format!("{asn}; bahasa=en");
        let english: CareerPath = json(
            &app.call("saya/karier", &[("jabatan", "A-KABID")], Some(&in_english))
                .await,
        );
        let english_check = english
            .target
            .expect("assessed")
            .checks
            .into_iter()
            .find(|c| c.criterion == Criterion::Kotak)
            .expect("kotak rule");
        assert_eq!(english_check.attained, Attained::NotOnRecord);
        assert_eq!(english_check.outcome, CheckOutcome::Unknown);
        for (cookie, words) in [
            (asn.clone(), "Anda: belum tercatat"),
            (in_english.clone(), "You: not on record"),
        ] {
            let page = app
                .get_as("/saya/karier?jabatan=A-KABID", Some(&cookie))
                .await;
            assert!(
                page.table_rows()
                    .iter()
                    .flatten()
                    .any(|cell| cell.contains(words)),
                "{words}: {:?}",
                page.table_rows()
            );
        }
        // And a request the server refuses says why in English.
        let mistyped = app
            .call(
                "akun/ganti-sandi",
                &[
                    ("sandi_lama", PASSWORD),
                    ("sandi_baru", "satu-kata-sandi-baru"),
                    ("sandi_ulang", "kata-sandi-lain-lagi"),
                ],
                Some(&in_english),
            )
            .await;
        assert_eq!(mistyped.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            mistyped.app_error(),
            Some(app::error::AppError::BadRequest(
                "the new password and its repetition differ.".into()
            ))
        );
        let early = app.call("saya/idp/ajukan", &[], Some(&in_english)).await;
        assert_eq!(
            early.app_error(),
            Some(app::error::AppError::BadRequest(
                "Draw up this year's IDP first.".into()
            ))
        );
        // Its gaps join the IDP of the period, started for them, each competency once.
        let first: usize = json(
            &app.call("saya/karier/ke-idp", &[("jabatan", "A-KABID")], Some(&asn))
                .await,
        );
        let again: usize = json(
            &app.call("saya/karier/ke-idp", &[("jabatan", "A-KABID")], Some(&asn))
                .await,
        );
        assert_eq!(
            again, 0,
            "the same gaps are not added twice ({first} at first)"
        );
        // A plan is started for gaps only: nothing to add writes nothing.
        assert_eq!(plan(&app, &asn).await.plan.is_some(), first > 0);
        assert_eq!(
            app.call("saya/karier/ke-idp", &[("jabatan", "B-KABID")], Some(&asn))
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let wrong = app
            .call(
                "saya/koreksi",
                &[
                    ("jenis", "golongan"),
                    ("nilai", "X/z"),
                    ("penjelasan", "Golongan saya belum diperbarui."),
                    ("bukti", "https://contoh.go.id/sk.pdf"),
                ],
                Some(&in_english),
            )
            .await;
        assert_eq!(
            wrong.app_error(),
            Some(app::error::AppError::BadRequest(
                "Unknown golongan \"X/z\"; write e.g. \"III/c\".".into()
            ))
        );
        // Another instansi's post is not there to be asked about.
        let foreign = app
            .call("saya/karier", &[("jabatan", "B-KABID")], Some(&asn))
            .await;
        assert_eq!(foreign.status, StatusCode::NOT_FOUND, "{}", foreign.body);

        let training: TrainingProgress = json(&app.call("saya/pelatihan", &[], Some(&asn)).await);
        assert_eq!(training.target, 20.0);
        assert_eq!(training.attained, 0.0);
        assert!(training.trainings.is_empty());
        app.finish().await;
    }
}
