//! The public talent picture's aggregates over `instansi`, `pegawai p`,
//! `placement_calibrated f` and `riwayat_pelatihan`: counts of pegawai per period, unit, kotak
//! and JP target reached, never a person's row.

use super::filter::kotak;
use super::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;

/// The instansi of a public picture: its id, name and province.
pub(crate) struct PictureInstansi {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) province: String,
}

/// The instansi `slug`, if there is one.
pub(crate) async fn instansi(
    conn: &mut Conn,
    slug: &str,
) -> Result<Option<PictureInstansi>, StoreError> {
    let Some(row) = sqlx::query("SELECT id, name, province FROM instansi WHERE slug = $1")
        .bind(slug)
        .fetch_optional(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(PictureInstansi {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        province: row.try_get("province")?,
    }))
}

/// How many pegawai of one unit sit in one kotak (not mapped: `None`) and reached the JP
/// target or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnitCount {
    /// Their unit; `None` for pegawai without one.
    pub(crate) unit: Option<i64>,
    pub(crate) kotak: Option<u8>,
    pub(crate) reached: bool,
    pub(crate) pegawai: u64,
}

/// The instansi's pegawai per unit, by kotak in `period` and by whether their JP in the
/// period's year reached `target`.
pub(crate) async fn per_unit(
    conn: &mut Conn,
    instansi_id: i64,
    period: i32,
    target: f64,
) -> Result<Vec<UnitCount>, StoreError> {
    let rows = sqlx::query(
        "SELECT p.unit_kerja_id AS unit, f.final_kotak AS kotak, t.reached, COUNT(*) AS n \
         FROM pegawai p \
         LEFT JOIN placement_calibrated f ON f.pegawai_id = p.id AND f.period = $1 \
         LEFT JOIN (SELECT pegawai_id, CAST(CASE WHEN SUM(jp) >= $2 THEN 1 ELSE 0 END AS BIGINT) \
                    AS reached FROM riwayat_pelatihan WHERE year = $3 GROUP BY pegawai_id) t \
           ON t.pegawai_id = p.id \
         WHERE p.instansi_id = $4 GROUP BY p.unit_kerja_id, f.final_kotak, t.reached",
    )
    .bind(i64::from(period))
    .bind(target)
    .bind(i64::from(period))
    .bind(instansi_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(UnitCount {
                unit: row.try_get("unit")?,
                kotak: kotak(row, "kotak")?,
                reached: row.try_get::<Option<i64>, _>("reached")? == Some(1),
                pegawai: count(row)?,
            })
        })
        .collect()
}

/// The row's count `n`.
fn count(row: &AnyRow) -> Result<u64, StoreError> {
    u64::try_from(row.try_get::<i64, _>("n")?).map_err(|_| StoreError::corrupt("negative count"))
}
