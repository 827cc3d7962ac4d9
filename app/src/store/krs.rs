//! The talent pool table `krs` (one row per proposal a step was taken on), read with the
//! proposals it records steps on: the people of `placement_calibrated f` (with `pegawai p`,
//! `jabatan j`, `unit_kerja u`) whose kotak in force is 7-9 or who have a row `krs r`.

use super::filter::{condition, kotak, limit, Condition, FilterError, Page};
use super::sql::actor_name;
use super::{Conn, StoreError};
use crate::api::talent_map::MapFilter;
use crate::api::talent_pool::PoolMember;
use crate::auth::guard::InstansiScope;
use crate::domain::nine_box::Kotak;
use crate::domain::talent_pool::{Decision, Tahap};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The proposals of the filtered part of the instansi: placed people in kotak 7-9, and those
/// with a step on record (who may since have been calibrated out of those kotak).
const FROM: &str = "FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
     LEFT JOIN jabatan j ON j.id = f.jabatan_id LEFT JOIN unit_kerja u ON u.id = f.unit_kerja_id \
     LEFT JOIN krs r ON r.pegawai_id = f.pegawai_id AND r.period = f.period \
     WHERE f.instansi_id = $1";
const PROPOSED: &str = " AND (f.final_kotak >= 7 OR r.id IS NOT NULL)";
const STAGE: &str = "COALESCE(r.status, 'diusulkan')";

/// The stage of a proposal whose row has `status`: proposed while no step is on record.
fn tahap(status: Option<&str>) -> Tahap {
    status
        .and_then(Tahap::from_code)
        .unwrap_or(Tahap::Diusulkan)
}

/// A proposal as the pool's list shows it.
fn member(row: &AnyRow) -> Result<PoolMember, sqlx::Error> {
    let status: Option<String> = row.try_get("status")?;
    let final_kotak = kotak(row, "final_kotak")?;
    Ok(PoolMember {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        unit: row.try_get("unit")?,
        jabatan: row.try_get("jabatan")?,
        golongan: row.try_get("golongan")?,
        kotak: kotak(row, "kotak")?,
        calibrated_kotak: kotak(row, "calibrated_kotak")?,
        tahap: tahap(status.as_deref()),
        nasional: match status {
            // A step on record keeps the flag it was taken with.
            Some(_) => row.try_get::<i64, _>("nasional")? == 1,
            None => final_kotak
                .and_then(Kotak::from_number)
                .is_some_and(Kotak::in_national_talent_pool),
        },
        verified_by: row.try_get("verified_by")?,
        decided_by: row.try_get("decided_by")?,
        decided_at: row.try_get("decided_at")?,
        decision_ref: row.try_get("decision_ref")?,
        note: row.try_get("note")?,
    })
}

/// The condition of the proposals `filter` selects in `period` whose name or NIP contains
/// `cari`.
pub(crate) async fn proposals(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
    period: i32,
    cari: Option<&str>,
) -> Result<Condition, FilterError> {
    let mut c = condition(scope, filter, period).await?;
    c.sql.push_str(PROPOSED);
    c.search(cari);
    Ok(c)
}

/// How many proposals are at one stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StageCount {
    /// The stage's [`Tahap`] code.
    pub(crate) tahap: String,
    pub(crate) proposals: i64,
    /// How many of them are also proposed for the national KRS.
    pub(crate) nasional: i64,
}

/// The proposals `c` selects, counted per stage.
pub(crate) async fn stage_counts(
    scope: &InstansiScope<'_>,
    c: &Condition,
) -> Result<Vec<StageCount>, StoreError> {
    let rows = c
        .bind(scope.query(&format!(
            "SELECT {STAGE} AS tahap, COUNT(*) AS n, \
             SUM(CASE WHEN (r.id IS NULL AND f.final_kotak = 9) OR r.nasional THEN 1 ELSE 0 END) AS nasional \
             {FROM}{} GROUP BY {STAGE}",
            c.sql
        )))
        .fetch_all(scope.pool())
        .await?;
    let counts = rows
        .iter()
        .map(|row| {
            Ok(StageCount {
                tahap: row.try_get("tahap")?,
                proposals: row.try_get("n")?,
                nasional: row.try_get::<Option<i64>, _>("nasional")?.unwrap_or(0),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(counts)
}

/// Narrows `c` to the proposals at stage `tahap`.
pub(crate) fn at_stage(c: &mut Condition, tahap: Tahap) {
    c.push(&format!(" AND {STAGE} = {{}}"), tahap.code());
}

/// The proposals `c` selects, highest kotak first, on `page` (all of them for `None`).
pub(crate) async fn members(
    scope: &InstansiScope<'_>,
    c: &Condition,
    page: Option<Page>,
) -> Result<Vec<PoolMember>, StoreError> {
    let paging = limit(page);
    let sql = format!(
        "SELECT p.nip, p.name, f.golongan, u.name AS unit, j.name AS jabatan, f.kotak, \
         f.calibrated_kotak, f.final_kotak, r.status, \
         CASE WHEN r.nasional THEN 1 ELSE 0 END AS nasional, {} AS verified_by, \
         {} AS decided_by, r.decided_at, r.decision_ref, r.note \
         {FROM}{} ORDER BY f.final_kotak DESC, p.name, p.nip{paging}",
        actor_name!("r.verified_by"),
        actor_name!("r.decided_by"),
        c.sql
    );
    let members = c
        .bind(scope.query(&sql))
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(member)
        .collect::<Result<_, _>>()?;
    Ok(members)
}

/// A placed person's proposal as a step on it starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProposalRow {
    pub(crate) pegawai_id: i64,
    /// The kotak in force.
    pub(crate) kotak: Option<Kotak>,
    /// The proposal's row, once a step was taken on it.
    pub(crate) krs_id: Option<i64>,
    pub(crate) tahap: Tahap,
}

/// The proposal of the person with this NIP in `period`, among the scope's pegawai, if they
/// were placed then.
pub(crate) async fn proposal(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    nip: &str,
    period: i32,
) -> Result<Option<ProposalRow>, StoreError> {
    let filter = scope.pegawai_filter();
    let n = 2 + scope.units().map_or(0, <[i64]>::len);
    let sql = format!(
        "SELECT f.pegawai_id, f.final_kotak, r.id AS krs_id, r.status FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id \
         LEFT JOIN krs r ON r.pegawai_id = f.pegawai_id AND r.period = f.period \
         WHERE p.instansi_id = $1{filter} AND p.nip = ${n} AND f.period = ${}",
        n + 1
    );
    let Some(row) = scope
        .query(&sql)
        .bind(nip.trim().to_owned())
        .bind(i64::from(period))
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let status: Option<String> = row.try_get("status")?;
    Ok(Some(ProposalRow {
        pegawai_id: row.try_get("pegawai_id")?,
        kotak: kotak(&row, "final_kotak")?.and_then(Kotak::from_number),
        krs_id: row.try_get("krs_id")?,
        tahap: tahap(status.as_deref()),
    }))
}

/// A step taken on a proposal, as its row records it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step<'a> {
    pub(crate) decision: &'a Decision,
    /// Who verified and when, for a verification.
    pub(crate) verified: Option<(&'a str, &'a str)>,
    /// Who decided and when, for a decision or a refusal.
    pub(crate) decided: Option<(&'a str, &'a str)>,
}

impl Step<'_> {
    /// The number of the kotak the step was taken on.
    pub(crate) fn kotak(&self) -> Option<i64> {
        self.decision.kotak.map(|k| i64::from(k.number()))
    }
}

/// Records the first step on the proposal of `pegawai_id` in `period`; returns the new row's
/// id. Fails with a unique violation when someone took a first step on it meanwhile.
pub(crate) async fn insert(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    pegawai_id: i64,
    period: i32,
    step: &Step<'_>,
) -> Result<i64, StoreError> {
    let decision = step.decision;
    sqlx::query_scalar(
        "INSERT INTO krs (instansi_id, pegawai_id, period, status, kotak, nasional, \
         verified_by, verified_at, decided_by, decided_at, decision_ref, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(scope.instansi_id())
    .bind(pegawai_id)
    .bind(i64::from(period))
    .bind(decision.tahap.code())
    .bind(step.kotak())
    .bind(decision.nasional)
    .bind(step.verified.map(|v| v.0.to_owned()))
    .bind(step.verified.map(|v| v.1.to_owned()))
    .bind(step.decided.map(|d| d.0.to_owned()))
    .bind(step.decided.map(|d| d.1.to_owned()))
    .bind(decision.reference.clone())
    .bind(decision.note.clone())
    .fetch_one(conn)
    .await
    .map_err(StoreError::from)
}

/// Records a further step on the proposal row `id`, only if it is still at stage `before`
/// (a step someone else took meanwhile wins); returns the rows changed (0 or 1).
pub(crate) async fn update(
    conn: &mut Conn,
    id: i64,
    before: Tahap,
    step: &Step<'_>,
) -> Result<u64, StoreError> {
    let decision = step.decision;
    let done = sqlx::query(
        "UPDATE krs SET status = $1, kotak = $2, nasional = $3, decided_by = $4, \
         decided_at = $5, decision_ref = $6, note = $7 WHERE id = $8 AND status = $9",
    )
    .bind(decision.tahap.code())
    .bind(step.kotak())
    .bind(decision.nasional)
    .bind(step.decided.map(|d| d.0.to_owned()))
    .bind(step.decided.map(|d| d.1.to_owned()))
    .bind(decision.reference.clone())
    .bind(decision.note.clone())
    .bind(id)
    .bind(before.code())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}
