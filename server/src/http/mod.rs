//! The HTTP surface: the Leptos pages and server functions, health, downloads, static files,
//! and the layers every response passes through.

mod download;
mod health;

use crate::state::AppState;
use app::app::{shell, App};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use http::header::{HeaderValue, CACHE_CONTROL};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let pool = state.pool.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/unduh/indeks-merit.csv", get(download::merit_index_csv))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(pool.clone()),
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::map_response(public_cache_control))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Everything served so far is public and changes at most when data is loaded: let browsers
/// and proxies keep successful responses for five minutes. A handler that set its own policy
/// keeps it.
async fn public_cache_control(mut response: Response) -> Response {
    if response.status().is_success() && !response.headers().contains_key(CACHE_CONTROL) {
        response.headers_mut().insert(
            CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=300"),
        );
    }
    response
}
