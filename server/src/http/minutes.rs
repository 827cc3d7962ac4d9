//! `/talenta/kalibrasi/{id}/berita-acara.pdf`: the minutes of a closed calibration session,
//! for those who read the whole instansi (the komite and BKPSDM). `?instansi=slug` chooses
//! the instansi for someone whose roles span several.

use super::file::{gate, respond, Attachment};
use crate::state::AppState;
use app::auth::guard::Gate;
use app::domain::access::Action;
use app::error::AppError;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
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
    let file = render(&gate(&state), &headers, id, params.instansi.as_deref()).await;
    respond(file, &format!("/talenta/kalibrasi/{id}/berita-acara.pdf"))
}

async fn render(
    gate: &Gate,
    headers: &HeaderMap,
    id: i64,
    instansi: Option<&str>,
) -> Result<Attachment, AppError> {
    let viewer = gate.viewer_of(headers).await?;
    let scope = viewer.instansi(Action::ReadAudit, instansi).await?;
    Ok(Attachment {
        bytes: app::services::calibration::minutes(&scope, id).await?,
        content_type: "application/pdf",
        file_name: format!("berita-acara-kalibrasi-{id}.pdf"),
    })
}
