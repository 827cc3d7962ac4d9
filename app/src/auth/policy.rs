//! The password policy, shared by the forms (which say it) and the server (which enforces it).

/// At least this many characters: long passphrases beat short complex ones.
pub const MIN_LENGTH: usize = 10;

/// Why a new password is refused, in Bahasa Indonesia; `None` when it is acceptable.
pub fn weakness(password: &str, username: &str) -> Option<String> {
    if password.chars().count() < MIN_LENGTH {
        return Some(format!("Kata sandi minimal {MIN_LENGTH} karakter"));
    }
    if password.to_lowercase().contains(&username.to_lowercase()) {
        return Some("Kata sandi tidak boleh memuat NIP atau nama pengguna".to_owned());
    }
    if password.chars().all(|c| c.is_ascii_digit()) {
        return Some("Kata sandi tidak boleh hanya angka".to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert!(weakness("pendek", "budi").is_some());
        assert!(weakness("1234567890123", "budi").is_some());
        assert!(weakness("x199001012015011001x", "199001012015011001").is_some());
        assert_eq!(weakness("langit biru di teluk", "budi"), None);
    }
}
