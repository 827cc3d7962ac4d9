//! Server-side access to the one database pool, created at start-up by the server binary and
//! handed to every request through Leptos context.

use crate::error::AppError;
use leptos::prelude::use_context;
use sqlx::AnyPool;

/// The pool for the current request.
pub fn pool() -> Result<AnyPool, AppError> {
    use_context::<AnyPool>().ok_or_else(|| {
        tracing::error!("database pool missing from the request context");
        AppError::Internal
    })
}

/// `$first, $first+1, ...` for `count` bind parameters: the placeholder style both SQLite and
/// PostgreSQL accept, for the `IN (...)` lists that sqlx cannot bind as one array on both.
pub fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered() {
        assert_eq!(super::placeholders(1, 3), "$1, $2, $3");
        assert_eq!(super::placeholders(4, 1), "$4");
        assert_eq!(super::placeholders(1, 0), "");
    }
}
