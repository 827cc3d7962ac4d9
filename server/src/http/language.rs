//! `/bahasa/{id,en}?kembali=/page`: remembers the reader's language in a cookie and sends them
//! back to the page they were reading, query and all. A plain link, so it works without
//! JavaScript; never cached, since it sets a cookie.

use app::i18n::{return_path, Lang, COOKIE};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// A year: long enough that a reader does not choose again, short enough to expire.
const COOKIE_MAX_AGE_SECONDS: u32 = 365 * 24 * 60 * 60;

#[derive(Deserialize)]
pub struct Back {
    kembali: Option<String>,
}

pub async fn choose(Path(code): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return (
            StatusCode::NOT_FOUND,
            "Bahasa tidak dikenal. / Unknown language.",
        )
            .into_response();
    };
    let page = return_path(back.kembali.as_deref().unwrap_or("/"));
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECONDS}; SameSite=Lax",
        lang.code()
    );
    let mut response = Redirect::to(&page).into_response();
    match HeaderValue::from_str(&cookie) {
        Ok(value) => {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
        Err(error) => tracing::error!(%error, "language cookie not set"),
    }
    response
}
