//! Reading people's talent records. Every function takes a scope token from the guard
//! (`auth::guard`): the check that the viewer may see this person, team or part of an
//! instansi happened before the token existed.

use crate::api::talent::{InstansiOverview, PersonSummary, PlacementView, TalentRecord};
use crate::auth::guard::{InstansiScope, PersonScope, TeamScope};
use crate::services::scoring::decode_reason;
use sqlx::any::AnyRow;
use sqlx::Row;

/// The `kotak` column (1-9), `None` when the person is not placed.
fn kotak(row: &AnyRow) -> Result<Option<u8>, sqlx::Error> {
    Ok(row
        .try_get::<Option<i64>, _>("kotak")?
        .and_then(|k| u8::try_from(k).ok()))
}

pub(crate) fn placement_view(row: &AnyRow) -> Result<PlacementView, sqlx::Error> {
    Ok(PlacementView {
        period: i32::try_from(row.try_get::<i64, _>("period")?)
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        status: row.try_get("status")?,
        kotak: kotak(row)?,
        kinerja: row.try_get("kinerja")?,
        potensial: row.try_get("potensial")?,
        reason: row
            .try_get::<Option<String>, _>("reason")?
            .map(decode_reason),
        calibrated_kotak: row
            .try_get::<Option<i64>, _>("calibrated_kotak")?
            .and_then(|k| u8::try_from(k).ok()),
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
        kotak: kotak(row)?,
    })
}

/// A person's record and their placements in force, newest period first.
pub async fn talent_record(scope: &PersonScope<'_>) -> Result<TalentRecord, sqlx::Error> {
    let pool = scope.pool();
    let row = sqlx::query(&format!(
        "SELECT {PERSON_COLUMNS}, i.name AS instansi, NULL AS kotak FROM pegawai p \
         JOIN instansi i ON i.id = p.instansi_id {PERSON_JOINS} WHERE p.id = $1"
    ))
    .bind(scope.pegawai_id())
    .fetch_one(pool)
    .await?;
    let placements = sqlx::query(
        "SELECT period, status, kotak, kinerja, potensial, reason, calibrated_kotak, \
         calibration_reason FROM placement_calibrated \
         WHERE pegawai_id = $1 ORDER BY period DESC",
    )
    .bind(scope.pegawai_id())
    .fetch_all(pool)
    .await?
    .iter()
    .map(placement_view)
    .collect::<Result<Vec<_>, _>>()?;
    Ok(TalentRecord {
        person: person_summary(&row)?,
        instansi: row.try_get("instansi")?,
        placements,
    })
}

/// The kotak in force (calibrated, else computed) of the latest period scored, for a list.
const LATEST_KOTAK: &str =
    "(SELECT f.final_kotak FROM placement_calibrated f WHERE f.pegawai_id = p.id \
     ORDER BY f.period DESC LIMIT 1) AS kotak";

/// An atasan's direct reports, by name.
pub async fn team(scope: &TeamScope<'_>) -> Result<Vec<PersonSummary>, sqlx::Error> {
    sqlx::query(&format!(
        "SELECT {PERSON_COLUMNS}, {LATEST_KOTAK} FROM pegawai p {PERSON_JOINS} \
         WHERE p.atasan_id = $1 AND p.instansi_id = $2 ORDER BY p.name, p.nip"
    ))
    .bind(scope.atasan_id())
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await?
    .iter()
    .map(person_summary)
    .collect()
}

/// Headcount and 9-box distribution of the latest scored period, for the part of the
/// instansi in scope.
pub async fn overview(scope: &InstansiScope<'_>) -> Result<InstansiOverview, sqlx::Error> {
    let filter = scope.pegawai_filter();
    let pegawai: i64 = scope
        .query(&format!(
            "SELECT COUNT(*) AS n FROM pegawai p WHERE p.instansi_id = $1{filter}"
        ))
        .fetch_one(scope.pool())
        .await?
        .try_get("n")?;
    let distribution = scope
        .query(&format!(
            "SELECT f.period, f.status, f.final_kotak AS kotak, COUNT(*) AS n FROM placement_calibrated f \
             JOIN pegawai p ON p.id = f.pegawai_id \
             WHERE f.instansi_id = $1{filter} AND f.period = (SELECT MAX(period) FROM placement \
             WHERE instansi_id = $1) GROUP BY f.period, f.status, f.final_kotak"
        ))
        .fetch_all(scope.pool())
        .await?;
    let mut overview = InstansiOverview {
        slug: scope.slug().to_owned(),
        name: scope.name().to_owned(),
        whole_instansi: scope.units().is_none(),
        pegawai,
        period: None,
        per_kotak: [0; 9],
        not_placed: 0,
    };
    for row in distribution {
        let period: i64 = row.try_get("period")?;
        overview.period = i32::try_from(period).ok();
        let n: i64 = row.try_get("n")?;
        match row
            .try_get::<Option<i64>, _>("kotak")?
            .and_then(|k| usize::try_from(k).ok())
        {
            Some(k @ 1..=9) => overview.per_kotak[k - 1] += n,
            _ => overview.not_placed += n,
        }
    }
    Ok(overview)
}
