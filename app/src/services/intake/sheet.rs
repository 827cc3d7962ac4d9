//! A spreadsheet as rows of text cells: CSV (comma or semicolon, UTF-8 with or without BOM,
//! CRLF) or XLSX. Every cell stays text, so a value such as `=1+1` is data and never a formula.
//!
//! An upload is hostile until read. An XLSX file is a ZIP archive whose members may inflate
//! to gigabytes from a few hundred kilobytes (a 614 KB upload once took the server to 4.6 GB),
//! and whose cells may sit anywhere in a 16,384 x 1,048,576 grid, which a dense range would
//! allocate. So the archive is inflated once into nothing, counting, before the XLSX reader
//! sees it, and the cells are streamed into rows no wider than the header: memory follows
//! [`SheetLimits`], not the file's claims.

use super::IntakeError;
use crate::domain::calendar::Date;
use calamine::{Data, DataRef, Reader, Xlsx};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// How much an uploaded spreadsheet may hold once unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetLimits {
    /// The inflated size of all of an XLSX archive's members together.
    pub uncompressed_bytes: u64,
    /// Cells read from the worksheet (empty ones included).
    pub cells: usize,
}

impl Default for SheetLimits {
    /// 64 MiB and a million cells: a roster of 6,000 pegawai in 40 columns is 240,000 cells
    /// and about 5 MB inflated.
    fn default() -> Self {
        SheetLimits {
            uncompressed_bytes: 64 * 1024 * 1024,
            cells: 1_000_000,
        }
    }
}

/// Which limit a file passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// More bytes unpacked than allowed (the limit, in bytes).
    Uncompressed(u64),
    /// More cells than allowed (the limit).
    Cells(usize),
    /// More archive members than any workbook has (the limit).
    Members(usize),
    /// A header wider than any import's columns (the limit).
    Columns(usize),
}

/// Members of a workbook's archive: a few dozen in practice.
const MAX_MEMBERS: usize = 10_000;
/// Rows above the header a person may have added: a title, a subtitle, a blank line. The
/// header is the first row with two or more values among the first of them.
const MAX_TITLE_ROWS: usize = 10;
/// Columns of a header: the widest import has about 30.
const MAX_COLUMNS: usize = 512;

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

/// Reads CSV or XLSX, told apart by content (an XLSX file is a ZIP archive), within `limits`.
/// A file that is neither (a PDF, an image, an old binary XLS) is told so, not told to save
/// itself as UTF-8; a file with headings and no rows says that.
///
/// The header is the first of the top rows whose texts `is_header` recognises (the columns
/// an import needs): rows above it, a title or "Instansi: ..." lines, are passed over. When
/// no top row is recognised, the header is the first row with two or more values.
pub fn read_matching(
    bytes: &[u8],
    limits: &SheetLimits,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Sheet, IntakeError> {
    let sheet = if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, limits, is_header)?
    } else if is_binary(bytes) {
        return Err(IntakeError::NotSpreadsheet);
    } else {
        read_csv(bytes, limits, is_header)?
    };
    if sheet.rows.is_empty() {
        return Err(IntakeError::NoRows);
    }
    Ok(sheet)
}

/// Whether the file is binary: a known signature (PDF, PNG, JPEG, GIF, the OLE container of
/// old XLS and DOC files) or a NUL byte near its start, which no text file has.
fn is_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 6] = [
        b"%PDF",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"\xD0\xCF\x11\xE0",
        b"\x1F\x8B",
    ];
    SIGNATURES.iter().any(|s| bytes.starts_with(s)) || bytes.iter().take(4096).any(|b| *b == 0)
}

/// The separator of a CSV file: the one under which a top line reads as a recognised
/// header; else the semicolon when the first line with either holds more semicolons than
/// commas (a title line may have neither).
fn csv_delimiter(text: &str, is_header: &dyn Fn(&[String]) -> bool) -> u8 {
    let head: Vec<&str> = text.lines().take(MAX_TITLE_ROWS + 1).collect();
    for delimiter in [b';', b','] {
        let recognised = head.iter().any(|line| {
            let cells: Vec<String> = line
                .split(char::from(delimiter))
                .map(|c| c.trim().trim_matches('"').to_owned())
                .collect();
            is_header(&cells)
        });
        if recognised {
            return delimiter;
        }
    }
    let first = head
        .iter()
        .find(|l| l.contains([';', ',']))
        .copied()
        .unwrap_or_default();
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Where the header is among `rows` (each as its texts): the first top row `is_header`
/// recognises, else the first top row with two or more values (a title has one), else the
/// first.
fn header_at<'r>(
    rows: impl Iterator<Item = &'r [String]> + Clone,
    is_header: &dyn Fn(&[String]) -> bool,
) -> usize {
    let top = rows.take(MAX_TITLE_ROWS + 1);
    top.clone()
        .position(is_header)
        .or_else(|| {
            top.clone()
                .position(|texts| texts.iter().filter(|t| !t.is_empty()).count() >= 2)
        })
        .unwrap_or(0)
}

/// A CSV cell's text. `="0123"` is how a spreadsheet is told to keep digits as text (the
/// templates write NIPs so): its text is what is inside the quotes.
fn csv_cell(text: &str) -> Cell {
    let text = text
        .strip_prefix("=\"")
        .and_then(|t| t.strip_suffix('"'))
        .filter(|inner| !inner.contains('"'))
        .unwrap_or(text);
    Cell::Text(text.to_owned())
}

fn read_csv(
    bytes: &[u8],
    limits: &SheetLimits,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Sheet, IntakeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| IntakeError::NotUtf8)?;
    // One line ending, so that record positions count lines the way a person does.
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(csv_delimiter(&text, is_header))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    let mut cells_read = 0;
    for record in reader.records() {
        let record = record.map_err(|e| IntakeError::Malformed(e.to_string()))?;
        cells_read += record.len();
        if cells_read > limits.cells {
            return Err(IntakeError::TooLarge(Overflow::Cells(limits.cells)));
        }
        let number = record
            .position()
            .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX))
            .unwrap_or(records.len() + 1);
        let cells: Vec<Cell> = record.iter().map(csv_cell).collect();
        records.push(SheetRow { number, cells });
    }
    let values = |row: &SheetRow| row.cells.iter().filter(|c| !c.is_blank()).count();
    let top: Vec<Vec<String>> = records
        .iter()
        .take(MAX_TITLE_ROWS + 1)
        .map(|row| row.cells.iter().map(Cell::text).collect())
        .collect();
    let skip = header_at(top.iter().map(Vec::as_slice), is_header);
    let mut records = records.into_iter().skip(skip);
    let headers = records.next().ok_or(IntakeError::Empty)?;
    Ok(Sheet {
        headers: headers.cells.iter().map(Cell::text).collect(),
        rows: records.filter(|row| values(row) > 0).collect(),
    })
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

/// Inflates every member of the archive into nothing, counting, and refuses the file as soon
/// as the count passes the limit: whatever the members' headers claim, the XLSX reader then
/// never unpacks more than that.
fn check_archive(bytes: &[u8], limits: &SheetLimits) -> Result<(), IntakeError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| IntakeError::Malformed(e.to_string()))?;
    if archive.len() > MAX_MEMBERS {
        return Err(IntakeError::TooLarge(Overflow::Members(MAX_MEMBERS)));
    }
    let mut left = limits.uncompressed_bytes;
    for index in 0..archive.len() {
        let member = archive
            .by_index(index)
            .map_err(|e| IntakeError::Malformed(e.to_string()))?;
        // One byte past what is left tells an over-limit member from one that ends there.
        let inflated = std::io::copy(&mut member.take(left + 1), &mut std::io::sink())
            .map_err(|e| IntakeError::Malformed(e.to_string()))?;
        left = left
            .checked_sub(inflated)
            .ok_or(IntakeError::TooLarge(Overflow::Uncompressed(
                limits.uncompressed_bytes,
            )))?;
    }
    Ok(())
}

fn read_xlsx(
    bytes: &[u8],
    limits: &SheetLimits,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Sheet, IntakeError> {
    check_archive(bytes, limits)?;
    let mut workbook =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| IntakeError::Malformed(e.to_string()))?;
    let first = workbook
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(IntakeError::Empty)?;
    let mut reader = workbook
        .worksheet_cells_reader(&first)
        .map_err(|e| IntakeError::Malformed(e.to_string()))?;
    // Sparse until the header is known: a cell far to the right or below costs one entry.
    let mut cells: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
    let mut read = 0usize;
    // A shared string is copied into every cell that names it: one long string named by many
    // cells is counted each time, against the same budget as the archive.
    let mut text = 0u64;
    let too_much_text = IntakeError::TooLarge(Overflow::Uncompressed(limits.uncompressed_bytes));
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| IntakeError::Malformed(e.to_string()))?
    {
        read += 1;
        if read > limits.cells {
            return Err(IntakeError::TooLarge(Overflow::Cells(limits.cells)));
        }
        let (row, column) = cell.get_position();
        if let DataRef::SharedString(s) = cell.get_value() {
            text += s.len() as u64;
            if text > limits.uncompressed_bytes {
                return Err(too_much_text);
            }
        }
        let value = xlsx_cell(&Data::from(cell.get_value().clone()));
        if value != Cell::Empty {
            cells.entry(row).or_default().push((column, value));
        }
    }
    let top: Vec<Vec<String>> = cells
        .values()
        .take(MAX_TITLE_ROWS + 1)
        .map(|row| row.iter().map(|(_, cell)| cell.text()).collect())
        .collect();
    let skip = header_at(top.iter().map(Vec::as_slice), is_header);
    let mut rows = cells.into_iter().skip(skip);
    let Some((_, header_cells)) = rows.next() else {
        return Err(IntakeError::Empty);
    };
    // The header starts at its first cell; columns left of it or right of its last are read
    // by nobody.
    let first_column = header_cells.iter().map(|(c, _)| *c).min().unwrap_or(0);
    let header = dense(header_cells, first_column, None);
    let width = header.len();
    // Every row is made as wide as the header: a far header cell must not multiply them.
    if width > MAX_COLUMNS {
        return Err(IntakeError::TooLarge(Overflow::Columns(MAX_COLUMNS)));
    }
    if rows.len().saturating_mul(width) > limits.cells {
        return Err(IntakeError::TooLarge(Overflow::Cells(limits.cells)));
    }
    let headers = header.iter().map(Cell::text).collect();
    let rows = rows
        .map(|(row, cells)| SheetRow {
            number: row as usize + 1,
            cells: dense(cells, first_column, Some(width)),
        })
        .filter(|row| !row.cells.iter().all(Cell::is_blank))
        .collect();
    Ok(Sheet { headers, rows })
}

/// A row's cells from `first_column` on, empty where the file has none, as wide as `width`
/// (the header's width) or, for the header itself, up to its last cell.
fn dense(cells: Vec<(u32, Cell)>, first_column: u32, width: Option<usize>) -> Vec<Cell> {
    let offset = |column: u32| (column.checked_sub(first_column)).map(|c| c as usize);
    let width = width.unwrap_or_else(|| {
        cells
            .iter()
            .filter_map(|(c, _)| offset(*c))
            .max()
            .map_or(0, |last| last + 1)
    });
    let mut row = vec![Cell::Empty; width];
    for (column, value) in cells {
        if let Some(slot) = offset(column).and_then(|c| row.get_mut(c)) {
            *slot = value;
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads with no header recognised: the first row with two or more values is the header.
    fn read(bytes: &[u8], limits: &SheetLimits) -> Result<Sheet, IntakeError> {
        read_matching(bytes, limits, &|_| false)
    }

    fn texts(sheet: &Sheet) -> Vec<Vec<String>> {
        sheet
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn csv_with_bom_semicolons_crlf_and_decimal_commas() {
        let sheet = read(b"\xEF\xBB\xBFNIP;Nilai\r\n198503032010011001;82,5\r\n\r\n;\r\n199001012015012002;90\r\n", &SheetLimits::default())
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
        let sheet = read(
            b"nip,nilai,catatan\n198503032010011001,\"82,5\",=1+1\n",
            &SheetLimits::default(),
        )
        .expect("read");
        assert_eq!(
            texts(&sheet),
            vec![vec!["198503032010011001", "82,5", "=1+1"]]
        );
    }

    #[test]
    fn empty_and_non_utf8_files_are_refused() {
        assert!(matches!(
            read(b"", &SheetLimits::default()),
            Err(IntakeError::Empty)
        ));
        assert!(matches!(
            read(b"NIP\n\xff\xfe", &SheetLimits::default()),
            Err(IntakeError::NotUtf8)
        ));
    }

    #[test]
    fn a_title_above_the_header_is_passed_over() {
        let csv = "Daftar Pegawai Pemkot 2025\n\nNIP;Nama\n=\"198503032010011001\";Sari\n";
        let sheet = read(csv.as_bytes(), &SheetLimits::default()).expect("csv");
        assert_eq!(sheet.headers, vec!["NIP", "Nama"]);
        assert_eq!(texts(&sheet), vec![vec!["198503032010011001", "Sari"]]);
        assert_eq!(sheet.rows[0].number, 4, "the row number a person sees");

        let mut book = rust_xlsxwriter::Workbook::new();
        let data = book.add_worksheet();
        data.merge_range(
            0,
            0,
            0,
            2,
            "DAFTAR PEGAWAI",
            &rust_xlsxwriter::Format::new(),
        )
        .expect("title");
        for (c, h) in ["NIP", "Nama", "Golongan"].iter().enumerate() {
            data.write_string(2, c as u16, *h).expect("header");
        }
        data.write_string(3, 0, "198503032010011001").expect("cell");
        data.write_string(3, 2, "III/c").expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        let sheet = read(&bytes, &SheetLimits::default()).expect("xlsx");
        assert_eq!(sheet.headers, vec!["NIP", "Nama", "Golongan"]);
        assert_eq!(sheet.rows[0].number, 4);
        assert_eq!(
            texts(&sheet),
            vec![vec!["198503032010011001", "", "III/c"]],
            "as wide as the header, not the title"
        );
    }

    #[test]
    fn label_and_value_lines_above_a_recognised_header_are_passed_over() {
        let csv = "Instansi;Pemkot Uji\nPer tanggal;31-12-2024\n\nNIP;Nama;Gol\n198503032010011001;Dr. Sari, S.E., M.Si.;III/c\n";
        let recognises = |headers: &[String]| headers.iter().any(|h| h == "NIP");
        let sheet =
            read_matching(csv.as_bytes(), &SheetLimits::default(), &recognises).expect("csv");
        assert_eq!(sheet.headers, vec!["NIP", "Nama", "Gol"]);
        assert_eq!(
            texts(&sheet),
            vec![vec!["198503032010011001", "Dr. Sari, S.E., M.Si.", "III/c"]],
            "the header's separator, though the data holds more commas"
        );
    }

    #[test]
    fn a_single_column_file_keeps_its_first_row_as_header() {
        let sheet = read(b"NIP\n198503032010011001\n", &SheetLimits::default()).expect("csv");
        assert_eq!(sheet.headers, vec!["NIP"]);
        assert_eq!(sheet.rows.len(), 1);
        assert!(matches!(
            read(b"NIP;Nama\n", &SheetLimits::default()),
            Err(IntakeError::NoRows)
        ));
    }

    #[test]
    fn only_the_exact_text_wrapper_is_unwrapped() {
        assert_eq!(csv_cell("=\"0123\""), Cell::Text("0123".into()));
        assert_eq!(csv_cell("=1+1"), Cell::Text("=1+1".into()));
        assert_eq!(csv_cell("=\"a\"&\"b\""), Cell::Text("=\"a\"&\"b\"".into()));
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
        let read = read(&bytes, &SheetLimits::default()).expect("read");
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

    /// A workbook of `rows` rows of `columns` numbered text cells under a header row.
    fn workbook(rows: u32, columns: u16) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for column in 0..columns {
            sheet
                .write_string(0, column, format!("Kolom {column}"))
                .expect("cell");
            for row in 1..=rows {
                sheet
                    .write_string(row, column, format!("nilai {row}-{column}"))
                    .expect("cell");
            }
        }
        book.save_to_buffer().expect("xlsx")
    }

    #[test]
    fn an_archive_that_inflates_past_the_limit_is_refused_before_it_is_parsed() {
        let bytes = workbook(200, 5);
        let roomy = SheetLimits::default();
        assert_eq!(read(&bytes, &roomy).expect("read").rows.len(), 200);
        let tight = SheetLimits {
            uncompressed_bytes: 4_096,
            ..roomy
        };
        assert!(matches!(
            read(&bytes, &tight),
            Err(IntakeError::TooLarge(Overflow::Uncompressed(4_096)))
        ));
    }

    #[test]
    fn more_cells_than_allowed_are_refused_in_both_formats() {
        let limits = SheetLimits {
            cells: 50,
            ..SheetLimits::default()
        };
        assert!(matches!(
            read(&workbook(20, 3), &limits),
            Err(IntakeError::TooLarge(Overflow::Cells(50)))
        ));
        let csv = "a,b,c\n".repeat(20);
        assert!(matches!(
            read(csv.as_bytes(), &limits),
            Err(IntakeError::TooLarge(Overflow::Cells(50)))
        ));
        assert!(read(&workbook(10, 3), &limits).is_ok());
    }

    #[test]
    fn a_cell_in_the_last_corner_costs_nothing_and_is_read_by_nobody() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 1, "NIP").expect("cell");
        sheet.write_string(0, 2, "Nama").expect("cell");
        sheet
            .write_string(1, 1, "198503032010011001")
            .expect("cell");
        sheet.write_string(1_048_575, 16_383, "jauh").expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        let read = read(&bytes, &SheetLimits::default()).expect("read");
        assert_eq!(read.headers, vec!["NIP", "Nama"]);
        assert_eq!(
            texts(&read),
            vec![vec!["198503032010011001".to_owned(), String::new()]]
        );
        assert_eq!(read.rows[0].number, 2);
    }

    #[test]
    fn files_that_are_no_spreadsheet_or_have_no_rows_say_so() {
        let limits = SheetLimits::default();
        for bytes in [
            &b"%PDF-1.7\n%\xE2\xE3"[..],
            b"\x89PNG\r\n\x1a\n\0\0",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1a\xE1",
            b"NIP,Nama\0\0\0",
        ] {
            assert!(matches!(
                read(bytes, &limits),
                Err(IntakeError::NotSpreadsheet)
            ));
        }
        assert!(matches!(
            read(b"NIP;Nama;Golongan\r\n", &limits),
            Err(IntakeError::NoRows)
        ));
        assert!(matches!(
            read(&workbook(0, 3), &limits),
            Err(IntakeError::NoRows)
        ));
        // Text in another encoding is still told to be saved as UTF-8.
        assert!(matches!(
            read(b"NIP;Nama\n1;Jos\xE9\n", &limits),
            Err(IntakeError::NotUtf8)
        ));
    }

    #[test]
    fn a_shared_string_named_by_many_cells_counts_each_time() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Catatan").expect("cell");
        let long = "x".repeat(20_000);
        for row in 1..=100 {
            sheet.write_string(row, 0, &long).expect("cell");
        }
        let bytes = book.save_to_buffer().expect("xlsx");
        let limits = SheetLimits {
            uncompressed_bytes: 1_000_000,
            ..SheetLimits::default()
        };
        // The archive holds the string once (about 20 KB); the cells name it 100 times.
        assert!(matches!(
            read(&bytes, &limits),
            Err(IntakeError::TooLarge(Overflow::Uncompressed(1_000_000)))
        ));
    }

    #[test]
    fn a_header_cell_far_to_the_right_cannot_widen_every_row() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "NIP").expect("cell");
        sheet.write_string(0, 16_383, "jauh").expect("cell");
        sheet
            .write_string(1, 0, "198503032010011001")
            .expect("cell");
        let bytes = book.save_to_buffer().expect("xlsx");
        assert!(matches!(
            read(&bytes, &SheetLimits::default()),
            Err(IntakeError::TooLarge(Overflow::Columns(MAX_COLUMNS)))
        ));
    }
}
