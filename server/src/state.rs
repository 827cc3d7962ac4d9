//! What every handler can reach: the Leptos options and the one database pool.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::AnyPool;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: AnyPool,
}
