//! A small typesetter for text documents (minutes, letters) as PDF: A4 pages, the standard
//! Helvetica fonts every PDF reader has, headings and wrapped paragraphs, page numbers.
//! Text is encoded as WinAnsi, which covers Bahasa Indonesia and the accented Latin letters
//! of names; anything else prints as "?".

use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str};

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BODY_SIZE: f32 = 10.0;
const LEADING: f32 = 1.4;

/// Glyph widths of Helvetica for WinAnsi codes 32-126, in thousandths of the font size (the
/// font's published metrics).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Helvetica-Bold is wider than Helvetica; headings are measured with this allowance.
const BOLD_ALLOWANCE: f32 = 1.08;

/// What a line is set in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Title,
    Heading,
    Body,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 14.0,
            Style::Heading => 11.0,
            Style::Body => BODY_SIZE,
        }
    }

    fn font(self) -> Name<'static> {
        match self {
            Style::Body => Name(b"F1"),
            Style::Title | Style::Heading => Name(b"F2"),
        }
    }
}

/// A document being set: blocks of text, each wrapped to the page width.
#[derive(Debug, Default)]
pub struct Document {
    lines: Vec<(Style, String, f32)>,
}

/// A character as WinAnsi (Latin-1 for the letters that matter here).
fn win_ansi(c: char) -> u8 {
    match u32::from(c) {
        code @ 32..=126 | code @ 160..=255 => code as u8,
        _ if c == '\u{2013}' || c == '\u{2014}' => b'-',
        _ if c == '\u{2192}' => b'>',
        _ => b'?',
    }
}

/// The width of `text` at `size` points in Helvetica.
fn width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| {
            let code = win_ansi(c);
            let units = match code {
                32..=126 => HELVETICA[usize::from(code - 32)],
                // Accented letters are about as wide as their base letters.
                _ => 556,
            };
            f32::from(units) * size / 1000.0
        })
        .sum()
}

/// `text` broken into lines no wider than `max` points at `size`; a word longer than a
/// line is broken where it must be.
fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if width(&line, size) > max {
                let last = line.pop().unwrap_or(' ');
                lines.push(std::mem::take(&mut line));
                line.push(last);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

impl Document {
    pub fn new(title: &str) -> Document {
        let mut document = Document::default();
        document.push(Style::Title, title, 0.0);
        document
    }

    fn push(&mut self, style: Style, text: &str, indent: f32) {
        let allowance = if style == Style::Body {
            1.0
        } else {
            BOLD_ALLOWANCE
        };
        let max = (PAGE_WIDTH - 2.0 * MARGIN - indent) / allowance;
        for line in wrap(text, style.size(), max) {
            self.lines.push((style, line, indent));
        }
    }

    /// A bold heading, with space above it.
    pub fn heading(&mut self, text: &str) {
        self.lines.push((Style::Body, String::new(), 0.0));
        self.push(Style::Heading, text, 0.0);
    }

    pub fn paragraph(&mut self, text: &str) {
        self.push(Style::Body, text, 0.0);
    }

    /// A paragraph set in from the left, for the items of a list.
    pub fn item(&mut self, text: &str) {
        self.push(Style::Body, text, 18.0);
    }

    /// An empty line.
    pub fn space(&mut self) {
        self.lines.push((Style::Body, String::new(), 0.0));
    }

    /// The lines of each page.
    fn pages(&self) -> Vec<&[(Style, String, f32)]> {
        let usable = PAGE_HEIGHT - 2.0 * MARGIN - 20.0;
        let mut pages = Vec::new();
        let mut start = 0;
        let mut used = 0.0;
        for (i, (style, _, _)) in self.lines.iter().enumerate() {
            let height = style.size() * LEADING;
            if used + height > usable && i > start {
                pages.push(&self.lines[start..i]);
                start = i;
                used = 0.0;
            }
            used += height;
        }
        pages.push(&self.lines[start..]);
        pages
    }

    /// The PDF file.
    pub fn render(&self) -> Vec<u8> {
        let pages = self.pages();
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let first_page = 5;
        let page_ids: Vec<Ref> = (0..pages.len())
            .map(|i| Ref::new(first_page + 2 * i as i32))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(pages.len() as i32);
        pdf.type1_font(regular)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        pdf.type1_font(bold)
            .base_font(Name(b"Helvetica-Bold"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
        let total = pages.len();
        for (index, (lines, id)) in pages.iter().zip(&page_ids).enumerate() {
            let contents = Ref::new(id.get() + 1);
            {
                let mut page = pdf.page(*id);
                page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
                    .parent(tree)
                    .contents(contents);
                page.resources()
                    .fonts()
                    .pair(Style::Body.font(), regular)
                    .pair(Style::Heading.font(), bold);
            }
            let mut content = Content::new();
            let mut y = PAGE_HEIGHT - MARGIN;
            for (style, text, indent) in lines.iter() {
                y -= style.size() * LEADING;
                if text.is_empty() {
                    continue;
                }
                let encoded: Vec<u8> = text.chars().map(win_ansi).collect();
                content
                    .begin_text()
                    .set_font(style.font(), style.size())
                    .next_line(MARGIN + indent, y)
                    .show(Str(&encoded))
                    .end_text();
            }
            let footer = format!("Halaman {} dari {total}", index + 1);
            let encoded: Vec<u8> = footer.chars().map(win_ansi).collect();
            content
                .begin_text()
                .set_font(Style::Body.font(), 8.0)
                .next_line(PAGE_WIDTH - MARGIN - width(&footer, 8.0), MARGIN / 2.0)
                .show(Str(&encoded))
                .end_text();
            pdf.stream(contents, &content.finish());
        }
        pdf.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_run_past_the_margin() {
        let text = "Kinerja 2025 terbukti dari penugasan tim lintas OPD ".repeat(20);
        let max = PAGE_WIDTH - 2.0 * MARGIN;
        let lines = wrap(&text, BODY_SIZE, max);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| width(l, BODY_SIZE) <= max));
        // Nothing is lost: the words come back in order.
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        let long = "x".repeat(400);
        assert!(wrap(&long, BODY_SIZE, max)
            .iter()
            .all(|l| width(l, BODY_SIZE) <= max));
    }

    #[test]
    fn widths_follow_the_helvetica_metrics() {
        // "W" is the widest capital, "i" one of the narrowest.
        assert!((width("W", 10.0) - 9.44).abs() < 1e-4);
        assert!((width("i", 10.0) - 2.22).abs() < 1e-4);
        assert!((width("Halo", 1000.0) - (722.0 + 556.0 + 222.0 + 556.0)).abs() < 1e-3);
    }

    #[test]
    fn indonesian_names_are_encoded_and_the_rest_marked() {
        assert_eq!(win_ansi('é'), 0xE9);
        assert_eq!(win_ansi('a'), b'a');
        assert_eq!(win_ansi('→'), b'>');
        assert_eq!(win_ansi('漢'), b'?');
    }

    #[test]
    fn a_long_document_breaks_into_numbered_pages() {
        let mut document = Document::new("Berita acara");
        for i in 0..200 {
            document.item(&format!("{i}. Perubahan kotak dengan alasan tertulis"));
        }
        let pages = document.pages();
        assert!(pages.len() >= 3, "{}", pages.len());
        assert_eq!(
            pages.iter().map(|p| p.len()).sum::<usize>(),
            document.lines.len()
        );
        let bytes = document.render();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/Helvetica-Bold"));
        assert!(text.contains(&format!("Halaman 1 dari {}", pages.len())));
        assert!(text.contains("199. Perubahan kotak"));
    }
}
