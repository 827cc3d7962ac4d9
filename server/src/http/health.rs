//! `/healthz`: 200 when the database answers, 503 when it does not.

use axum::extract::State;
use axum::http::StatusCode;
use sqlx::AnyPool;
use std::time::Duration;

pub async fn healthz(State(pool): State<AnyPool>) -> (StatusCode, &'static str) {
    let probe = sqlx::query_scalar::<_, i32>("SELECT 1").fetch_one(&pool);
    match tokio::time::timeout(Duration::from_secs(2), probe).await {
        Ok(Ok(_)) => (StatusCode::OK, "ok"),
        Ok(Err(error)) => {
            tracing::warn!(%error, "health check: database error");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "basis data tidak dapat dihubungi",
            )
        }
        Err(_) => {
            tracing::warn!("health check: database timed out");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "basis data tidak dapat dihubungi",
            )
        }
    }
}
