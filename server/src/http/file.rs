//! How the talent office's files leave the server: an attachment when the viewer may have it,
//! the sign-in page (coming back here) when nobody is signed in, the error's status otherwise.

use crate::state::AppState;
use app::auth::guard::Gate;
use app::error::AppError;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

/// A file to send: its bytes, content type and the name it is saved under.
pub struct Attachment {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
}

/// The gate that tells who is asking, for handlers outside the Leptos routes.
pub fn gate(state: &AppState) -> Gate {
    Gate::new(state.pool.clone(), state.trust_proxy)
}

/// Sends `file`, or answers its error; `back` is the path (with query) to return to after
/// signing in.
pub fn respond(file: Result<Attachment, AppError>, back: &str) -> Response {
    match file {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, file.content_type.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", file.file_name),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            file.bytes,
        )
            .into_response(),
        Err(AppError::Unauthenticated) => Redirect::to(&format!(
            "/masuk?kembali={}",
            app::format::url_component(back)
        ))
        .into_response(),
        Err(error) => (error.status(), error.to_string()).into_response(),
    }
}
