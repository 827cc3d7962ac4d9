//! Disclosure control for public figures (domain.md §8), applied before any number leaves the
//! server: counts of 1 to 4 people are shown as "<5", and further cells or totals are hidden
//! (complementary suppression) so that no "<5" can be recomputed from a row or column total.
//! Averages are published only over enough people.

#[cfg(feature = "ssr")]
mod audit;
#[cfg(feature = "ssr")]
mod layout;
#[cfg(feature = "ssr")]
mod protect;

use crate::i18n::Lang;
#[cfg(feature = "ssr")]
pub use audit::{Bounds, SolverFailed};
#[cfg(feature = "ssr")]
pub use layout::Member;
#[cfg(feature = "ssr")]
pub use protect::{
    audit_published, protect_linked, protect_release, protect_table, Audited, DisclosureError,
    Earlier, Linked, Protected,
};
use serde::{Deserialize, Serialize};

/// Counts below this (and above zero) are never published.
pub const MIN_COUNT: u64 = 5;

/// Averages are published only over at least this many people.
pub const MIN_PEOPLE_FOR_AVERAGE: usize = 10;

/// A count as it may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Disclosed {
    Shown(u64),
    /// 1 to 4 people: published as "<5".
    FewerThanFive,
    /// Hidden so that a "<5" elsewhere cannot be recomputed; its true value is 5 or more.
    Hidden,
}

impl Disclosed {
    /// A figure derived from published counts (a sum, a difference): shown when it could be
    /// computed from them, hidden otherwise.
    pub fn derived(value: Option<u64>) -> Disclosed {
        value.map_or(Disclosed::Hidden, Disclosed::Shown)
    }

    /// "12", "<5" or "–", thousands separated as `lang` writes them ("4.041", "4,041").
    pub fn text(self, lang: Lang) -> String {
        match self {
            Disclosed::Shown(n) => lang.decimal(n as f64, 0),
            Disclosed::FewerThanFive => "<5".to_owned(),
            Disclosed::Hidden => "–".to_owned(),
        }
    }

    pub fn shown(self) -> Option<u64> {
        match self {
            Disclosed::Shown(n) => Some(n),
            _ => None,
        }
    }
}

/// A two-way table of counts with its row, column and grand totals, after disclosure control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosedTable {
    pub cells: Vec<Vec<Disclosed>>,
    pub row_totals: Vec<Disclosed>,
    pub column_totals: Vec<Disclosed>,
    pub total: Disclosed,
}

/// Tables over the same rows whose rows count the same people by different traits cannot
/// be protected together: a row does not sum to the same total in each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("baris {row} tidak berjumlah sama di setiap tabel")]
pub struct UnequalRows {
    pub row: usize,
}

/// The mean of `values`, or `None` when fewer than [`MIN_PEOPLE_FOR_AVERAGE`] people stand
/// behind it.
pub fn average(values: &[f64]) -> Option<f64> {
    (values.len() >= MIN_PEOPLE_FOR_AVERAGE)
        .then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::protect::gives_away;
    use super::*;
    use proptest::prelude::*;
    use Disclosed::*;

    #[test]
    fn a_small_unit_is_shown_as_fewer_than_five_and_cannot_be_recomputed() {
        // Two OPD (rows) by three kotak groups (columns); OPD A has 3 people in the middle group.
        let table = protect_table(&[vec![12, 3, 7], vec![8, 9, 10]]).expect("protects");
        // The 3 is hidden; the 7 beside it goes too, or 22 - 12 - 7 would give it away.
        // Column-wise, the 9 and the 10 go for the same reason.
        assert_eq!(
            table.cells,
            vec![
                vec![Shown(12), FewerThanFive, Hidden],
                vec![Shown(8), Hidden, Hidden]
            ]
        );
        assert_eq!(table.row_totals, vec![Shown(22), Shown(27)]);
        assert_eq!(table.column_totals, vec![Shown(20), Shown(12), Shown(17)]);
        assert_eq!(table.total, Shown(49));
    }

    #[test]
    fn a_unit_of_four_people_hides_its_total_too() {
        let table = protect_table(&[vec![2, 2, 0], vec![10, 20, 30]]).expect("protects");
        assert_eq!(table.cells[0], vec![FewerThanFive, FewerThanFive, Shown(0)]);
        assert_eq!(table.row_totals[0], FewerThanFive);
        // The margin of row totals now hides one member: the smallest other total goes too.
        assert_eq!(table.row_totals[1], Hidden);
        // The grand total stays: with both row totals hidden it solves neither.
        assert_eq!(table.total, Shown(64));
    }

    #[test]
    fn a_single_distribution_hides_its_smallest_other_count() {
        // One OPD's 9-box distribution, kotak 1 to 9.
        let table = protect_table(&[vec![0, 6, 4, 15, 30, 9, 12, 7, 5]]).expect("protects");
        let row = &table.cells[0];
        assert_eq!(row[2], FewerThanFive);
        assert_eq!(row[8], Hidden, "the smallest non-zero other count");
        assert_eq!(row[0], Shown(0));
        assert_eq!(table.row_totals[0], Shown(88));
    }

    #[test]
    fn tables_without_small_counts_are_untouched() {
        let table = protect_table(&[vec![5, 10], vec![0, 7]]).expect("protects");
        assert_eq!(
            table.cells,
            vec![vec![Shown(5), Shown(10)], vec![Shown(0), Shown(7)]]
        );
        assert_eq!(table.total, Shown(22));
    }

    #[test]
    fn published_texts() {
        assert_eq!(Shown(4041).text(Lang::Id), "4.041");
        assert_eq!(Shown(4041).text(Lang::En), "4,041");
        assert_eq!(FewerThanFive.text(Lang::En), "<5");
        assert_eq!(Hidden.text(Lang::Id), "–");
        assert_eq!(Disclosed::derived(Some(7)), Shown(7));
        assert_eq!(Disclosed::derived(None), Hidden);
    }

    #[test]
    fn averages_need_ten_people() {
        assert_eq!(average(&[80.0; 9]), None);
        assert_eq!(
            average(&[70.0, 90.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0]),
            Some(80.0)
        );
        assert_eq!(average(&[]), None);
    }

    #[test]
    fn linked_tables_hide_a_shared_total_in_both() {
        // OPD A: 3 in kotak 5, 9 in kotak 8 (12 pegawai); 2 of them reached 20 JP.
        let kotak = [vec![3, 9], vec![20, 30]];
        let training = [vec![2, 10], vec![25, 25]];
        let tables = protect_linked(&[&kotak, &training]).expect("rows agree");
        assert_eq!(tables[0].cells[0], vec![FewerThanFive, Hidden]);
        assert_eq!(tables[1].cells[0], vec![FewerThanFive, Hidden]);
        // The row totals are shared: hidden or shown alike in both.
        assert_eq!(tables[0].row_totals, tables[1].row_totals);
        assert_eq!(tables[0].total, tables[1].total);
        // Each table's columns are protected: the 20 beside the hidden 3 goes too.
        assert_eq!(tables[0].cells[1][0], Hidden);
        assert_eq!(tables[1].cells[1][0], Hidden);
    }

    #[test]
    fn two_hidden_counts_that_must_both_be_one_take_a_third_with_them() {
        // An OPD of 35: one in kotak 5, one in kotak 7, 33 not mapped. Both "<5" under a
        // shown total would add up to 2, so each is 1: the 33 is hidden too.
        let table = protect_table(&[vec![0, 0, 0, 0, 1, 0, 1, 0, 0, 33]]).expect("protects");
        let row = &table.cells[0];
        assert_eq!((row[4], row[6]), (FewerThanFive, FewerThanFive));
        assert_eq!(row[9], Hidden);
        assert_eq!(table.row_totals[0], Shown(35));
    }

    #[test]
    fn a_hidden_count_pinned_by_its_bounds_is_protected() {
        // Two "<5" under 8 can only be 4 and 4; "<5" and "5 or more" under 6 only 1 and 5.
        assert!(gives_away(&[0, 1, 2], &[4, 4, 8], &[true, true, false]));
        assert!(gives_away(&[0, 1, 2], &[1, 5, 6], &[true, true, false]));
        // 3 and 9 under 12: 1-4 and 8-11 both remain open.
        assert!(!gives_away(&[0, 1, 2], &[3, 9, 12], &[true, true, false]));
        // Hidden parts of 1-4 under a shown total are a small count themselves.
        assert!(gives_away(
            &[0, 1, 2, 3],
            &[1, 2, 20, 23],
            &[true, true, false, false]
        ));
        // A hidden total with hidden parts: nothing is pinned.
        assert!(!gives_away(&[0, 1, 2], &[2, 2, 4], &[true, true, true]));
        assert!(gives_away(&[0, 1, 2], &[2, 0, 2], &[true, false, false]));
    }

    #[test]
    fn linked_tables_must_count_the_same_people() {
        assert_eq!(
            protect_linked(&[&[vec![5, 5]], &[vec![6, 5]]]),
            Err(DisclosureError::UnequalRows(UnequalRows { row: 0 }))
        );
    }

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|r| format!("OPD {r}")).collect()
    }

    /// Every withheld count of 1-4, re-solved from what `tables` publish of `counts`.
    fn solved(counts: &[&[Vec<u64>]], tables: &[DisclosedTable]) -> Vec<(Member, Bounds)> {
        let rows = names(counts.first().map_or(0, |t| t.len()));
        audit_published(
            Linked {
                rows: &rows,
                tables: counts,
            },
            tables,
        )
        .expect("solves")
    }

    #[test]
    fn a_count_no_single_line_gives_away_is_found_by_solving() {
        // Line by line, no row or column gives a small count away, yet together the shown
        // figures bound the 3 of the first row to 0-4: nobody could think it five or more.
        // (Found by searching random tables.) The audit must withhold more.
        let counts = vec![
            vec![3, 8, 33, 2, 35],
            vec![22, 1, 8, 38, 3],
            vec![2, 31, 37, 0, 0],
        ];
        let line_by_line = layout::Layout::new(&[&counts], &names(3), &layout::row_sums(&counts));
        let (values, lines) = (&line_by_line.values, &line_by_line.lines);
        let mut hidden: Vec<bool> = values.iter().map(|v| (1..MIN_COUNT).contains(v)).collect();
        super::protect::line_pass(values, lines, &mut hidden, &vec![true; values.len()]);
        let system = audit::System::new(values, lines);
        let exposed = system.bounds(0, &hidden).expect("solves");
        assert!(
            !exposed.protects(),
            "the first pass alone leaks: {exposed:?}"
        );
        let table = protect_table(&counts).expect("protects");
        assert_eq!(table.cells[0][0], FewerThanFive);
        for (member, bounds) in solved(&[&counts], &[table]) {
            assert!(bounds.protects(), "{member:?}: {bounds:?}");
        }
    }

    #[test]
    fn a_second_version_cannot_difference_out_the_first() {
        // Version 1: A has 3 in kotak x. After a calibration one person of A moves from y to
        // z. Unchanged figures are tied across the versions; what version 2 shows must not
        // pin the 3 of version 1 (nor its own).
        let rows = names(2);
        let first = vec![vec![3, 9, 20], vec![12, 15, 30]];
        let v1 = protect_release(
            Linked {
                rows: &rows,
                tables: &[&first],
            },
            &[],
        )
        .expect("protects");
        let second = vec![vec![3, 8, 21], vec![12, 15, 30]];
        let earlier = [Earlier {
            counts: Linked {
                rows: &rows,
                tables: &[&first],
            },
            published: &v1.tables,
        }];
        let v2 = protect_release(
            Linked {
                rows: &rows,
                tables: &[&second],
            },
            &earlier,
        )
        .expect("protects");
        assert!(v2.audit.iter().any(|a| a.publication == Some(0)));
        for audited in &v2.audit {
            assert!(audited.smallest <= 1e-6, "{audited:?}");
            assert!(
                audited.largest.is_none_or(|l| l >= 5.0 - 1e-6),
                "{audited:?}"
            );
        }
    }

    /// A second table over the same rows: each row's total split into two columns, the
    /// first holding up to `split` people.
    fn split_rows(counts: &[Vec<u64>], split: u64) -> Vec<Vec<u64>> {
        counts
            .iter()
            .map(|row| {
                let total: u64 = row.iter().sum();
                let first = split.min(total);
                vec![first, total - first]
            })
            .collect()
    }

    fn tables() -> impl Strategy<Value = Vec<Vec<u64>>> {
        (1usize..5, 1usize..6).prop_flat_map(|(rows, columns)| {
            prop::collection::vec(
                prop::collection::vec(prop_oneof![0u64..6, 0u64..40], columns),
                rows,
            )
        })
    }

    proptest! {
        #[test]
        fn no_line_ever_hides_exactly_one_member(counts in tables()) {
            let table = protect_table(&counts).expect("protects");
            let rows = counts.len();
            let columns = counts[0].len();
            let not_shown = |d: &Disclosed| d.shown().is_none();
            for r in 0..rows {
                let n = table.cells[r].iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(&table.row_totals[r]));
                prop_assert!(n != 1, "row {r}: {table:?}");
            }
            for c in 0..columns {
                let n = (0..rows).filter(|r| not_shown(&table.cells[*r][c])).count() + usize::from(not_shown(&table.column_totals[c]));
                prop_assert!(n != 1, "column {c}: {table:?}");
            }
            let margin_rows = table.row_totals.iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(&table.total));
            let margin_columns = table.column_totals.iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(&table.total));
            prop_assert!(margin_rows != 1 && margin_columns != 1, "{table:?}");
        }

        #[test]
        fn linked_tables_leave_no_line_with_one_unknown(counts in tables(), split in 0u64..40) {
            let second = split_rows(&counts, split);
            let tables = protect_linked(&[&counts, &second]).expect("rows agree");
            let not_shown = |d: &Disclosed| d.shown().is_none();
            let margin = tables[0].row_totals.iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(&tables[0].total));
            prop_assert!(margin != 1);
            for table in &tables {
                for (r, row) in table.cells.iter().enumerate() {
                    let n = row.iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(&table.row_totals[r]));
                    prop_assert!(n != 1, "row {r}: {tables:?}");
                }
                for c in 0..table.column_totals.len() {
                    let n = table.cells.iter().filter(|row| not_shown(&row[c])).count() + usize::from(not_shown(&table.column_totals[c]));
                    prop_assert!(n != 1, "column {c}: {tables:?}");
                }
                let columns = table.column_totals.iter().filter(|d| not_shown(d)).count() + usize::from(not_shown(&table.total));
                prop_assert!(columns != 1);
            }
        }

        #[test]
        fn small_counts_never_show_and_shown_counts_never_lie(counts in tables()) {
            let table = protect_table(&counts).expect("protects");
            for (r, row) in counts.iter().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    match table.cells[r][c] {
                        Shown(n) => { prop_assert_eq!(n, *value); prop_assert!(n == 0 || n >= MIN_COUNT); }
                        FewerThanFive => prop_assert!((1..MIN_COUNT).contains(value)),
                        Hidden => prop_assert!(*value >= MIN_COUNT),
                    }
                }
                let total: u64 = row.iter().sum();
                prop_assert!(table.row_totals[r].shown().is_none_or(|n| n == total));
            }
        }

        #[test]
        fn every_published_small_count_could_be_empty_or_five(counts in tables(), split in 0u64..40) {
            let second = split_rows(&counts, split);
            let tables = protect_linked(&[&counts, &second]).expect("protects");
            for (member, bounds) in solved(&[&counts, &second], &tables) {
                prop_assert!(bounds.protects(), "{member:?}: {bounds:?} in {tables:?}");
            }
        }
    }
}
