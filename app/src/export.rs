//! Data leaving Jenjang as files people open in spreadsheets: one [`Sheet`] (what it is, where
//! it comes from, its columns and rows) written as CSV or XLSX. Every text cell passes
//! through [`spreadsheet_safe`], so nothing in a download runs as a formula.

use std::borrow::Cow;

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Cell {
        value.map_or(Cell::Empty, Into::into)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Cell {
        Cell::Number(value)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Cell {
        Cell::Number(value as f64)
    }
}

impl From<u8> for Cell {
    fn from(value: u8) -> Cell {
        Cell::Number(f64::from(value))
    }
}

/// A table to download, with the lines that say what it is: title, source, period, filters,
/// generation time.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Also the file's base name once slugged by the caller.
    pub title: String,
    /// (label, value) lines written above the table (CSV) or on their own sheet (XLSX).
    pub about: Vec<(String, String)>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A download format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// The format of a file name's extension ("peta.csv").
    pub fn of_file(name: &str) -> Option<(&str, Format)> {
        let (base, extension) = name.rsplit_once('.')?;
        let format = match extension {
            "csv" => Format::Csv,
            "xlsx" => Format::Xlsx,
            _ => return None,
        };
        Some((base, format))
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

#[cfg(feature = "ssr")]
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("CSV: {0}")]
    Buffer(std::io::Error),
}

#[cfg(feature = "ssr")]
impl Sheet {
    fn text_of(cell: &Cell) -> String {
        match cell {
            Cell::Text(text) => spreadsheet_safe(text).into_owned(),
            // Machine format: a decimal point, no grouping.
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// The sheet as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
    /// accents): the `about` lines, a blank line, then the header and the rows.
    pub fn csv(&self) -> Result<Vec<u8>, ExportError> {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        writer.write_record([spreadsheet_safe(&self.title).as_ref()])?;
        for (label, value) in &self.about {
            writer.write_record(
                [spreadsheet_safe(label), spreadsheet_safe(value)]
                    .iter()
                    .map(|c| c.as_ref()),
            )?;
        }
        writer.write_record([""])?;
        writer.write_record(
            self.columns
                .iter()
                .map(|c| spreadsheet_safe(c))
                .collect::<Vec<_>>()
                .iter()
                .map(|c| c.as_ref()),
        )?;
        for row in &self.rows {
            writer.write_record(row.iter().map(Sheet::text_of))?;
        }
        writer
            .into_inner()
            .map_err(|e| ExportError::Buffer(e.into_error()))
    }

    /// The sheet as an XLSX workbook: the table on the first sheet ("Data", header row
    /// frozen, numbers as numbers), the `about` lines on the second ("Keterangan").
    pub fn xlsx(&self) -> Result<Vec<u8>, ExportError> {
        use rust_xlsxwriter::{Format as CellFormat, Workbook};
        let mut book = Workbook::new();
        let bold = CellFormat::new().set_bold();
        let data = book.add_worksheet();
        data.set_name("Data")?;
        for (c, title) in (0u16..).zip(&self.columns) {
            data.write_string_with_format(0, c, spreadsheet_safe(title), &bold)?;
        }
        for (r, row) in (1u32..).zip(&self.rows) {
            for (c, cell) in (0u16..).zip(row) {
                match cell {
                    Cell::Text(text) => {
                        data.write_string(r, c, spreadsheet_safe(text))?;
                    }
                    Cell::Number(n) => {
                        data.write_number(r, c, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        data.set_freeze_panes(1, 0)?;
        data.autofit();
        let about = book.add_worksheet();
        about.set_name("Keterangan")?;
        about.write_string_with_format(0, 0, spreadsheet_safe(&self.title), &bold)?;
        for (r, (label, value)) in (1u32..).zip(&self.about) {
            about.write_string_with_format(r, 0, spreadsheet_safe(label), &bold)?;
            about.write_string(r, 1, spreadsheet_safe(value))?;
        }
        about.autofit();
        Ok(book.save_to_buffer()?)
    }

    /// The file in `format`.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, ExportError> {
        match format {
            Format::Csv => self.csv(),
            Format::Xlsx => self.xlsx(),
        }
    }
}

/// A cell value a spreadsheet will show as text and never run as a formula: values starting
/// with `=`, `+`, `-`, `@` (or a tab or carriage return, which some programs skip before
/// looking) get a leading apostrophe.
pub fn spreadsheet_safe(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_openers_are_neutralised() {
        for (value, expected) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+62 812", "'+62 812"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
        ] {
            assert_eq!(spreadsheet_safe(value), expected);
        }
    }

    fn sheet() -> Sheet {
        Sheet {
            title: "Peta talenta".into(),
            about: vec![("Sumber".into(), "Jenjang".into())],
            columns: vec!["Nama".into(), "Kotak".into()],
            rows: vec![
                vec![Cell::from("=1+1"), Cell::from(9u8)],
                vec![Cell::from("Sari, S.E."), Cell::Empty],
            ],
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn csv_neutralises_formulas_and_quotes_commas() {
        let bytes = sheet().csv().expect("test input is valid");
        let text = String::from_utf8(bytes).expect("test input is valid");
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("'=1+1,9\n"), "{text}");
        assert!(text.contains("\"Sari, S.E.\",\n"), "{text}");
        assert!(text.contains("Sumber,Jenjang\n"));
        assert!(text.contains("Nama,Kotak\n"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn xlsx_keeps_numbers_and_neutralises_formulas() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = sheet().xlsx().expect("test input is valid");
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("test input is valid");
        let data = book.worksheet_range("Data").expect("test input is valid");
        assert_eq!(data.get((0, 0)), Some(&Data::String("Nama".into())));
        assert_eq!(data.get((1, 0)), Some(&Data::String("'=1+1".into())));
        assert_eq!(data.get((1, 1)), Some(&Data::Float(9.0)));
        let about = book
            .worksheet_range("Keterangan")
            .expect("test input is valid");
        assert_eq!(about.get((1, 1)), Some(&Data::String("Jenjang".into())));
    }

    #[test]
    fn formats_come_from_the_file_name() {
        assert_eq!(Format::of_file("peta.csv"), Some(("peta", Format::Csv)));
        assert_eq!(Format::of_file("krs.xlsx"), Some(("krs", Format::Xlsx)));
        assert_eq!(Format::of_file("peta.pdf"), None);
        assert_eq!(Format::of_file("peta"), None);
    }

    #[test]
    fn ordinary_text_is_untouched() {
        for value in ["Kota Balikpapan", "263.5", "", "a=b"] {
            assert!(matches!(spreadsheet_safe(value), Cow::Borrowed(v) if v == value));
        }
    }
}
