//! The HTTP surface: the Leptos pages and server functions, health, downloads, static files,
//! and the layers every response passes through.

mod assets;
mod download;
mod file;
mod form;
mod function_errors;
mod health;
mod import_template;
mod language;
mod minutes;
mod office_download;
mod office_import;
mod public_cache;
pub mod security;
mod zone;

use crate::state::AppState;
use app::app::{shell, App};
use app::auth::guard::Gate;
use app::export::Format;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let gate = Gate::new(state.pool.clone(), state.trust_proxy);
    let options = state.leptos_options.clone();
    let islands = options.clone();
    let sheet_limits = state.sheet_limits;
    Router::new()
        .nest_service("/pkg", assets::service(&options.site_root))
        .route("/healthz", get(health::healthz))
        .route("/bahasa/{code}", get(language::choose))
        .route(
            "/unduh/indeks-merit.csv",
            get(|s, h, q| download::merit_index(Format::Csv, s, h, q)),
        )
        .route(
            "/unduh/indeks-merit.xlsx",
            get(|s, h, q| download::merit_index(Format::Xlsx, s, h, q)),
        )
        .route("/unduh/talenta/{file}", get(download::talent_picture))
        .route(
            "/unduh/nasional.csv",
            get(|s, h, q| download::national(Format::Csv, s, h, q)),
        )
        .route(
            "/unduh/nasional.xlsx",
            get(|s, h, q| download::national(Format::Xlsx, s, h, q)),
        )
        .route(
            "/talenta/kalibrasi/{id}/berita-acara.pdf",
            get(minutes::calibration_minutes),
        )
        .route(
            "/talenta/unduh/{file}",
            get(office_download::office_download),
        )
        .route(
            "/talenta/impor/templat/{file}",
            get(import_template::import_template),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(gate.clone());
                // What `components::island_scripts::IslandScripts` needs to name the WASM and its JS.
                provide_context(islands.clone());
                // What an import of merit-index results on the web may hold once read.
                provide_context(sheet_limits);
            },
            move || shell(options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(
            function_errors::status_from_error,
        ))
        .layer(axum::middleware::from_fn(form::come_back))
        .layer(axum::middleware::from_fn_with_state(
            state.pool.clone(),
            zone::local_zone,
        ))
        .layer(RequestBodyLimitLayer::new(security::BODY_LIMIT_BYTES))
        // Import files are larger than any form: their route has its own limit.
        .merge(
            Router::new()
                .route("/talenta/impor/unggah", post(office_import::office_import))
                .layer(axum::extract::DefaultBodyLimit::disable())
                .layer(RequestBodyLimitLayer::new(
                    office_import::IMPORT_LIMIT_BYTES,
                )),
        )
        .layer(axum::middleware::from_fn(security::baseline))
        // Outside the baseline (a kept answer keeps its headers), inside compression (a
        // kept page gets a fresh nonce, which a compressed body could not).
        .layer(axum::middleware::from_fn_with_state(
            public_cache::PublicCache::new(state.pool.clone()),
            public_cache::serve,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
