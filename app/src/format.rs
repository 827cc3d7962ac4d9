//! Numbers written the Indonesian way for people (263,5; 4.041) while data files keep the
//! machine format (263.5).

/// `value` with at most `max_fraction_digits` decimals, trailing zeros dropped, a decimal comma
/// and dots between thousands: `263.5` is "263,5", `4041.0` is "4.041", `0.45` is "0,45".
pub fn decimal_id(value: f64, max_fraction_digits: usize) -> String {
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
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let is_zero = grouped.chars().all(|c| c == '0' || c == '.') && fraction.is_empty();
    let sign = if is_zero { "" } else { sign };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
