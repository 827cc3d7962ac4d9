//! `POST /talenta/impor/unggah?instansi=…&jenis=…&mode=uji|simpan`: a roster, assessment,
//! SKP or training file (the request body, its name in `X-Nama-Berkas`) checked (`uji`, a dry
//! run) or imported (`simpan`, all or nothing), for BKPSDM of the whole instansi. Answers the
//! import report as JSON, or the reason in the reader's language.

use super::file::gate;
use crate::state::AppState;
use app::api::intake::{ImportKind, ImportReport};
use app::domain::access::Action;
use app::error::AppError;
use app::i18n::Lang;
use app::services::intake::{import, ImportRequest, IntakeError, Mode, Silent};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

/// The largest file accepted: a roster of tens of thousands of pegawai as CSV or XLSX.
pub const IMPORT_LIMIT_BYTES: usize = 16 * 1024 * 1024;

/// The header carrying the file's name, percent-encoded.
pub const FILE_NAME_HEADER: &str = "x-nama-berkas";

#[derive(Debug, Deserialize)]
pub struct Params {
    instansi: Option<String>,
    jenis: String,
    mode: String,
}

pub async fn office_import(
    State(state): State<AppState>,
    Query(params): Query<Params>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let lang = Lang::from_headers(&headers);
    match run(&state, &params, &headers, &body, lang).await {
        Ok(report) => Json(report).into_response(),
        Err(error) => (error.status(), error.message(lang)).into_response(),
    }
}

async fn run(
    state: &AppState,
    params: &Params,
    headers: &HeaderMap,
    body: &[u8],
    lang: Lang,
) -> Result<ImportReport, AppError> {
    let viewer = gate(state).viewer_of(headers).await?;
    let scope = viewer
        .instansi(Action::ImportRecords, params.instansi.as_deref())
        .await?;
    let kind = ImportKind::from_code(&params.jenis).ok_or_else(|| {
        AppError::bad_request_in(
            lang,
            "Pilih jenis berkas yang diimpor.",
            "Choose the kind of file to import.",
        )
    })?;
    let mode = match params.mode.as_str() {
        "uji" => Mode::DryRun,
        "simpan" => Mode::Commit,
        _ => {
            return Err(AppError::bad_request_in(
                lang,
                "Pilih uji coba atau simpan.",
                "Choose a trial run or save.",
            ))
        }
    };
    let file_name = headers
        .get(FILE_NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            percent_decode(v)
                .chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect::<String>()
        })
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "unggahan".to_owned());
    import(
        &scope,
        ImportRequest {
            kind,
            file_name: &file_name,
            bytes: body,
            limits: state.sheet_limits,
            mode,
        },
        &Silent,
    )
    .await
    .map_err(|error| match error {
        IntakeError::Database(e) => e.into(),
        other => AppError::bad_request_in(
            lang,
            format!("Berkas tidak dapat diimpor: {other}."),
            format!("The file cannot be imported: {}.", other.english()),
        ),
    })
}

fn percent_decode(text: &str) -> String {
    form_urlencoded::parse(format!("n={text}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}
