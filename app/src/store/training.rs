//! The `riwayat_pelatihan` table as the ASN's own pages read it: a year's trainings and the
//! JP of earlier years (the 20 JP), the names a post's required training is matched in, and
//! how many are on record.

use super::idp::small;
use super::{Conn, StoreError};
use crate::api::self_service::TrainingLine;
use sqlx::Row;

/// The person's trainings of `year`, by start date and name.
pub async fn of_year(
    conn: &mut Conn,
    pegawai_id: i64,
    year: i32,
) -> Result<Vec<TrainingLine>, StoreError> {
    sqlx::query(
        "SELECT name, organiser, start_date, jp FROM riwayat_pelatihan \
         WHERE pegawai_id = $1 AND year = $2 ORDER BY start_date, name",
    )
    .bind(pegawai_id)
    .bind(i64::from(year))
    .fetch_all(conn)
    .await?
    .iter()
    .map(|row| {
        Ok(TrainingLine {
            name: row.try_get("name")?,
            organiser: row.try_get("organiser")?,
            start: row.try_get("start_date")?,
            jp: row.try_get("jp")?,
        })
    })
    .collect()
}

/// The person's JP per year before `year`, newest first.
pub async fn jp_before(
    conn: &mut Conn,
    pegawai_id: i64,
    year: i32,
) -> Result<Vec<(i32, f64)>, StoreError> {
    sqlx::query(
        "SELECT year, SUM(jp) AS jp FROM riwayat_pelatihan WHERE pegawai_id = $1 AND year < $2 \
         GROUP BY year ORDER BY year DESC",
    )
    .bind(pegawai_id)
    .bind(i64::from(year))
    .fetch_all(conn)
    .await?
    .iter()
    .map(|row| Ok((small(row.try_get("year")?)?, row.try_get("jp")?)))
    .collect()
}

/// The names of every training on the person's record.
pub async fn names(conn: &mut Conn, pegawai_id: i64) -> Result<Vec<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT name FROM riwayat_pelatihan WHERE pegawai_id = $1")
            .bind(pegawai_id)
            .fetch_all(conn)
            .await?,
    )
}

/// How many trainings are on the person's record.
pub async fn count(conn: &mut Conn, pegawai_id: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM riwayat_pelatihan WHERE pegawai_id = $1")
            .bind(pegawai_id)
            .fetch_one(conn)
            .await?,
    )
}
