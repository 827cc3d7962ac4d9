//! Data intake as the browser sees it: the instansi a viewer may import into, the kinds of
//! file BKPSDM imports and the report of a dry run or a commit (each row new, changed,
//! unchanged or rejected with its reason). The import itself is `services::intake`.

use crate::export::Format;
use serde::{Deserialize, Serialize};

/// The instansi a viewer may import files into (BKPSDM of the whole instansi).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportTarget {
    pub instansi: String,
    pub slug: String,
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportKind {
    /// Daftar pegawai: identity, golongan, post, unit, education.
    Roster,
    /// Hasil asesmen: competency levels, JPM, potential dimensions.
    Asesmen,
    /// SKP per year, with the other yearly kinerja scores.
    Skp,
    /// Riwayat pelatihan with JP.
    Pelatihan,
}

impl ImportKind {
    pub const ALL: [ImportKind; 4] = [
        ImportKind::Roster,
        ImportKind::Asesmen,
        ImportKind::Skp,
        ImportKind::Pelatihan,
    ];

    /// The stored code and command-line name.
    pub fn code(self) -> &'static str {
        match self {
            ImportKind::Roster => "roster",
            ImportKind::Asesmen => "asesmen",
            ImportKind::Skp => "skp",
            ImportKind::Pelatihan => "pelatihan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Roster => "Daftar pegawai",
            ImportKind::Asesmen => "Hasil asesmen",
            ImportKind::Skp => "SKP",
            ImportKind::Pelatihan => "Riwayat pelatihan",
        }
    }

    pub fn from_code(code: &str) -> Option<ImportKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The name its template is served and saved under: `templat-roster.xlsx`.
    pub fn template_file(self, format: Format) -> String {
        let extension = match format {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        };
        format!("templat-{}.{extension}", self.code())
    }

    /// The kind and format a template's file name names.
    pub fn of_template_file(name: &str) -> Option<(ImportKind, Format)> {
        let (base, format) = Format::of_file(name)?;
        let kind = ImportKind::from_code(base.strip_prefix("templat-")?)?;
        Some((kind, format))
    }
}

/// What happens to one row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RowStatus {
    New,
    Changed,
    Unchanged,
    Rejected(Refusal),
}

/// Why a row is refused, in Bahasa Indonesia and in English. The file's column names and
/// values are quoted as they are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub id: String,
    pub en: String,
}

impl Refusal {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Refusal {
        Refusal {
            id: id.into(),
            en: en.into(),
        }
    }
}

/// A value a changed row replaces: the column, what is recorded, what the file brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub column: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowOutcome {
    /// The row number a person sees in their spreadsheet.
    pub row: usize,
    /// What the row is about, e.g. the NIP and year.
    pub key: String,
    /// The person's name, for rows that are new or changed.
    #[serde(default)]
    pub person: Option<String>,
    pub status: RowStatus,
    /// For a changed row, each value it changes.
    #[serde(default)]
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub rejected: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub file_name: String,
    pub rows: Vec<RowOutcome>,
    pub counts: Counts,
    /// The batch written, when the import was committed and changed something.
    pub batch_id: Option<i64>,
}

impl ImportReport {
    /// The rejected rows with their reasons in Bahasa Indonesia.
    pub fn rejections(&self) -> impl Iterator<Item = (usize, &str)> {
        self.rows.iter().filter_map(|r| match &r.status {
            RowStatus::Rejected(reason) => Some((r.row, reason.id.as_str())),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_round_trip() {
        for kind in ImportKind::ALL {
            for format in [Format::Csv, Format::Xlsx] {
                let name = kind.template_file(format);
                assert_eq!(ImportKind::of_template_file(&name), Some((kind, format)));
            }
        }
        assert_eq!(ImportKind::of_template_file("templat-gaji.csv"), None);
        assert_eq!(ImportKind::of_template_file("roster.csv"), None);
    }
}
