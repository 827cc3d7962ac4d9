//! Training as the intake stores it: `riwayat_pelatihan`, one line per person, course and
//! start date, with its JP.

use crate::domain::calendar::Date;
use crate::store::{Conn, StoreError};
use sqlx::Row;

/// One training of one person as a file row gives it, and as the intake compares it with the
/// stored.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRow {
    pub nip: String,
    pub pegawai_id: i64,
    pub name: String,
    pub organiser: Option<String>,
    pub start: Date,
    pub jp: f64,
}

/// The training of the instansi's pegawai as stored.
pub async fn stored(conn: &mut Conn, instansi_id: i64) -> Result<Vec<TrainingRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT p.nip, t.pegawai_id, t.name, t.organiser, t.start_date, t.jp \
         FROM riwayat_pelatihan t JOIN pegawai p ON p.id = t.pegawai_id \
         WHERE p.instansi_id = $1",
    )
    .bind(instansi_id)
    .fetch_all(conn)
    .await?;
    let mut training = Vec::with_capacity(rows.len());
    for row in rows {
        let start: String = row.try_get("start_date")?;
        training.push(TrainingRow {
            nip: row.try_get("nip")?,
            pegawai_id: row.try_get("pegawai_id")?,
            name: row.try_get("name")?,
            organiser: row.try_get("organiser")?,
            start: Date::parse(&start)
                .ok_or_else(|| StoreError::corrupt(format!("tanggal {start}")))?,
            jp: row.try_get("jp")?,
        });
    }
    Ok(training)
}

/// Adds the training of `row`, or updates the stored one of the same person, name and start,
/// from line `source_row` of batch `batch_id`.
pub async fn upsert(
    conn: &mut Conn,
    row: &TrainingRow,
    batch_id: i64,
    source_row: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_pelatihan (pegawai_id, name, organiser, start_date, year, jp, \
         import_batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (pegawai_id, name, start_date) DO UPDATE SET \
         organiser = excluded.organiser, jp = excluded.jp, \
         import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
    )
    .bind(row.pegawai_id)
    .bind(&row.name)
    .bind(&row.organiser)
    .bind(row.start.to_string())
    .bind(i64::from(row.start.year()))
    .bind(row.jp)
    .bind(batch_id)
    .bind(source_row)
    .execute(conn)
    .await?;
    Ok(())
}
