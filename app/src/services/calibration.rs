//! Calibration sessions of the komite talenta: open one for a period, move people between
//! kotak with a written reason, close it with the members present (which locks it). Each
//! write is one transaction with its audit entry. The rules are `domain::calibration`.

use crate::api::calibration::{MoveLine, SessionSummary, SessionView};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::calibration::{self, CalibrationError, Standing};
use crate::error::AppError;
use crate::i18n::{refusals, request_lang, Lang};
use crate::pdf::Document;
use crate::services::audit::{self, Change};
use crate::services::clock::now_utc;
use crate::store::filter::kotak;
use serde_json::{json, Value};
use sqlx::any::AnyRow;
use sqlx::{Any, AnyPool, Row, Transaction};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CalibrationServiceError {
    #[error(transparent)]
    Rule(#[from] CalibrationError),
    /// A refusal, in Bahasa Indonesia and in English.
    #[error("{0}")]
    Refused(&'static str, &'static str),
    #[error("sesi kalibrasi tidak ditemukan")]
    NotFound,
    #[error(transparent)]
    Access(#[from] AppError),
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
    #[error("data tersimpan tidak dapat dibaca: {0}")]
    Corrupt(#[from] serde_json::Error),
}

impl From<CalibrationServiceError> for AppError {
    fn from(error: CalibrationServiceError) -> Self {
        match error {
            CalibrationServiceError::Rule(e) => {
                AppError::BadRequest(refusals::calibration_error(&e, request_lang()))
            }
            CalibrationServiceError::Refused(id, en) => AppError::bad_request(id, en),
            CalibrationServiceError::NotFound => AppError::NotFound,
            CalibrationServiceError::Access(e) => e,
            CalibrationServiceError::Database(e) => e.into(),
            CalibrationServiceError::Corrupt(e) => {
                tracing::error!(error = %e, "stored calibration data unreadable");
                AppError::Internal
            }
        }
    }
}

type Result<T> = std::result::Result<T, CalibrationServiceError>;

const SUMMARY: &str = "SELECT s.id, s.name, s.period, s.opened_by, s.opened_at, s.closed_at, \
     s.closed_by, s.members, (SELECT COUNT(*) FROM kalibrasi k WHERE k.sesi_id = s.id) AS moves \
     FROM sesi_kalibrasi s";

fn summary(row: &AnyRow) -> std::result::Result<SessionSummary, sqlx::Error> {
    Ok(SessionSummary {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        period: i32::try_from(row.try_get::<i64, _>("period")?)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        opened_by: row.try_get("opened_by")?,
        opened_at: row.try_get("opened_at")?,
        closed_at: row.try_get("closed_at")?,
        moves: row.try_get("moves")?,
    })
}

/// The instansi's sessions, open ones first, then newest first.
pub async fn sessions(scope: &InstansiScope<'_>) -> Result<Vec<SessionSummary>> {
    Ok(sqlx::query(&format!(
        "{SUMMARY} WHERE s.instansi_id = $1 \
         ORDER BY CASE WHEN s.closed_at IS NULL THEN 0 ELSE 1 END, s.id DESC"
    ))
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await?
    .iter()
    .map(summary)
    .collect::<std::result::Result<_, _>>()?)
}

/// The open session of a period, if there is one.
pub async fn open_session(
    pool: &AnyPool,
    instansi_id: i64,
    period: i32,
) -> Result<Option<SessionSummary>> {
    Ok(sqlx::query(&format!(
        "{SUMMARY} WHERE s.instansi_id = $1 AND s.period = $2 AND s.closed_at IS NULL"
    ))
    .bind(instansi_id)
    .bind(i64::from(period))
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(summary)
    .transpose()?)
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    scope: &InstansiScope<'_>,
    action: &str,
    (entity, entity_id): (&str, i64),
    before: Option<Value>,
    after: Value,
    reason: Option<&str>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor: &scope.actor(),
            instansi_id: Some(scope.instansi_id()),
            action,
            entity,
            entity_id: Some(entity_id.to_string()),
            before,
            after: Some(after),
            reason,
        },
    )
    .await?;
    Ok(())
}

/// Opens a session for a period that has placements. One session per period is open at a
/// time.
pub async fn open(scope: &InstansiScope<'_>, period: i32, name: &str) -> Result<i64> {
    scope.require(Action::Calibrate)?;
    let name = calibration::session_name(name)?;
    let mut tx = scope.pool().begin().await?;
    let placed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM placement WHERE instansi_id = $1 AND period = $2")
            .bind(scope.instansi_id())
            .bind(i64::from(period))
            .fetch_one(&mut *tx)
            .await?;
    if placed == 0 {
        return Err(CalibrationServiceError::Refused(
            "Periode ini belum dipetakan; belum ada yang dapat dikalibrasi.",
            "This period is not mapped yet; there is nothing to calibrate.",
        ));
    }
    let already: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM sesi_kalibrasi WHERE instansi_id = $1 AND period = $2 AND closed_at IS NULL",
    )
    .bind(scope.instansi_id())
    .bind(i64::from(period))
    .fetch_optional(&mut *tx)
    .await?;
    if already.is_some() {
        return Err(CalibrationServiceError::Refused(
            "Sudah ada sesi kalibrasi yang terbuka untuk periode ini; tutup dulu sesi itu.",
            "A calibration session for this period is already open; close it first.",
        ));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sesi_kalibrasi (instansi_id, period, name, opened_by, opened_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(scope.instansi_id())
    .bind(i64::from(period))
    .bind(&name)
    .bind(scope.actor())
    .bind(now_utc())
    .fetch_one(&mut *tx)
    .await?;
    record(
        &mut tx,
        scope,
        "kalibrasi.sesi.buka",
        ("sesi_kalibrasi", id),
        None,
        json!({ "periode": period, "nama": name }),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A session of this instansi, with its members and who closed it.
async fn session_in(
    conn: &mut sqlx::AnyConnection,
    scope: &InstansiScope<'_>,
    id: i64,
) -> Result<(SessionSummary, Option<String>, Option<String>)> {
    let row = sqlx::query(&format!("{SUMMARY} WHERE s.id = $1 AND s.instansi_id = $2"))
        .bind(id)
        .bind(scope.instansi_id())
        .fetch_optional(conn)
        .await?
        .ok_or(CalibrationServiceError::NotFound)?;
    Ok((
        summary(&row)?,
        row.try_get("members")?,
        row.try_get("closed_by")?,
    ))
}

const MOVES: &str = "SELECT p.nip, p.name, u.name AS unit, k.computed_kotak, k.from_kotak, \
     k.to_kotak, k.reason, k.decided_by, k.decided_at FROM kalibrasi k \
     JOIN pegawai p ON p.id = k.pegawai_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id";

fn move_line(row: &AnyRow) -> std::result::Result<MoveLine, sqlx::Error> {
    let kotak = |column: &str| -> std::result::Result<u8, sqlx::Error> {
        u8::try_from(row.try_get::<i64, _>(column)?).map_err(|e| sqlx::Error::Decode(Box::new(e)))
    };
    Ok(MoveLine {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        unit: row.try_get("unit")?,
        computed: kotak("computed_kotak")?,
        from: kotak("from_kotak")?,
        to: kotak("to_kotak")?,
        reason: row.try_get("reason")?,
        decided_by: row.try_get("decided_by")?,
        decided_at: row.try_get("decided_at")?,
    })
}

/// A session with its moves in the order they were made.
pub async fn session(scope: &InstansiScope<'_>, id: i64) -> Result<SessionView> {
    let mut conn = scope.pool().acquire().await?;
    let (summary, members, closed_by) = session_in(&mut conn, scope, id).await?;
    let moves = sqlx::query(&format!("{MOVES} WHERE k.sesi_id = $1 ORDER BY k.id"))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(move_line)
        .collect::<std::result::Result<_, _>>()?;
    let members = members
        .map(|m| serde_json::from_str::<Vec<String>>(&m))
        .transpose()?
        .unwrap_or_default();
    Ok(SessionView {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        summary,
        moves,
        members,
        closed_by,
    })
}

/// Every calibration of one person, newest first.
pub async fn of_person(pool: &AnyPool, pegawai_id: i64) -> Result<Vec<MoveLine>> {
    Ok(sqlx::query(&format!(
        "{MOVES} WHERE k.pegawai_id = $1 ORDER BY k.id DESC"
    ))
    .bind(pegawai_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(move_line)
    .collect::<std::result::Result<_, _>>()?)
}

/// Moves the person with this NIP to kotak `to` in an open session, with `reason`.
pub async fn move_person(
    scope: &InstansiScope<'_>,
    session_id: i64,
    nip: &str,
    to: u8,
    reason: &str,
) -> Result<()> {
    scope.require(Action::Calibrate)?;
    let mut tx = scope.pool().begin().await?;
    // Writing the open session's row first holds it (a row lock on PostgreSQL, the write lock
    // on SQLite) until this move commits, so a close cannot slip in between the check and
    // the move.
    let held = sqlx::query(
        "UPDATE sesi_kalibrasi SET name = name WHERE id = $1 AND instansi_id = $2 AND closed_at IS NULL",
    )
    .bind(session_id)
    .bind(scope.instansi_id())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let (session, _, _) = session_in(&mut tx, scope, session_id).await?;
    if held == 0 {
        return Err(CalibrationError::SessionClosed.into());
    }
    // The person must be of this instansi and have a placement in the session's period; an
    // unknown NIP answers like one of another instansi.
    let row = sqlx::query(
        "SELECT f.pegawai_id, f.id, f.kotak, f.calibrated_kotak FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id \
         WHERE p.nip = $1 AND p.instansi_id = $2 AND f.period = $3",
    )
    .bind(nip.trim())
    .bind(scope.instansi_id())
    .bind(i64::from(session.period))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Err(CalibrationServiceError::Refused(
            "Pegawai dengan NIP ini tidak ada dalam pemetaan periode sesi.",
            "No employee with this NIP is mapped in the session's period.",
        ));
    };
    let standing = Standing {
        session_open: session.closed_at.is_none(),
        computed: kotak(&row, "kotak")?,
        calibrated: kotak(&row, "calibrated_kotak")?,
    };
    let change = calibration::propose(standing, to, reason)?;
    let pegawai_id: i64 = row.try_get("pegawai_id")?;
    let placement_id: i64 = row.try_get("id")?;
    let computed = standing.computed.ok_or(CalibrationError::NotPlaced)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO kalibrasi (sesi_id, pegawai_id, period, placement_id, computed_kotak, \
         from_kotak, to_kotak, reason, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(session_id)
    .bind(pegawai_id)
    .bind(i64::from(session.period))
    .bind(placement_id)
    .bind(i64::from(computed))
    .bind(i64::from(change.from.number()))
    .bind(i64::from(change.to.number()))
    .bind(&change.reason)
    .bind(scope.actor())
    .bind(now_utc())
    .fetch_one(&mut *tx)
    .await?;
    record(
        &mut tx,
        scope,
        "kalibrasi.pindah",
        ("kalibrasi", id),
        Some(json!({ "nip": nip.trim(), "kotak": change.from.number(), "kotak_hitung": computed })),
        json!({ "nip": nip.trim(), "kotak": change.to.number(), "sesi": session_id }),
        Some(&change.reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Closes an open session with the members present (one name per line). Closing locks it.
pub async fn close(scope: &InstansiScope<'_>, session_id: i64, members: &str) -> Result<()> {
    scope.require(Action::Calibrate)?;
    let members = calibration::members_present(members)?;
    let mut tx = scope.pool().begin().await?;
    let closed = sqlx::query(
        "UPDATE sesi_kalibrasi SET closed_at = $1, closed_by = $2, members = $3 \
         WHERE id = $4 AND instansi_id = $5 AND closed_at IS NULL",
    )
    .bind(now_utc())
    .bind(scope.actor())
    .bind(serde_json::to_string(&members)?)
    .bind(session_id)
    .bind(scope.instansi_id())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if closed == 0 {
        // Either not this instansi's session, or closed already.
        session_in(&mut tx, scope, session_id).await?;
        return Err(CalibrationError::SessionClosed.into());
    }
    let moves: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kalibrasi WHERE sesi_id = $1")
        .bind(session_id)
        .fetch_one(&mut *tx)
        .await?;
    record(
        &mut tx,
        scope,
        "kalibrasi.sesi.tutup",
        ("sesi_kalibrasi", session_id),
        None,
        json!({ "anggota_hadir": members, "perubahan": moves }),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The minutes (berita acara) of a closed session as a PDF: every change with its reason and
/// author, and the members present.
pub async fn minutes(scope: &InstansiScope<'_>, session_id: i64) -> Result<Vec<u8>> {
    let s = session(scope, session_id).await?;
    let Some(closed_at) = s.summary.closed_at.as_deref() else {
        return Err(CalibrationServiceError::Refused(
            "Berita acara dibuat setelah sesi ditutup.",
            "The minutes are drawn up once the session is closed.",
        ));
    };
    let mut doc = Document::new("BERITA ACARA KALIBRASI MANAJEMEN TALENTA");
    doc.paragraph(&s.instansi);
    doc.space();
    doc.paragraph(&format!(
        "Sesi \"{}\" (nomor {}), periode pemetaan {}. Dibuka {} oleh {}; ditutup {} oleh {}.",
        s.summary.name,
        s.summary.id,
        s.summary.period,
        Lang::Id.timestamp(&s.summary.opened_at),
        s.summary.opened_by,
        Lang::Id.timestamp(closed_at),
        s.closed_by.as_deref().unwrap_or_default()
    ));
    doc.heading(&format!(
        "Anggota komite talenta yang hadir ({})",
        s.members.len()
    ));
    for (i, member) in s.members.iter().enumerate() {
        doc.item(&format!("{}. {member}", i + 1));
    }
    doc.heading(&format!("Perubahan kotak ({})", s.moves.len()));
    if s.moves.is_empty() {
        doc.paragraph("Tidak ada perubahan kotak dalam sesi ini.");
    }
    for (i, m) in s.moves.iter().enumerate() {
        doc.item(&format!("{}. {}, NIP {}", i + 1, m.name, m.nip));
        if let Some(unit) = &m.unit {
            doc.item(&format!("Unit kerja: {unit}"));
        }
        doc.item(&format!(
            "Kotak {} menjadi kotak {} (hasil perhitungan: kotak {}).",
            m.from, m.to, m.computed
        ));
        doc.item(&format!("Alasan: {}", m.reason));
        doc.item(&format!(
            "Dicatat oleh {}, {}.",
            m.decided_by,
            Lang::Id.timestamp(&m.decided_at)
        ));
    }
    doc.heading("Keterangan");
    doc.paragraph(
        "Kalibrasi dilakukan menurut PermenPANRB 3/2020 tentang Manajemen Talenta ASN sebagaimana \
         diubah dengan PermenPANRB 20/2025. Kotak hasil perhitungan tetap tercatat di samping \
         kotak hasil kalibrasi, dan setiap perubahan tercatat di log audit. Pegawai yang \
         bersangkutan dapat melihat kedua kotak beserta alasannya.",
    );
    doc.space();
    doc.paragraph(&format!(
        "Dokumen ini dibuat oleh Jenjang pada {}.",
        Lang::Id.timestamp(&now_utc())
    ));
    Ok(doc.render())
}
