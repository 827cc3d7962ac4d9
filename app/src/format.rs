//! Numbers written for people, the Indonesian way (263,5; 4.041) or the English way (263.5;
//! 4,041), while data files keep the machine format (263.5).

use crate::domain::local_time::{in_zone, Zone};

/// `value` with at most `max_fraction_digits` decimals, trailing zeros dropped, a decimal comma
/// and dots between thousands: `263.5` is "263,5", `4041.0` is "4.041", `0.45` is "0,45".
pub fn decimal_id(value: f64, max_fraction_digits: usize) -> String {
    decimal(value, max_fraction_digits, '.', ',')
}

/// The English way: a decimal point and commas between thousands ("4,041.5").
pub fn decimal_en(value: f64, max_fraction_digits: usize) -> String {
    decimal(value, max_fraction_digits, ',', '.')
}

fn decimal(value: f64, max_fraction_digits: usize, group: char, point: char) -> String {
    let fixed = format!("{:.*}", max_fraction_digits, value);
    let (sign, unsigned) = match fixed.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", fixed.as_str()),
    };
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::with_capacity(integer.len() + integer.len() / 3);
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let is_zero = integer.chars().all(|c| c == '0') && fraction.is_empty();
    let sign = if is_zero { "" } else { sign };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{fraction}")
    }
}

/// Reads a number as Indonesian spreadsheets and people write it: "82,5", "82.5", "1.234,5",
/// "1234". `None` for anything else (a thousands dot alone, as in "1.234", is read as a decimal
/// point: the scores read here never reach a thousand).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim();
    let normalised = if text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else {
        text.to_owned()
    };
    let valid = !normalised.is_empty()
        && normalised
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
        && normalised.matches('.').count() <= 1
        && normalised.chars().any(|c| c.is_ascii_digit());
    valid.then(|| normalised.parse().ok()).flatten()
}

/// A page's address from the router's path and query string (which comes without its `?`).
pub fn page_address(pathname: &str, search: &str) -> String {
    if search.is_empty() {
        pathname.to_owned()
    } else {
        format!("{pathname}?{search}")
    }
}

/// `text` percent-encoded for a URL query value: everything but unreserved characters.
pub fn url_component(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A stored UTC time stamp (`2026-11-23T05:52:06Z`) as people in `zone` read it:
/// `2026-11-23 13.52 WITA`, hours and minutes joined by `time_separator` (a dot in
/// Indonesian, a colon in English). Anything else is shown as it is.
pub fn timestamp(iso: &str, zone: Zone, time_separator: char) -> String {
    match in_zone(iso, zone) {
        Some(local) => format!(
            "{} {:02}{time_separator}{:02} {}",
            local.date,
            local.hour,
            local.minute,
            local.zone.label()
        ),
        None => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_joins_path_and_query() {
        assert_eq!(page_address("/indeks-merit", ""), "/indeks-merit");
        assert_eq!(
            page_address("/indeks-merit", "tahun=2022"),
            "/indeks-merit?tahun=2022"
        );
    }

    #[test]
    fn time_stamps_read_as_date_hour_and_minute_in_the_zone_with_its_label() {
        assert_eq!(
            timestamp("2026-11-23T05:52:06Z", Zone::Wita, '.'),
            "2026-11-23 13.52 WITA"
        );
        assert_eq!(
            timestamp("2026-11-23T17:02:06Z", Zone::Wib, ':'),
            "2026-11-24 00:02 WIB"
        );
        assert_eq!(timestamp("2026-11-23", Zone::Wib, '.'), "2026-11-23");
        assert_eq!(timestamp("", Zone::Wit, '.'), "");
    }

    #[test]
    fn decimals_are_read_with_comma_or_point() {
        for (text, expected) in [
            ("82,5", 82.5),
            ("82.5", 82.5),
            (" 90 ", 90.0),
            ("1.234,5", 1234.5),
            ("-3", -3.0),
            ("0,45", 0.45),
        ] {
            assert_eq!(parse_decimal(text), Some(expected), "{text}");
        }
        for text in ["", "abc", "8,5,5", "1e3", "--1", ".", "82 5", "NaN", "inf"] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn url_components_keep_paths_readable_and_escape_the_rest() {
        assert_eq!(url_component("/pegawai/123"), "/pegawai/123");
        assert_eq!(url_component("/a?b=c&d=é"), "/a%3Fb%3Dc%26d%3D%C3%A9");
    }

    #[test]
    fn indonesian_decimal_comma_and_thousands_dots() {
        for (value, digits, expected) in [
            (263.5, 2, "263,5"),
            (266.0, 2, "266"),
            (271.0, 1, "271"),
            (4041.0, 0, "4.041"),
            (4_300_000.0, 0, "4.300.000"),
            (0.45, 2, "0,45"),
            (1234.567, 2, "1.234,57"),
            (-12.5, 1, "-12,5"),
            (-0.001, 2, "0"),
            (100.0, 0, "100"),
        ] {
            assert_eq!(decimal_id(value, digits), expected, "{value}");
        }
    }
}
