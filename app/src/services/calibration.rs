//! Calibration sessions of the komite talenta: open one for a period, move people between
//! kotak with a written reason, close it with the members present (which locks it). Each
//! write is one transaction with its audit entry. The rules are `domain::calibration`.

use crate::api::calibration::{MoveLine, SessionSummary, SessionView};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::calibration::{self, CalibrationError, Standing};
use crate::domain::duties::Decision;
use crate::error::AppError;
use crate::i18n::{refusals, request_lang, Lang};
use crate::pdf::{Document, PdfError, Table};
use crate::services::audit::{self, Change};
use crate::services::clock::now_utc;
use crate::store;
use crate::store::calibration::{NewMove, Session};
use crate::store::{Conn, Pool, StoreError, Tx};
use serde_json::{json, Value};
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
    Database(#[from] StoreError),
    #[error("data tersimpan tidak dapat dibaca: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("berita acara tidak dapat dibuat: {0}")]
    Document(#[from] PdfError),
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
            CalibrationServiceError::Document(e) => {
                tracing::error!(error = %e, "minutes not typeset");
                AppError::Internal
            }
        }
    }
}

type Result<T> = std::result::Result<T, CalibrationServiceError>;

/// The instansi's sessions, open ones first, then newest first.
pub async fn sessions(scope: &InstansiScope<'_>) -> Result<Vec<SessionSummary>> {
    Ok(store::calibration::sessions(scope).await?)
}

/// The open session of a period, if there is one.
pub async fn open_session(
    pool: &Pool,
    instansi_id: i64,
    period: i32,
) -> Result<Option<SessionSummary>> {
    Ok(store::calibration::open_session(pool, instansi_id, period).await?)
}

async fn record(
    tx: &mut Tx<'_>,
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
    let mut tx = store::begin(scope.pool()).await?;
    let placed = store::calibration::placement_count(&mut tx, scope, period).await?;
    if placed == 0 {
        return Err(CalibrationServiceError::Refused(
            "Periode ini belum dipetakan; belum ada yang dapat dikalibrasi.",
            "This period is not mapped yet; there is nothing to calibrate.",
        ));
    }
    let already = store::calibration::open_session_id(&mut tx, scope, period).await?;
    if already.is_some() {
        return Err(CalibrationServiceError::Refused(
            "Sudah ada sesi kalibrasi yang terbuka untuk periode ini; tutup dulu sesi itu.",
            "A calibration session for this period is already open; close it first.",
        ));
    }
    let id = store::calibration::insert_session(&mut tx, scope, period, &name, &now_utc()).await?;
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
    store::commit(tx).await?;
    Ok(id)
}

/// A session of this instansi.
async fn session_in(conn: &mut Conn, scope: &InstansiScope<'_>, id: i64) -> Result<Session> {
    store::calibration::session(conn, scope, id)
        .await?
        .ok_or(CalibrationServiceError::NotFound)
}

/// A session with its moves in the order they were made.
pub async fn session(scope: &InstansiScope<'_>, id: i64) -> Result<SessionView> {
    let (session, moves) = store::calibration::session_with_moves(scope, id)
        .await?
        .ok_or(CalibrationServiceError::NotFound)?;
    let Session {
        summary,
        members,
        closed_by,
        reference,
    } = session;
    let members = members
        .map(|m| serde_json::from_str::<Vec<String>>(&m))
        .transpose()?
        .unwrap_or_default();
    Ok(SessionView {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        zone: scope.zone(),
        summary,
        moves,
        members,
        closed_by,
        reference,
    })
}

/// Every calibration of one person, newest first.
pub async fn of_person(pool: &Pool, pegawai_id: i64) -> Result<Vec<MoveLine>> {
    Ok(store::calibration::of_person(pool, pegawai_id).await?)
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
    let mut tx = store::begin(scope.pool()).await?;
    // Writing the open session's row first holds it (a row lock on PostgreSQL, the write lock
    // on SQLite) until this move commits, so a close cannot slip in between the check and
    // the move.
    let held = store::calibration::hold_open_session(&mut tx, scope, session_id).await?;
    let session = session_in(&mut tx, scope, session_id).await?.summary;
    if !held {
        return Err(CalibrationError::SessionClosed.into());
    }
    // The person must be of this instansi and have a placement in the session's period; an
    // unknown NIP answers like one of another instansi.
    let placement =
        store::calibration::placement_in_force(&mut tx, scope, nip.trim(), session.period).await?;
    let Some(placement) = placement else {
        return Err(CalibrationServiceError::Refused(
            "Pegawai dengan NIP ini tidak ada dalam pemetaan periode sesi.",
            "No employee with this NIP is mapped in the session's period.",
        ));
    };
    scope.not_about_myself(Decision::Calibration, placement.pegawai_id)?;
    let standing = Standing {
        session_open: session.closed_at.is_none(),
        computed: placement.kotak,
        calibrated: placement.calibrated_kotak,
    };
    let change = calibration::propose(standing, to, reason)?;
    let computed = standing.computed.ok_or(CalibrationError::NotPlaced)?;
    let id = store::calibration::insert_move(
        &mut tx,
        &NewMove {
            session_id,
            pegawai_id: placement.pegawai_id,
            period: session.period,
            placement_id: placement.placement_id,
            computed_kotak: computed,
            from_kotak: change.from.number(),
            to_kotak: change.to.number(),
            reason: &change.reason,
            decided_by: &scope.actor(),
            decided_at: &now_utc(),
        },
    )
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
    store::commit(tx).await?;
    Ok(())
}

/// Closes an open session with the members present (one name per line) and the minutes'
/// reference number (may be empty). Closing locks it.
pub async fn close(
    scope: &InstansiScope<'_>,
    session_id: i64,
    members: &str,
    reference: &str,
) -> Result<()> {
    scope.require(Action::Calibrate)?;
    let members = calibration::members_present(members)?;
    let reference = calibration::reference_number(reference)?;
    let members_json = serde_json::to_string(&members)?;
    let mut tx = store::begin(scope.pool()).await?;
    let closed = store::calibration::close_session(
        &mut tx,
        scope,
        session_id,
        &now_utc(),
        &members_json,
        reference.as_deref(),
    )
    .await?;
    if !closed {
        // Either not this instansi's session, or closed already.
        session_in(&mut tx, scope, session_id).await?;
        return Err(CalibrationError::SessionClosed.into());
    }
    let moves = store::calibration::move_count(&mut tx, session_id).await?;
    record(
        &mut tx,
        scope,
        "kalibrasi.sesi.tutup",
        ("sesi_kalibrasi", session_id),
        None,
        json!({ "anggota_hadir": members, "perubahan": moves, "nomor": reference }),
        None,
    )
    .await?;
    store::commit(tx).await?;
    Ok(())
}

/// The minutes (berita acara) of a closed session as a PDF a committee can sign: the
/// instansi's letterhead, the reference number, the members present, a table of every change
/// (name, NIP, computed and calibrated kotak, reason, who recorded it and when), and a
/// signature line for each member present.
pub async fn minutes(scope: &InstansiScope<'_>, session_id: i64) -> Result<Vec<u8>> {
    let s = session(scope, session_id).await?;
    let Some(closed_at) = s.summary.closed_at.as_deref() else {
        return Err(CalibrationServiceError::Refused(
            "Berita acara dibuat setelah sesi ditutup.",
            "The minutes are drawn up once the session is closed.",
        ));
    };
    let zone = scope.zone();
    let at = |stamp: &str| Lang::Id.timestamp_in(stamp, zone);
    let mut doc = Document::new();
    doc.letterhead(&[
        &s.instansi.to_uppercase(),
        "KOMITE MANAJEMEN TALENTA APARATUR SIPIL NEGARA",
    ]);
    doc.title("BERITA ACARA KALIBRASI MANAJEMEN TALENTA");
    doc.subtitle(&format!(
        "Nomor: {}",
        s.reference
            .as_deref()
            .unwrap_or("......................................")
    ));
    doc.space();
    doc.paragraph(&format!(
        "Komite talenta {} telah menyelenggarakan sesi kalibrasi \"{}\" atas hasil pemetaan \
         talenta periode {}. Sesi dibuka {} oleh {} dan ditutup {} oleh {}. Nomor sesi di \
         Jenjang: {}.",
        s.instansi,
        s.summary.name,
        s.summary.period,
        at(&s.summary.opened_at),
        s.summary.opened_by,
        at(closed_at),
        s.closed_by.as_deref().unwrap_or_default(),
        s.summary.id,
    ));
    doc.heading(&format!(
        "A. Anggota komite talenta yang hadir ({})",
        s.members.len()
    ));
    for (i, member) in s.members.iter().enumerate() {
        doc.item(&format!("{}. {member}", i + 1));
    }
    doc.heading(&format!("B. Perubahan kotak ({})", s.moves.len()));
    if s.moves.is_empty() {
        doc.paragraph("Tidak ada perubahan kotak dalam sesi ini.");
    } else {
        doc.table(changes(&s.moves, &at));
    }
    doc.heading("C. Keterangan");
    doc.paragraph(
        "Kalibrasi dilakukan menurut PermenPANRB 3/2020 tentang Manajemen Talenta ASN sebagaimana \
         diubah dengan PermenPANRB 20/2025. Kotak hasil perhitungan tetap tercatat di samping \
         kotak hasil kalibrasi, dan setiap perubahan tercatat di log audit. Pegawai yang \
         bersangkutan dapat melihat kedua kotak beserta alasannya.",
    );
    doc.paragraph(
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana \
         mestinya.",
    );
    doc.heading("Tanda tangan anggota komite talenta yang hadir");
    doc.signatures(&s.members);
    doc.paragraph(&format!(
        "Dokumen ini dibuat oleh Jenjang pada {}.",
        at(&now_utc())
    ));
    Ok(doc.render()?)
}

/// The table of changes of the minutes, one row per move in the order made.
fn changes(moves: &[MoveLine], at: &impl Fn(&str) -> String) -> Table {
    let mut table = Table::new(&[
        ("No.", 0.6),
        ("Nama dan NIP", 2.9),
        ("Unit kerja", 2.0),
        ("Kotak hitung → kalibrasi", 1.5),
        ("Alasan", 3.6),
        ("Dicatat oleh", 1.8),
    ]);
    for (i, m) in moves.iter().enumerate() {
        let kotak = if m.from == m.computed {
            format!("{} → {}", m.computed, m.to)
        } else {
            format!("{} → {} (sebelumnya {})", m.computed, m.to, m.from)
        };
        table.row(vec![
            (i + 1).to_string(),
            format!("{} NIP {}", m.name, m.nip),
            m.unit.clone().unwrap_or_default(),
            kotak,
            m.reason.clone(),
            format!("{}, {}", m.decided_by, at(&m.decided_at)),
        ]);
    }
    table
}
