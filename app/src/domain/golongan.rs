//! Golongan/ruang (domain.md §7): the 17 PNS grades with their pangkat, and the 17 PPPK
//! golongan. Spreadsheets spell them many ways ("III/a", "III-a", "3a"); all are read, anything
//! that is not a real grade ("III/f") is refused.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A PNS golongan/ruang, ordered from I/a to IV/e.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PnsGolongan {
    /// I-IV.
    group: u8,
    /// 'a'-'e' ('e' only in IV).
    ruang: char,
}

/// A PPPK golongan, I-XVII.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PppkGolongan(u8);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("golongan \"{0}\" tidak dikenal")]
pub struct UnknownGolongan(pub String);

const ROMAN: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

/// The pangkat of each PNS golongan, in order from I/a.
const PANGKAT: [&str; 17] = [
    "Juru Muda",
    "Juru Muda Tingkat I",
    "Juru",
    "Juru Tingkat I",
    "Pengatur Muda",
    "Pengatur Muda Tingkat I",
    "Pengatur",
    "Pengatur Tingkat I",
    "Penata Muda",
    "Penata Muda Tingkat I",
    "Penata",
    "Penata Tingkat I",
    "Pembina",
    "Pembina Tingkat I",
    "Pembina Utama Muda",
    "Pembina Utama Madya",
    "Pembina Utama",
];

/// A roman numeral I-XVII or a decimal 1-17.
fn parse_group_number(text: &str) -> Option<u8> {
    if let Ok(n) = text.parse::<u8>() {
        return (1..=17).contains(&n).then_some(n);
    }
    let upper = text.to_ascii_uppercase();
    ROMAN
        .iter()
        .position(|r| *r == upper)
        .and_then(|i| u8::try_from(i + 1).ok())
}

impl PnsGolongan {
    /// All 17 grades, lowest first.
    pub fn all() -> impl Iterator<Item = PnsGolongan> {
        (1..=4u8).flat_map(|group| {
            let last = if group == 4 { 'e' } else { 'd' };
            ('a'..=last).map(move |ruang| PnsGolongan { group, ruang })
        })
    }

    /// Reads "III/a", "III-a", "III a", "IIIa", "3a", "3/a" (any case).
    pub fn parse(input: &str) -> Result<PnsGolongan, UnknownGolongan> {
        let unknown = || UnknownGolongan(input.trim().to_owned());
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '/' | '-' | '.'))
            .collect();
        let ruang = compact
            .chars()
            .last()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .ok_or_else(unknown)?;
        let group_text = &compact[..compact.len() - 1];
        let group = parse_group_number(group_text)
            .filter(|g| (1..=4).contains(g))
            .ok_or_else(unknown)?;
        Self::all()
            .find(|g| g.group == group && g.ruang == ruang)
            .ok_or_else(unknown)
    }

    /// "III/a".
    pub fn code(self) -> String {
        format!("{}/{}", ROMAN[usize::from(self.group) - 1], self.ruang)
    }

    /// Position from I/a (0) to IV/e (16): how many regular promotions lie between grades.
    pub fn rank(self) -> u8 {
        let before = 4 * (self.group - 1);
        before + (self.ruang as u8 - b'a')
    }

    /// The group I-IV as a number.
    pub fn group(self) -> u8 {
        self.group
    }

    pub fn pangkat(self) -> &'static str {
        let index = Self::all().position(|g| g == self).unwrap_or_default();
        PANGKAT[index]
    }
}

impl fmt::Display for PnsGolongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl PppkGolongan {
    pub fn all() -> impl Iterator<Item = PppkGolongan> {
        (1..=17).map(PppkGolongan)
    }

    /// Reads "IX" or "9" (any case, surrounding spaces ignored).
    pub fn parse(input: &str) -> Result<PppkGolongan, UnknownGolongan> {
        parse_group_number(input.trim())
            .map(PppkGolongan)
            .ok_or_else(|| UnknownGolongan(input.trim().to_owned()))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// "IX".
    pub fn code(self) -> &'static str {
        ROMAN[usize::from(self.0) - 1]
    }
}

impl fmt::Display for PppkGolongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A talent-map filter on golongan: a whole PNS group ("III", the usual cut: "golongan III"),
/// one PNS grade ("III/c") or one PPPK golongan ("PPPK IX").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GolonganFilter {
    PnsGroup(u8),
    Pns(PnsGolongan),
    Pppk(PppkGolongan),
}

/// How a golongan filter meets the stored codes ("III/a" for PNS, "IX" for PPPK).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GolonganMatch {
    /// The stored code starts with this prefix.
    Prefix(String),
    /// The stored code is exactly this.
    Exact(String),
}

impl GolonganFilter {
    /// Every filter, as a selector lists them: the four PNS groups, the PNS grades, the PPPK
    /// golongan.
    pub fn all() -> impl Iterator<Item = GolonganFilter> {
        (1..=4)
            .map(GolonganFilter::PnsGroup)
            .chain(PnsGolongan::all().map(GolonganFilter::Pns))
            .chain(PppkGolongan::all().map(GolonganFilter::Pppk))
    }

    /// Reads the URL code: "III", "III/c" or "PPPK-IX" (as [`GolonganFilter::code`] writes).
    pub fn parse(input: &str) -> Option<GolonganFilter> {
        let input = input.trim();
        if let Some(pppk) = input
            .strip_prefix("PPPK-")
            .or_else(|| input.strip_prefix("pppk-"))
        {
            return PppkGolongan::parse(pppk).ok().map(GolonganFilter::Pppk);
        }
        if let Some(group) = parse_group_number(input).filter(|g| (1..=4).contains(g)) {
            return Some(GolonganFilter::PnsGroup(group));
        }
        PnsGolongan::parse(input).ok().map(GolonganFilter::Pns)
    }

    pub fn code(self) -> String {
        match self {
            GolonganFilter::PnsGroup(group) => ROMAN[usize::from(group) - 1].to_owned(),
            GolonganFilter::Pns(golongan) => golongan.code(),
            GolonganFilter::Pppk(golongan) => format!("PPPK-{}", golongan.code()),
        }
    }

    pub fn label(self) -> String {
        match self {
            GolonganFilter::PnsGroup(group) => {
                format!("Golongan {} (semua ruang)", ROMAN[usize::from(group) - 1])
            }
            GolonganFilter::Pns(golongan) => format!("{golongan} ({})", golongan.pangkat()),
            GolonganFilter::Pppk(golongan) => format!("PPPK golongan {golongan}"),
        }
    }

    /// The condition on a stored golongan code.
    pub fn matching(self) -> GolonganMatch {
        match self {
            GolonganFilter::PnsGroup(group) => {
                GolonganMatch::Prefix(format!("{}/", ROMAN[usize::from(group) - 1]))
            }
            GolonganFilter::Pns(golongan) => GolonganMatch::Exact(golongan.code()),
            GolonganFilter::Pppk(golongan) => GolonganMatch::Exact(golongan.code().to_owned()),
        }
    }

    /// Whether a stored code passes the filter (what the SQL condition computes).
    pub fn matches(self, stored: &str) -> bool {
        match self.matching() {
            GolonganMatch::Prefix(prefix) => stored.starts_with(&prefix),
            GolonganMatch::Exact(code) => stored == code,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seventeen_pns_grades_and_their_pangkat_from_domain_md() {
        let expected = [
            ("I/a", "Juru Muda"),
            ("I/b", "Juru Muda Tingkat I"),
            ("I/c", "Juru"),
            ("I/d", "Juru Tingkat I"),
            ("II/a", "Pengatur Muda"),
            ("II/b", "Pengatur Muda Tingkat I"),
            ("II/c", "Pengatur"),
            ("II/d", "Pengatur Tingkat I"),
            ("III/a", "Penata Muda"),
            ("III/b", "Penata Muda Tingkat I"),
            ("III/c", "Penata"),
            ("III/d", "Penata Tingkat I"),
            ("IV/a", "Pembina"),
            ("IV/b", "Pembina Tingkat I"),
            ("IV/c", "Pembina Utama Muda"),
            ("IV/d", "Pembina Utama Madya"),
            ("IV/e", "Pembina Utama"),
        ];
        let actual: Vec<(String, &str)> = PnsGolongan::all()
            .map(|g| (g.code(), g.pangkat()))
            .collect();
        let expected: Vec<(String, &str)> =
            expected.iter().map(|(c, p)| (c.to_string(), *p)).collect();
        assert_eq!(actual, expected);
        let ranks: Vec<u8> = PnsGolongan::all().map(PnsGolongan::rank).collect();
        assert_eq!(ranks, (0..17).collect::<Vec<u8>>());
    }

    #[test]
    fn common_spellings_are_read() {
        for spelling in [
            "III/a", "III-a", "3a", "3/a", "iii/A", " III a ", "IIIa", "3-A",
        ] {
            assert_eq!(
                PnsGolongan::parse(spelling).map(|g| g.code()).as_deref(),
                Ok("III/a"),
                "{spelling}"
            );
        }
        assert_eq!(
            PnsGolongan::parse("IV/e").map(|g| g.code()).as_deref(),
            Ok("IV/e")
        );
    }

    #[test]
    fn grades_that_do_not_exist_are_refused() {
        for bad in [
            "III/f", "III/e", "V/a", "0a", "5a", "a", "III", "", "IV/", "III/ab",
        ] {
            assert!(PnsGolongan::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            PnsGolongan::parse("III/f"),
            Err(UnknownGolongan("III/f".into()))
        );
    }

    #[test]
    fn grades_are_ordered() {
        let ordered: Vec<_> = PnsGolongan::all().collect();
        assert!(ordered.windows(2).all(|w| w[0] < w[1]));
        let iii_d = PnsGolongan::parse("III/d").expect("valid");
        let iv_a = PnsGolongan::parse("IV/a").expect("valid");
        assert!(iii_d < iv_a);
    }

    #[test]
    fn pppk_golongan_one_to_seventeen() {
        assert_eq!(PppkGolongan::all().count(), 17);
        assert_eq!(PppkGolongan::parse("IX").map(PppkGolongan::number), Ok(9));
        assert_eq!(PppkGolongan::parse("9").map(PppkGolongan::code), Ok("IX"));
        assert_eq!(
            PppkGolongan::parse("xvii").map(PppkGolongan::number),
            Ok(17)
        );
        assert!(PppkGolongan::parse("XVIII").is_err());
        assert!(PppkGolongan::parse("0").is_err());
    }

    #[test]
    fn golongan_filters_read_what_they_write_and_match_stored_codes() {
        for filter in GolonganFilter::all() {
            assert_eq!(
                GolonganFilter::parse(&filter.code()),
                Some(filter),
                "{filter:?}"
            );
        }
        assert_eq!(GolonganFilter::all().count(), 4 + 17 + 17);
        let group_iii = GolonganFilter::parse("III").expect("group");
        assert!(group_iii.matches("III/a") && group_iii.matches("III/d"));
        // Neither group IV nor the PPPK golongan III is PNS group III.
        assert!(!group_iii.matches("IV/a") && !group_iii.matches("III"));
        let group_i = GolonganFilter::parse("I").expect("group");
        assert!(group_i.matches("I/b") && !group_i.matches("II/b"));
        let exact = GolonganFilter::parse("iii-c").expect("grade");
        assert_eq!(exact.code(), "III/c");
        assert!(exact.matches("III/c") && !exact.matches("III/d"));
        let pppk = GolonganFilter::parse("PPPK-IX").expect("pppk");
        assert!(pppk.matches("IX") && !pppk.matches("IX/a") && !pppk.matches("X"));
        assert_eq!(GolonganFilter::parse("V"), None);
        assert_eq!(GolonganFilter::parse("III/f"), None);
        assert_eq!(GolonganFilter::parse("PPPK-XVIII"), None);
        assert_eq!(group_iii.label(), "Golongan III (semua ruang)");
    }
}
