//! Assessment results as the intake stores them: `asesmen` (the date, provider, JPM, potential
//! score and the eight potential dimensions) and its `asesmen_kompetensi` levels.

use crate::domain::calendar::Date;
use crate::domain::kompetensi::{DimensiPotensi, Kompetensi};
use crate::store::sql::placeholders;
use crate::store::{Conn, StoreError};
use sqlx::Row;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A competency level as attained, with the level the post required when the JPM was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    pub kompetensi: Kompetensi,
    pub level: u8,
    pub required: Option<u8>,
}

/// One assessment as a file row gives it, and as the intake compares it with the stored.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRow {
    pub nip: String,
    pub pegawai_id: i64,
    pub date: Date,
    pub valid_until: Date,
    pub provider: String,
    pub jabatan_id: Option<i64>,
    pub jpm: f64,
    pub potential: f64,
    /// In the order of [`DimensiPotensi::ALL`].
    pub dimensions: [f64; 8],
    pub levels: Vec<Level>,
}

/// The `asesmen` columns of the potential dimensions, in the order of [`DimensiPotensi::ALL`].
fn dimension_columns() -> Vec<&'static str> {
    DimensiPotensi::ALL.iter().map(|d| d.code()).collect()
}

/// The assessments of the instansi's pegawai as stored, each with its levels by competency.
pub async fn stored(conn: &mut Conn, instansi_id: i64) -> Result<Vec<AssessmentRow>, StoreError> {
    let mut levels: HashMap<i64, Vec<Level>> = HashMap::new();
    for row in sqlx::query(
        "SELECT k.asesmen_id, k.kompetensi, k.level, k.required_level FROM asesmen_kompetensi k \
         JOIN asesmen a ON a.id = k.asesmen_id JOIN pegawai p ON p.id = a.pegawai_id \
         WHERE p.instansi_id = $1",
    )
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?
    {
        let code: String = row.try_get("kompetensi")?;
        let level: i64 = row.try_get("level")?;
        let required: Option<i64> = row.try_get("required_level")?;
        if let Some(kompetensi) = Kompetensi::from_code(&code) {
            levels
                .entry(row.try_get("asesmen_id")?)
                .or_default()
                .push(Level {
                    kompetensi,
                    level: u8::try_from(level).unwrap_or_default(),
                    required: required.and_then(|r| u8::try_from(r).ok()),
                });
        }
    }
    let dimension_columns = dimension_columns();
    let rows = sqlx::query(&format!(
        "SELECT a.id, p.nip, a.pegawai_id, a.assessed_on, a.valid_until, a.provider, \
         a.jabatan_id, a.jpm, a.potential, {} FROM asesmen a \
         JOIN pegawai p ON p.id = a.pegawai_id WHERE p.instansi_id = $1",
        dimension_columns.join(", ")
    ))
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut assessments = Vec::with_capacity(rows.len());
    for row in rows {
        let date = |column: &str| -> Result<Date, StoreError> {
            let text: String = row.try_get(column)?;
            Date::parse(&text).ok_or_else(|| StoreError::corrupt(format!("tanggal {text}")))
        };
        let mut dimensions = [0.0; 8];
        for (slot, column) in dimensions.iter_mut().zip(&dimension_columns) {
            *slot = row.try_get(*column)?;
        }
        let id: i64 = row.try_get("id")?;
        let mut stored_levels = levels.remove(&id).unwrap_or_default();
        stored_levels.sort_by_key(|l| l.kompetensi);
        assessments.push(AssessmentRow {
            nip: row.try_get("nip")?,
            pegawai_id: row.try_get("pegawai_id")?,
            date: date("assessed_on")?,
            valid_until: date("valid_until")?,
            provider: row.try_get("provider")?,
            jabatan_id: row.try_get("jabatan_id")?,
            jpm: row.try_get("jpm")?,
            potential: row.try_get("potential")?,
            dimensions,
            levels: stored_levels,
        });
    }
    Ok(assessments)
}

/// The statement that adds an assessment, or updates the stored one of the same person and
/// date.
static UPSERT: LazyLock<String> = LazyLock::new(|| {
    let dimension_columns = dimension_columns();
    format!(
        "INSERT INTO asesmen (pegawai_id, assessed_on, valid_until, provider, jabatan_id, jpm, \
         potential, {columns}, import_batch_id, source_row) VALUES ({values}) \
         ON CONFLICT (pegawai_id, assessed_on) DO UPDATE SET valid_until = excluded.valid_until, \
         provider = excluded.provider, jabatan_id = excluded.jabatan_id, jpm = excluded.jpm, \
         potential = excluded.potential, {updates}, import_batch_id = excluded.import_batch_id, \
         source_row = excluded.source_row RETURNING id",
        columns = dimension_columns.join(", "),
        values = placeholders(1, 7 + 8 + 2),
        updates = dimension_columns
            .iter()
            .map(|c| format!("{c} = excluded.{c}"))
            .collect::<Vec<_>>()
            .join(", "),
    )
});

/// Adds the assessment of `row`, or updates the stored one of the same person and date, from
/// line `source_row` of batch `batch_id`. Returns its id.
pub async fn upsert(
    conn: &mut Conn,
    row: &AssessmentRow,
    batch_id: i64,
    source_row: i64,
) -> Result<i64, StoreError> {
    let mut query = sqlx::query_scalar::<_, i64>(UPSERT.as_str())
        .bind(row.pegawai_id)
        .bind(row.date.to_string())
        .bind(row.valid_until.to_string())
        .bind(&row.provider)
        .bind(row.jabatan_id)
        .bind(row.jpm)
        .bind(row.potential);
    for value in row.dimensions {
        query = query.bind(value);
    }
    let query = query.bind(batch_id).bind(source_row);
    Ok(query.fetch_one(conn).await?)
}

/// Removes the competency levels of an assessment.
pub async fn clear_levels(conn: &mut Conn, asesmen_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM asesmen_kompetensi WHERE asesmen_id = $1")
        .bind(asesmen_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Adds competency levels to an assessment (nothing when `levels` is empty).
pub async fn insert_levels(
    conn: &mut Conn,
    asesmen_id: i64,
    levels: &[Level],
) -> Result<(), StoreError> {
    if levels.is_empty() {
        return Ok(());
    }
    let tuples: Vec<String> = (0..levels.len())
        .map(|i| format!("({})", placeholders(i * 4 + 1, 4)))
        .collect();
    let sql = format!(
        "INSERT INTO asesmen_kompetensi (asesmen_id, kompetensi, level, required_level) \
         VALUES {}",
        tuples.join(", ")
    );
    let mut insert = sqlx::query(&sql);
    for level in levels {
        insert = insert
            .bind(asesmen_id)
            .bind(level.kompetensi.code())
            .bind(i64::from(level.level))
            .bind(level.required.map(i64::from));
    }
    insert.execute(conn).await?;
    Ok(())
}
