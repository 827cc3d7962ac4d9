//! What every handler can reach: the Leptos options, the one database pool (which also
//! holds the sign-in limits, shared by every process) and the import limits.

use app::services::intake::SheetLimits;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::AnyPool;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub pool: AnyPool,
    /// Behind a reverse proxy: client addresses come from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// What an imported spreadsheet may hold once unpacked.
    pub sheet_limits: SheetLimits,
}

impl AppState {
    pub fn new(leptos_options: LeptosOptions, pool: AnyPool) -> AppState {
        AppState {
            leptos_options,
            pool,
            trust_proxy: false,
            sheet_limits: SheetLimits::default(),
        }
    }
}
