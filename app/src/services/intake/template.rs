//! The template of each kind of import, for BKPSDM to fill in: the header row the import
//! reads, an example row, and (XLSX) a sheet of instructions listing each column, whether it
//! is required, the other names it is recognised by, how its value is written and an example.
//!
//! The CSV is separated by semicolons, which Excel expects in the Indonesian locale, and
//! writes the example's NIP as `="198503032010012001"`, which Excel opens as text with every
//! digit kept; the reader (`sheet`) takes that form back as the digits. A NIP typed into a
//! new row of the CSV in Excel becomes a number and loses digits (the import refuses it), so
//! the page recommends the XLSX template, whose NIP columns are text.

use super::fields::{Field, Value};
use super::{asesmen, pelatihan, roster, skp, ImportKind, Intake};
use crate::export::{spreadsheet_safe, ExportError, Format};
use crate::i18n::Lang;

/// The columns of a kind of import, in the order its template lists them.
pub fn fields(kind: ImportKind) -> &'static [Field] {
    match kind {
        ImportKind::Roster => roster::Roster::FIELDS,
        ImportKind::Asesmen => asesmen::Asesmen::FIELDS,
        ImportKind::Skp => skp::Skp::FIELDS,
        ImportKind::Pelatihan => pelatihan::Pelatihan::FIELDS,
    }
}

/// A CSV cell, quoted when it holds the separator, a quote or a line break.
fn csv_cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Header and example row, `;`-separated, UTF-8 with a byte-order mark (so Excel reads the
/// accents), CRLF line ends. A NIP is written bare as `="…"`: quoted, Excel would not read
/// it as text.
fn csv(fields: &[Field]) -> Vec<u8> {
    let header: Vec<String> = fields.iter().map(|f| csv_cell(f.header)).collect();
    let example: Vec<String> = fields
        .iter()
        .map(|f| match f.value {
            Value::Nip if !f.example.is_empty() => format!("=\"{}\"", f.example),
            _ => csv_cell(&spreadsheet_safe(f.example)),
        })
        .collect();
    format!("\u{feff}{}\r\n{}\r\n", header.join(";"), example.join(";")).into_bytes()
}

fn xlsx(kind: ImportKind, fields: &[Field], lang: Lang) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{Color, Format as CellFormat, Workbook};
    let mut book = Workbook::new();
    let bold = CellFormat::new().set_bold();
    let required = CellFormat::new()
        .set_bold()
        .set_background_color(Color::RGB(0xFFE8A3));
    let text = CellFormat::new().set_num_format("@");
    let data = book.add_worksheet();
    data.set_name("Data")?;
    for (c, field) in (0u16..).zip(fields) {
        let header = if field.required { &required } else { &bold };
        data.write_string_with_format(0, c, field.header, header)?;
        // NIP columns are text, so a NIP typed or pasted in keeps all 18 digits.
        if field.value == Value::Nip {
            data.set_column_format(c, &text)?;
        }
        if !field.example.is_empty() {
            data.write_string(1, c, spreadsheet_safe(field.example))?;
        }
    }
    data.set_freeze_panes(1, 0)?;
    data.autofit();
    let guide = book.add_worksheet();
    guide.set_name(lang.pick("Petunjuk", "Instructions"))?;
    guide.write_string_with_format(
        0,
        0,
        lang.pick(
            format!("Templat impor: {}", kind.label()),
            format!("Import template: {}", kind.label()),
        ),
        &bold,
    )?;
    guide.write_string(
        1,
        0,
        lang.pick(
            "Isi lembar Data mulai baris 2 (ganti baris contoh). Kolom berwarna wajib; kolom lain boleh dihapus atau dikosongkan. Urutan kolom bebas; judul kolom boleh memakai nama lain yang tercantum.",
            "Fill in the Data sheet from row 2 (replace the example row). Coloured columns are required; the others may be deleted or left empty. Columns may come in any order; a heading may use any of the other names listed.",
        ),
    )?;
    let headings = [
        lang.pick("Kolom", "Column"),
        lang.pick("Wajib", "Required"),
        lang.pick("Nama lain yang dikenali", "Other names recognised"),
        lang.pick("Cara menulis", "How to write it"),
        lang.pick("Contoh", "Example"),
    ];
    for (c, heading) in (0u16..).zip(headings) {
        guide.write_string_with_format(3, c, heading, &bold)?;
    }
    for (r, field) in (4u32..).zip(fields) {
        guide.write_string(r, 0, field.header)?;
        guide.write_string(
            r,
            1,
            match field.required {
                true => lang.pick("ya", "yes"),
                false => lang.pick("tidak", "no"),
            },
        )?;
        guide.write_string(r, 2, field.aliases.join(", "))?;
        guide.write_string(r, 3, field.value.describe(lang))?;
        guide.write_string(r, 4, spreadsheet_safe(field.example))?;
    }
    guide.autofit();
    Ok(book.save_to_buffer()?)
}

/// The template of `kind` in `format`; the XLSX's instructions are in `lang`.
pub fn template(kind: ImportKind, format: Format, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let fields = fields(kind);
    match format {
        Format::Csv => Ok(csv(fields)),
        Format::Xlsx => xlsx(kind, fields, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fields::Columns;
    use super::super::sheet::{read_matching, SheetLimits};
    use super::*;

    #[test]
    fn every_template_reads_back_with_every_column_found_and_the_nip_whole() {
        for kind in ImportKind::ALL {
            for format in [Format::Csv, Format::Xlsx] {
                let bytes = template(kind, format, Lang::Id).expect("template");
                let recognised = |h: &[String]| Columns::locate(fields(kind), h).is_ok();
                let sheet =
                    read_matching(&bytes, &SheetLimits::default(), &recognised).expect("reads");
                let columns = Columns::locate(fields(kind), &sheet.headers);
                assert!(columns.is_ok(), "{kind:?} {format:?}: {:?}", columns.err());
                assert_eq!(sheet.rows.len(), 1, "one example row");
                let nip = sheet.rows[0].cells[0].text();
                assert_eq!(nip, "198503032010012001", "{kind:?} {format:?}");
            }
        }
    }

    #[test]
    fn the_csv_is_semicolon_separated_with_the_nip_kept_as_text() {
        let bytes = template(ImportKind::Roster, Format::Csv, Lang::Id).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert!(
            text.starts_with("\u{feff}NIP;Nama;Jenis ASN;Golongan;"),
            "{text}"
        );
        assert!(
            text.contains("\r\n=\"198503032010012001\";Siti Rahmawati, S.E.;PNS;III/c;"),
            "{text}"
        );
    }
}
