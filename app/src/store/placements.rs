//! Placements in force (`placement_calibrated`: computed, then calibrated) as the ASN's own
//! pages read them: the history "kotak saya" explains, with the parameter version and
//! components of the latest, and the kotak in force the career path and a new IDP start from.

use super::people::placement_view;
use super::{Conn, Pool, StoreError};
use crate::api::talent::PlacementView;
use crate::domain::nine_box::Kotak;
use sqlx::Row;

/// The instansi's newest period up to `latest` that has been scored or has had a calibration
/// session opened, if any.
pub async fn newest_period(
    conn: &mut Conn,
    instansi_id: i64,
    latest: i32,
) -> Result<Option<i32>, StoreError> {
    let newest: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(period) FROM ( \
         SELECT period FROM placement WHERE instansi_id = $1 AND period <= $2 \
         UNION ALL SELECT period FROM sesi_kalibrasi WHERE instansi_id = $1 AND period <= $2) \
         AS periods",
    )
    .bind(instansi_id)
    .bind(i64::from(latest))
    .fetch_one(conn)
    .await?;
    Ok(newest.and_then(|p| i32::try_from(p).ok()))
}

/// The NIP and name of the pegawai whose placements are explained.
pub async fn nip_and_name(pool: &Pool, pegawai_id: i64) -> Result<(String, String), StoreError> {
    let person = sqlx::query("SELECT nip, name FROM pegawai WHERE id = $1")
        .bind(pegawai_id)
        .fetch_one(pool)
        .await?;
    Ok((person.try_get("nip")?, person.try_get("name")?))
}

/// What the latest placement was computed from, as stored.
pub struct LatestBasis {
    /// The parameter version's name and number.
    pub rules_name: String,
    pub version: i64,
    /// The parameter set, as JSON.
    pub rules: String,
    /// The scored components, as JSON (`services::scoring::decode_components` reads them).
    pub components: String,
    pub computed_at: String,
}

/// A person's placements in force and the basis of the latest.
pub struct ExplainedHistory {
    /// Every period, newest first.
    pub history: Vec<PlacementView>,
    /// `None` when the person was never placed.
    pub latest: Option<LatestBasis>,
}

/// The person's placements in force, newest period first, with the basis of the latest.
pub async fn explained_history(
    pool: &Pool,
    pegawai_id: i64,
) -> Result<ExplainedHistory, StoreError> {
    let rows = sqlx::query(
        "SELECT f.period, f.status, f.kotak, f.kinerja, f.potensial, f.reason, f.components, \
         f.calibrated_kotak, f.calibration_reason, f.computed_at, ps.name AS rules_name, \
         ps.version, ps.rules FROM placement_calibrated f \
         JOIN parameter_set ps ON ps.id = f.parameter_set_id \
         WHERE f.pegawai_id = $1 ORDER BY f.period DESC",
    )
    .bind(pegawai_id)
    .fetch_all(pool)
    .await?;
    let history = rows
        .iter()
        .map(placement_view)
        .collect::<Result<Vec<_>, _>>()?;
    let latest = match rows.first() {
        None => None,
        Some(row) => Some(LatestBasis {
            rules_name: row.try_get("rules_name")?,
            version: row.try_get("version")?,
            rules: row.try_get("rules")?,
            components: row.try_get("components")?,
            computed_at: row.try_get("computed_at")?,
        }),
    };
    Ok(ExplainedHistory { history, latest })
}

/// The kotak in force (calibrated, else computed) of the person's latest period, if placed.
pub async fn latest_kotak(conn: &mut Conn, pegawai_id: i64) -> Result<Option<Kotak>, StoreError> {
    let kotak: Option<i64> = sqlx::query_scalar(
        "SELECT final_kotak FROM placement_calibrated WHERE pegawai_id = $1 \
         ORDER BY period DESC LIMIT 1",
    )
    .bind(pegawai_id)
    .fetch_optional(conn)
    .await?
    .flatten();
    Ok(kotak
        .and_then(|k| u8::try_from(k).ok())
        .and_then(Kotak::from_number))
}
