//! The public talent picture on `/indeks-merit/{slug}`: aggregates only; counts of 1-4 shown
//! as "<5" and hidden again nowhere else (complementary suppression); no person's name or
//! NIP; each instansi counts its own pegawai only.

use super::calibration::{place, placements};
use super::world::{self, ASN, BOSS, MATE, NEW_MATE, NEW_OTHER_UNIT, OTHER_INSTANSI, OTHER_UNIT};
use crate::support::{publish, TestApp};
use app::api::talent_picture::{TalentPicture, NOT_MAPPED};
use app::auth::guard::Gate;
use app::domain::access::Action;
use app::domain::disclosure::{Disclosed, DisclosedTable};
use app::domain::release::NotReady;
use app::services::releases::ReleaseError;
use http::StatusCode;
use Disclosed::{FewerThanFive, Shown};

async fn picture(app: &TestApp, slug: &str, period: Option<&str>) -> Option<TalentPicture> {
    versioned(app, slug, period, None).await
}

async fn versioned(
    app: &TestApp,
    slug: &str,
    period: Option<&str>,
    version: Option<&str>,
) -> Option<TalentPicture> {
    let mut args = vec![("slug", slug)];
    args.extend(period.map(|p| ("periode", p)));
    args.extend(version.map(|v| ("versi", v)));
    let answer = app.call("indeks-merit/talenta", &args, None).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    serde_json::from_str(&answer.body).expect("a talent picture")
}

/// A second OPD of instansi A, "Dinas Besar": 20 pegawai, 12 in kotak 5 and 8 in kotak 7
/// in 2025, the first 14 with 24 JP of training that year.
async fn big_opd(app: &TestApp) {
    let pool = &app.pool;
    sqlx::query(
        "INSERT INTO unit_kerja (instansi_id, parent_id, code, name) \
         SELECT id, NULL, 'DB', 'Dinas Besar' FROM instansi WHERE slug = 'uji-a'",
    )
    .execute(pool)
    .await
    .expect("unit");
    for i in 0..20 {
        let nip = format!("19850101201001{i:04}");
        sqlx::query(
            "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, \
             golongan, unit_kerja_id) SELECT u.instansi_id, $1, 'pns', $2, 'P', '1985-01-01', \
             '2010-01-01', 'III/b', u.id FROM unit_kerja u WHERE u.code = 'DB'",
        )
        .bind(&nip)
        .bind(format!("Pegawai Besar {i}"))
        .execute(pool)
        .await
        .expect("pegawai");
        let (categories, kotak) = if i < 12 {
            (("meets", "middle"), 5)
        } else {
            (("above", "middle"), 7)
        };
        place(app, &nip, 2025, categories, kotak, "III/b").await;
        if i < 14 {
            sqlx::query(
                "INSERT INTO riwayat_pelatihan (pegawai_id, name, start_date, year, jp) \
                 SELECT id, 'Pelatihan Teknis', '2025-03-03', 2025, 24 FROM pegawai WHERE nip = $1",
            )
            .bind(&nip)
            .execute(pool)
            .await
            .expect("pelatihan");
        }
    }
}

/// Whether anything published could give a hidden count away: a count of 1-4 shown, or a
/// row, column or margin with exactly one member not shown.
fn assert_protected(table: &DisclosedTable) {
    let not_shown = |d: &Disclosed| d.shown().is_none();
    let small = |d: &Disclosed| matches!(d, Shown(n) if (1..5).contains(n));
    let everything = table
        .cells
        .iter()
        .flatten()
        .chain(&table.row_totals)
        .chain(&table.column_totals)
        .chain([&table.total]);
    assert!(!everything.clone().any(small), "{table:?}");
    for (row, total) in table.cells.iter().zip(&table.row_totals) {
        let hidden = row.iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(total));
        assert_ne!(hidden, 1, "{table:?}");
    }
    for (c, total) in table.column_totals.iter().enumerate() {
        let hidden =
            table.cells.iter().filter(|r| not_shown(&r[c])).count() + usize::from(not_shown(total));
        assert_ne!(hidden, 1, "{table:?}");
    }
    let margin = table.row_totals.iter().filter(|d| not_shown(d)).count()
        + usize::from(not_shown(&table.total));
    assert_ne!(margin, 1, "{table:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_public_sees_protected_aggregates_of_each_instansi_and_no_one_person() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        big_opd(&app).await;
        // Nothing is public before it is published.
        assert!(picture(&app, "uji-a", None).await.is_none());
        for (slug, period) in [("uji-a", 2024), ("uji-a", 2025), ("uji-b", 2025)] {
            publish(&app.pool, slug, period, "")
                .await
                .expect("published");
        }

        let a = picture(&app, "uji-a", None)
            .await
            .expect("instansi A maps its ASN");
        assert_eq!((a.period, a.periods.clone()), (2025, vec![2025, 2024]));
        assert_eq!(a.opd, ["A-0", "Dinas Besar"]);
        // ASN kotak 5, MATE 8, BOSS 9, OTHER_UNIT 1, two not mapped: every one "<5".
        for k in [0, 4, 7, 8, NOT_MAPPED] {
            assert_eq!(a.kotak.cells[0][k], FewerThanFive, "kotak column {k}");
        }
        assert_eq!(a.kotak.row_totals, [Shown(6), Shown(20)]);
        assert_eq!(a.kotak.total, Shown(26));
        assert_eq!(
            a.training.cells,
            [vec![Shown(0), Shown(6)], vec![Shown(14), Shown(6)]]
        );
        assert_protected(&a.kotak);
        assert_protected(&a.training);
        assert_eq!(a.kotak.row_totals, a.training.row_totals);
        // The 12 in kotak 5 would give A-0's one away through the column total: hidden too.
        assert_eq!(a.kotak.cells[1][4].shown(), None);
        assert_eq!(a.pool(0), None);
        // The period shown per OPD agrees with its row in the per-period table.
        assert_eq!(
            a.by_period[0].per_kotak,
            a.kotak.column_totals[..NOT_MAPPED]
        );
        assert_eq!(a.by_period[1].period, 2024);
        assert!(a.by_period[1]
            .per_kotak
            .iter()
            .all(|d| matches!(d, Shown(0) | FewerThanFive)));
        // A sum over counts of "<5" is withheld with them.
        assert_eq!(a.by_period[1].mapped, Disclosed::Hidden);

        let earlier = picture(&app, "uji-a", Some("2024")).await.expect("2024");
        assert_eq!(earlier.period, 2024);
        assert_protected(&earlier.kotak);
        let unknown_period = picture(&app, "uji-a", Some("1999")).await.expect("newest");
        assert_eq!(unknown_period.period, 2025);

        // Instansi B counts its own two pegawai, never A's.
        let b = picture(&app, "uji-b", None).await.expect("instansi B");
        assert_eq!(b.opd, ["B-0"]);
        assert_eq!(b.kotak.total, FewerThanFive);
        assert!(picture(&app, "tidak-ada", None).await.is_none());

        let page = app.get("/indeks-merit/uji-a").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.header("cache-control").starts_with("public"));
        assert!(page.body.contains("Belum ada skor Indeks Sistem Merit"));
        let rows = page.table_rows();
        assert!(
            rows.iter()
                .any(|r| r[0] == "A-0" && r.contains(&"<5".to_owned())),
            "{rows:?}"
        );
        for person in [
            ASN,
            BOSS,
            MATE,
            OTHER_UNIT,
            NEW_MATE,
            NEW_OTHER_UNIT,
            OTHER_INSTANSI,
        ] {
            assert!(!page.body.contains(person), "{person} on a public page");
        }
        for name in [
            "Ani Pegawai",
            "Bapak Atasan",
            "Pegawai Besar",
            "19850101201001",
        ] {
            assert!(!page.body.contains(name), "{name} on a public page");
        }
        assert_eq!(
            app.get("/indeks-merit/tidak-ada").await.status,
            StatusCode::NOT_FOUND
        );

        // The nation and the province list each instansi's newest release; their sums
        // only add published figures.
        for address in ["/indeks-merit/nasional", "/indeks-merit/provinsi/uji"] {
            let page = app.get(address).await;
            assert_eq!(page.status, StatusCode::OK, "{address}");
            let rows = page.table_rows();
            let a_row = rows
                .iter()
                .find(|r| r[0] == "Pemerintah Kota Uji A")
                .expect("A");
            assert_eq!(a_row[1], "2025 v1");
            assert_eq!(a_row[2], "26");
            let b_row = rows
                .iter()
                .find(|r| r[0] == "Pemerintah Kota Uji B")
                .expect("B");
            assert_eq!(b_row[2], "<5");
            assert!(page.body.contains("<tfoot>"), "the sum of the rows");
            assert!(!page.body.contains("Ani Pegawai") && !page.body.contains(ASN));
        }
        assert_eq!(
            app.get("/indeks-merit/provinsi/tidak-ada").await.status,
            StatusCode::NOT_FOUND
        );
        let national_csv = app.get("/unduh/nasional.csv?provinsi=uji").await;
        assert_eq!(national_csv.status, StatusCode::OK);
        assert!(national_csv
            .body
            .contains("Pemerintah Kota Uji A,Uji,2025,1,26,"));

        // The download holds the page's tables for the same period, as published.
        let csv = app.get("/unduh/talenta/uji-a.csv?periode=2025").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(csv.header("cache-control").starts_with("public"));
        for expected in [
            "Pemerintah Kota Uji A",
            "Periode,2025",
            "Rilis,1",
            "Diterbitkan,",
            "A-0,6,",
            "<5",
            "Dinas Besar,20,",
        ] {
            assert!(csv.body.contains(expected), "{expected} in {}", csv.body);
        }
        assert!(!csv.body.contains(ASN) && !csv.body.contains("Ani Pegawai"));
        let xlsx = app.get("/unduh/talenta/uji-a.xlsx").await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx.header("content-type").contains("spreadsheetml"));
        for missing in [
            "/unduh/talenta/tidak-ada.csv",
            "/unduh/talenta/uji-a.pdf",
            "/unduh/talenta/UJI%20A.csv",
        ] {
            assert_eq!(
                app.get(missing).await.status,
                StatusCode::NOT_FOUND,
                "{missing}"
            );
        }
        app.finish().await;
    }
}

/// Moves `nip` to kotak `to` in a session of `period` opened and closed by the console
/// operator as the komite.
async fn calibrate(app: &TestApp, period: i32, nip: &str, to: u8) {
    use app::services::calibration;
    let operator = Gate::new(app.pool.clone(), false).operator("cli:komite");
    let scope = operator
        .instansi(Action::Calibrate, Some("uji-a"))
        .await
        .expect("scope");
    let session = calibration::open(&scope, period, "Rapat komite uji")
        .await
        .expect("opened");
    calibration::move_person(
        &scope,
        session,
        nip,
        to,
        "Hasil asesmen terbaru komite talenta",
    )
    .await
    .expect("moved");
    // While the session is open, the period cannot be published.
    let refused = publish(
        &app.pool,
        "uji-a",
        period,
        "Kalibrasi komite sesudah rilis pertama",
    )
    .await;
    assert!(matches!(
        refused,
        Err(ReleaseError::NotReady(NotReady::OpenSessions {
            open: 1,
            ..
        }))
    ));
    calibration::close(&scope, session, "Sekretaris Daerah\nKepala BKPSDM", "")
        .await
        .expect("closed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_calibration_changes_nothing_public_until_the_period_is_published_again() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        placements(&app).await;
        big_opd(&app).await;
        let first = publish(&app.pool, "uji-a", 2025, "")
            .await
            .expect("version 1");
        assert_eq!(first.release.version, 1);
        let page = app.get("/indeks-merit/uji-a").await;
        let csv = app.get("/unduh/talenta/uji-a.csv").await;
        let before = picture(&app, "uji-a", None).await.expect("published");

        // One of Dinas Besar's kotak 5 moves to kotak 9.
        calibrate(&app, 2025, "198501012010010000", 9).await;
        assert_eq!(picture(&app, "uji-a", None).await.as_ref(), Some(&before));
        assert_eq!(
            without_nonce(&app.get("/indeks-merit/uji-a").await.body),
            without_nonce(&page.body)
        );
        assert_eq!(app.get("/unduh/talenta/uji-a.csv").await.body, csv.body);

        // A second version says why; without a reason it is refused, nothing written.
        let refused = publish(&app.pool, "uji-a", 2025, "perubahan").await;
        assert!(matches!(
            refused,
            Err(ReleaseError::NotReady(NotReady::NoteTooShort))
        ));
        let note = "Kalibrasi komite talenta 3 Desember 2026";
        let second = publish(&app.pool, "uji-a", 2025, note)
            .await
            .expect("version 2");
        assert_eq!(second.release.version, 2);
        // The audit solved every "<5" of both versions: each could be 0 and could be 5+.
        assert!(second.audit.iter().any(|c| c.earlier_version == Some(1)));
        for cell in &second.audit {
            assert!(cell.smallest <= 1e-6, "{cell:?}");
            assert!(cell.largest.is_none_or(|l| l >= 5.0 - 1e-6), "{cell:?}");
        }
        let now = picture(&app, "uji-a", None).await.expect("version 2");
        assert_eq!(now.release.version, 2);
        assert_eq!(now.release.note, note);
        assert_eq!(
            now.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
            [2, 1]
        );
        assert_ne!(now.kotak, before.kotak);
        let page = app.get("/indeks-merit/uji-a").await;
        assert!(page.body.contains(note) && page.body.contains("Rilis versi 2"));
        // Version 1 stays readable and downloadable as it was.
        let old = versioned(&app, "uji-a", Some("2025"), Some("1"))
            .await
            .expect("version 1");
        assert_eq!((old.kotak, old.release.version), (before.kotak, 1));
        let old_csv = app
            .get("/unduh/talenta/uji-a.csv?periode=2025&versi=1")
            .await;
        assert_eq!(old_csv.body, csv.body);
        // The stored release is frozen, on both engines.
        assert!(sqlx::query("UPDATE rilis SET note = 'diubah'")
            .execute(&app.pool)
            .await
            .is_err());
        assert!(sqlx::query("DELETE FROM rilis")
            .execute(&app.pool)
            .await
            .is_err());
        app.finish().await;
    }
}

/// A page without its per-visit nonce.
fn without_nonce(body: &str) -> String {
    body.split("nonce=\"")
        .enumerate()
        .map(|(i, part)| match i {
            0 => part,
            _ => part.split_once('"').map_or(part, |(_, rest)| rest),
        })
        .collect()
}
