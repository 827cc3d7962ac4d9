//! Data leaving Jenjang as files people open in spreadsheets.

use std::borrow::Cow;

/// A cell value a spreadsheet will show as text and never run as a formula: values starting
/// with `=`, `+`, `-`, `@` (or a tab or carriage return, which some programs skip before
/// looking) get a leading apostrophe.
pub fn spreadsheet_safe(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_openers_are_neutralised() {
        for (value, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+62 812", "'+62 812"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
        ] {
            assert_eq!(spreadsheet_safe(value), expected);
        }
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for value in ["Kota Balikpapan", "263.5", "", "a=b"] {
            assert!(matches!(spreadsheet_safe(value), Cow::Borrowed(v) if v == value));
        }
    }
}
