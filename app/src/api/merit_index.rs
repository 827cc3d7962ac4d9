//! The public merit index as it travels from the server functions to the browser: the
//! instansi and their published results (a score, or a category alone; by KASN or BKN; with
//! their corrections), the trend page's selection with its provincial medians and yearly
//! ranking, and the front page's latest result of each instansi.

use crate::domain::instansi::InstansiKind;
use crate::domain::merit_index::{Framework, MeritCategory};
use crate::domain::merit_result::{Body, Value};
use serde::{Deserialize, Serialize};

/// An instansi with a public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instansi {
    pub slug: String,
    pub name: String,
    pub kind: InstansiKind,
    /// Empty for a kementerian or lembaga, which is national.
    pub province: String,
}

impl Instansi {
    /// The name without the "Pemerintah" every local government carries, for legends.
    pub fn short_name(&self) -> &str {
        self.name.strip_prefix("Pemerintah ").unwrap_or(&self.name)
    }
}

/// One published result (the version in force) with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeritScore {
    /// The stored version's id: what a correction names.
    pub id: i64,
    pub year: i32,
    pub framework: Framework,
    /// Who assessed: two rounds of one year (KASN's and BKN's of 2024) are two results.
    pub body: Body,
    /// `None` for a category-only result, which never enters a median or a ranking.
    pub score: Option<f64>,
    /// The published category of a category-only result ("III"); a score's follows from it.
    pub stated_category: Option<String>,
    /// The citation as published.
    pub source: String,
    pub source_url: Option<String>,
    /// YYYY-MM-DD, when the day of publication is known.
    pub published_on: Option<String>,
    pub note: String,
    /// Present when this version corrects an earlier one.
    pub correction: Option<Correction>,
}

/// Why and when a result was corrected, and what it said before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// This version's number: 2 for the first correction.
    pub version: i64,
    pub reason: String,
    pub recorded_at: String,
    pub previous_score: Option<f64>,
    pub previous_category: Option<String>,
}

impl MeritScore {
    /// What the result says; stored data was validated on the way in.
    pub fn value(&self) -> Option<Value> {
        Value::stored(self.framework, self.score, self.stated_category.as_deref())
    }

    /// The category: the one stated alone, or the one the score falls in.
    pub fn category(&self) -> Option<MeritCategory> {
        match self.value()? {
            Value::Score(score) => self.framework.categorize(score).ok(),
            Value::Category(category) => Some(category),
        }
    }

    /// The value before the correction, when this version is one.
    pub fn previous_value(&self) -> Option<Value> {
        let correction = self.correction.as_ref()?;
        Value::stored(
            self.framework,
            correction.previous_score,
            correction.previous_category.as_deref(),
        )
    }
}

/// An instansi with its published scores, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiHistory {
    pub instansi: Instansi,
    pub scores: Vec<MeritScore>,
}

/// What the trend page needs: every instansi that has a score (for the selector), the
/// histories of the selected ones in catalogue order, the medians of their provinces and,
/// when a year is asked for, the ranking of that year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeritOverview {
    pub catalogue: Vec<Instansi>,
    pub selected: Vec<InstansiHistory>,
    pub medians: Vec<ProvinceMedian>,
    pub ranking: Ranking,
}

/// The median score of a province's instansi (the province and its kabupaten and kota; for
/// the empty province, the national kementerian and lembaga) per year on one scale, in one
/// body's rounds: `(year, median, instansi counted)`, oldest first. Category-only results
/// are not counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvinceMedian {
    pub province: String,
    pub framework: Framework,
    pub body: Body,
    pub points: Vec<(i32, f64, usize)>,
}

impl ProvinceMedian {
    /// The median of `year`, with how many instansi it was taken over.
    pub fn at(&self, year: i32) -> Option<(f64, usize)> {
        self.points
            .iter()
            .find(|(y, _, _)| *y == year)
            .map(|(_, m, n)| (*m, *n))
    }
}

/// An instansi's place among every instansi scored on the same scale by the same body in one
/// year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedScore {
    pub rank: usize,
    pub instansi: Instansi,
    pub score: MeritScore,
    /// The median of its province that year, and over how many instansi.
    pub province_median: Option<(f64, usize)>,
}

/// The years with scores (newest first) and, for the chosen one, a ranking per scale and
/// body of that year: scores on different scales, or of different rounds, are never ranked
/// together, and a category alone is never ranked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub years: Vec<i32>,
    pub year: Option<i32>,
    pub tables: Vec<RankingTable>,
}

/// The ranking of one scale and one body's round in a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankingTable {
    pub framework: Framework,
    pub body: Body,
    pub rows: Vec<RankedScore>,
}

/// An instansi's most recent published result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatestScore {
    pub instansi: Instansi,
    pub score: MeritScore,
}

/// The front page: each instansi's latest result, and how many provinces they are in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Landing {
    /// Newest year first; within a year by scale, then scores (higher first) before
    /// categories alone (by name).
    pub latest: Vec<LatestScore>,
    pub provinces: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(score: Option<f64>, category: Option<&str>) -> MeritScore {
        MeritScore {
            id: 1,
            year: 2022,
            framework: Framework::Kasn,
            body: Body::Kasn,
            score,
            stated_category: category.map(str::to_owned),
            source: "sumber".into(),
            source_url: None,
            published_on: None,
            note: String::new(),
            correction: None,
        }
    }

    #[test]
    fn a_result_has_the_category_of_its_score_or_the_one_stated_alone() {
        let scored = result(Some(266.0), None);
        assert_eq!(scored.category().map(|c| c.code), Some("III"));
        assert_eq!(scored.value(), Some(Value::Score(266.0)));
        let alone = result(None, Some("IV"));
        assert_eq!(alone.category().map(|c| c.code), Some("IV"));
        assert_eq!(alone.previous_value(), None);
        let corrected = MeritScore {
            correction: Some(Correction {
                version: 2,
                reason: "Salah ketik pada sumber".into(),
                recorded_at: "2026-12-08T10:00:00Z".into(),
                previous_score: None,
                previous_category: Some("III".into()),
            }),
            ..scored
        };
        assert_eq!(
            corrected.previous_value().and_then(Value::stated_category),
            Some("III")
        );
    }

    #[test]
    fn short_names_drop_pemerintah() {
        let instansi = Instansi {
            slug: "Kota Bontang".into(),
            name: "Pemerintah Kota Bontang".into(),
            kind: InstansiKind::Kota,
            province: "x".into(),
        };
        assert_eq!(instansi.short_name(), "Kota Bontang");
    }
}
