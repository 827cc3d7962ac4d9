//! Disclosure control for public figures (domain.md §8), applied before any number leaves the
//! server: counts of 1 to 4 people are shown as "<5", and further cells or totals are hidden
//! (complementary suppression) so that no "<5" can be recomputed from a row or column total.
//! Averages are published only over enough people.

use crate::i18n::Lang;
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

/// One or more tables over the same rows as a set of values ("members") and the sums that tie
/// them ("lines"). The rows share their totals and the grand total; each table has its own
/// columns and column totals. Lines: each table's rows with the row's total and columns with
/// the column's total, the row totals with the grand total, each table's column totals with it.
struct Layout {
    values: Vec<u64>,
    lines: Vec<Vec<usize>>,
    /// Where each table's cells start, and its number of columns.
    blocks: Vec<(usize, usize)>,
    /// Where the row totals start.
    row_totals: usize,
    /// Where each table's column totals start.
    column_totals: Vec<usize>,
    grand: usize,
}

impl Layout {
    /// `row_sums` are the rows' totals, which every table's rows add up to.
    fn new(tables: &[&[Vec<u64>]], row_sums: &[u64]) -> Layout {
        let rows = row_sums.len();
        let cell_of = |table: &[Vec<u64>], r: usize, c: usize| {
            table
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .unwrap_or(0)
        };
        let mut values = Vec::new();
        let mut blocks = Vec::with_capacity(tables.len());
        for table in tables {
            let columns = table.iter().map(Vec::len).max().unwrap_or(0);
            blocks.push((values.len(), columns));
            for r in 0..rows {
                values.extend((0..columns).map(|c| cell_of(table, r, c)));
            }
        }
        let row_totals = values.len();
        values.extend(row_sums);
        let mut column_totals = Vec::with_capacity(blocks.len());
        for (table, (_, columns)) in tables.iter().zip(&blocks) {
            column_totals.push(values.len());
            values.extend(
                (0..*columns).map(|c| (0..rows).map(|r| cell_of(table, r, c)).sum::<u64>()),
            );
        }
        let grand = values.len();
        values.push(row_sums.iter().sum());

        let mut lines = Vec::new();
        for ((start, columns), totals) in blocks.iter().zip(&column_totals) {
            let cell = |r: usize, c: usize| start + r * columns + c;
            for r in 0..rows {
                lines.push(
                    (0..*columns)
                        .map(|c| cell(r, c))
                        .chain([row_totals + r])
                        .collect(),
                );
            }
            for c in 0..*columns {
                lines.push((0..rows).map(|r| cell(r, c)).chain([totals + c]).collect());
            }
        }
        lines.push((0..rows).map(|r| row_totals + r).chain([grand]).collect());
        for ((_, columns), totals) in blocks.iter().zip(&column_totals) {
            lines.push((0..*columns).map(|c| totals + c).chain([grand]).collect());
        }
        Layout {
            values,
            lines,
            blocks,
            row_totals,
            column_totals,
            grand,
        }
    }
}

fn row_sums(table: &[Vec<u64>]) -> Vec<u64> {
    table.iter().map(|row| row.iter().sum()).collect()
}

/// An upper bound that stands for "no upper bound" in [`gives_away`]'s sums.
const UNBOUNDED: i64 = i64::MAX / 4;

/// What a reader knows of a hidden count from how it is shown: "<5" is 1 to 4, "–" is 5 or
/// more.
fn bounds(value: u64) -> (i64, i64) {
    if value < MIN_COUNT {
        (1, MIN_COUNT as i64 - 1)
    } else {
        (MIN_COUNT as i64, UNBOUNDED)
    }
}

/// Whether a line (its parts, then its total) gives a hidden member away: with the shown
/// members and the bounds of the hidden ones, some hidden member can take one value only (a
/// line that hides a single member always does), or the hidden parts under a shown total add
/// up to 1-4 people, itself a small count.
fn gives_away(line: &[usize], values: &[u64], hidden: &[bool]) -> bool {
    let Some((&total, parts)) = line.split_last() else {
        return false;
    };
    // Each member with its sign in "parts - total = 0".
    let signed: Vec<(usize, i64)> = parts.iter().map(|m| (*m, 1)).chain([(total, -1)]).collect();
    let unknown: Vec<(usize, i64)> = signed.iter().copied().filter(|(m, _)| hidden[*m]).collect();
    if unknown.is_empty() {
        return false;
    }
    // The signed sum of the hidden members, as the shown ones give it.
    let known: i64 = -signed
        .iter()
        .filter(|(m, _)| !hidden[*m])
        .map(|(m, sign)| sign * values[*m] as i64)
        .sum::<i64>();
    if !hidden[total] && (1..MIN_COUNT as i64).contains(&known) {
        return true;
    }
    unknown.iter().any(|(member, sign)| {
        // The range of the other hidden members' signed sum.
        let (mut low, mut high) = (0_i64, 0_i64);
        for (other, other_sign) in unknown.iter().filter(|(o, _)| o != member) {
            let (lo, hi) = bounds(values[*other]);
            if *other_sign > 0 {
                low += lo;
                high = high.saturating_add(hi);
            } else {
                low = low.saturating_sub(hi);
                high -= lo;
            }
        }
        let (a, b) = (known.saturating_sub(high), known.saturating_sub(low));
        let (from, to) = if *sign > 0 { (a, b) } else { (-b, -a) };
        let (lo, hi) = bounds(values[*member]);
        from.max(lo) >= to.min(hi)
    })
}

/// Protects a table of counts (`counts[row][column]`; short rows count as zeros).
///
/// Primary suppression hides every count of 1-4. Then, as long as some line (a row, a column
/// or a margin, each with its total) gives a hidden member away ([`gives_away`]: a single
/// hidden member, two "<5" that must both be 1, hidden parts adding up to 1-4), the smallest
/// non-zero member still shown on that line is hidden too. This terminates because members
/// are only ever hidden, never shown again.
pub fn protect_table(counts: &[Vec<u64>]) -> DisclosedTable {
    let mut tables = protect(&[counts], &row_sums(counts));
    tables.swap_remove(0)
}

/// Protects tables that count the same people of the same rows by different traits (the
/// kotak of each OPD's pegawai, and whether they reached 20 JP): together, since a total
/// hidden in one and shown in the other would undo the protection. Each row must sum to the
/// same total in every table.
pub fn protect_linked(tables: &[&[Vec<u64>]]) -> Result<Vec<DisclosedTable>, UnequalRows> {
    let sums = tables.first().map(|t| row_sums(t)).unwrap_or_default();
    for table in tables {
        let other = row_sums(table);
        if let Some(row) = (0..sums.len().max(other.len()))
            .find(|r| sums.get(*r).copied().unwrap_or(0) != other.get(*r).copied().unwrap_or(0))
        {
            return Err(UnequalRows { row });
        }
    }
    Ok(protect(tables, &sums))
}

/// One [`DisclosedTable`] per table (at least one, empty when `tables` is).
fn protect(tables: &[&[Vec<u64>]], row_sums: &[u64]) -> Vec<DisclosedTable> {
    let layout = Layout::new(tables, row_sums);
    let mut hidden: Vec<bool> = layout
        .values
        .iter()
        .map(|v| (1..MIN_COUNT).contains(v))
        .collect();
    let mut changed = true;
    while changed {
        changed = false;
        for line in &layout.lines {
            if !gives_away(line, &layout.values, &hidden) {
                continue;
            }
            let complement = line
                .iter()
                .filter(|m| !hidden[**m] && layout.values[**m] > 0)
                .min_by_key(|m| (layout.values[**m], **m));
            if let Some(member) = complement {
                hidden[*member] = true;
                changed = true;
            }
        }
    }
    let disclose = |member: usize| {
        let value = layout.values[member];
        match (hidden[member], value) {
            (false, _) => Disclosed::Shown(value),
            (true, v) if v < MIN_COUNT => Disclosed::FewerThanFive,
            (true, _) => Disclosed::Hidden,
        }
    };
    let rows = row_sums.len();
    let row_totals: Vec<Disclosed> = (0..rows).map(|r| disclose(layout.row_totals + r)).collect();
    let mut protected: Vec<DisclosedTable> = layout
        .blocks
        .iter()
        .zip(&layout.column_totals)
        .map(|((start, columns), totals)| DisclosedTable {
            cells: (0..rows)
                .map(|r| {
                    (0..*columns)
                        .map(|c| disclose(start + r * columns + c))
                        .collect()
                })
                .collect(),
            row_totals: row_totals.clone(),
            column_totals: (0..*columns).map(|c| disclose(totals + c)).collect(),
            total: disclose(layout.grand),
        })
        .collect();
    if protected.is_empty() {
        protected.push(DisclosedTable {
            cells: Vec::new(),
            row_totals,
            column_totals: Vec::new(),
            total: disclose(layout.grand),
        });
    }
    protected
}

/// The mean of `values`, or `None` when fewer than [`MIN_PEOPLE_FOR_AVERAGE`] people stand
/// behind it.
pub fn average(values: &[f64]) -> Option<f64> {
    (values.len() >= MIN_PEOPLE_FOR_AVERAGE)
        .then(|| values.iter().sum::<f64>() / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Disclosed::*;

    #[test]
    fn a_small_unit_is_shown_as_fewer_than_five_and_cannot_be_recomputed() {
        // Two OPD (rows) by three kotak groups (columns); OPD A has 3 people in the middle group.
        let table = protect_table(&[vec![12, 3, 7], vec![8, 9, 10]]);
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
        let table = protect_table(&[vec![2, 2, 0], vec![10, 20, 30]]);
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
        let table = protect_table(&[vec![0, 6, 4, 15, 30, 9, 12, 7, 5]]);
        let row = &table.cells[0];
        assert_eq!(row[2], FewerThanFive);
        assert_eq!(row[8], Hidden, "the smallest non-zero other count");
        assert_eq!(row[0], Shown(0));
        assert_eq!(table.row_totals[0], Shown(88));
    }

    #[test]
    fn tables_without_small_counts_are_untouched() {
        let table = protect_table(&[vec![5, 10], vec![0, 7]]);
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
        let table = protect_table(&[vec![0, 0, 0, 0, 1, 0, 1, 0, 0, 33]]);
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
            Err(UnequalRows { row: 0 })
        );
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
            let table = protect_table(&counts);
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
            // A second table over the same rows: each row's total split into two columns.
            let second: Vec<Vec<u64>> = counts
                .iter()
                .map(|row| {
                    let total: u64 = row.iter().sum();
                    let first = split.min(total);
                    vec![first, total - first]
                })
                .collect();
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
            let table = protect_table(&counts);
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
    }
}
