//! A spreadsheet as rows of text cells: CSV (comma or semicolon, UTF-8 with or without BOM,
//! CRLF) or XLSX. Every cell stays text, so a value such as `=1+1` is data and never a formula.

use super::IntakeError;
use crate::domain::calendar::Date;
use calamine::{Data, Reader};
use std::io::Cursor;

/// A header row and the data rows under it, each with the row number a person sees in their
/// spreadsheet program (the header is row 1 in a file that starts at the top).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<SheetRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A cell as read. XLSX numbers are kept apart from text: an 18-digit NIP typed as a number
/// has already lost its last digits inside Excel, and must be refused rather than guessed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(Date),
    Empty,
}

impl Cell {
    /// The cell as text: control characters as spaces, trimmed; numbers without a trailing
    /// ".0"; dates in ISO form.
    pub fn text(&self) -> String {
        match self {
            // Control characters (tabs, line breaks, separators) never belong in a value.
            Cell::Text(text) => text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
                .trim()
                .to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::Empty => String::new(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Empty => true,
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }
}

/// Reads CSV or XLSX, told apart by content (an XLSX file is a ZIP archive).
pub fn read(bytes: &[u8]) -> Result<Sheet, IntakeError> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else {
        read_csv(bytes)
    }
}

fn read_csv(bytes: &[u8]) -> Result<Sheet, IntakeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| IntakeError::NotUtf8)?;
    // One line ending, so that record positions count lines the way a person does.
    let text = text.replace("\r\n", "\n");
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers = match records.next() {
        Some(record) => record
            .map_err(|e| IntakeError::Malformed(e.to_string()))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect(),
        None => return Err(IntakeError::Empty),
    };
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| IntakeError::Malformed(e.to_string()))?;
        let number = record
            .position()
            .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX))
            .unwrap_or(rows.len() + 2);
        let cells: Vec<Cell> = record.iter().map(|c| Cell::Text(c.to_owned())).collect();
        if !cells.iter().all(Cell::is_blank) {
            rows.push(SheetRow { number, cells });
        }
    }
    Ok(Sheet { headers, rows })
}

/// Days from the Excel epoch (1899-12-30, which absorbs Excel's phantom 29 February 1900) to a
/// date serial's day.
fn excel_serial_date(serial: f64) -> Option<Date> {
    if !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    // Civil-from-days (Howard Hinnant), counted from 1970-01-01 = serial 25569.
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

fn xlsx_cell(data: &Data) -> Cell {
    match data {
        Data::String(text) => Cell::Text(text.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Text(if *b { "ya" } else { "tidak" }.to_owned()),
        Data::DateTime(dt) => {
            excel_serial_date(dt.as_f64()).map_or_else(|| Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTimeIso(text) => Date::parse(text.get(..10).unwrap_or(text))
            .map_or_else(|| Cell::Text(text.clone()), Cell::Date),
        Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Text(format!("#{error:?}")),
        Data::Empty => Cell::Empty,
    }
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, IntakeError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| IntakeError::Malformed(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(IntakeError::Empty)?
        .map_err(|e| IntakeError::Malformed(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut rows = range.rows().enumerate();
    let headers = match rows.next() {
        Some((_, cells)) => cells.iter().map(|c| xlsx_cell(c).text()).collect(),
        None => return Err(IntakeError::Empty),
    };
    let rows = rows
        .map(|(index, cells)| SheetRow {
            number: first_row + index + 1,
            cells: cells.iter().map(xlsx_cell).collect(),
        })
        .filter(|row| !row.cells.iter().all(Cell::is_blank))
        .collect();
    Ok(Sheet { headers, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn csv_with_bom_semicolons_crlf_and_decimal_commas() {
        let sheet = read(b"\xEF\xBB\xBFNIP;Nilai\r\n198503032010011001;82,5\r\n\r\n;\r\n199001012015012002;90\r\n")
            .expect("read");
        assert_eq!(sheet.headers, vec!["NIP", "Nilai"]);
        assert_eq!(
            texts(&sheet),
            vec![
                vec!["198503032010011001", "82,5"],
                vec!["199001012015012002", "90"]
            ]
        );
        assert_eq!(
            sheet.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![2, 5]
        );
    }

    #[test]
    fn csv_with_commas_and_quoted_decimal_commas() {
        let sheet = read(b"nip,nilai,catatan\n198503032010011001,\"82,5\",=1+1\n").expect("read");
        assert_eq!(
            texts(&sheet),
            vec![vec!["198503032010011001", "82,5", "=1+1"]]
        );
    }

    #[test]
    fn empty_and_non_utf8_files_are_refused() {
        assert!(matches!(read(b""), Err(IntakeError::Empty)));
        assert!(matches!(read(b"NIP\n\xff\xfe"), Err(IntakeError::NotUtf8)));
    }

    #[test]
    fn excel_serials_become_dates() {
        assert_eq!(excel_serial_date(45_964.0), Date::new(2025, 11, 3));
        assert_eq!(excel_serial_date(25_569.0), Date::new(1970, 1, 1));
        assert_eq!(excel_serial_date(60.0), Date::new(1900, 2, 28));
        assert_eq!(excel_serial_date(0.0), None);
    }

    #[test]
    fn xlsx_cells_keep_numbers_apart_from_text() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "NIP").expect("cell");
        sheet.write_string(0, 1, "Tanggal").expect("cell");
        sheet
            .write_string(1, 0, "198503032010011001")
            .expect("cell");
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 11, 3).expect("date");
        let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        sheet
            .write_datetime_with_format(1, 1, &date, &format)
            .expect("cell");
        sheet
            .write_number(2, 0, 198_503_032_010_011_001.0)
            .expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        let read = read(&bytes).expect("read");
        assert_eq!(read.headers, vec!["NIP", "Tanggal"]);
        assert_eq!(
            read.rows[0].cells[0],
            Cell::Text("198503032010011001".into())
        );
        assert_eq!(
            read.rows[0].cells[1],
            Cell::Date(Date::new(2025, 11, 3).expect("date"))
        );
        assert!(matches!(read.rows[1].cells[0], Cell::Number(_)));
        assert_eq!((read.rows[0].number, read.rows[1].number), (2, 3));
    }
}
