//! Instansi (agencies: ministries, provinces, regencies, cities) and their stable, URL-safe
//! slugs, derived once from the official name and then stored: a link shared by a journalist
//! keeps working.

use serde::{Deserialize, Serialize};

/// The kind of government an instansi is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InstansiKind {
    Kementerian,
    Lembaga,
    Provinsi,
    Kabupaten,
    Kota,
}

impl InstansiKind {
    pub const ALL: [InstansiKind; 5] = [
        InstansiKind::Kementerian,
        InstansiKind::Lembaga,
        InstansiKind::Provinsi,
        InstansiKind::Kabupaten,
        InstansiKind::Kota,
    ];

    /// The code used in data files and the database ("kota").
    pub fn code(self) -> &'static str {
        match self {
            InstansiKind::Kementerian => "kementerian",
            InstansiKind::Lembaga => "lembaga",
            InstansiKind::Provinsi => "provinsi",
            InstansiKind::Kabupaten => "kabupaten",
            InstansiKind::Kota => "kota",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.code().eq_ignore_ascii_case(code))
    }

    pub fn label(self) -> &'static str {
        match self {
            InstansiKind::Kementerian => "Kementerian",
            InstansiKind::Lembaga => "Lembaga",
            InstansiKind::Provinsi => "Provinsi",
            InstansiKind::Kabupaten => "Kabupaten",
            InstansiKind::Kota => "Kota",
        }
    }
}

/// `"Pemerintah Kota Balikpapan"` becomes `"kota-balikpapan"`. The "Pemerintah" prefix that
/// every local government carries is dropped; anything that is not an ASCII letter or digit
/// separates words.
pub fn instansi_slug(name: &str) -> String {
    let lowered = name.trim().to_lowercase();
    let without_prefix = lowered
        .strip_prefix("pemerintah ")
        .unwrap_or(lowered.as_str());
    without_prefix
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether `text` could have come out of [`instansi_slug`]; used to reject junk in URLs early.
pub fn is_valid_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 120
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn official_names_become_short_slugs() {
        for (name, slug) in [
            ("Pemerintah Kota Balikpapan", "kota-balikpapan"),
            (
                "Pemerintah Provinsi Kalimantan Timur",
                "provinsi-kalimantan-timur",
            ),
            ("Pemerintah Kabupaten Kutai Timur", "kabupaten-kutai-timur"),
            ("Pemerintah Provinsi DKI Jakarta", "provinsi-dki-jakarta"),
            ("  Kementerian PAN-RB ", "kementerian-pan-rb"),
        ] {
            assert_eq!(instansi_slug(name), slug);
        }
    }

    proptest! {
        #[test]
        fn every_slug_is_valid_and_stable(name in "[A-Za-z][A-Za-z0-9 .,'()-]{0,60}") {
            let slug = instansi_slug(&name);
            prop_assert!(slug.is_empty() || is_valid_slug(&slug), "{slug}");
            prop_assert_eq!(instansi_slug(&slug), slug.clone());
        }
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in InstansiKind::ALL {
            assert_eq!(InstansiKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(InstansiKind::from_code(" Kota "), Some(InstansiKind::Kota));
        assert_eq!(InstansiKind::from_code("desa"), None);
    }

    #[test]
    fn junk_is_not_a_slug() {
        for junk in [
            "",
            "-kota",
            "kota-",
            "kota--x",
            "Kota",
            "kota balikpapan",
            "../etc",
        ] {
            assert!(!is_valid_slug(junk), "{junk}");
        }
    }
}
