//! `jenjang seed-demo`: "Pemerintah Kota Balikpapan (demo)", a synthetic instansi shaped like
//! the real one (domain.md §1): about 6,000 ASN (PNS and PPPK) in about 40 OPD, golongan III
//! the largest group, a 500-person cohort assessed in November 2025 (most of it in November
//! 2023 too), three years of SKP, training and other kinerja records, and key posts with
//! competency standards. Its past is played through the services as it would have happened:
//! the 2024 period scored, calibrated in a closed session and published (`history`).
//!
//! Everything is flagged `demo` and the records are written in one transaction; a second run
//! finds the instansi populated and does nothing.

mod assessments;
mod catalogue;
pub mod history;
mod plan;
mod store;

use crate::synthetic::Rng;
use app::domain::access::{Grant, Role};
use app::services::accounts::{self, AccountError, NewAccount};
use app::services::audit::{self, Change};
use app::services::calibration::CalibrationServiceError;
use app::services::clock;
use app::services::releases::ReleaseError;
use app::services::scoring::ScoringServiceError;
use app::store::instansi;
use assessments::{store_assessments, Round};
use history::PAST_PERIOD;
use plan::{assessed_earlier, cohort, plan_people, plan_posts};
use sqlx::{AnyConnection, AnyPool, Row};
use store::{store_people, store_posts, store_records, store_units, Stored};
use thiserror::Error;

pub const DEMO_SLUG: &str = "kota-balikpapan-demo";
const DEMO_NAME: &str = "Pemerintah Kota Balikpapan (demo)";
/// The assessed cohort.
const COHORT: usize = 500;

#[derive(Debug, Error)]
pub enum SeedDemoError {
    #[error("data demo tidak dapat disimpan: {0}")]
    Database(#[from] sqlx::Error),
    #[error("data demo tidak dapat disimpan: {0}")]
    Store(#[from] app::store::StoreError),
    #[error("akun demo tidak dapat dibuat: {0}")]
    Account(#[from] AccountError),
    #[error(transparent)]
    Instansi(#[from] crate::commands::UnknownInstansi),
    #[error("periode {PAST_PERIOD} demo tidak dapat dipetakan: {0}")]
    Scoring(#[from] ScoringServiceError),
    #[error("sesi kalibrasi demo {PAST_PERIOD}: {0}")]
    Calibration(#[from] CalibrationServiceError),
    #[error("rilis demo {PAST_PERIOD}: {0}")]
    Release(#[from] ReleaseError),
}

/// What to create: the Balikpapan demo by default; benchmarks ask for other sizes.
#[derive(Debug, Clone)]
pub struct DemoSpec {
    pub slug: String,
    pub name: String,
    pub pegawai: usize,
    /// How many were assessed (November 2025).
    pub cohort: usize,
    /// Whether to create the documented demo accounts (one set per installation).
    pub accounts: bool,
}

impl Default for DemoSpec {
    fn default() -> Self {
        DemoSpec {
            slug: DEMO_SLUG.to_owned(),
            name: DEMO_NAME.to_owned(),
            pegawai: 6_000,
            cohort: COHORT,
            accounts: true,
        }
    }
}

/// What was created; all zero when the instansi already had pegawai.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub units: usize,
    pub posts: usize,
    pub pegawai: usize,
    pub assessed: usize,
    pub records: u64,
    /// `(role, user name, name)` of each demo account created.
    pub accounts: Vec<(Role, String, String)>,
}

/// The password of every demo account (README.md lists them): the demo instansi is
/// synthetic, and these accounts exist only where `jenjang seed-demo` ran.
pub const DEMO_PASSWORD: &str = "jenjang-demo-2025";

/// An assessed ASN whose 2025 inputs are complete and who has an atasan: the demo "ASN".
const DEMO_ASN: &str = "SELECT p.id, p.nip, p.atasan_id FROM pegawai p \
     WHERE p.instansi_id = $1 AND p.atasan_id IS NOT NULL \
     AND EXISTS (SELECT 1 FROM asesmen a WHERE a.pegawai_id = p.id) \
     AND EXISTS (SELECT 1 FROM riwayat_pelatihan t WHERE t.pegawai_id = p.id AND t.year = 2025) \
     AND EXISTS (SELECT 1 FROM riwayat_pendidikan e WHERE e.pegawai_id = p.id) \
     AND (SELECT COUNT(DISTINCT s.year) FROM skp s WHERE s.pegawai_id = p.id \
          AND s.year BETWEEN 2023 AND 2025) = 3 \
     AND NOT EXISTS (SELECT 1 FROM hukuman_disiplin h WHERE h.pegawai_id = p.id) \
     ORDER BY p.id LIMIT 1";

/// One ASN, their atasan, a BKPSDM officer and a komite member, all of the demo instansi.
async fn create_accounts(
    conn: &mut AnyConnection,
    instansi_id: i64,
) -> Result<Vec<(Role, String, String)>, SeedDemoError> {
    let asn = sqlx::query(DEMO_ASN)
        .bind(instansi_id)
        .fetch_one(&mut *conn)
        .await?;
    let atasan_nip: String = sqlx::query_scalar("SELECT nip FROM pegawai WHERE id = $1")
        .bind(asn.try_get::<i64, _>("atasan_id")?)
        .fetch_one(&mut *conn)
        .await?;
    let asn_nip: String = asn.try_get("nip")?;
    let people = [
        (Role::Pegawai, Some(asn_nip.as_str()), None, None),
        (Role::Atasan, Some(atasan_nip.as_str()), None, None),
        (
            Role::Bkpsdm,
            None,
            Some("bkpsdm.demo"),
            Some("Petugas BKPSDM (demo)"),
        ),
        (
            Role::Komite,
            None,
            Some("komite.demo"),
            Some("Sekretaris Daerah (demo)"),
        ),
    ];
    let mut created = Vec::new();
    for (role, nip, username, name) in people {
        let grants = match role {
            // The atasan is an ASN too: they see their own record as well as their team's.
            Role::Atasan => vec![Role::Pegawai, Role::Atasan],
            role => vec![role],
        };
        let account = accounts::create(
            conn,
            "jenjang seed-demo",
            NewAccount {
                nip,
                username,
                name,
                password: DEMO_PASSWORD,
                must_change_password: false,
                grants: grants
                    .into_iter()
                    .map(|role| Grant {
                        role,
                        instansi_id: Some(instansi_id),
                        unit_kerja_id: None,
                    })
                    .collect(),
            },
        )
        .await?;
        created.push((role, account.username, account.name));
    }
    Ok(created)
}

/// Creates a synthetic instansi per `spec`, unless it already has pegawai.
pub async fn create(pool: &AnyPool, spec: &DemoSpec) -> Result<DemoReport, SeedDemoError> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO instansi (slug, name, kind, province, demo) VALUES ($1, $2, 'kota', \
         'Kalimantan Timur', TRUE) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(&spec.slug)
    .bind(&spec.name)
    .execute(&mut *tx)
    .await?;
    let instansi_id = instansi::id_by_slug(&mut *tx, &spec.slug)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1")
        .bind(instansi_id)
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 {
        return Ok(DemoReport::default());
    }
    let mut rng = Rng::new(20_251_103);
    let batch_id: i64 = sqlx::query_scalar(
        "INSERT INTO import_batch (instansi_id, kind, file_name, file_sha256, importer, \
         imported_at, rows_new, rows_changed, rows_unchanged) \
         VALUES ($1, 'demo', 'jenjang seed-demo', '', 'jenjang seed-demo', $2, 0, 0, 0) RETURNING id",
    )
    .bind(instansi_id)
    .bind(clock::now_utc())
    .fetch_one(&mut *tx)
    .await?;
    let units = store_units(&mut tx, instansi_id).await?;
    let posts = plan_posts();
    let post_ids = store_posts(&mut tx, instansi_id, &posts, &units).await?;
    let people = plan_people(&mut rng, &posts, spec.pegawai);
    let ids = store_people(
        &mut tx,
        instansi_id,
        batch_id,
        &people,
        &posts,
        &post_ids,
        &units,
    )
    .await?;
    let stored = Stored {
        batch_id,
        people: &people,
        posts: &posts,
        post_ids: &post_ids,
        ids: &ids,
    };
    let assessed = cohort(&people, &posts, spec.cohort);
    let mut records = store_records(&mut tx, &mut rng, &stored).await?;
    let newest = Round {
        year: 2025,
        drift: 0.0,
    };
    records += store_assessments(&mut tx, &mut rng, &stored, &assessed, newest).await?;
    let earlier = Round {
        year: 2023,
        drift: 0.25,
    };
    let assessed_then = assessed_earlier(&people, &assessed);
    records += store_assessments(&mut tx, &mut rng, &stored, &assessed_then, earlier).await?;
    let accounts = if spec.accounts {
        create_accounts(&mut tx, instansi_id).await?
    } else {
        Vec::new()
    };
    audit::record(
        &mut tx,
        Change {
            actor: "jenjang seed-demo",
            instansi_id: Some(instansi_id),
            action: "demo.buat",
            entity: "instansi",
            entity_id: Some(spec.slug.clone()),
            before: None,
            after: Some(serde_json::json!({
                "pegawai": people.len(),
                "terases": assessed.len(),
                "catatan": records,
            })),
            reason: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(DemoReport {
        units: units.len(),
        posts: posts.len(),
        pegawai: people.len(),
        assessed: assessed.len(),
        records,
        accounts,
    })
}

/// `jenjang seed-demo`.
pub async fn run(pool: &AnyPool) -> Result<(), SeedDemoError> {
    let started = std::time::Instant::now();
    let report = create(pool, &DemoSpec::default()).await?;
    let past = history::record(pool).await?;
    if report.pegawai == 0 {
        println!("Instansi demo {DEMO_SLUG} sudah ada: tidak ada yang ditulis.");
        if past {
            println!("Periode {PAST_PERIOD} demo yang belum selesai kini dipetakan, dikalibrasi dan dirilis.");
        }
    } else {
        println!(
            "Instansi demo {DEMO_SLUG} dibuat: {} unit kerja, {} jabatan, {} pegawai ({} terases), \
             {} catatan riwayat; periode {PAST_PERIOD} dipetakan, dikalibrasi dan dirilis; \
             dalam {:.1} detik. Semua data sintetis.",
            report.units,
            report.posts,
            report.pegawai,
            report.assessed,
            report.records,
            started.elapsed().as_secs_f64()
        );
        for (role, username, name) in &report.accounts {
            println!(
                "  akun demo {}: {username} ({name}), kata sandi {DEMO_PASSWORD}",
                role.label()
            );
        }
    }
    Ok(())
}
