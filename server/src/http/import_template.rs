//! `/talenta/impor/templat/{file}`: the template of each kind of import
//! (`templat-roster.xlsx`, `templat-skp.csv`, ...), for whoever prepares a file. A template
//! holds column names, instructions and an example row, nothing of any instansi, so it needs
//! no sign-in; the XLSX's instructions are in the reader's language.

use app::api::intake::ImportKind;
use app::error::AppError;
use app::i18n::Lang;
use app::services::intake::template::template;
use axum::extract::Path;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

pub async fn import_template(Path(file): Path<String>, headers: HeaderMap) -> Response {
    let lang = Lang::from_headers(&headers);
    let Some((kind, format)) = ImportKind::of_template_file(&file) else {
        return (
            AppError::NotFound.status(),
            AppError::NotFound.message(lang),
        )
            .into_response();
    };
    match template(kind, format, lang) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, format.content_type().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file}\""),
                ),
                (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
                (header::VARY, "Cookie".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "import template not written");
            (
                AppError::Internal.status(),
                AppError::Internal.message(lang),
            )
                .into_response()
        }
    }
}
