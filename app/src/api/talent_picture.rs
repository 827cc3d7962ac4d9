//! The public talent picture of an instansi that maps its ASN with Jenjang, shown on
//! `/indeks-merit/{slug}`: aggregates only, read from a published release ("rilis", domain.md
//! §11) whose every count passed the disclosure audit when it was published.

use crate::domain::disclosure::{Disclosed, DisclosedTable, MIN_PEOPLE_FOR_AVERAGE};
use crate::domain::local_time::Zone;
use crate::domain::release::ReleaseChange;
use serde::{Deserialize, Serialize};

/// One published version of a period's tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseInfo {
    pub period: i32,
    pub version: i64,
    /// UTC time stamps as stored.
    pub published_at: String,
    pub publisher: String,
    /// The newest scoring or calibration the tables reflect.
    pub data_as_of: String,
    pub parameter_version: i64,
    /// Why the period was published again (empty for a first version).
    pub note: String,
    pub changes: Vec<ReleaseChange>,
}

/// What the disclosure audit found a withheld count of 1-4 could be, from everything
/// published: it protects when `smallest` is 0 and `largest` at least 5 (or unbounded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditedCell {
    /// The version it was published in, when it is an earlier one.
    pub earlier_version: Option<i64>,
    /// The OPD; `None` for a margin of the whole instansi.
    pub opd: Option<String>,
    /// 0: the kotak table (columns kotak 1-9, then not mapped); 1: the JP table (reached,
    /// not yet); `None` for an OPD's or the instansi's total.
    pub table: Option<usize>,
    pub column: Option<usize>,
    pub smallest: f64,
    pub largest: Option<f64>,
}

/// A period the publisher may publish, with what stands in the way and what is out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodOffer {
    pub period: i32,
    pub placements: u64,
    pub open_sessions: u64,
    /// Newest first.
    pub versions: Vec<ReleaseInfo>,
    /// The audit of the newest version.
    pub audit: Vec<AuditedCell>,
}

/// The publisher's page: the instansi and its scored periods, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseOffice {
    pub instansi: String,
    pub slug: String,
    pub periods: Vec<PeriodOffer>,
}

/// The tables a release publishes, as stored with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseTables {
    /// The rows: the OPD (and "Tanpa unit kerja" if anyone is).
    pub opd: Vec<String>,
    /// Per OPD, the pegawai in kotak 1-9 and those not mapped (10 columns).
    pub kotak: DisclosedTable,
    /// Per OPD, the pegawai who reached the JP target, and those who did not.
    pub training: DisclosedTable,
    pub jp_target: f64,
}

/// The columns of [`TalentPicture::kotak`]: kotak 1-9, then the pegawai not mapped in the
/// period.
pub const NOT_MAPPED: usize = 9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentPicture {
    pub slug: String,
    /// The instansi's name.
    pub instansi: String,
    /// Its time zone, in which its releases' times are shown.
    pub zone: Zone,
    /// The period shown per OPD, and every published period, newest first.
    pub period: i32,
    pub periods: Vec<i32>,
    /// The release shown, and every version of its period, newest first.
    pub release: ReleaseInfo,
    pub versions: Vec<ReleaseInfo>,
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
    /// The instansi's mapped pegawai per period, kotak 1-9, newest first: each period as its
    /// newest release publishes it.
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

    /// The instansi's mapped pegawai, when it can be published: the kotak totals added up, or
    /// everyone less the not mapped (both published, so anyone could subtract).
    pub fn mapped_total(&self) -> Option<u64> {
        let totals = &self.kotak.column_totals;
        totals.get(..NOT_MAPPED).and_then(sum).or_else(|| {
            let everyone = self.kotak.total.shown()?;
            let not_mapped = totals.get(NOT_MAPPED)?.shown()?;
            everyone.checked_sub(not_mapped)
        })
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
        let release = ReleaseInfo {
            period: 2025,
            version: 1,
            published_at: "2026-01-05T03:00:00Z".into(),
            publisher: "BKPSDM Uji".into(),
            data_as_of: "2026-01-04T09:00:00Z".into(),
            parameter_version: 1,
            note: String::new(),
            changes: vec![ReleaseChange::First],
        };
        TalentPicture {
            slug: "uji".into(),
            instansi: "Pemerintah Kota Uji".into(),
            zone: Zone::Wita,
            period: 2025,
            periods: vec![2025],
            versions: vec![release.clone()],
            release,
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
        assert_eq!(small.mapped_total(), Some(58));
    }
}
