//! The guard as server functions use it: each runs its work with the signed-in viewer, or
//! with a scope resolved from them, and any refusal sets the response's status.

use super::guard::{gate, InstansiScope, OwnScope, Viewer};
use crate::domain::access::Action;
use crate::error::AppError;

/// Runs `work` with the signed-in viewer.
pub async fn as_viewer<T, F>(work: F) -> Result<T, AppError>
where
    F: AsyncFnOnce(&Viewer) -> Result<T, AppError>,
{
    async {
        let viewer = gate()?.viewer().await?;
        work(&viewer).await
    }
    .await
    .map_err(AppError::respond)
}

/// Runs `work` with the viewer's scope in `instansi` (their own when `None`) for `action`.
pub async fn in_instansi<T, F>(
    action: Action,
    instansi: Option<String>,
    work: F,
) -> Result<T, AppError>
where
    F: AsyncFnOnce(&InstansiScope<'_>) -> Result<T, AppError>,
{
    as_viewer(async |viewer| {
        let scope = viewer.instansi(action, instansi.as_deref()).await?;
        work(&scope).await
    })
    .await
}

/// Runs `work` with the viewer's own record.
pub async fn as_myself<T, F>(work: F) -> Result<T, AppError>
where
    F: AsyncFnOnce(&OwnScope<'_>) -> Result<T, AppError>,
{
    as_viewer(async |viewer| {
        let own = viewer.own_person().await?;
        work(&own).await
    })
    .await
}
