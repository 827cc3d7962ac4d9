//! The time stamps stored with imports and placements: UTC, ISO 8601, to the second.

/// Now, as `2025-11-03T08:15:00Z`.
pub fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
