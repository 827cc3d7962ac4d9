//! The `pegawai` table as people's talent records read it, with their unit, post and
//! instansi, and their placements in force (`placement_calibrated`).

use super::filter::kotak;
use super::scoring::decode_reason;
use super::StoreError;
use crate::api::talent::{PersonSummary, PlacementView};
use crate::auth::guard::{InstansiScope, PersonScope, TeamScope};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A placement row of `placement_calibrated` (its `period`, `status`, `kotak`, `kinerja`,
/// `potensial`, `reason`, `calibrated_kotak` and `calibration_reason` columns).
pub(crate) fn placement_view(row: &AnyRow) -> Result<PlacementView, sqlx::Error> {
    Ok(PlacementView {
        period: i32::try_from(row.try_get::<i64, _>("period")?)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        status: row.try_get("status")?,
        kotak: kotak(row, "kotak")?,
        kinerja: row.try_get("kinerja")?,
        potensial: row.try_get("potensial")?,
        reason: row
            .try_get::<Option<String>, _>("reason")?
            .map(decode_reason),
        calibrated_kotak: kotak(row, "calibrated_kotak")?,
        calibration_reason: row.try_get("calibration_reason")?,
    })
}

const PERSON_COLUMNS: &str = "p.nip, p.name, p.kind, p.golongan, u.name AS unit, j.name AS jabatan";
const PERSON_JOINS: &str = "LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id \
     LEFT JOIN jabatan j ON j.id = p.jabatan_id";

fn person_summary(row: &AnyRow) -> Result<PersonSummary, sqlx::Error> {
    Ok(PersonSummary {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        kind: row.try_get("kind")?,
        golongan: row.try_get("golongan")?,
        unit: row.try_get("unit")?,
        jabatan: row.try_get("jabatan")?,
        kotak: kotak(row, "kotak")?,
    })
}

/// The person in scope (without a kotak), with the name of their instansi.
pub async fn person(scope: &PersonScope<'_>) -> Result<(PersonSummary, String), StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {PERSON_COLUMNS}, i.name AS instansi, NULL AS kotak FROM pegawai p \
         JOIN instansi i ON i.id = p.instansi_id {PERSON_JOINS} WHERE p.id = $1"
    ))
    .bind(scope.pegawai_id())
    .fetch_one(scope.pool())
    .await?;
    Ok((person_summary(&row)?, row.try_get("instansi")?))
}

/// The placements in force of the person in scope, newest period first.
pub async fn placements(scope: &PersonScope<'_>) -> Result<Vec<PlacementView>, StoreError> {
    Ok(sqlx::query(
        "SELECT period, status, kotak, kinerja, potensial, reason, calibrated_kotak, \
         calibration_reason FROM placement_calibrated \
         WHERE pegawai_id = $1 ORDER BY period DESC",
    )
    .bind(scope.pegawai_id())
    .fetch_all(scope.pool())
    .await?
    .iter()
    .map(placement_view)
    .collect::<Result<Vec<_>, _>>()?)
}

/// The kotak in force (calibrated, else computed) of the latest period scored, for a list.
const LATEST_KOTAK: &str =
    "(SELECT f.final_kotak FROM placement_calibrated f WHERE f.pegawai_id = p.id \
     ORDER BY f.period DESC LIMIT 1) AS kotak";

/// An atasan's direct reports, by name.
pub async fn team(scope: &TeamScope<'_>) -> Result<Vec<PersonSummary>, StoreError> {
    Ok(sqlx::query(&format!(
        "SELECT {PERSON_COLUMNS}, {LATEST_KOTAK} FROM pegawai p {PERSON_JOINS} \
         WHERE p.atasan_id = $1 AND p.instansi_id = $2 ORDER BY p.name, p.nip"
    ))
    .bind(scope.atasan_id())
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await?
    .iter()
    .map(person_summary)
    .collect::<Result<Vec<_>, _>>()?)
}

/// How many pegawai of the part of the instansi in scope there are.
pub async fn headcount(scope: &InstansiScope<'_>) -> Result<i64, StoreError> {
    let filter = scope.pegawai_filter();
    let n: i64 = scope
        .query(&format!(
            "SELECT COUNT(*) AS n FROM pegawai p WHERE p.instansi_id = $1{filter}"
        ))
        .fetch_one(scope.pool())
        .await?
        .try_get("n")?;
    Ok(n)
}

/// How many people in scope hold one kotak (or none) in the latest period scored.
pub struct KotakCount {
    pub period: i64,
    /// The kotak in force; `None` when not placed.
    pub kotak: Option<i64>,
    pub n: i64,
}

/// The people in scope per status and kotak in force of the instansi's latest period scored.
pub async fn distribution(scope: &InstansiScope<'_>) -> Result<Vec<KotakCount>, StoreError> {
    let filter = scope.pegawai_filter();
    let rows = scope
        .query(&format!(
            "SELECT f.period, f.status, f.final_kotak AS kotak, COUNT(*) AS n FROM placement_calibrated f \
             JOIN pegawai p ON p.id = f.pegawai_id \
             WHERE f.instansi_id = $1{filter} AND f.period = (SELECT MAX(period) FROM placement \
             WHERE instansi_id = $1) GROUP BY f.period, f.status, f.final_kotak"
        ))
        .fetch_all(scope.pool())
        .await?;
    let mut counts = Vec::with_capacity(rows.len());
    for row in rows {
        counts.push(KotakCount {
            period: row.try_get("period")?,
            kotak: row.try_get("kotak")?,
            n: row.try_get("n")?,
        });
    }
    Ok(counts)
}
