//! Columns matched by header name: each field has a canonical header and the aliases rosters
//! use, compared without case, spaces or punctuation ("Gol/Ruang" = "golruang").

use super::sheet::{Cell, SheetRow};
use crate::api::intake::Refusal;
use crate::domain::calendar::Date;
use crate::domain::golongan::UnknownGolongan;
use crate::domain::jpm::JpmError;
use crate::domain::kompetensi::name_key;
use crate::domain::nip::NipError;
use crate::format::parse_decimal;
use crate::i18n::{refusals, Lang};
use std::collections::HashMap;

/// What a column holds, as a template explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// An 18-digit NIP or NI PPPK.
    Nip,
    Text,
    Date,
    Year,
    /// A number from 0 to 100.
    Score,
    /// A competency level from 1 to 5.
    Level,
    /// An SKP rating against expectations.
    Rating,
    Predikat,
    Golongan,
    Education,
    Gender,
    JenisAsn,
    Jp,
    /// A post or a unit already recorded, by code or name.
    Recorded,
}

impl Value {
    /// How the value is written, for a template's instructions.
    pub fn describe(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Value::Nip => (
                "18 angka (NIP atau NI PPPK), diketik sebagai teks agar angka terakhir tidak hilang",
                "18 digits (NIP or NI PPPK), typed as text so that the last digits are not lost",
            ),
            Value::Text => ("teks", "text"),
            Value::Date => (
                "tanggal: 2025-11-03 atau 03/11/2025, atau sel tanggal Excel",
                "a date: 2025-11-03 or 03/11/2025, or an Excel date cell",
            ),
            Value::Year => ("tahun, empat angka", "a year, four digits"),
            Value::Score => (
                "angka 0 sampai 100, desimal dengan koma atau titik",
                "a number from 0 to 100, decimals with a comma or a point",
            ),
            Value::Level => ("level 1 sampai 5", "a level from 1 to 5"),
            Value::Rating => (
                "di atas ekspektasi, sesuai ekspektasi, atau di bawah ekspektasi",
                "di atas ekspektasi (above), sesuai ekspektasi (meets) or di bawah ekspektasi (below)",
            ),
            Value::Predikat => (
                "Sangat Baik, Baik, Butuh Perbaikan, Kurang, atau Sangat Kurang; bila kosong dihitung dari kedua rating",
                "Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang; when empty it follows from the two ratings",
            ),
            Value::Golongan => (
                "golongan/ruang PNS (III/a) atau golongan PPPK (IX)",
                "a PNS golongan/ruang (III/a) or a PPPK golongan (IX)",
            ),
            Value::Education => (
                "SMA, D3, S1, D4, S2 atau S3",
                "SMA, D3, S1, D4, S2 or S3",
            ),
            Value::Gender => ("L atau P", "L (male) or P (female)"),
            Value::JenisAsn => ("PNS atau PPPK; bila kosong, PNS", "PNS or PPPK; PNS when empty"),
            Value::Jp => ("jumlah jam pelajaran, angka bulat", "the hours of study (JP), a whole number"),
            Value::Recorded => (
                "kode atau nama yang sudah tercatat di Jenjang",
                "a code or name already recorded in Jenjang",
            ),
        };
        lang.pick(id, en)
    }
}

/// A column a kind of import reads.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The header shown in messages and templates.
    pub header: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
    /// What it holds, and an example a template's first row shows.
    pub value: Value,
    pub example: &'static str,
}

impl Field {
    pub const fn required(header: &'static str, aliases: &'static [&'static str]) -> Field {
        Field {
            header,
            aliases,
            required: true,
            value: Value::Text,
            example: "",
        }
    }

    pub const fn optional(header: &'static str, aliases: &'static [&'static str]) -> Field {
        Field {
            header,
            aliases,
            required: false,
            value: Value::Text,
            example: "",
        }
    }

    /// The field holding `value`, with `example` in a template.
    pub const fn of(self, value: Value, example: &'static str) -> Field {
        Field {
            value,
            example,
            ..self
        }
    }

    fn matches(&self, header: &str) -> bool {
        let key = name_key(header);
        !key.is_empty()
            && (name_key(self.header) == key || self.aliases.iter().any(|a| name_key(a) == key))
    }
}

/// The NIP column of the record files (SKP, asesmen, pelatihan).
pub const NIP: Field = Field::required("NIP", &["NIP Baru", "NI PPPK"]).of(Value::Nip, EXAMPLE_NIP);

/// The NIP in every template's example row: a woman, PNS, born 3 March 1985, appointed
/// January 2010.
pub const EXAMPLE_NIP: &str = "198503032010012001";

/// A value as a dry run shows it: the text, or a dash when there is none.
pub fn shown(value: Option<impl std::fmt::Display>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| v.to_string())
}

/// Where each field sits in a sheet.
#[derive(Debug, Clone)]
pub struct Columns {
    positions: HashMap<&'static str, usize>,
}

impl Columns {
    /// Matches headers to fields; `Err` lists the required fields no header matched.
    pub fn locate(fields: &[Field], headers: &[String]) -> Result<Columns, Vec<&'static str>> {
        let positions: HashMap<&'static str, usize> = fields
            .iter()
            .filter_map(|field| {
                headers
                    .iter()
                    .position(|h| field.matches(h))
                    .map(|i| (field.header, i))
            })
            .collect();
        let missing: Vec<&'static str> = fields
            .iter()
            .filter(|f| f.required && !positions.contains_key(f.header))
            .map(|f| f.header)
            .collect();
        if missing.is_empty() {
            Ok(Columns { positions })
        } else {
            Err(missing)
        }
    }

    pub fn row<'a>(&'a self, row: &'a SheetRow) -> Cells<'a> {
        Cells { columns: self, row }
    }
}

/// One row's cells, read by field, with the reasons for refusal.
pub struct Cells<'a> {
    columns: &'a Columns,
    row: &'a SheetRow,
}

pub type CellResult<T> = Result<T, Refusal>;

impl From<NipError> for Refusal {
    fn from(error: NipError) -> Refusal {
        Refusal::new(error.to_string(), refusals::nip_error(&error, Lang::En))
    }
}

impl From<JpmError> for Refusal {
    fn from(error: JpmError) -> Refusal {
        Refusal::new(error.to_string(), refusals::jpm_error(&error, Lang::En))
    }
}

/// An unknown golongan, with what a known one looks like.
pub fn unknown_golongan(error: &UnknownGolongan, example_id: &str, example_en: &str) -> Refusal {
    Refusal::new(
        format!("{error} ({example_id})"),
        format!(
            "{} ({example_en})",
            refusals::unknown_golongan(error, Lang::En)
        ),
    )
}

fn empty(field: &Field) -> Refusal {
    Refusal::new(
        format!("kolom {} kosong", field.header),
        format!("column {} is empty", field.header),
    )
}

impl Cells<'_> {
    pub fn cell(&self, field: &Field) -> Option<&Cell> {
        self.columns
            .positions
            .get(field.header)
            .and_then(|i| self.row.cells.get(*i))
            .filter(|c| !c.is_blank())
    }

    /// The text of an optional cell, trimmed; `None` when blank or absent.
    pub fn text(&self, field: &Field) -> Option<String> {
        self.cell(field).map(Cell::text)
    }

    pub fn required_text(&self, field: &Field) -> CellResult<String> {
        self.text(field).ok_or_else(|| empty(field))
    }

    /// The NIP as the digits typed, refusing one stored as a number (Excel keeps only 15
    /// significant digits, so the last ones are already lost).
    pub fn nip_text(&self, field: &Field) -> CellResult<String> {
        match self.cell(field) {
            Some(Cell::Number(_)) => Err(Refusal::new(
                format!(
                    "kolom {} berisi angka, bukan teks: Excel hanya menyimpan 15 digit sehingga digit terakhir NIP hilang; format kolom sebagai Teks lalu ketik ulang",
                    field.header
                ),
                format!(
                    "column {} holds a number, not text: Excel keeps only 15 digits, so the last digits of the NIP are lost; format the column as Text and type it again",
                    field.header
                ),
            )),
            Some(cell) => Ok(cell.text()),
            None => Err(empty(field)),
        }
    }

    pub fn date(&self, field: &Field) -> CellResult<Option<Date>> {
        match self.cell(field) {
            None => Ok(None),
            Some(Cell::Date(date)) => Ok(Some(*date)),
            Some(cell) => {
                let text = cell.text();
                Date::parse(&text).map(Some).ok_or_else(|| {
                    Refusal::new(
                        format!(
                            "{} \"{text}\" bukan tanggal yang ada (tulis 2025-11-03 atau 03/11/2025)",
                            field.header
                        ),
                        format!(
                            "{} \"{text}\" is not a real date (write 2025-11-03 or 03/11/2025)",
                            field.header
                        ),
                    )
                })
            }
        }
    }

    pub fn required_date(&self, field: &Field) -> CellResult<Date> {
        self.date(field)?.ok_or_else(|| empty(field))
    }

    /// A number within `range`, read with a decimal comma or point.
    pub fn number(
        &self,
        field: &Field,
        range: std::ops::RangeInclusive<f64>,
    ) -> CellResult<Option<f64>> {
        let Some(cell) = self.cell(field) else {
            return Ok(None);
        };
        let value = match cell {
            Cell::Number(n) => Some(*n),
            other => parse_decimal(&other.text()),
        };
        match value {
            Some(v) if range.contains(&v) => Ok(Some(v)),
            Some(v) => Err(Refusal::new(
                format!(
                    "{} {} di luar rentang {}-{}",
                    field.header,
                    Lang::Id.decimal(v, 2),
                    range.start(),
                    range.end()
                ),
                format!(
                    "{} {} is outside {}-{}",
                    field.header,
                    Lang::En.decimal(v, 2),
                    range.start(),
                    range.end()
                ),
            )),
            None => Err(Refusal::new(
                format!("{} \"{}\" bukan angka", field.header, cell.text()),
                format!("{} \"{}\" is not a number", field.header, cell.text()),
            )),
        }
    }

    pub fn required_number(
        &self,
        field: &Field,
        range: std::ops::RangeInclusive<f64>,
    ) -> CellResult<f64> {
        self.number(field, range)?.ok_or_else(|| empty(field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NIP: Field = Field::required("NIP", &["NIP Baru", "NI PPPK"]);
    const GOLONGAN: Field = Field::required("Golongan", &["Gol/Ruang", "Gol"]);
    const CATATAN: Field = Field::optional("Catatan", &[]);

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn headers_match_aliases_whatever_the_case_and_spacing() {
        let columns = Columns::locate(
            &[NIP, GOLONGAN, CATATAN],
            &headers(&[" nip  baru", "GOL / RUANG"]),
        )
        .expect("located");
        let row = SheetRow {
            number: 2,
            cells: vec![Cell::Text("1".into()), Cell::Text("III/a".into())],
        };
        let cells = columns.row(&row);
        assert_eq!(cells.text(&NIP).as_deref(), Some("1"));
        assert_eq!(cells.text(&GOLONGAN).as_deref(), Some("III/a"));
        assert_eq!(cells.text(&CATATAN), None);
    }

    #[test]
    fn missing_required_columns_are_listed() {
        let missing =
            Columns::locate(&[NIP, GOLONGAN, CATATAN], &headers(&["Nama"])).expect_err("missing");
        assert_eq!(missing, vec!["NIP", "Golongan"]);
    }

    #[test]
    fn cells_are_read_with_reasons() {
        let columns = Columns::locate(
            &[NIP, GOLONGAN, CATATAN],
            &headers(&["NIP", "Gol", "Catatan"]),
        )
        .expect("located");
        let row = SheetRow {
            number: 2,
            cells: vec![
                Cell::Number(1.985e17),
                Cell::Text("  ".into()),
                Cell::Text("x".into()),
            ],
        };
        let cells = columns.row(&row);
        let number = cells.nip_text(&NIP).expect_err("number");
        assert!(number.id.contains("15 digit"));
        assert!(number.en.contains("only 15 digits"));
        assert_eq!(
            cells.required_text(&GOLONGAN),
            Err(Refusal::new(
                "kolom Golongan kosong",
                "column Golongan is empty"
            ))
        );
        assert_eq!(cells.text(&CATATAN).as_deref(), Some("x"));
        let scored = SheetRow {
            number: 3,
            cells: vec![
                Cell::Text("101".into()),
                Cell::Text("82,5".into()),
                Cell::Text("31/04/2025".into()),
            ],
        };
        let cells = columns.row(&scored);
        assert_eq!(
            cells.number(&NIP, 0.0..=100.0),
            Err(Refusal::new(
                "NIP 101 di luar rentang 0-100",
                "NIP 101 is outside 0-100"
            ))
        );
        assert_eq!(cells.number(&GOLONGAN, 0.0..=100.0), Ok(Some(82.5)));
        assert!(cells
            .date(&CATATAN)
            .expect_err("no such day")
            .id
            .contains("bukan tanggal yang ada"));
    }
}
