//! The public talent picture of an instansi that maps its ASN with Jenjang, shown on
//! `/indeks-merit/{slug}`: aggregates only, and every count has passed disclosure control
//! (domain.md §8) on the server before it is put here.

use crate::domain::disclosure::{Disclosed, DisclosedTable, MIN_PEOPLE_FOR_AVERAGE};
use serde::{Deserialize, Serialize};

/// The columns of [`TalentPicture::kotak`]: kotak 1-9, then the pegawai not mapped in the
/// period.
pub const NOT_MAPPED: usize = 9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentPicture {
    pub slug: String,
    /// The instansi's name.
    pub instansi: String,
    /// The period shown per OPD, and every period with placements, newest first.
    pub period: i32,
    pub periods: Vec<i32>,
    /// The rows of `kotak` and `training`: the OPD (and "Tanpa unit kerja" if anyone is).
    pub opd: Vec<String>,
    /// Per OPD, the pegawai in kotak 1-9 and those not mapped (10 columns); the row totals
    /// are the OPD's pegawai.
    pub kotak: DisclosedTable,
    /// Per OPD, the pegawai who reached the JP target in the period's year, and those who
    /// did not. Protected together with `kotak`, whose row totals it shares.
    pub training: DisclosedTable,
    /// The yearly JP target (20 by default).
    pub jp_target: f64,
    /// The instansi's mapped pegawai per period, kotak 1-9, newest first.
    pub by_period: Vec<PeriodDistribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodDistribution {
    pub period: i32,
    pub per_kotak: Vec<Disclosed>,
    pub mapped: Disclosed,
}

/// `part` as a percentage of `whole`, only when both are published and at least
/// [`MIN_PEOPLE_FOR_AVERAGE`] people stand behind it.
pub fn share(part: Disclosed, whole: Disclosed) -> Option<f64> {
    match (part.shown(), whole.shown()) {
        (Some(part), Some(whole)) if whole as usize >= MIN_PEOPLE_FOR_AVERAGE => {
            Some(part as f64 * 100.0 / whole as f64)
        }
        _ => None,
    }
}

/// The sum of published counts, or `None` when any of them is not published: a sum of
/// hidden cells would give them away.
pub fn sum(counts: &[Disclosed]) -> Option<u64> {
    counts.iter().map(|c| c.shown()).sum()
}

impl TalentPicture {
    /// The mapped pegawai of row `r` (everyone but the not mapped), when it can be published.
    pub fn mapped(&self, r: usize) -> Option<u64> {
        let total = self.kotak.row_totals.get(r)?.shown()?;
        let not_mapped = self.kotak.cells.get(r)?.get(NOT_MAPPED)?.shown()?;
        Some(total - not_mapped)
    }

    /// The talent pool (kotak 7-9) of row `r`, when each of the three is published.
    pub fn pool(&self, r: usize) -> Option<u64> {
        sum(self.kotak.cells.get(r)?.get(6..9)?)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::disclosure::protect_linked;
    use Disclosed::*;

    #[test]
    fn shares_need_ten_people_and_published_counts() {
        assert_eq!(share(Shown(5), Shown(20)), Some(25.0));
        assert_eq!(share(Shown(5), Shown(9)), None);
        assert_eq!(share(FewerThanFive, Shown(20)), None);
        assert_eq!(share(Shown(5), Hidden), None);
    }

    #[test]
    fn a_sum_over_a_hidden_count_is_not_published() {
        assert_eq!(sum(&[Shown(5), Shown(0), Shown(7)]), Some(12));
        assert_eq!(sum(&[Shown(5), FewerThanFive, Shown(7)]), None);
        assert_eq!(sum(&[Shown(5), Hidden]), None);
    }

    /// A picture of two OPD, A and B, from their counts before disclosure control.
    pub(crate) fn picture(kotak: Vec<Vec<u64>>, training: Vec<Vec<u64>>) -> TalentPicture {
        let mut tables = protect_linked(&[&kotak, &training]).expect("rows agree");
        let training = tables.pop().expect("two tables");
        let kotak = tables.pop().expect("two tables");
        TalentPicture {
            slug: "uji".into(),
            instansi: "Pemerintah Kota Uji".into(),
            period: 2025,
            periods: vec![2025],
            opd: vec!["A".into(), "B".into()],
            kotak,
            training,
            jp_target: 20.0,
            by_period: Vec::new(),
        }
    }

    #[test]
    fn mapped_and_pool_come_only_from_published_counts() {
        let clean = picture(
            vec![
                vec![0, 0, 0, 0, 10, 0, 6, 7, 8, 20],
                vec![0, 0, 0, 0, 10, 0, 9, 7, 8, 20],
            ],
            vec![vec![30, 21], vec![30, 24]],
        );
        assert_eq!(clean.mapped(0), Some(31));
        assert_eq!(clean.pool(0), Some(21));
        assert_eq!(clean.pool(1), Some(24));
        // B's kotak 7 counts 2: B's pool is not published, nor anything that gives it away.
        let small = picture(
            vec![
                vec![0, 0, 0, 0, 10, 0, 6, 7, 8, 20],
                vec![0, 0, 0, 0, 10, 0, 2, 7, 8, 20],
            ],
            vec![vec![30, 21], vec![30, 17]],
        );
        assert_eq!(small.kotak.cells[1][6], FewerThanFive);
        assert_eq!(small.pool(1), None);
        assert_eq!(small.mapped(1), Some(27));
    }
}
