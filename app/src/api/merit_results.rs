//! The public-data operator's desk as it travels to the browser: the results in force, the
//! one being corrected, and an import checked (a dry run) or saved. Adding, correcting and
//! importing results is `services::merit_results`.

use super::intake::{Counts, RowOutcome, RowStatus};
use super::merit_index::{Instansi, MeritScore};
use serde::{Deserialize, Serialize};

/// A result in force, with its instansi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeskLine {
    pub instansi: Instansi,
    pub result: MeritScore,
}

/// What the operator's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsDesk {
    /// The results in force that match the filter, by instansi, year and body.
    pub lines: Vec<DeskLine>,
    /// How many results are in force, filter or not.
    pub total: usize,
    /// The filter the lines match, as typed.
    pub filter: String,
    /// The catalogue's instansi names, for the form's suggestions.
    pub instansi_names: Vec<String>,
    /// The result asked to be corrected.
    pub correcting: Option<DeskLine>,
    /// The import asked about.
    pub draft: Option<ImportDraft>,
}

/// A file of results checked row by row: each new, unchanged (already recorded with the same
/// value) or rejected with its reason in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultImportReport {
    pub file_name: String,
    pub rows: Vec<RowOutcome>,
    pub counts: Counts,
    /// Whether the new rows were written (all of them, in one transaction).
    pub written: bool,
}

impl ResultImportReport {
    /// Whether the file can be saved: no row rejected, and something new.
    pub fn savable(&self) -> bool {
        self.counts.rejected == 0 && self.counts.new > 0
    }

    /// The rejected rows with their reasons in Bahasa Indonesia.
    pub fn rejections(&self) -> impl Iterator<Item = (usize, &str)> {
        self.rows.iter().filter_map(|r| match &r.status {
            RowStatus::Rejected(reason) => Some((r.row, reason.id.as_str())),
            _ => None,
        })
    }
}

/// A file an operator checked on the web, kept so that what is saved is what was checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportDraft {
    pub id: i64,
    pub staged_by: String,
    pub staged_at: String,
    /// When it was saved; `None` while it waits.
    pub committed_at: Option<String>,
    /// The check against the records as they are now.
    pub report: ResultImportReport,
}
