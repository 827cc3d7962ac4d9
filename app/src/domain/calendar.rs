//! Calendar dates without a clock: just enough to validate the dates that identity numbers
//! and records carry (NIP birth date, TMT) on both targets without a date library in the WASM.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A proleptic Gregorian calendar date that is known to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` when it does not exist (31 April, 29 February in a common year).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Self { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// 31 December of `year`: the day a yearly period (SKP, 20 JP) is judged at.
    pub fn end_of_year(year: i32) -> Date {
        Date {
            year,
            month: 12,
            day: 31,
        }
    }

    /// Reads a date as spreadsheets and people write it: ISO `2025-11-03`, or day first
    /// `03-11-2025`, `03/11/2025`, `3.11.2025`. `None` when it is not a date that exists.
    pub fn parse(input: &str) -> Option<Date> {
        let input = input.trim();
        let parts: Vec<&str> = input.split(['-', '/', '.']).collect();
        let [a, b, c] = parts.as_slice() else {
            return None;
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(a) && all_digits(b) && all_digits(c)) {
            return None;
        }
        let (year, month, day) = if a.len() == 4 {
            (a, b, c)
        } else if c.len() == 4 && a.len() <= 2 {
            (c, b, a)
        } else {
            return None;
        };
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year + years;
        Date {
            year,
            month: self.month,
            day: self.day.min(days_in_month(year, self.month)),
        }
    }

    /// The day after this one.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else {
            self.first_of_next_month()
        }
    }

    /// The first day of the month after this date's month.
    pub fn first_of_next_month(self) -> Date {
        if self.month == 12 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                year: self.year,
                month: self.month + 1,
                day: 1,
            }
        }
    }

    /// Whole years from `self` to `later` (an age, a length of service); 0 when `later` is
    /// not later.
    pub fn full_years_until(self, later: Date) -> u32 {
        let mut years = later.year - self.year;
        if (later.month, later.day) < (self.month, self.day) {
            years -= 1;
        }
        u32::try_from(years).unwrap_or(0)
    }
}

impl fmt::Display for Date {
    /// ISO 8601 (`2024-02-29`), the storage and exchange format.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2023));
    }

    #[test]
    fn only_existing_dates_are_built() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 0, 1).is_none());
        assert!(Date::new(2023, 1, 0).is_none());
        assert_eq!(
            Date::new(1985, 7, 3).map(|d| d.to_string()).as_deref(),
            Some("1985-07-03")
        );
    }

    #[test]
    fn dates_are_read_iso_or_day_first() {
        let expected = Date::new(2025, 11, 3);
        for input in [
            "2025-11-03",
            "03-11-2025",
            "03/11/2025",
            "3.11.2025",
            " 2025/11/03 ",
        ] {
            assert_eq!(Date::parse(input), expected, "{input}");
        }
        for input in [
            "2025-02-29",
            "31/04/2025",
            "2025-13-01",
            "11/2025",
            "03-11-25",
            "2025-11-03T00:00",
            "",
            "x-y-z",
        ] {
            assert_eq!(Date::parse(input), None, "{input}");
        }
    }

    #[test]
    fn year_arithmetic_keeps_dates_real() {
        let leap_day = Date::new(2024, 2, 29).expect("date");
        assert_eq!(leap_day.add_years(1), Date::new(2025, 2, 28).expect("date"));
        assert_eq!(leap_day.add_years(4), leap_day.add_years(4));
        let birth = Date::new(1980, 6, 15).expect("date");
        assert_eq!(
            birth.full_years_until(Date::new(2025, 6, 14).expect("date")),
            44
        );
        assert_eq!(
            birth.full_years_until(Date::new(2025, 6, 15).expect("date")),
            45
        );
        assert_eq!(
            birth.full_years_until(Date::new(1970, 1, 1).expect("date")),
            0
        );
        assert_eq!(
            Date::new(2025, 12, 5).expect("date").first_of_next_month(),
            Date::new(2026, 1, 1).expect("date")
        );
        assert_eq!(
            Date::new(2025, 3, 31).expect("date").first_of_next_month(),
            Date::new(2025, 4, 1).expect("date")
        );
    }
}
