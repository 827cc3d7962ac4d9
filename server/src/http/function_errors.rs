//! The status of a server function's error. Arguments that do not decode (`periode=abc`, an
//! overflowing id, malformed JSON, a missing field) are refused by server_fn before the
//! function's body runs, and server_fn answers every such refusal with `500 Internal Server
//! Error` whatever it says. This layer lets the error decide: the `AppError` in the body has
//! its status (`BadRequest` and `Malformed` are 400), so bad input is never answered as a server fault. Errors
//! the function itself returned already carry their status and pass unchanged.

use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

/// An `AppError` as JSON is a few hundred bytes; anything longer is not one.
const MAX_ERROR_BYTES: usize = 16 * 1024;

pub async fn status_from_error(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
    }
    Response::from_parts(parts, Body::from(bytes))
}
