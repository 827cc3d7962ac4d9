//! Indeks Sistem Merit (domain.md §6): the two published frameworks and their categories.
//!
//! The KASN/BKN scale (rounds 2018-2024) runs from 100 to 400 in four categories; the NISM of
//! PermenPANRB 19/2025 runs from 0 to above 1 in five bands. A score always travels with its
//! framework, so a chart can refuse to put both scales on one axis.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// Which measuring scale a merit-index score belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Framework {
    /// KASN/BKN 2018-2024: 8 aspects, answers 1-4, total 100-400.
    #[serde(rename = "KASN_100_400")]
    Kasn,
    /// NISM (PermenPANRB 19/2025): 0 to above 1, 75% maturity + 25% employee survey.
    #[serde(rename = "NISM_0_1")]
    Nism,
}

impl Framework {
    pub const ALL: [Framework; 2] = [Framework::Kasn, Framework::Nism];

    /// The code used in data files and the database.
    pub fn code(self) -> &'static str {
        match self {
            Framework::Kasn => "KASN_100_400",
            Framework::Nism => "NISM_0_1",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code.trim())
    }

    /// The name shown to people, with the scale it uses.
    pub fn title(self) -> &'static str {
        match self {
            Framework::Kasn => "Indeks Sistem Merit KASN/BKN (skala 100-400)",
            Framework::Nism => "Nilai Indeks Sistem Merit PermenPANRB 19/2025 (skala 0-1)",
        }
    }

    /// The scale in a few words, for a table column beside the score.
    pub fn scale(self) -> &'static str {
        match self {
            Framework::Kasn => "KASN/BKN 100-400",
            Framework::Nism => "NISM 0-1",
        }
    }

    /// The range a score may take; the NISM has no upper bound ("Maju" is above 1).
    fn valid_range(self) -> (f64, Option<f64>) {
        match self {
            Framework::Kasn => (100.0, Some(400.0)),
            Framework::Nism => (0.0, None),
        }
    }

    /// The categories of this framework, lowest first.
    pub fn categories(self) -> &'static [MeritCategory] {
        match self {
            Framework::Kasn => &KASN_CATEGORIES,
            Framework::Nism => &NISM_CATEGORIES,
        }
    }

    /// The category of `score`, or why it cannot have one.
    pub fn categorize(self, score: f64) -> Result<MeritCategory, MeritScoreError> {
        let (min, max) = self.valid_range();
        if !score.is_finite() || score < min || max.is_some_and(|max| score > max) {
            return Err(MeritScoreError::OutOfRange {
                framework: self,
                score,
            });
        }
        self.categories()
            .iter()
            .rev()
            .find(|category| category.contains(score))
            .copied()
            .ok_or(MeritScoreError::OutOfRange {
                framework: self,
                score,
            })
    }
}

impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One category (KASN) or band (NISM) with the scores it covers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MeritCategory {
    pub framework: Framework,
    /// The short code: "I".."IV" for KASN, the band name for NISM.
    pub code: &'static str,
    /// The label in Bahasa Indonesia ("Baik").
    pub label: &'static str,
    /// Inclusive lower bound.
    pub lower: f64,
    /// Upper bound; `None` means open-ended. Inclusive when `upper_inclusive`.
    pub upper: Option<f64>,
    upper_inclusive: bool,
}

impl MeritCategory {
    /// Whether `score` falls in this category's range.
    pub fn contains(&self, score: f64) -> bool {
        score >= self.lower
            && match self.upper {
                None => true,
                Some(upper) if self.upper_inclusive => score <= upper,
                Some(upper) => score < upper,
            }
    }

    /// "III (Baik)" for KASN, "Menengah" for NISM.
    pub fn display_name(&self) -> String {
        if self.code == self.label {
            self.label.to_owned()
        } else {
            format!("{} ({})", self.code, self.label)
        }
    }
}

/// The KASN categories. The published ranges are whole numbers (100-174, 175-249, ...), but
/// half points occur (263,5): each category starts at its published lower bound, inclusive,
/// and runs up to the next one, so 174,5 is still category I.
const KASN_CATEGORIES: [MeritCategory; 4] = [
    kasn("I", "Buruk", 100.0, 175.0),
    kasn("II", "Kurang", 175.0, 250.0),
    kasn("III", "Baik", 250.0, 325.0),
    MeritCategory {
        framework: Framework::Kasn,
        code: "IV",
        label: "Sangat Baik",
        lower: 325.0,
        upper: Some(400.0),
        upper_inclusive: true,
    },
];

const fn kasn(code: &'static str, label: &'static str, lower: f64, upper: f64) -> MeritCategory {
    MeritCategory {
        framework: Framework::Kasn,
        code,
        label,
        lower,
        upper: Some(upper),
        upper_inclusive: false,
    }
}

/// The NISM bands. Published as Dasar 0-0,40, Lanjutan 0,41-0,60, Menengah 0,61-0,80,
/// Tinggi 0,81-1,00, Maju > 1: the published upper bounds are inclusive, and anything above
/// one band's upper bound (0,405) belongs to the next.
const NISM_CATEGORIES: [MeritCategory; 5] = [
    MeritCategory {
        framework: Framework::Nism,
        code: "Dasar",
        label: "Dasar",
        lower: 0.0,
        upper: Some(0.40),
        upper_inclusive: true,
    },
    nism_above("Lanjutan", 0.40, 0.60),
    nism_above("Menengah", 0.60, 0.80),
    nism_above("Tinggi", 0.80, 1.00),
    MeritCategory {
        framework: Framework::Nism,
        code: "Maju",
        label: "Maju",
        lower: next_up(1.00),
        upper: None,
        upper_inclusive: false,
    },
];

/// A NISM band that starts just above `after` and ends at `upper` inclusive. `contains` treats
/// `lower` as inclusive, so the lower bound is the next representable number after `after`.
const fn nism_above(name: &'static str, after: f64, upper: f64) -> MeritCategory {
    MeritCategory {
        framework: Framework::Nism,
        code: name,
        label: name,
        lower: next_up(after),
        upper: Some(upper),
        upper_inclusive: true,
    }
}

/// The smallest `f64` greater than a positive finite `x`.
const fn next_up(x: f64) -> f64 {
    f64::from_bits(x.to_bits() + 1)
}

/// The median of `values`: the middle one, or the mean of the two middle ones.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The rank of each of `scores` (highest first) in competition style: equal scores share a
/// rank and the next rank skips as many places ("1, 2, 2, 4").
pub fn competition_ranks(scores: &[f64]) -> Vec<usize> {
    scores
        .iter()
        .map(|s| 1 + scores.iter().filter(|other| *other > s).count())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Error)]
pub enum MeritScoreError {
    #[error("skor {score} di luar rentang {framework}")]
    OutOfRange { framework: Framework, score: f64 },
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[271.0]), Some(271.0));
        assert_eq!(median(&[273.0, 263.5, 266.0]), Some(266.0));
        assert_eq!(median(&[256.5, 261.0, 263.0, 140.0]), Some(258.75));
    }

    #[test]
    fn equal_scores_share_a_rank_and_the_next_skips() {
        assert_eq!(
            competition_ranks(&[392.0, 350.5, 350.5, 271.0]),
            [1, 2, 2, 4]
        );
        assert_eq!(competition_ranks(&[]), Vec::<usize>::new());
    }

    fn code(framework: Framework, score: f64) -> &'static str {
        framework.categorize(score).map(|c| c.code).unwrap_or("-")
    }

    #[test]
    fn kasn_table_from_domain_md() {
        for (score, expected, label) in [
            (100.0, "I", "Buruk"),
            (174.0, "I", "Buruk"),
            (174.5, "I", "Buruk"),
            (175.0, "II", "Kurang"),
            (249.0, "II", "Kurang"),
            (250.0, "III", "Baik"),
            (263.5, "III", "Baik"),
            (324.0, "III", "Baik"),
            (325.0, "IV", "Sangat Baik"),
            (400.0, "IV", "Sangat Baik"),
        ] {
            let category = Framework::Kasn.categorize(score).expect("in range");
            assert_eq!(
                (category.code, category.label),
                (expected, label),
                "{score}"
            );
        }
    }

    #[test]
    fn published_kaltim_figures_have_their_published_categories() {
        // shared/data/merit_index.csv
        assert_eq!(code(Framework::Kasn, 266.0), "III");
        assert_eq!(code(Framework::Kasn, 263.5), "III");
        assert_eq!(code(Framework::Kasn, 232.0), "II");
        assert_eq!(code(Framework::Kasn, 166.0), "I");
        assert_eq!(code(Framework::Kasn, 392.0), "IV");
    }

    #[test]
    fn kasn_scores_outside_the_scale_are_refused() {
        for score in [99.5, 400.5, -1.0, f64::NAN, f64::INFINITY] {
            assert!(Framework::Kasn.categorize(score).is_err(), "{score}");
        }
    }

    #[test]
    fn nism_table_from_domain_md() {
        for (score, expected) in [
            (0.0, "Dasar"),
            (0.40, "Dasar"),
            (0.405, "Lanjutan"),
            (0.41, "Lanjutan"),
            (0.60, "Lanjutan"),
            (0.61, "Menengah"),
            (0.80, "Menengah"),
            (0.81, "Tinggi"),
            (1.00, "Tinggi"),
            (1.01, "Maju"),
            (1.7, "Maju"),
        ] {
            assert_eq!(code(Framework::Nism, score), expected, "{score}");
        }
        assert!(Framework::Nism.categorize(-0.01).is_err());
    }

    #[test]
    fn codes_round_trip() {
        for framework in Framework::ALL {
            assert_eq!(Framework::from_code(framework.code()), Some(framework));
        }
        assert_eq!(Framework::from_code("KASN"), None);
    }

    #[test]
    fn display_names_read_naturally() {
        let baik = Framework::Kasn.categorize(266.0).expect("in range");
        assert_eq!(baik.display_name(), "III (Baik)");
        let tinggi = Framework::Nism.categorize(0.9).expect("in range");
        assert_eq!(tinggi.display_name(), "Tinggi");
    }

    fn rank(framework: Framework, score: f64) -> usize {
        let category = framework.categorize(score).expect("in range");
        framework
            .categories()
            .iter()
            .position(|c| c.code == category.code)
            .expect("listed")
    }

    proptest! {
        #[test]
        fn kasn_categories_are_monotone(a in 100.0f64..=400.0, b in 100.0f64..=400.0) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(rank(Framework::Kasn, lo) <= rank(Framework::Kasn, hi));
        }

        #[test]
        fn nism_categories_are_monotone(a in 0.0f64..3.0, b in 0.0f64..3.0) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(rank(Framework::Nism, lo) <= rank(Framework::Nism, hi));
        }

        #[test]
        fn every_valid_score_has_exactly_one_category(kasn in 100.0f64..=400.0, nism in 0.0f64..5.0) {
            for (framework, score) in [(Framework::Kasn, kasn), (Framework::Nism, nism)] {
                let hits = framework.categories().iter().filter(|c| c.contains(score)).count();
                prop_assert_eq!(hits, 1, "{} {}", framework, score);
            }
        }

        #[test]
        fn kasn_lower_bounds_are_inclusive(index in 0usize..4) {
            let category = Framework::Kasn.categories()[index];
            prop_assert_eq!(code(Framework::Kasn, category.lower), category.code);
        }
    }
}
