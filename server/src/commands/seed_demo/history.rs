//! The demo's past: the 2024 period scored with the November 2023 assessments, calibrated by
//! the komite talenta in a session closed with its minutes, and published. The talent map can
//! then say who moved between 2024 and 2025, and the komite's archive holds a berita acara.

use super::{SeedDemoError, DEMO_SLUG};
use crate::commands::{instansi_scope, operator};
use app::domain::access::Action;
use app::services::{calibration, releases, scoring};
use sqlx::AnyPool;

/// The period before the one the demo's cohort was assessed for.
pub const PAST_PERIOD: i32 = 2024;

/// The komite members present at the 2024 session (titles only: the demo is synthetic).
const MEMBERS: &str = "Sekretaris Daerah (demo), ketua\n\
     Asisten Administrasi Umum (demo)\n\
     Inspektur Daerah (demo)\n\
     Kepala BKPSDM (demo), sekretaris";

/// The minutes' reference number, as the komite's secretariat would give it.
const REFERENCE: &str = "800.1.3/0412/KMT/2025";

/// The calibrations of the 2024 session: from which kotak, to which, and why. The person
/// recorded last in each `from` kotak is moved (the demo accounts are among the first).
const MOVES: [(u8, u8, &str); 3] = [
    (
        5,
        6,
        "Memimpin tim penyusunan RPJMD 2025-2029 sepanjang 2024; hasil kerja di atas \
         ekspektasi menurut laporan atasan dan Bappeda.",
    ),
    (
        8,
        7,
        "Predikat SKP 2024 belum memperhitungkan teguran tertulis atas keterlambatan laporan \
         keuangan triwulan III; komite menahan di kotak 7.",
    ),
    (
        3,
        5,
        "Asesmen November 2023 dilakukan saat yang bersangkutan cuti sakit; komite menilai \
         potensi lebih tinggi menurut rekam kinerja tim dan umpan balik 360.",
    ),
];

/// The NIP of the person recorded last among those placed in `kotak` for `period` (by record), if any.
async fn last_in(
    pool: &AnyPool,
    instansi_id: i64,
    period: i32,
    kotak: u8,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.nip FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
         WHERE p.instansi_id = $1 AND f.period = $2 AND f.kotak = $3 \
         AND f.calibrated_kotak IS NULL ORDER BY p.id DESC LIMIT 1",
    )
    .bind(instansi_id)
    .bind(i64::from(period))
    .bind(i64::from(kotak))
    .fetch_optional(pool)
    .await
}

/// Scores, calibrates and publishes the demo's 2024 period, unless it is published already;
/// returns whether it did. A run stopped half-way (the steps are separate transactions, as
/// they are for a real komite) is finished by the next: scoring again writes nothing new, and
/// a session left open is taken up where it stopped.
pub async fn record(pool: &AnyPool) -> Result<bool, SeedDemoError> {
    let operator = operator(pool);
    let publishing = instansi_scope(&operator, Action::PublishRelease, DEMO_SLUG).await?;
    let published: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM rilis WHERE instansi_id = $1 AND period = $2")
            .bind(publishing.instansi_id())
            .bind(i64::from(PAST_PERIOD))
            .fetch_one(pool)
            .await?;
    if published > 0 {
        return Ok(false);
    }
    let scoring_scope = instansi_scope(&operator, Action::ImportRecords, DEMO_SLUG).await?;
    scoring::score_instansi(&scoring_scope, PAST_PERIOD).await?;
    let scope = instansi_scope(&operator, Action::Calibrate, DEMO_SLUG).await?;
    let open = calibration::open_session(pool, scope.instansi_id(), PAST_PERIOD).await?;
    let (session, moves_made) = match open {
        Some(session) => (session.id, session.moves > 0),
        None => {
            let name = "Rapat komite talenta periode 2024 (demo)";
            (calibration::open(&scope, PAST_PERIOD, name).await?, false)
        }
    };
    if !moves_made {
        for (from, to, reason) in MOVES {
            if let Some(nip) = last_in(pool, scope.instansi_id(), PAST_PERIOD, from).await? {
                calibration::move_person(&scope, session, &nip, to, reason).await?;
            }
        }
    }
    calibration::close(&scope, session, MEMBERS, REFERENCE).await?;
    releases::publish(&publishing, PAST_PERIOD, "").await?;
    Ok(true)
}
