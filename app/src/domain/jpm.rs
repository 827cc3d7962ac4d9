//! Job-person match (JPM, domain.md §4, PermenPANRB 38/2017): how far a person's attained
//! competency levels meet the standard of a post, and its two category sets.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A competency level, 1-5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CompetencyLevel(u8);

impl CompetencyLevel {
    pub fn new(level: u8) -> Result<Self, JpmError> {
        (1..=5)
            .contains(&level)
            .then_some(Self(level))
            .ok_or(JpmError::LevelOutOfRange(level))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// One competency of a post's standard: the level the post requires and the level attained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyMatch {
    pub required: CompetencyLevel,
    pub attained: CompetencyLevel,
}

impl CompetencyMatch {
    /// Required minus attained: positive is a gap to close, negative is a surplus.
    pub fn gap(self) -> i8 {
        self.required.0 as i8 - self.attained.0 as i8
    }
}

/// A JPM kept as the exact fraction it is, so the category boundaries (90%, 78%, 80%, 68%)
/// are decided without floating-point rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jpm {
    attained: u32,
    required: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum JpmError {
    #[error("level kompetensi {0} di luar rentang 1-5")]
    LevelOutOfRange(u8),
    #[error("standar kompetensi jabatan kosong")]
    EmptyStandard,
}

/// JPM = sum of attained levels, each capped at its required level, over the sum of the
/// required levels.
pub fn jpm(matches: &[CompetencyMatch]) -> Result<Jpm, JpmError> {
    if matches.is_empty() {
        return Err(JpmError::EmptyStandard);
    }
    let required = matches.iter().map(|m| u32::from(m.required.0)).sum();
    let attained = matches
        .iter()
        .map(|m| u32::from(m.attained.0.min(m.required.0)))
        .sum();
    Ok(Jpm { attained, required })
}

impl Jpm {
    /// The percentage, for display.
    pub fn percent(self) -> f64 {
        f64::from(self.attained) * 100.0 / f64::from(self.required)
    }

    /// `self >= percent%`, decided exactly.
    fn at_least(self, percent: u32) -> bool {
        u64::from(self.attained) * 100 >= u64::from(percent) * u64::from(self.required)
    }

    /// The category used when mapping talent.
    pub fn mapping_category(self) -> MappingCategory {
        if self.at_least(90) {
            MappingCategory::Optimal
        } else if self.at_least(78) {
            MappingCategory::CukupOptimal
        } else {
            MappingCategory::KurangOptimal
        }
    }

    /// The category used in selection.
    pub fn selection_category(self) -> SelectionCategory {
        if self.at_least(80) {
            SelectionCategory::MemenuhiSyarat
        } else if self.at_least(68) {
            SelectionCategory::MasihMemenuhiSyarat
        } else {
            SelectionCategory::KurangMemenuhiSyarat
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MappingCategory {
    KurangOptimal,
    CukupOptimal,
    Optimal,
}

impl MappingCategory {
    pub fn label(self) -> &'static str {
        match self {
            MappingCategory::Optimal => "Optimal",
            MappingCategory::CukupOptimal => "Cukup Optimal",
            MappingCategory::KurangOptimal => "Kurang Optimal",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SelectionCategory {
    KurangMemenuhiSyarat,
    MasihMemenuhiSyarat,
    MemenuhiSyarat,
}

impl SelectionCategory {
    pub fn label(self) -> &'static str {
        match self {
            SelectionCategory::MemenuhiSyarat => "Memenuhi Syarat",
            SelectionCategory::MasihMemenuhiSyarat => "Masih Memenuhi Syarat",
            SelectionCategory::KurangMemenuhiSyarat => "Kurang Memenuhi Syarat",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn m(required: u8, attained: u8) -> CompetencyMatch {
        CompetencyMatch {
            required: CompetencyLevel::new(required).expect("1-5"),
            attained: CompetencyLevel::new(attained).expect("1-5"),
        }
    }

    /// A JPM of exactly `attained / required` built from level-1..5 items.
    fn fraction(attained: u32, required: u32) -> Jpm {
        Jpm { attained, required }
    }

    #[test]
    fn attained_levels_are_capped_at_the_required_level() {
        // 9 competencies at level 3 required; one person exceeds on two, misses on one.
        let mut items = vec![m(3, 3); 6];
        items.extend([m(3, 5), m(3, 4), m(3, 1)]);
        let result = jpm(&items).expect("non-empty");
        assert_eq!(result, fraction(25, 27));
        assert!((result.percent() - 92.592_592).abs() < 1e-4);
    }

    #[test]
    fn mapping_categories_from_domain_md() {
        for (attained, required, expected) in [
            (90, 100, MappingCategory::Optimal),
            (27, 30, MappingCategory::Optimal),
            (89, 100, MappingCategory::CukupOptimal),
            (78, 100, MappingCategory::CukupOptimal),
            (39, 50, MappingCategory::CukupOptimal),
            (77, 100, MappingCategory::KurangOptimal),
        ] {
            assert_eq!(
                fraction(attained, required).mapping_category(),
                expected,
                "{attained}/{required}"
            );
        }
    }

    #[test]
    fn selection_categories_from_domain_md() {
        for (attained, required, expected) in [
            (80, 100, SelectionCategory::MemenuhiSyarat),
            (4, 5, SelectionCategory::MemenuhiSyarat),
            (79, 100, SelectionCategory::MasihMemenuhiSyarat),
            (68, 100, SelectionCategory::MasihMemenuhiSyarat),
            (17, 25, SelectionCategory::MasihMemenuhiSyarat),
            (67, 100, SelectionCategory::KurangMemenuhiSyarat),
        ] {
            assert_eq!(
                fraction(attained, required).selection_category(),
                expected,
                "{attained}/{required}"
            );
        }
    }

    #[test]
    fn gaps_are_required_minus_attained() {
        assert_eq!(m(4, 2).gap(), 2);
        assert_eq!(m(3, 3).gap(), 0);
        assert_eq!(m(2, 5).gap(), -3);
    }

    #[test]
    fn bad_levels_and_empty_standards_are_refused() {
        assert_eq!(CompetencyLevel::new(0), Err(JpmError::LevelOutOfRange(0)));
        assert_eq!(CompetencyLevel::new(6), Err(JpmError::LevelOutOfRange(6)));
        assert_eq!(jpm(&[]), Err(JpmError::EmptyStandard));
    }

    fn item() -> impl Strategy<Value = CompetencyMatch> {
        (1u8..=5, 1u8..=5).prop_map(|(r, a)| m(r, a))
    }

    proptest! {
        #[test]
        fn jpm_stays_between_zero_and_one_hundred(items in prop::collection::vec(item(), 1..12)) {
            let p = jpm(&items).expect("non-empty").percent();
            prop_assert!(p > 0.0 && p <= 100.0);
        }

        #[test]
        fn raising_an_attained_level_never_lowers_the_category(
            items in prop::collection::vec(item(), 1..12), index in any::<prop::sample::Index>()
        ) {
            let before = jpm(&items).expect("non-empty");
            let mut raised = items.clone();
            let i = index.index(raised.len());
            raised[i].attained = CompetencyLevel::new((raised[i].attained.get() + 1).min(5)).expect("1-5");
            let after = jpm(&raised).expect("non-empty");
            prop_assert!(after.percent() >= before.percent());
            prop_assert!(after.mapping_category() >= before.mapping_category());
            prop_assert!(after.selection_category() >= before.selection_category());
        }

        #[test]
        fn categories_are_monotone_in_the_percentage(a in 0u32..=200, b in 0u32..=200, required in 1u32..=200) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            let (lo, hi) = (fraction(lo.min(required), required), fraction(hi.min(required), required));
            prop_assert!(lo.mapping_category() <= hi.mapping_category());
            prop_assert!(lo.selection_category() <= hi.selection_category());
        }
    }
}
