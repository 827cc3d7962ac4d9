//! SKP as the intake stores it: `skp` per person and year, and the yearly scores an SKP file
//! may carry along (`penghargaan`, `penugasan_tim`, `umpan_balik_360`).

use crate::domain::nine_box::Expectation;
use crate::domain::skp::Predikat;
use crate::store::{Conn, StoreError};
use sqlx::Row;

/// How the yearly scores that arrive with an SKP file are described in their tables.
const FROM_SKP_FILE: &str = "Nilai tahunan (berkas SKP)";

/// One person's SKP of one year as a file row gives it, and as the intake compares it with
/// the stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpRow {
    pub nip: String,
    pub pegawai_id: i64,
    pub year: i64,
    pub hasil_kerja: Expectation,
    pub perilaku: Expectation,
    pub penghargaan: Option<f64>,
    pub penugasan_tim: Option<f64>,
    pub umpan_balik_360: Option<f64>,
}

/// The SKP of the instansi's pegawai as stored, each with the yearly scores an SKP file
/// brought for its year.
pub async fn stored(conn: &mut Conn, instansi_id: i64) -> Result<Vec<SkpRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT p.nip, s.pegawai_id, s.year, s.hasil_kerja, s.perilaku, \
         (SELECT h.score FROM penghargaan h WHERE h.pegawai_id = s.pegawai_id \
            AND h.year = s.year AND h.description = $2) AS penghargaan, \
         (SELECT t.score FROM penugasan_tim t WHERE t.pegawai_id = s.pegawai_id \
            AND t.year = s.year AND t.description = $2) AS penugasan_tim, \
         (SELECT u.score FROM umpan_balik_360 u WHERE u.pegawai_id = s.pegawai_id \
            AND u.year = s.year) AS umpan_balik_360 \
         FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE p.instansi_id = $1",
    )
    .bind(instansi_id)
    .bind(FROM_SKP_FILE)
    .fetch_all(conn)
    .await?;
    let mut skp = Vec::with_capacity(rows.len());
    for row in rows {
        let rating = |column: &str| -> Result<Expectation, StoreError> {
            let code: String = row.try_get(column)?;
            Expectation::from_code(&code)
                .ok_or_else(|| StoreError::corrupt(format!("rating {code}")))
        };
        skp.push(SkpRow {
            nip: row.try_get("nip")?,
            pegawai_id: row.try_get("pegawai_id")?,
            year: row.try_get("year")?,
            hasil_kerja: rating("hasil_kerja")?,
            perilaku: rating("perilaku")?,
            penghargaan: row.try_get("penghargaan")?,
            penugasan_tim: row.try_get("penugasan_tim")?,
            umpan_balik_360: row.try_get("umpan_balik_360")?,
        });
    }
    Ok(skp)
}

/// Adds or updates the SKP of `row` with its `predikat`, from line `source_row` of batch
/// `batch_id`.
pub async fn upsert(
    conn: &mut Conn,
    row: &SkpRow,
    predikat: Predikat,
    batch_id: i64,
    source_row: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO skp (pegawai_id, year, hasil_kerja, perilaku, predikat, \
         import_batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (pegawai_id, year) DO UPDATE SET hasil_kerja = excluded.hasil_kerja, \
         perilaku = excluded.perilaku, predikat = excluded.predikat, \
         import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
    )
    .bind(row.pegawai_id)
    .bind(row.year)
    .bind(row.hasil_kerja.code())
    .bind(row.perilaku.code())
    .bind(predikat.code())
    .bind(batch_id)
    .bind(source_row)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds or updates the yearly scores `row` carries (the others stay as stored), from line
/// `source_row` of batch `batch_id`.
pub async fn upsert_yearly_scores(
    conn: &mut Conn,
    row: &SkpRow,
    batch_id: i64,
    source_row: i64,
) -> Result<(), StoreError> {
    for (table, score) in [
        ("penghargaan", row.penghargaan),
        ("penugasan_tim", row.penugasan_tim),
    ] {
        let Some(score) = score else { continue };
        sqlx::query(&format!(
            "INSERT INTO {table} (pegawai_id, year, description, score, import_batch_id, \
             source_row) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (pegawai_id, year, description) DO UPDATE SET \
             score = excluded.score, import_batch_id = excluded.import_batch_id, \
             source_row = excluded.source_row"
        ))
        .bind(row.pegawai_id)
        .bind(row.year)
        .bind(FROM_SKP_FILE)
        .bind(score)
        .bind(batch_id)
        .bind(source_row)
        .execute(&mut *conn)
        .await?;
    }
    if let Some(score) = row.umpan_balik_360 {
        sqlx::query(
            "INSERT INTO umpan_balik_360 (pegawai_id, year, score, import_batch_id, \
             source_row) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pegawai_id, year) \
             DO UPDATE SET score = excluded.score, \
             import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
        )
        .bind(row.pegawai_id)
        .bind(row.year)
        .bind(score)
        .bind(batch_id)
        .bind(source_row)
        .execute(conn)
        .await?;
    }
    Ok(())
}
