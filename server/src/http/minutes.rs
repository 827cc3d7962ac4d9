//! `/talenta/kalibrasi/{id}/berita-acara.pdf`: the minutes of a closed calibration session,
//! for those who read the whole instansi (the komite and BKPSDM). `?instansi=slug` chooses
//! the instansi for someone whose roles span several.

use crate::state::AppState;
use app::auth::guard::Gate;
use app::domain::access::Action;
use app::error::AppError;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Params {
    instansi: Option<String>,
}

pub async fn calibration_minutes(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Response {
    let gate = Gate::new(
        state.pool.clone(),
        state.throttle.clone(),
        state.trust_proxy,
    );
    match render(&gate, &headers, id, params.instansi.as_deref()).await {
        Ok(pdf) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"berita-acara-kalibrasi-{id}.pdf\""),
                ),
            ],
            pdf,
        )
            .into_response(),
        Err(AppError::Unauthenticated) => {
            let back = format!("/talenta/kalibrasi/{id}/berita-acara.pdf");
            Redirect::to(&format!(
                "/masuk?kembali={}",
                app::format::url_component(&back)
            ))
            .into_response()
        }
        Err(error) => (error.status(), error.to_string()).into_response(),
    }
}

async fn render(
    gate: &Gate,
    headers: &HeaderMap,
    id: i64,
    instansi: Option<&str>,
) -> Result<Vec<u8>, AppError> {
    let viewer = gate.viewer_of(headers).await?;
    let scope = viewer.instansi(Action::ReadAudit, instansi).await?;
    Ok(app::services::calibration::minutes(&scope, id).await?)
}
