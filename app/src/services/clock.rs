//! The time stamps stored with imports and placements: UTC, ISO 8601, to the second.

/// Now, as `2025-11-03T08:15:00Z`.
pub fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The moment `hours` ago, as stored time stamps are written.
pub fn hours_ago(hours: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::hours(hours))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Now, in milliseconds since the Unix epoch: the sign-in limits' clock.
pub fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Today's date in UTC, for rules that compare with today (target dates, validity).
pub fn today() -> crate::domain::calendar::Date {
    use chrono::Datelike;
    let now = chrono::Utc::now().date_naive();
    let month = u8::try_from(now.month()).unwrap_or(1);
    let day = u8::try_from(now.day()).unwrap_or(1);
    crate::domain::calendar::Date::new(now.year(), month, day)
        .unwrap_or_else(|| crate::domain::calendar::Date::end_of_year(now.year()))
}
