//! Scoring through imported records, on both engines: hand-computed people (domain.md §4),
//! what is missing, exclusion, parameter versions, idempotent re-runs and immutable snapshots.

use crate::intake::{organisation, run, INSTANSI, ROSTER};
use crate::support::{self, TestApp};
use app::domain::placement_note::{Note, Stored, Unplaced};
use app::domain::scoring::{Component, ParameterSet};
use app::i18n::{notes, Lang};
use app::services::intake::{ImportKind, Mode};
use app::services::scoring::{decode_components, decode_reason};
use sqlx::AnyPool;

const SKP: &str =
    "NIP;Tahun;Hasil Kerja;Perilaku;Nilai Penghargaan;Nilai Penugasan Tim;Nilai Umpan Balik 360\n\
198503032010011001;2025;Di atas ekspektasi;Di atas ekspektasi;80;70;90\n\
199002142015032004;2025;Sesuai ekspektasi;Sesuai ekspektasi;60;60;60\n\
198811202012121003;2025;Sesuai ekspektasi;Sesuai ekspektasi;60;60;60\n";

const ASESMEN: &str = "NIP;Tanggal Asesmen;Penyelenggara;Integritas;Kerja Sama;Komunikasi;Orientasi pada Hasil;Pelayanan Publik;Pengembangan Diri dan Orang Lain;Mengelola Perubahan;Pengambilan Keputusan;Perekat Bangsa;Kemampuan Intelektual;Interpersonal;Kesadaran Diri;Berpikir Kritis dan Strategis;Problem Solving;Kecerdasan Emosional;Belajar Cepat;Motivasi dan Komitmen\n\
198503032010011001;10/11/2025;UPT BKN;4;3;3;3;3;3;3;4;3;70;80;75;75;70;80;75;75\n\
199002142015032004;2025-11-12;UPT BKN;2;2;2;2;2;2;2;1;1;60;60;60;60;60;60;60;60\n";

const PELATIHAN: &str = "NIP;Nama Pelatihan;Tanggal Mulai;JP\n\
198503032010011001;Pelatihan Kepemimpinan Pengawas;2025-03-10;10\n\
198503032010011001;E-learning Manajemen ASN;2025-08-01;6\n\
198503032010011001;Seminar 2024;2024-05-01;30\n\
199002142015032004;Bimbingan Teknis SAKIP;2025-04-14;8\n\
198811202012121003;Coaching Kinerja;2025-02-03;20\n";

async fn records(pool: &AnyPool) {
    for (kind, file, name) in [
        (ImportKind::Roster, ROSTER, "pegawai.csv"),
        (ImportKind::Skp, SKP, "skp.csv"),
        (ImportKind::Asesmen, ASESMEN, "asesmen.csv"),
        (ImportKind::Pelatihan, PELATIHAN, "pelatihan.csv"),
    ] {
        let report = run(pool, kind, name, file.as_bytes(), Mode::Commit).await;
        assert_eq!(report.counts.rejected, 0, "{name}: {:?}", report.rows);
    }
}

/// (status, kinerja, potensial, kotak, reason) of the placement in force.
async fn placement(
    pool: &AnyPool,
    nip: &str,
) -> (
    String,
    Option<f64>,
    Option<f64>,
    Option<i64>,
    Option<Stored<Unplaced>>,
) {
    let (status, kinerja, potensial, kotak, reason): PlacementRow = sqlx::query_as(
        "SELECT p.status, p.kinerja, p.potensial, p.kotak, p.reason FROM placement_in_force p \
         JOIN pegawai g ON g.id = p.pegawai_id WHERE g.nip = $1 AND p.period = 2025",
    )
    .bind(nip)
    .fetch_one(pool)
    .await
    .expect("placement");
    (status, kinerja, potensial, kotak, reason.map(decode_reason))
}

type PlacementRow = (
    String,
    Option<f64>,
    Option<f64>,
    Option<i64>,
    Option<String>,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hand_computed_people_are_placed_with_sources_and_versions() {
    for app in TestApp::each_engine().await {
        let pool = &app.pool;
        organisation(pool).await;
        records(pool).await;
        let summary = support::score(pool, INSTANSI, 2025, "uji:bkpsdm").await;
        assert_eq!(
            (summary.pegawai, summary.placed, summary.incomplete),
            (3, 2, 1)
        );
        assert_eq!(summary.parameter_version, 1);

        // Andi: Y = 0.60*100 + 0.15*80 + 0.15*70 + 0.10*90 = 91.5
        // X = 0.20*100 (JPM, levels capped at the standard) + 0.10*80 (16 of 20 JP)
        //   + 0.10*70 (7 years in post) + 0.25*75 + 0.10*90 (S2) + 0.10*100 (field) + 0.15*100
        //   = 87.75 -> kotak 9
        assert_eq!(
            placement(pool, "198503032010011001").await,
            ("placed".into(), Some(91.5), Some(87.75), Some(9), None)
        );
        // Dewi: Y = 0.6*80 + 0.15*60 + 0.15*60 + 0.1*60 = 72
        // X = 0.2*88.89 + 0.1*40 + 0.1*20 + 0.25*60 + 0.1*80 + 0.1*50 (Hukum, not the post's
        //   field) + 0.15*100 = 66.78 -> kotak 5
        assert_eq!(
            placement(pool, "199002142015032004").await,
            ("placed".into(), Some(72.0), Some(66.78), Some(5), None)
        );
        // Rahmat has no assessment: not placed, and told why.
        assert_eq!(
            placement(pool, "198811202012121003").await,
            (
                "incomplete".into(),
                None,
                None,
                None,
                Some(Stored::Value(Unplaced::Incomplete(vec![
                    Component::PenilaianKompetensi,
                    Component::PenilaianPotensi
                ])))
            )
        );

        let components = |nip: &'static str| async move {
            let json: String = sqlx::query_scalar(
                "SELECT p.components FROM placement_in_force p \
                 JOIN pegawai g ON g.id = p.pegawai_id WHERE g.nip = $1",
            )
            .bind(nip)
            .fetch_one(pool)
            .await
            .expect("components");
            decode_components(&json, &ParameterSet::bkn_2025()).expect("stored components decode")
        };
        let andi = components("198503032010011001").await;
        assert_eq!(andi.len(), 11);
        let jp = andi
            .iter()
            .find(|c| c.component == Component::PengembanganKompetensi)
            .expect("jp");
        assert_eq!(
            (jp.score, jp.weight, jp.source_table),
            (Some(80.0), 10.0, "riwayat_pelatihan")
        );
        assert_eq!(jp.record_ids.len(), 2, "the two 2025 trainings, not 2024's");
        assert_eq!(
            notes::note(&jp.note, Lang::Id),
            "16 dari 20 JP tahun 2025 (2 pelatihan)"
        );
        assert_eq!(
            notes::note(&jp.note, Lang::En),
            "16 of 20 JP in 2025 (2 trainings)"
        );
        let skp = andi
            .iter()
            .find(|c| c.component == Component::KinerjaUtama)
            .expect("skp");
        let skp_id: i64 = sqlx::query_scalar(
            "SELECT s.id FROM skp s JOIN pegawai g ON g.id = s.pegawai_id WHERE g.nip = '198503032010011001'",
        )
        .fetch_one(pool)
        .await
        .expect("skp");
        assert_eq!(
            (skp.source_table, skp.record_ids.clone()),
            ("skp", vec![skp_id])
        );
        let rahmat = components("198811202012121003").await;
        let missing = rahmat
            .iter()
            .find(|c| c.component == Component::PenilaianPotensi)
            .expect("potensi");
        assert_eq!(
            (missing.score, &missing.note),
            (None, &Stored::Value(Note::NeverAssessed)),
            "missing is null, never 0"
        );
        let version: (i64, String) = sqlx::query_as(
            "SELECT s.version, s.name FROM placement p JOIN parameter_set s ON s.id = p.parameter_set_id LIMIT 1",
        )
        .fetch_one(pool)
        .await
        .expect("version");
        assert_eq!(version, (1, "BKN 2025".into()));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn re_running_changes_nothing_and_snapshots_are_immutable() {
    for app in TestApp::each_engine().await {
        let pool = &app.pool;
        organisation(pool).await;
        records(pool).await;
        let first = support::score(pool, INSTANSI, 2025, "uji").await;
        assert_eq!(first.new_snapshots, 3);
        let again = support::score(pool, INSTANSI, 2025, "uji").await;
        assert_eq!(again.new_snapshots, 0);
        let snapshots = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM placement")
                .fetch_one(pool)
                .await
                .expect("count")
        };
        assert_eq!(snapshots().await, 3);

        assert!(
            sqlx::query("UPDATE placement SET kotak = 9 WHERE kotak = 5")
                .execute(pool)
                .await
                .is_err(),
            "a placement cannot be edited"
        );
        assert!(sqlx::query("DELETE FROM placement_component")
            .execute(pool)
            .await
            .is_err());
        assert!(sqlx::query("UPDATE parameter_set SET name = 'x'")
            .execute(pool)
            .await
            .is_err());

        // Rahmat's assessment arrives: one new snapshot, the old one stays.
        let late = ASESMEN.lines().next().unwrap_or_default().to_owned()
            + "\n198811202012121003;2025-11-20;UPT BKN;2;2;2;2;2;2;2;2;2;90;90;90;90;90;90;90;90\n";
        run(
            pool,
            ImportKind::Asesmen,
            "susulan.csv",
            late.as_bytes(),
            Mode::Commit,
        )
        .await;
        let third = support::score(pool, INSTANSI, 2025, "uji").await;
        assert_eq!((third.new_snapshots, third.placed), (1, 3));
        assert_eq!(snapshots().await, 4);
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_parameter_version_re_places_and_a_serious_hukdis_excludes() {
    for app in TestApp::each_engine().await {
        let pool = &app.pool;
        organisation(pool).await;
        records(pool).await;
        support::score(pool, INSTANSI, 2025, "uji").await;
        let instansi_id: i64 = sqlx::query_scalar("SELECT id FROM instansi WHERE slug = $1")
            .bind(INSTANSI)
            .fetch_one(pool)
            .await
            .expect("instansi");
        let mut conn = pool.acquire().await.expect("conn");
        let v2 = app::services::parameters::adopt(
            &mut conn,
            instansi_id,
            &app::domain::scoring::ParameterSet::jpm_90_78(),
            "uji:komite",
        )
        .await
        .expect("adopted");
        assert_eq!(v2.version, 2);
        let same = app::services::parameters::adopt(&mut conn, instansi_id, &v2.rules, "uji")
            .await
            .expect("same rules");
        assert_eq!(same.version, 2, "the same rules make no new version");
        drop(conn);

        sqlx::query(
            "INSERT INTO hukuman_disiplin (pegawai_id, level, tmt_start, tmt_end) \
             SELECT id, 'sedang', '2025-01-06', '2026-01-06' FROM pegawai WHERE nip = '199002142015032004'",
        )
        .execute(pool)
        .await
        .expect("hukdis");
        let summary = support::score(pool, INSTANSI, 2025, "uji").await;
        assert_eq!((summary.parameter_version, summary.excluded), (2, 1));
        // Under 90/78 Andi's X of 87.75 is menengah, Y 91.5 di atas: kotak 7.
        assert_eq!(placement(pool, "198503032010011001").await.3, Some(7));
        let dewi = placement(pool, "199002142015032004").await;
        assert_eq!(dewi.0, "excluded");
        let reason = dewi.4.expect("excluded with a reason");
        assert_eq!(
            notes::unplaced(&reason, Lang::Id),
            "Hukuman disiplin sedang sejak 2025-01-06 (dalam 2 tahun terakhir): dikecualikan dari pemetaan"
        );
        assert_eq!(
            notes::unplaced(&reason, Lang::En),
            "A moderate disciplinary penalty since 2025-01-06, within the last 2 years: excluded from the mapping"
        );
        app.finish().await;
    }
}
