//! Linked tables laid out as one system: every published figure is a member with its true
//! count, and every sum that ties figures together is a line. Members carry a key (which
//! table, row and column) so that two publications of the same figures can be matched.

use super::{Disclosed, DisclosedTable, MIN_COUNT};
use serde::{Deserialize, Serialize};

/// Which figure of a publication a member is. Rows are named (an OPD), so that a row keeps
/// its identity when another publication adds or drops rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Member {
    Cell {
        table: usize,
        row: String,
        column: usize,
    },
    RowTotal {
        row: String,
    },
    ColumnTotal {
        table: usize,
        column: usize,
    },
    Total,
}

/// One or more tables over the same rows as a set of values ("members") and the sums that tie
/// them ("lines", each its parts then its total). The rows share their totals and the grand
/// total; each table has its own columns and column totals. Lines: each table's rows with the
/// row's total and columns with the column's total, the row totals with the grand total, each
/// table's column totals with it.
pub(super) struct Layout {
    pub(super) values: Vec<u64>,
    pub(super) keys: Vec<Member>,
    pub(super) lines: Vec<Vec<usize>>,
    /// Where each table's cells start, and its number of columns.
    blocks: Vec<(usize, usize)>,
    /// Where the row totals start.
    row_totals: usize,
    /// Where each table's column totals start.
    column_totals: Vec<usize>,
    grand: usize,
}

impl Layout {
    /// `rows` names the rows; every table's rows add up to `row_sums`.
    pub(super) fn new(tables: &[&[Vec<u64>]], rows: &[String], row_sums: &[u64]) -> Layout {
        let cell_of = |table: &[Vec<u64>], r: usize, c: usize| {
            table
                .get(r)
                .and_then(|row| row.get(c))
                .copied()
                .unwrap_or(0)
        };
        let mut values = Vec::new();
        let mut keys = Vec::new();
        let mut blocks = Vec::with_capacity(tables.len());
        for (t, table) in tables.iter().enumerate() {
            let columns = table.iter().map(Vec::len).max().unwrap_or(0);
            blocks.push((values.len(), columns));
            for (r, row) in rows.iter().enumerate() {
                for c in 0..columns {
                    values.push(cell_of(table, r, c));
                    keys.push(Member::Cell {
                        table: t,
                        row: row.clone(),
                        column: c,
                    });
                }
            }
        }
        let row_totals = values.len();
        values.extend(row_sums);
        keys.extend(rows.iter().map(|row| Member::RowTotal { row: row.clone() }));
        let mut column_totals = Vec::with_capacity(blocks.len());
        for (t, (table, (_, columns))) in tables.iter().zip(&blocks).enumerate() {
            column_totals.push(values.len());
            for c in 0..*columns {
                values.push((0..rows.len()).map(|r| cell_of(table, r, c)).sum::<u64>());
                keys.push(Member::ColumnTotal {
                    table: t,
                    column: c,
                });
            }
        }
        let grand = values.len();
        values.push(row_sums.iter().sum());
        keys.push(Member::Total);

        let mut lines = Vec::new();
        for ((start, columns), totals) in blocks.iter().zip(&column_totals) {
            let cell = |r: usize, c: usize| start + r * columns + c;
            for r in 0..rows.len() {
                lines.push(
                    (0..*columns)
                        .map(|c| cell(r, c))
                        .chain([row_totals + r])
                        .collect(),
                );
            }
            for c in 0..*columns {
                lines.push(
                    (0..rows.len())
                        .map(|r| cell(r, c))
                        .chain([totals + c])
                        .collect(),
                );
            }
        }
        lines.push(
            (0..rows.len())
                .map(|r| row_totals + r)
                .chain([grand])
                .collect(),
        );
        for ((_, columns), totals) in blocks.iter().zip(&column_totals) {
            lines.push((0..*columns).map(|c| totals + c).chain([grand]).collect());
        }
        Layout {
            values,
            keys,
            lines,
            blocks,
            row_totals,
            column_totals,
            grand,
        }
    }

    /// The members a publication of these tables did not show.
    pub(super) fn hidden_in(&self, published: &[DisclosedTable]) -> Vec<bool> {
        let mut hidden = vec![false; self.values.len()];
        let mut mark = |member: usize, shown: Option<&Disclosed>| {
            hidden[member] = shown.and_then(|d| d.shown()).is_none();
        };
        let rows = self.rows();
        for ((start, columns), (table, totals)) in self
            .blocks
            .iter()
            .zip(published.iter().zip(&self.column_totals))
        {
            for r in 0..rows {
                for c in 0..*columns {
                    mark(
                        start + r * columns + c,
                        table.cells.get(r).and_then(|row| row.get(c)),
                    );
                }
            }
            for c in 0..*columns {
                mark(totals + c, table.column_totals.get(c));
            }
        }
        if let Some(first) = published.first() {
            for r in 0..rows {
                mark(self.row_totals + r, first.row_totals.get(r));
            }
            mark(self.grand, Some(&first.total));
        }
        hidden
    }

    /// The tables as published with `hidden` members withheld: "<5" for counts of 1-4, "–"
    /// for the others. At least one table, empty when there were none.
    pub(super) fn disclose(&self, hidden: &[bool]) -> Vec<DisclosedTable> {
        let disclose = |member: usize| {
            let value = self.values[member];
            match (hidden[member], value) {
                (false, _) => Disclosed::Shown(value),
                (true, v) if v < MIN_COUNT => Disclosed::FewerThanFive,
                (true, _) => Disclosed::Hidden,
            }
        };
        let rows = self.rows();
        let row_totals: Vec<Disclosed> = (0..rows).map(|r| disclose(self.row_totals + r)).collect();
        let mut tables: Vec<DisclosedTable> = self
            .blocks
            .iter()
            .zip(&self.column_totals)
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
                total: disclose(self.grand),
            })
            .collect();
        if tables.is_empty() {
            tables.push(DisclosedTable {
                cells: Vec::new(),
                row_totals,
                column_totals: Vec::new(),
                total: disclose(self.grand),
            });
        }
        tables
    }

    /// The number of rows: the row totals end where the column totals start.
    fn rows(&self) -> usize {
        self.column_totals.first().copied().unwrap_or(self.grand) - self.row_totals
    }
}

/// Each row's total.
pub(super) fn row_sums(table: &[Vec<u64>]) -> Vec<u64> {
    table.iter().map(|row| row.iter().sum()).collect()
}
