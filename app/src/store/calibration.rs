//! The `sesi_kalibrasi` and `kalibrasi` tables: the komite talenta's calibration sessions and
//! the moves made in them, with the placements (`placement_calibrated`) a move starts from.

use super::filter::kotak;
use super::sql::actor_name;
use super::{Conn, Pool, StoreError};
use crate::api::calibration::{MoveLine, SessionSummary};
use crate::auth::guard::InstansiScope;
use sqlx::any::AnyRow;
use sqlx::Row;

const SUMMARY: &str = concat!(
    "SELECT s.id, s.name, s.period, ",
    actor_name!("s.opened_by"),
    " AS opened_by, s.opened_at, s.closed_at, ",
    actor_name!("s.closed_by"),
    " AS closed_by, s.members, s.reference, (SELECT COUNT(*) FROM kalibrasi k WHERE k.sesi_id = s.id) AS moves \
     FROM sesi_kalibrasi s"
);

fn summary(row: &AnyRow) -> Result<SessionSummary, sqlx::Error> {
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
pub async fn sessions(scope: &InstansiScope<'_>) -> Result<Vec<SessionSummary>, StoreError> {
    Ok(sqlx::query(&format!(
        "{SUMMARY} WHERE s.instansi_id = $1 \
         ORDER BY CASE WHEN s.closed_at IS NULL THEN 0 ELSE 1 END, s.id DESC"
    ))
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await?
    .iter()
    .map(summary)
    .collect::<Result<_, _>>()?)
}

/// The open session of a period, if there is one.
pub async fn open_session(
    pool: &Pool,
    instansi_id: i64,
    period: i32,
) -> Result<Option<SessionSummary>, StoreError> {
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

/// A session with the members present and who closed it (both unset while it is open).
pub struct Session {
    pub summary: SessionSummary,
    /// The members present, as a JSON list of names.
    pub members: Option<String>,
    pub closed_by: Option<String>,
    /// The minutes' reference number, when one was given at closing.
    pub reference: Option<String>,
}

/// A session of the instansi in scope, if it is one.
pub async fn session(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    id: i64,
) -> Result<Option<Session>, StoreError> {
    let row = sqlx::query(&format!("{SUMMARY} WHERE s.id = $1 AND s.instansi_id = $2"))
        .bind(id)
        .bind(scope.instansi_id())
        .fetch_optional(conn)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(Session {
        summary: summary(&row)?,
        members: row.try_get("members")?,
        closed_by: row.try_get("closed_by")?,
        reference: row.try_get("reference")?,
    }))
}

const MOVES: &str = concat!(
    "SELECT p.nip, p.name, u.name AS unit, k.computed_kotak, k.from_kotak, \
     k.to_kotak, k.reason, ",
    actor_name!("k.decided_by"),
    " AS decided_by, k.decided_at FROM kalibrasi k \
     JOIN pegawai p ON p.id = k.pegawai_id LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id"
);

fn move_line(row: &AnyRow) -> Result<MoveLine, sqlx::Error> {
    let kotak = |column: &str| -> Result<u8, sqlx::Error> {
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

/// A session of the instansi in scope with its moves in the order they were made, read on
/// one connection; `None` when it is not one of the instansi's sessions.
pub async fn session_with_moves(
    scope: &InstansiScope<'_>,
    id: i64,
) -> Result<Option<(Session, Vec<MoveLine>)>, StoreError> {
    let mut conn = scope.pool().acquire().await?;
    let Some(session) = session(&mut conn, scope, id).await? else {
        return Ok(None);
    };
    let moves = sqlx::query(&format!("{MOVES} WHERE k.sesi_id = $1 ORDER BY k.id"))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(move_line)
        .collect::<Result<_, _>>()?;
    Ok(Some((session, moves)))
}

/// Every calibration of one person, newest first.
pub async fn of_person(pool: &Pool, pegawai_id: i64) -> Result<Vec<MoveLine>, StoreError> {
    Ok(sqlx::query(&format!(
        "{MOVES} WHERE k.pegawai_id = $1 ORDER BY k.id DESC"
    ))
    .bind(pegawai_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(move_line)
    .collect::<Result<_, _>>()?)
}

/// How many placements the instansi has for `period`.
pub async fn placement_count(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    period: i32,
) -> Result<i64, StoreError> {
    let placed: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM placement WHERE instansi_id = $1 AND period = $2")
            .bind(scope.instansi_id())
            .bind(i64::from(period))
            .fetch_one(conn)
            .await?;
    Ok(placed)
}

/// The id of the instansi's open session for `period`, if there is one.
pub async fn open_session_id(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    period: i32,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM sesi_kalibrasi WHERE instansi_id = $1 AND period = $2 AND closed_at IS NULL",
    )
    .bind(scope.instansi_id())
    .bind(i64::from(period))
    .fetch_optional(conn)
    .await?)
}

/// Opens a session of the instansi in scope for `period`, in the name of its actor. Returns
/// its id.
pub async fn insert_session(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    period: i32,
    name: &str,
    opened_at: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO sesi_kalibrasi (instansi_id, period, name, opened_by, opened_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(scope.instansi_id())
    .bind(i64::from(period))
    .bind(name)
    .bind(scope.actor())
    .bind(opened_at)
    .fetch_one(conn)
    .await?)
}

/// Writes the instansi's session `id` if it is open, which holds it (a row lock on
/// PostgreSQL, the write lock on SQLite) until the transaction ends. Returns whether it was
/// open.
pub async fn hold_open_session(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    id: i64,
) -> Result<bool, StoreError> {
    let held = sqlx::query(
        "UPDATE sesi_kalibrasi SET name = name WHERE id = $1 AND instansi_id = $2 AND closed_at IS NULL",
    )
    .bind(id)
    .bind(scope.instansi_id())
    .execute(conn)
    .await?
    .rows_affected();
    Ok(held > 0)
}

/// A person's placement in force for a period, as a move starts from it.
pub struct PlacementInForce {
    pub pegawai_id: i64,
    pub placement_id: i64,
    /// The computed kotak, `None` when not placed.
    pub kotak: Option<u8>,
    pub calibrated_kotak: Option<u8>,
}

/// The placement for `period` of the person of the instansi in scope with this NIP, if there
/// is one.
pub async fn placement_in_force(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    nip: &str,
    period: i32,
) -> Result<Option<PlacementInForce>, StoreError> {
    let row = sqlx::query(
        "SELECT f.pegawai_id, f.id, f.kotak, f.calibrated_kotak FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id \
         WHERE p.nip = $1 AND p.instansi_id = $2 AND f.period = $3",
    )
    .bind(nip)
    .bind(scope.instansi_id())
    .bind(i64::from(period))
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(PlacementInForce {
        pegawai_id: row.try_get("pegawai_id")?,
        placement_id: row.try_get("id")?,
        kotak: kotak(&row, "kotak")?,
        calibrated_kotak: kotak(&row, "calibrated_kotak")?,
    }))
}

/// A move to record: a person's kotak changed in a session.
pub struct NewMove<'a> {
    pub session_id: i64,
    pub pegawai_id: i64,
    pub period: i32,
    pub placement_id: i64,
    pub computed_kotak: u8,
    pub from_kotak: u8,
    pub to_kotak: u8,
    pub reason: &'a str,
    pub decided_by: &'a str,
    pub decided_at: &'a str,
}

/// Records a move. Returns its id.
pub async fn insert_move(conn: &mut Conn, new: &NewMove<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO kalibrasi (sesi_id, pegawai_id, period, placement_id, computed_kotak, \
         from_kotak, to_kotak, reason, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(new.session_id)
    .bind(new.pegawai_id)
    .bind(i64::from(new.period))
    .bind(new.placement_id)
    .bind(i64::from(new.computed_kotak))
    .bind(i64::from(new.from_kotak))
    .bind(i64::from(new.to_kotak))
    .bind(new.reason)
    .bind(new.decided_by)
    .bind(new.decided_at)
    .fetch_one(conn)
    .await?)
}

/// Closes the instansi's session `id` if it is open, in the name of the scope's actor, with
/// the members present as a JSON list. Returns whether it was open.
pub async fn close_session(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    id: i64,
    closed_at: &str,
    members: &str,
    reference: Option<&str>,
) -> Result<bool, StoreError> {
    let closed = sqlx::query(
        "UPDATE sesi_kalibrasi SET closed_at = $1, closed_by = $2, members = $3, reference = $6 \
         WHERE id = $4 AND instansi_id = $5 AND closed_at IS NULL",
    )
    .bind(closed_at)
    .bind(scope.actor())
    .bind(members)
    .bind(id)
    .bind(scope.instansi_id())
    .bind(reference)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(closed > 0)
}

/// How many moves a session has.
pub async fn move_count(conn: &mut Conn, session_id: i64) -> Result<i64, StoreError> {
    let moves: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kalibrasi WHERE sesi_id = $1")
        .bind(session_id)
        .fetch_one(conn)
        .await?;
    Ok(moves)
}
