//! The people of a period the 9-box does not hold (`placement_calibrated f` without a kotak
//! that counts), under the talent office's filters: their stored reasons, then the details
//! of one page of them.

use super::filter::Condition;
use super::sql::placeholders;
use super::StoreError;
use crate::auth::guard::InstansiScope;
use sqlx::Row;

/// An unplaced person's id and stored reason (`placement.reason`).
pub(crate) struct Reason {
    pub(crate) pegawai_id: i64,
    pub(crate) reason: Option<String>,
}

/// Who `c` selects without a kotak, with their reasons, by name.
pub(crate) async fn reasons(
    scope: &InstansiScope<'_>,
    c: &Condition,
) -> Result<Vec<Reason>, StoreError> {
    let sql = format!(
        "SELECT f.pegawai_id, f.reason FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id LEFT JOIN jabatan j ON j.id = f.jabatan_id \
         WHERE f.instansi_id = $1{} AND f.final_kotak IS NULL ORDER BY p.name, p.nip",
        c.sql
    );
    let rows = c.bind(scope.query(&sql)).fetch_all(scope.pool()).await?;
    let reasons = rows
        .iter()
        .map(|row| {
            Ok(Reason {
                pegawai_id: row.try_get("pegawai_id")?,
                reason: row.try_get("reason")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(reasons)
}

/// What a list shows of a person: NIP, name, unit and golongan in the period.
pub(crate) struct Shown {
    pub(crate) pegawai_id: i64,
    pub(crate) nip: String,
    pub(crate) name: String,
    pub(crate) unit: Option<String>,
    pub(crate) golongan: String,
}

/// The people `ids` of the instansi in `period`.
pub(crate) async fn shown(
    scope: &InstansiScope<'_>,
    period: i32,
    ids: &[i64],
) -> Result<Vec<Shown>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = placeholders(3, ids.len());
    let sql = format!(
        "SELECT p.id, p.nip, p.name, u.name AS unit, f.golongan FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id LEFT JOIN unit_kerja u ON u.id = f.unit_kerja_id \
         WHERE f.instansi_id = $1 AND f.period = $2 AND p.id IN ({list})"
    );
    let query = ids.iter().fold(
        sqlx::query(&sql)
            .bind(scope.instansi_id())
            .bind(i64::from(period)),
        |q, id| q.bind(*id),
    );
    let rows = query.fetch_all(scope.pool()).await?;
    let people = rows
        .iter()
        .map(|row| {
            Ok(Shown {
                pegawai_id: row.try_get("id")?,
                nip: row.try_get("nip")?,
                name: row.try_get("name")?,
                unit: row.try_get("unit")?,
                golongan: row.try_get("golongan")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(people)
}
