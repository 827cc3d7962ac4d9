//! The 20 JP (domain.md §5): a person's competency development hours this year against the
//! target of their instansi's parameter version, and the totals of earlier years.

use super::{jp_target, small, SelfServiceError};
use crate::api::self_service::{TrainingLine, TrainingProgress};
use crate::auth::guard::PersonScope;
use sqlx::Row;

pub async fn progress(
    scope: &PersonScope<'_>,
    year: i32,
) -> Result<TrainingProgress, SelfServiceError> {
    let pool = scope.pool();
    let mut conn = pool.acquire().await?;
    let target = jp_target(&mut conn, scope.instansi_id()).await?;
    let trainings = sqlx::query(
        "SELECT name, organiser, start_date, jp FROM riwayat_pelatihan \
         WHERE pegawai_id = $1 AND year = $2 ORDER BY start_date, name",
    )
    .bind(scope.pegawai_id())
    .bind(i64::from(year))
    .fetch_all(&mut *conn)
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
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let earlier = sqlx::query(
        "SELECT year, SUM(jp) AS jp FROM riwayat_pelatihan WHERE pegawai_id = $1 AND year < $2 \
         GROUP BY year ORDER BY year DESC",
    )
    .bind(scope.pegawai_id())
    .bind(i64::from(year))
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| Ok((small(row.try_get("year")?)?, row.try_get("jp")?)))
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(TrainingProgress {
        year,
        target,
        attained: trainings.iter().map(|t| t.jp).sum(),
        trainings,
        earlier,
    })
}
