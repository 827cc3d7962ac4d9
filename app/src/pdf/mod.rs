//! A small typesetter for documents a committee signs (the calibration minutes) as PDF: A4
//! pages, a letterhead, headings, wrapped paragraphs, ruled tables whose header repeats on
//! each page, signature lines, page numbers. Text is set in an embedded Unicode font
//! (`font`), so every name prints as written.

mod font;

use font::{Font, Weight};
use pdf_writer::{Content, Filter, Name, Pdf, Rect, Ref, Str};
use std::sync::Arc;
use thiserror::Error;

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 50.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const BODY_SIZE: f32 = 9.5;
const TABLE_SIZE: f32 = 8.5;
const LEADING: f32 = 1.35;
const CELL_PADDING: f32 = 3.0;
/// Room above a signature line for the signature itself.
const SIGNING_SPACE: f32 = 42.0;

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("huruf dokumen tidak dapat dibaca: {0}")]
    Font(String),
}

/// What a document is made of, before it is laid out.
#[derive(Debug, Clone)]
enum Block {
    /// The instansi's letterhead: centred bold lines over a double rule.
    Letterhead(Vec<String>),
    /// A centred line, bold or not.
    Centred(Weight, f32, String),
    Heading(String),
    Paragraph(String, f32),
    Table(Table),
    /// Signature lines for these names, two to a row.
    Signatures(Vec<String>),
    Space(f32),
}

/// A ruled table: column headers with their share of the text width, and rows of cells.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<(String, f32)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns (header, share of the width; the shares are normalised).
    pub fn new(columns: &[(&str, f32)]) -> Table {
        let total: f32 = columns.iter().map(|(_, share)| share).sum();
        Table {
            columns: columns
                .iter()
                .map(|(name, share)| ((*name).to_owned(), share / total))
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// A document being written.
#[derive(Debug, Default)]
pub struct Document {
    blocks: Vec<Block>,
}

/// Something drawn, placed relative to the top of its piece.
#[derive(Debug, Clone)]
enum Mark {
    Text {
        weight: Weight,
        size: f32,
        x: f32,
        /// The baseline, below the piece's top.
        y: f32,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
    },
}

/// A stretch of a page that is never split: a line of text, a table row, a pair of
/// signatures. A table row carries its table's header, repeated at the top of a new page.
#[derive(Debug, Clone, Default)]
struct Piece {
    height: f32,
    marks: Vec<Mark>,
    header: Option<Arc<Piece>>,
}

/// The two fonts of a document.
struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    fn load() -> Result<Fonts, PdfError> {
        Ok(Fonts {
            regular: Font::load(Weight::Regular)?,
            bold: Font::load(Weight::Bold)?,
        })
    }

    fn get(&mut self, weight: Weight) -> &mut Font {
        match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        }
    }

    fn width(&self, weight: Weight, text: &str, size: f32) -> f32 {
        match weight {
            Weight::Regular => self.regular.width(text, size),
            Weight::Bold => self.bold.width(text, size),
        }
    }

    /// `text` broken into lines no wider than `max` points; a word longer than a line is
    /// broken where it must be.
    fn wrap(&self, weight: Weight, text: &str, size: f32, max: f32) -> Vec<String> {
        let fits = |line: &str| self.width(weight, line, size) <= max;
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Compressed as a PDF `FlateDecode` stream.
fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

fn text_line(weight: Weight, size: f32, x: f32, text: String) -> Piece {
    let height = size * LEADING;
    Piece {
        height,
        marks: vec![Mark::Text {
            weight,
            size,
            x,
            y: height - size * 0.3,
            text,
        }],
        header: None,
    }
}

/// One row of a ruled table: each cell's text wrapped to its column, the row as tall as
/// its tallest cell.
fn table_row(fonts: &Fonts, widths: &[f32], cells: &[String], weight: Weight) -> Piece {
    let line_height = TABLE_SIZE * LEADING;
    let wrapped: Vec<Vec<String>> = widths
        .iter()
        .enumerate()
        .map(|(i, width)| {
            let text = cells.get(i).map_or("", String::as_str);
            fonts.wrap(weight, text, TABLE_SIZE, width - 2.0 * CELL_PADDING)
        })
        .collect();
    let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
    let height = lines * line_height + 2.0 * CELL_PADDING;
    let mut marks = Vec::new();
    let mut x = MARGIN;
    for (width, lines) in widths.iter().zip(&wrapped) {
        for (n, text) in lines.iter().enumerate() {
            marks.push(Mark::Text {
                weight,
                size: TABLE_SIZE,
                x: x + CELL_PADDING,
                y: CELL_PADDING + (n as f32 + 1.0) * line_height - TABLE_SIZE * 0.3,
                text: text.clone(),
            });
        }
        marks.push(Mark::Line {
            from: (x, 0.0),
            to: (x, height),
            width: 0.5,
        });
        x += width;
    }
    let rules = [(0.0, 0.0), (height, height)];
    marks.extend(rules.iter().map(|(a, b)| Mark::Line {
        from: (MARGIN, *a),
        to: (MARGIN + TEXT_WIDTH, *b),
        width: 0.5,
    }));
    marks.push(Mark::Line {
        from: (MARGIN + TEXT_WIDTH, 0.0),
        to: (MARGIN + TEXT_WIDTH, height),
        width: 0.5,
    });
    Piece {
        height,
        marks,
        header: None,
    }
}

/// Two signature places side by side: room to sign, a line, the name under it.
fn signature_pair(fonts: &Fonts, names: &[(usize, &String)]) -> Piece {
    let column = TEXT_WIDTH / 2.0;
    let line_width = column - 40.0;
    let mut marks = Vec::new();
    let mut height: f32 = 0.0;
    for (i, (number, name)) in names.iter().enumerate() {
        let x = MARGIN + column * i as f32;
        marks.push(Mark::Text {
            weight: Weight::Regular,
            size: BODY_SIZE,
            x,
            y: BODY_SIZE,
            text: format!("{number}."),
        });
        marks.push(Mark::Line {
            from: (x + 14.0, SIGNING_SPACE),
            to: (x + 14.0 + line_width, SIGNING_SPACE),
            width: 0.5,
        });
        let lines = fonts.wrap(Weight::Regular, name, BODY_SIZE, line_width);
        let mut y = SIGNING_SPACE;
        for line in lines {
            y += BODY_SIZE * LEADING;
            marks.push(Mark::Text {
                weight: Weight::Regular,
                size: BODY_SIZE,
                x: x + 14.0,
                y,
                text: line,
            });
        }
        height = height.max(y + BODY_SIZE);
    }
    Piece {
        height,
        marks,
        header: None,
    }
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    /// The letterhead: the instansi and the body issuing the document.
    pub fn letterhead(&mut self, lines: &[&str]) {
        self.blocks.push(Block::Letterhead(
            lines.iter().map(|l| (*l).to_owned()).collect(),
        ));
    }

    /// The document's title, centred and bold.
    pub fn title(&mut self, text: &str) {
        self.blocks
            .push(Block::Centred(Weight::Bold, 12.0, text.to_owned()));
    }

    /// A centred line under the title (its number).
    pub fn subtitle(&mut self, text: &str) {
        self.blocks
            .push(Block::Centred(Weight::Regular, BODY_SIZE, text.to_owned()));
    }

    /// A bold heading, with space above it.
    pub fn heading(&mut self, text: &str) {
        self.blocks.push(Block::Heading(text.to_owned()));
    }

    pub fn paragraph(&mut self, text: &str) {
        self.blocks.push(Block::Paragraph(text.to_owned(), 0.0));
    }

    /// A paragraph set in from the left, for the items of a list.
    pub fn item(&mut self, text: &str) {
        self.blocks.push(Block::Paragraph(text.to_owned(), 18.0));
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    /// Signature lines for these people, numbered, two to a row.
    pub fn signatures(&mut self, names: &[String]) {
        self.blocks.push(Block::Signatures(names.to_vec()));
    }

    /// An empty line.
    pub fn space(&mut self) {
        self.blocks.push(Block::Space(BODY_SIZE * LEADING));
    }

    /// The blocks as unbreakable pieces, in reading order.
    fn pieces(&self, fonts: &Fonts) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for block in &self.blocks {
            match block {
                Block::Letterhead(lines) => {
                    for (i, line) in lines.iter().enumerate() {
                        let size = if i == 0 { 13.0 } else { 11.0 };
                        let x = MARGIN + (TEXT_WIDTH - fonts.width(Weight::Bold, line, size)) / 2.0;
                        pieces.push(text_line(Weight::Bold, size, x.max(MARGIN), line.clone()));
                    }
                    let rule = |y: f32, width: f32| Mark::Line {
                        from: (MARGIN, y),
                        to: (MARGIN + TEXT_WIDTH, y),
                        width,
                    };
                    pieces.push(Piece {
                        height: 14.0,
                        marks: vec![rule(4.0, 1.6), rule(6.5, 0.5)],
                        header: None,
                    });
                }
                Block::Centred(weight, size, text) => {
                    for line in fonts.wrap(*weight, text, *size, TEXT_WIDTH) {
                        let x = MARGIN + (TEXT_WIDTH - fonts.width(*weight, &line, *size)) / 2.0;
                        pieces.push(text_line(*weight, *size, x, line));
                    }
                }
                Block::Heading(text) => {
                    pieces.push(Piece {
                        height: BODY_SIZE,
                        ..Piece::default()
                    });
                    for line in fonts.wrap(Weight::Bold, text, 10.5, TEXT_WIDTH) {
                        pieces.push(text_line(Weight::Bold, 10.5, MARGIN, line));
                    }
                }
                Block::Paragraph(text, indent) => {
                    for line in fonts.wrap(Weight::Regular, text, BODY_SIZE, TEXT_WIDTH - indent) {
                        pieces.push(text_line(Weight::Regular, BODY_SIZE, MARGIN + indent, line));
                    }
                }
                Block::Table(table) => {
                    let widths: Vec<f32> = table
                        .columns
                        .iter()
                        .map(|(_, share)| share * TEXT_WIDTH)
                        .collect();
                    let names: Vec<String> =
                        table.columns.iter().map(|(name, _)| name.clone()).collect();
                    let header = Arc::new(table_row(fonts, &widths, &names, Weight::Bold));
                    pieces.push((*header).clone());
                    for row in &table.rows {
                        let mut piece = table_row(fonts, &widths, row, Weight::Regular);
                        piece.header = Some(Arc::clone(&header));
                        pieces.push(piece);
                    }
                }
                Block::Signatures(names) => {
                    let numbered: Vec<(usize, &String)> =
                        names.iter().enumerate().map(|(i, n)| (i + 1, n)).collect();
                    for pair in numbered.chunks(2) {
                        pieces.push(signature_pair(fonts, pair));
                        pieces.push(Piece {
                            height: BODY_SIZE,
                            ..Piece::default()
                        });
                    }
                }
                Block::Space(height) => pieces.push(Piece {
                    height: *height,
                    ..Piece::default()
                }),
            }
        }
        pieces
    }

    /// The pieces of each page; a table continued on a new page repeats its header there.
    fn pages(pieces: Vec<Piece>) -> Vec<Vec<Piece>> {
        let usable = PAGE_HEIGHT - 2.0 * MARGIN - 20.0;
        let mut pages: Vec<Vec<Piece>> = vec![Vec::new()];
        let mut used = 0.0;
        for piece in pieces {
            let on_page = pages.last().map_or(0, Vec::len);
            if used + piece.height > usable && on_page > 0 {
                pages.push(Vec::new());
                used = 0.0;
                if let (Some(header), Some(page)) = (&piece.header, pages.last_mut()) {
                    used += header.height;
                    page.push((**header).clone());
                }
            }
            used += piece.height;
            if let Some(page) = pages.last_mut() {
                page.push(piece);
            }
        }
        pages
    }

    /// The PDF file.
    pub fn render(&self) -> Result<Vec<u8>, PdfError> {
        let mut fonts = Fonts::load()?;
        let pages = Document::pages(self.pieces(&fonts));
        let mut pdf = Pdf::new();
        let mut counter = 0;
        let mut next = move || {
            counter += 1;
            Ref::new(counter)
        };
        let (catalog, tree, regular, bold) = (next(), next(), next(), next());
        let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (next(), next())).collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().map(|(page, _)| *page))
            .count(pages.len() as i32);
        let total = pages.len();
        for (index, (pieces, (id, contents))) in pages.iter().zip(&page_ids).enumerate() {
            {
                let mut page = pdf.page(*id);
                page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
                    .parent(tree)
                    .contents(*contents);
                page.resources()
                    .fonts()
                    .pair(Name(b"F1"), regular)
                    .pair(Name(b"F2"), bold);
            }
            let mut content = Content::new();
            let mut top = PAGE_HEIGHT - MARGIN;
            for piece in pieces {
                for mark in &piece.marks {
                    draw(&mut content, &mut fonts, mark, top);
                }
                top -= piece.height;
            }
            let footer = format!("Halaman {} dari {total}", index + 1);
            let x = PAGE_WIDTH - MARGIN - fonts.width(Weight::Regular, &footer, 8.0);
            draw(
                &mut content,
                &mut fonts,
                &Mark::Text {
                    weight: Weight::Regular,
                    size: 8.0,
                    x,
                    y: 0.0,
                    text: footer,
                },
                MARGIN / 2.0,
            );
            pdf.stream(*contents, &deflate(&content.finish()))
                .filter(Filter::FlateDecode);
        }
        fonts.regular.write(&mut pdf, regular, &mut next)?;
        fonts.bold.write(&mut pdf, bold, &mut next)?;
        Ok(pdf.finish())
    }
}

/// Draws a mark whose piece starts `top` points above the page's foot.
fn draw(content: &mut Content, fonts: &mut Fonts, mark: &Mark, top: f32) {
    match mark {
        Mark::Text {
            weight,
            size,
            x,
            y,
            text,
        } => {
            let font = match weight {
                Weight::Regular => Name(b"F1"),
                Weight::Bold => Name(b"F2"),
            };
            let encoded = fonts.get(*weight).encode(text);
            content
                .begin_text()
                .set_font(font, *size)
                .next_line(*x, top - y)
                .show(Str(&encoded))
                .end_text();
        }
        Mark::Line { from, to, width } => {
            content
                .set_line_width(*width)
                .move_to(from.0, top - from.1)
                .line_to(to.0, top - to.1)
                .stroke();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("fonts")
    }

    #[test]
    fn lines_never_run_past_the_margin() {
        let fonts = fonts();
        let text = "Kinerja 2025 terbukti dari penugasan tim lintas OPD ".repeat(20);
        let lines = fonts.wrap(Weight::Regular, &text, BODY_SIZE, TEXT_WIDTH);
        assert!(lines.len() > 3);
        assert!(lines
            .iter()
            .all(|l| fonts.width(Weight::Regular, l, BODY_SIZE) <= TEXT_WIDTH));
        // Nothing is lost: the words come back in order.
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        let long = "x".repeat(400);
        let broken = fonts.wrap(Weight::Regular, &long, BODY_SIZE, 100.0);
        assert!(broken.len() > 5);
        assert_eq!(broken.concat(), long);
        assert!(broken
            .iter()
            .all(|l| fonts.width(Weight::Regular, l, BODY_SIZE) <= 100.0));
    }

    #[test]
    fn a_table_continued_on_a_new_page_repeats_its_header() {
        let mut document = Document::new();
        document.title("Berita acara");
        let mut table = Table::new(&[("No.", 1.0), ("Nama", 4.0), ("Alasan", 6.0)]);
        for i in 0..120 {
            table.row(vec![
                format!("{i}"),
                "Ni Made Ayu Ṣāliḥah".into(),
                "Perubahan kotak dengan alasan tertulis yang panjangnya dua baris dalam kolom ini"
                    .into(),
            ]);
        }
        document.table(table);
        let pages = Document::pages(document.pieces(&fonts()));
        assert!(pages.len() >= 3, "{}", pages.len());
        for page in &pages[1..] {
            let first = page.first().expect("a page has pieces");
            assert!(
                matches!(&first.marks[0], Mark::Text { text, .. } if text == "No."),
                "each continued page starts with the header"
            );
        }
        let rows: usize = pages
            .iter()
            .flatten()
            .filter(|p| p.header.is_some())
            .count();
        assert_eq!(rows, 120, "every row is set once");
    }

    #[test]
    fn a_document_embeds_only_the_glyphs_it_uses() {
        let mut document = Document::new();
        document.letterhead(&["PEMERINTAH KOTA BALIKPAPAN"]);
        document.title("BERITA ACARA");
        document.paragraph("Ni Made Ayu Ṣāliḥah, Zoë Ğül, Дмитрий, Ωmega → kotak 9");
        document.signatures(&["Sekretaris Daerah".into(), "Kepala BKPSDM".into()]);
        let bytes = document.render().expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("+DejaVuSans-Bold"));
        assert!(text.contains("/ToUnicode"));
        assert!(text.contains("/Identity-H"));
        assert!(
            bytes.len() < 60_000,
            "a subset, not the whole font: {} bytes",
            bytes.len()
        );
    }
}
