//! The password policy, shared by the forms (which say it) and the server (which enforces it).

/// At least this many characters: long passphrases beat short complex ones.
pub const MIN_LENGTH: usize = 10;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weakness {
    #[error("Kata sandi minimal {MIN_LENGTH} karakter")]
    TooShort,
    #[error("Kata sandi tidak boleh memuat NIP atau nama pengguna")]
    HoldsUsername,
    #[error("Kata sandi tidak boleh hanya angka")]
    DigitsOnly,
}

/// Why a new password is refused; `None` when it is acceptable.
pub fn weakness(password: &str, username: &str) -> Option<Weakness> {
    if password.chars().count() < MIN_LENGTH {
        return Some(Weakness::TooShort);
    }
    if password.to_lowercase().contains(&username.to_lowercase()) {
        return Some(Weakness::HoldsUsername);
    }
    if password.chars().all(|c| c.is_ascii_digit()) {
        return Some(Weakness::DigitsOnly);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert_eq!(weakness("pendek", "budi"), Some(Weakness::TooShort));
        assert_eq!(
            weakness("1234567890123", "budi"),
            Some(Weakness::DigitsOnly)
        );
        assert_eq!(
            weakness("x199001012015011001x", "199001012015011001"),
            Some(Weakness::HoldsUsername)
        );
        assert_eq!(weakness("langit biru di teluk", "budi"), None);
    }
}
