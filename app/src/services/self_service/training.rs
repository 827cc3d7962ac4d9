//! The 20 JP (domain.md §5): a person's competency development hours this year against the
//! target of their instansi's parameter version, and the totals of earlier years.

use super::{jp_target, SelfServiceError};
use crate::api::self_service::TrainingProgress;
use crate::auth::guard::PersonScope;
use crate::store::{self, training};

pub async fn progress(
    scope: &PersonScope<'_>,
    year: i32,
) -> Result<TrainingProgress, SelfServiceError> {
    let pool = scope.pool();
    let mut conn = store::acquire(pool).await?;
    let target = jp_target(&mut conn, scope.instansi_id()).await?;
    let trainings = training::of_year(&mut conn, scope.pegawai_id(), year).await?;
    let earlier = training::jp_before(&mut conn, scope.pegawai_id(), year).await?;
    Ok(TrainingProgress {
        year,
        target,
        attained: trainings.iter().map(|t| t.jp).sum(),
        trainings,
        earlier,
    })
}
