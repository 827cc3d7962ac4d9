//! `/talenta/unduh/{berkas}`: the talent office's lists as CSV or XLSX (`peta`, `pegawai`,
//! `krs`, `suksesi`, each `.csv` or `.xlsx`), with the same URL parameters as their pages,
//! for those who may view the instansi (only the units in their scope).

use super::file::{gate, respond, Attachment};
use crate::state::AppState;
use app::auth::guard::Gate;
use app::domain::access::Action;
use app::error::AppError;
use app::export::Format;
use app::services::downloads::{sheet, Dataset};
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

pub async fn office_download(
    State(state): State<AppState>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = query.unwrap_or_default();
    let params: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let attachment = render(&gate(&state), &headers, &file, &params).await;
    respond(attachment, &format!("/talenta/unduh/{file}?{query}"))
}

async fn render(
    gate: &Gate,
    headers: &HeaderMap,
    file: &str,
    params: &[(String, String)],
) -> Result<Attachment, AppError> {
    let (dataset, format) = Format::of_file(file)
        .and_then(|(base, format)| Dataset::from_name(base).map(|d| (d, format)))
        .ok_or(AppError::NotFound)?;
    let get = |key: &str| {
        params
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
    };
    let viewer = gate.viewer_of(headers).await?;
    let scope = viewer
        .instansi(Action::ViewInstansi, get("instansi").as_deref())
        .await?;
    let sheet = sheet(&scope, dataset, get, app::services::clock::today()).await?;
    let bytes = sheet.render(format).map_err(|error| {
        tracing::error!(%error, "download failed");
        AppError::Internal
    })?;
    Ok(Attachment {
        bytes,
        content_type: format.content_type(),
        file_name: file.to_owned(),
    })
}
