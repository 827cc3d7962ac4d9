//! The public merit index as it travels from the server functions to the browser: the
//! instansi and their published scores, the trend page's selection with its provincial
//! medians and yearly ranking, and the front page's latest score of each instansi.

use crate::domain::instansi::InstansiKind;
use crate::domain::merit_index::{Framework, MeritCategory};
use serde::{Deserialize, Serialize};

/// An instansi with a public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instansi {
    pub slug: String,
    pub name: String,
    pub kind: InstansiKind,
    pub province: String,
}

impl Instansi {
    /// The name without the "Pemerintah" every local government carries, for legends.
    pub fn short_name(&self) -> &str {
        self.name.strip_prefix("Pemerintah ").unwrap_or(&self.name)
    }
}

/// One published score with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeritScore {
    pub year: i32,
    pub framework: Framework,
    pub score: f64,
    pub source: String,
    pub note: String,
}

impl MeritScore {
    /// The category follows from the score; stored data was validated on the way in.
    pub fn category(&self) -> Option<MeritCategory> {
        self.framework.categorize(self.score).ok()
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

/// The median score of a province's instansi (the province and its kabupaten and kota) per
/// year on one scale: `(year, median, instansi counted)`, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvinceMedian {
    pub province: String,
    pub framework: Framework,
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

/// An instansi's place among every instansi scored on the same scale in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedScore {
    pub rank: usize,
    pub instansi: Instansi,
    pub score: MeritScore,
    /// The median of its province that year, and over how many instansi.
    pub province_median: Option<(f64, usize)>,
}

/// The years with scores (newest first) and, for the chosen one, a ranking per scale used
/// that year: scores on different scales are never ranked together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    pub years: Vec<i32>,
    pub year: Option<i32>,
    pub tables: Vec<(Framework, Vec<RankedScore>)>,
}

/// An instansi's most recent published score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatestScore {
    pub instansi: Instansi,
    pub score: MeritScore,
}

/// The front page: each instansi's latest score, and how many provinces they are in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Landing {
    /// Newest year first; within a year by scale, then the higher score first.
    pub latest: Vec<LatestScore>,
    pub provinces: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

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
