//! Instansi (agencies: ministries, provinces, regencies, cities) and their stable, URL-safe
//! slugs, derived once from the official name and then stored: a link shared by a journalist
//! keeps working. And the catalogue names nearest to one typed with a slip, for refusals.

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

/// Whether two ways of writing an instansi name the same one: "Kota Balikpapan" and
/// "Pemerintah Kota Balikpapan" (or its slug, `kota-balikpapan`) do.
pub fn same_instansi(a: &str, b: &str) -> bool {
    let a = instansi_slug(a);
    !a.is_empty() && a == instansi_slug(b)
}

/// Whether every word of `filter` appears in `text`, whatever the case: how the lists of
/// instansi and their results are searched ("kutai timur", "banten 2024"). An empty filter
/// matches everything.
pub fn matches_words(text: &str, filter: &str) -> bool {
    let text = text.to_lowercase();
    filter
        .to_lowercase()
        .split_whitespace()
        .all(|word| text.contains(word))
}

/// Words every kind of instansi shares, or their abbreviations: a match on one of these alone
/// says little about which instansi was meant, so they weigh less.
const GENERIC_WORDS: [&str; 16] = [
    "kota",
    "kabupaten",
    "kab",
    "provinsi",
    "prov",
    "pemprov",
    "pemkab",
    "pemkot",
    "kementerian",
    "kemen",
    "badan",
    "lembaga",
    "daerah",
    "sekretariat",
    "jenderal",
    "dan",
];

/// The weight of a word in a name's likeness.
fn weight(word: &str) -> f64 {
    if GENERIC_WORDS.contains(&word) {
        0.3
    } else {
        1.0
    }
}

/// A name's words for comparing: lower case, without "pemerintah" and punctuation.
fn words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "pemerintah")
        .map(str::to_owned)
        .collect()
}

/// The number of single-character insertions, deletions and substitutions between two words.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// How well a typed word stands for a catalogue word: fully when it is the same or its
/// abbreviation ("kab" for "kabupaten"), less for each typing slip, not at all past one slip
/// per four letters.
fn word_match(typed: &str, known: &str) -> Option<f64> {
    if typed == known || (typed.chars().count() >= 3 && known.starts_with(typed)) {
        return Some(1.0);
    }
    let longest = typed.chars().count().max(known.chars().count());
    let slips = edit_distance(typed, known);
    (slips <= longest / 4).then(|| 1.0 - slips as f64 / longest as f64)
}

/// How alike two names are, from 0 (no word in common) to 1 (the same words): twice the
/// weight of the typed words that stand for a word of the other, over both names' weights.
fn likeness(typed: &[String], known: &[String]) -> f64 {
    let mut unused: Vec<&String> = known.iter().collect();
    let mut matched = 0.0;
    for word in typed {
        let found = unused
            .iter()
            .enumerate()
            .find_map(|(i, k)| word_match(word, k).map(|how_well| (i, how_well)));
        if let Some((position, how_well)) = found {
            matched += weight(word).min(weight(unused[position])) * how_well;
            unused.remove(position);
        }
    }
    let total: f64 = typed.iter().chain(known).map(|w| weight(w)).sum();
    if total == 0.0 {
        0.0
    } else {
        2.0 * matched / total
    }
}

/// Names count as near from this likeness on: half the weighted words in common.
const NEAR: f64 = 0.5;

/// The names of `catalogue` nearest to `typed`, best first, at most `limit`: what to suggest
/// to someone who typed an instansi the catalogue does not hold ("Kab. Kutai Timur",
/// "Kota Balikpapn"). Empty when nothing is near.
pub fn nearest_names<'a>(typed: &str, catalogue: &[&'a str], limit: usize) -> Vec<&'a str> {
    let typed = words(typed);
    let mut near: Vec<(f64, &'a str)> = catalogue
        .iter()
        .map(|name| (likeness(&typed, &words(name)), *name))
        .filter(|(likeness, _)| *likeness >= NEAR)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    near.into_iter().take(limit).map(|(_, name)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const CATALOGUE: [&str; 7] = [
        "Pemerintah Kota Balikpapan",
        "Pemerintah Kota Bontang",
        "Pemerintah Kabupaten Kutai Timur",
        "Pemerintah Provinsi Kalimantan Timur",
        "Pemerintah Kabupaten Dharmasraya",
        "Kementerian Agama",
        "Badan Pusat Statistik",
    ];

    #[test]
    fn the_same_instansi_written_two_ways() {
        assert!(same_instansi(
            "Kota Balikpapan",
            "Pemerintah Kota Balikpapan"
        ));
        assert!(same_instansi(
            "kota-balikpapan",
            "Pemerintah  Kota Balikpapan "
        ));
        assert!(!same_instansi("Kota Balikpapan", "Pemerintah Kota Bontang"));
        assert!(!same_instansi("", ""));
    }

    #[test]
    fn a_filter_matches_when_every_word_is_there() {
        let text = "Pemerintah Kota Tangerang Banten 2024 BKN";
        for filter in [
            "",
            "  ",
            "tangerang",
            "Banten 2024",
            "kota bkn",
            "TANGERANG",
        ] {
            assert!(matches_words(text, filter), "{filter}");
        }
        for filter in ["bandung", "tangerang 2023", "kasn"] {
            assert!(!matches_words(text, filter), "{filter}");
        }
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("balikpapn", "balikpapan"), 1);
        assert_eq!(edit_distance("darmasraya", "dharmasraya"), 1);
        assert_eq!(edit_distance("kota", "kota"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn typing_slips_and_abbreviations_find_the_instansi_meant() {
        for (typed, meant) in [
            ("Kota Balikpapn", "Pemerintah Kota Balikpapan"),
            ("Kab. Kutai Timur", "Pemerintah Kabupaten Kutai Timur"),
            ("Kabupaten Darmasraya", "Pemerintah Kabupaten Dharmasraya"),
            ("Kementrian Agamaa", "Kementerian Agama"),
            (
                "Prov Kalimantan Timur",
                "Pemerintah Provinsi Kalimantan Timur",
            ),
            ("badan pusat statistik (BPS)", "Badan Pusat Statistik"),
        ] {
            let near = nearest_names(typed, &CATALOGUE, 3);
            assert_eq!(near.first(), Some(&meant), "{typed}: {near:?}");
        }
    }

    #[test]
    fn a_shared_kind_of_instansi_alone_is_not_near() {
        // "Kota" is all that "Kota Solo" shares with the cities in the catalogue.
        assert!(nearest_names("Kota Solo", &CATALOGUE, 3).is_empty());
        assert!(nearest_names("xyz", &CATALOGUE, 3).is_empty());
        assert!(nearest_names("", &CATALOGUE, 3).is_empty());
        // Kutai Timur is nearer than Kalimantan Timur, which shares only "Timur".
        assert_eq!(
            nearest_names("Kabupaten Kutai Timur Raya", &CATALOGUE, 3),
            ["Pemerintah Kabupaten Kutai Timur"]
        );
    }

    #[test]
    fn suggestions_are_at_most_the_limit_best_first() {
        let catalogue = [
            "Pemerintah Kota Malang",
            "Pemerintah Kabupaten Malang",
            "Pemerintah Kota Magelang",
        ];
        // Magelang is two slips from Malang: near, but less near than Kota Malang.
        assert_eq!(
            nearest_names("Kota Malang Raya", &catalogue, 2),
            ["Pemerintah Kota Malang", "Pemerintah Kota Magelang"]
        );
    }

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
