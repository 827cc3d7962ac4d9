//! The `placement` table as scoring writes it: immutable snapshots, the latest of each person
//! and period in force (`placement_in_force`), each known by a fingerprint of its content.

use super::sql::{insert_rows, SqlValue};
use super::{Conn, StoreError};
use crate::domain::placement_note::{Stored, Unplaced};
use sqlx::Row;
use std::collections::HashMap;

/// A snapshot to store: one person's placement for one period.
pub struct NewPlacement<'a> {
    pub pegawai_id: i64,
    pub period: i32,
    /// `placed`, `incomplete`, `excluded` or `invalid`.
    pub status: &'a str,
    pub kinerja: Option<f64>,
    pub potensial: Option<f64>,
    pub kinerja_category: Option<&'a str>,
    pub potential_category: Option<&'a str>,
    pub kotak: Option<u8>,
    /// The kotak's recommendations, comma-separated.
    pub recommendations: Option<String>,
    /// Why the person is not placed, as JSON (an [`Unplaced`]).
    pub reason: Option<&'a str>,
    pub unit_kerja_id: Option<i64>,
    pub jabatan_id: Option<i64>,
    pub golongan: &'a str,
    /// The components as JSON.
    pub components: &'a str,
    pub fingerprint: &'a str,
}

const PLACEMENT_COLUMNS: [&str; 18] = [
    "instansi_id",
    "pegawai_id",
    "period",
    "parameter_set_id",
    "status",
    "kinerja",
    "potensial",
    "kinerja_category",
    "potential_category",
    "kotak",
    "recommendations",
    "reason",
    "unit_kerja_id",
    "jabatan_id",
    "golongan",
    "components",
    "fingerprint",
    "computed_at",
];

fn placement_row(
    instansi_id: i64,
    parameter_set_id: i64,
    computed_at: &str,
    p: &NewPlacement<'_>,
) -> Vec<SqlValue> {
    vec![
        instansi_id.into(),
        p.pegawai_id.into(),
        i64::from(p.period).into(),
        parameter_set_id.into(),
        p.status.into(),
        p.kinerja.into(),
        p.potensial.into(),
        p.kinerja_category.map(str::to_owned).into(),
        p.potential_category.map(str::to_owned).into(),
        p.kotak.map(i64::from).into(),
        p.recommendations.clone().into(),
        p.reason.map(str::to_owned).into(),
        p.unit_kerja_id.into(),
        p.jabatan_id.into(),
        p.golongan.into(),
        p.components.into(),
        p.fingerprint.into(),
        computed_at.into(),
    ]
}

/// Writes new snapshots of the instansi's people, computed at `computed_at` under parameter
/// version `parameter_set_id`; each becomes the one in force for its person and period.
pub async fn insert_placements(
    conn: &mut Conn,
    instansi_id: i64,
    parameter_set_id: i64,
    computed_at: &str,
    placements: &[NewPlacement<'_>],
) -> Result<(), StoreError> {
    let rows: Vec<Vec<SqlValue>> = placements
        .iter()
        .map(|p| placement_row(instansi_id, parameter_set_id, computed_at, p))
        .collect();
    insert_rows(conn, "placement", &PLACEMENT_COLUMNS, &rows, "").await?;
    Ok(())
}

/// The fingerprint of the snapshot in force of each person of the instansi placed for
/// `period`, by pegawai id.
pub async fn fingerprints_in_force(
    conn: &mut Conn,
    instansi_id: i64,
    period: i32,
) -> Result<HashMap<i64, String>, StoreError> {
    let rows = sqlx::query(
        "SELECT pegawai_id, fingerprint FROM placement_in_force \
         WHERE instansi_id = $1 AND period = $2",
    )
    .bind(instansi_id)
    .bind(i64::from(period))
    .fetch_all(conn)
    .await?;
    let mut fingerprints: HashMap<i64, String> = HashMap::with_capacity(rows.len());
    for row in rows {
        fingerprints.insert(row.try_get("pegawai_id")?, row.try_get("fingerprint")?);
    }
    Ok(fingerprints)
}

/// Reads a placement's `reason` column: an [`Unplaced`] as JSON, or the text of a row stored
/// before reasons were kept as values.
pub fn decode_reason(stored: String) -> Stored<Unplaced> {
    match serde_json::from_str(&stored) {
        Ok(reason) => Stored::Value(reason),
        Err(_) => Stored::Text(stored),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::Component;

    #[test]
    fn a_stored_reason_reads_back_and_an_older_text_stays_text() {
        let reason = Unplaced::Incomplete(vec![Component::Pendidikan]);
        let json = serde_json::to_string(&reason).expect("json");
        assert_eq!(decode_reason(json), Stored::Value(reason));
        let older = "Data belum lengkap: Pendidikan".to_owned();
        assert_eq!(decode_reason(older.clone()), Stored::Text(older));
    }
}
