//! The reader's time zone: for a signed-in request, the zone of their instansi's province,
//! put in the request so that every time stamp the page shows is local and labelled
//! (`app::i18n::request_zone`). Requests without a session keep WIB.

use app::auth::{identity, session};
use app::store::Pool;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::Method;

pub async fn local_zone(State(pool): State<Pool>, mut request: Request, next: Next) -> Response {
    // Only a page shows time stamps: a server function answers data or a redirect, and a
    // static file nothing, so neither pays for the lookup.
    let path = request.uri().path();
    let renders_a_page =
        request.method() == Method::GET && !path.starts_with("/api/") && !path.starts_with("/pkg/");
    if let Some(token) = session::token(request.headers()).filter(|_| renders_a_page) {
        match identity::zone_of_session(&pool, &token).await {
            Ok(Some(zone)) => {
                request.extensions_mut().insert(zone);
            }
            Ok(None) => {}
            // The page still renders, in WIB; the session check proper reports the fault.
            Err(error) => tracing::warn!(%error, "time zone of the session"),
        }
    }
    next.run(request).await
}
