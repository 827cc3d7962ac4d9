//! The test that fails when a page shows a text in one language only. It reads the sources of
//! the interface as Rust tokens and reports every text written outside a
//! `lang.pick(indonesian, english)` pair:
//!
//! - a text node or a human-read attribute (`title`, `aria-label`, `alt`, …) in a `view!`;
//! - a literal in code that reads as prose ("Skor terbaru", "{} instansi (…)");
//! - a pair whose two texts are the same, or empty.

use proc_macro2::{TokenStream, TokenTree};
use std::path::{Path, PathBuf};

/// Attributes and component properties that people read.
const HUMAN_ATTRIBUTES: &[&str] = &[
    "alt",
    "aria-description",
    "aria-label",
    "aria-roledescription",
    "caption",
    "label",
    "placeholder",
    "text",
    "title",
];

/// Names that read the same in both languages: data (the default province, the prefix of
/// local governments' names).
const NEUTRAL: &[&str] = &["Kalimantan Timur", "Pemerintah "];

/// Words that read the same in both languages: the product, file formats, the names and
/// abbreviations of the civil service (NIP, JP, JPM, PNS, PPPK, BUP), and words English
/// shares ("Status", "Data", "target"). A text made of these alone needs no pair.
const NEUTRAL_WORDS: &[&str] = &[
    "Jenjang", "CSV", "XLSX", "PDF", "NIP", "JP", "JPM", "PNS", "PPPK", "BUP", "Instansi",
    "Status", "Data", "No", "target", "https",
];

/// Functions whose two arguments are a text in Indonesian and in English.
const PAIR_FUNCTIONS: &[&str] = &["pick", "bad_request"];

/// Macros whose texts go to the server's log, not to a reader.
const LOG_MACROS: &[&str] = &["trace", "debug", "info", "warn", "error"];

#[derive(Debug, PartialEq, Eq)]
struct Finding {
    file: String,
    text: String,
    why: &'static str,
}

/// Every source file of the interface, relative to `app/src`.
fn interface_sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("app.rs"), root.join("error.rs")];
    for dir in ["components", "pages", "charts"] {
        collect_rust_files(&root.join(dir), &mut files);
    }
    let mut relative: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(&root).ok())
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .collect();
    relative.sort();
    relative
}

fn collect_rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn scan_file(relative: &str) -> Vec<Finding> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(relative);
    let source = std::fs::read_to_string(&path).expect("source readable");
    scan(relative, &source)
}

fn scan(file: &str, source: &str) -> Vec<Finding> {
    let tokens: TokenStream = source.parse().expect("source tokenises");
    let mut scanner = Scanner {
        file,
        findings: Vec::new(),
    };
    scanner.code(tokens);
    scanner.findings
}

struct Scanner<'a> {
    file: &'a str,
    findings: Vec<Finding>,
}

impl Scanner<'_> {
    fn report(&mut self, text: String, why: &'static str) {
        self.findings.push(Finding {
            file: self.file.to_owned(),
            text,
            why,
        });
    }

    /// Rust code: attributes and test modules are skipped, `view!` is markup, `pick(…)` is a
    /// pair, any other literal must not read as prose.
    fn code(&mut self, tokens: TokenStream) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                TokenTree::Punct(p) if p.as_char() == '#' => {
                    // `#[…]` or `#![…]`.
                    i += 1;
                    if matches!(tokens.get(i), Some(TokenTree::Punct(p)) if p.as_char() == '!') {
                        i += 1;
                    }
                }
                TokenTree::Ident(ident) if ident == "mod" => {
                    if matches!(tokens.get(i + 1), Some(TokenTree::Ident(name)) if name == "tests")
                    {
                        i += 2;
                    }
                }
                TokenTree::Ident(ident) if ident == "view" => {
                    if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(body))) =
                        (tokens.get(i + 1), tokens.get(i + 2))
                    {
                        if bang.as_char() == '!' {
                            self.markup(body.stream());
                            i += 2;
                        }
                    }
                }
                TokenTree::Ident(ident) if PAIR_FUNCTIONS.contains(&ident.to_string().as_str()) => {
                    if let Some(TokenTree::Group(args)) = tokens.get(i + 1) {
                        self.pair(args.stream());
                        i += 1;
                    }
                }
                TokenTree::Ident(ident) if LOG_MACROS.contains(&ident.to_string().as_str()) => {
                    if matches!(tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!')
                    {
                        i += 2;
                    }
                }
                TokenTree::Group(group) => self.code(group.stream()),
                TokenTree::Literal(literal) => {
                    if let Some(text) = string_content(&literal.to_string()) {
                        if reads_as_prose(&text) && !NEUTRAL.contains(&text.as_str()) {
                            self.report(text, "prose outside a pick(id, en) pair");
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// The inside of `view!`: text nodes and human-read attributes must not be literals;
    /// `{…}` holds code.
    fn markup(&mut self, tokens: TokenStream) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                TokenTree::Ident(ident) if PAIR_FUNCTIONS.contains(&ident.to_string().as_str()) => {
                    if let Some(TokenTree::Group(args)) = tokens.get(i + 1) {
                        self.pair(args.stream());
                        i += 1;
                    }
                }
                TokenTree::Group(group) => self.code(group.stream()),
                TokenTree::Literal(literal) => {
                    if let Some(text) = string_content(&literal.to_string()) {
                        let attribute = match i.checked_sub(1).map(|j| &tokens[j]) {
                            Some(TokenTree::Punct(p)) if p.as_char() == '=' => {
                                Some(attribute_name(&tokens, i - 1))
                            }
                            _ => None,
                        };
                        let read = attribute.is_none_or(|a| HUMAN_ATTRIBUTES.contains(&a.as_str()));
                        if read && has_words(&text) && !NEUTRAL.contains(&text.as_str()) {
                            self.report(text, "text in a view! outside a pick(id, en) pair");
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// `pick(id, en)`: two texts that differ, neither empty. Anything but two literals is
    /// code (formatted texts, say) and is scanned as such.
    fn pair(&mut self, args: TokenStream) {
        let mut parts: Vec<Vec<TokenTree>> = vec![Vec::new()];
        for token in args {
            match &token {
                TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
                _ => parts.last_mut().expect("one part at least").push(token),
            }
        }
        parts.retain(|p| !p.is_empty());
        let texts: Vec<Option<String>> = parts
            .iter()
            .map(|part| match part.as_slice() {
                [TokenTree::Literal(l)] => string_content(&l.to_string()),
                _ => None,
            })
            .collect();
        if let [Some(id), Some(en)] = texts.as_slice() {
            if id.trim().is_empty() || en.trim().is_empty() {
                self.report(format!("{id:?} / {en:?}"), "an empty text in a pair");
            } else if id == en {
                self.report(id.clone(), "the same text in both languages");
            }
        }
    }
}

/// The name before the `=` at `eq`: `title`, `aria-label`, `attr:class`'s `class`.
fn attribute_name(tokens: &[TokenTree], eq: usize) -> String {
    let mut parts = Vec::new();
    let mut j = eq;
    while j > 0 {
        j -= 1;
        match &tokens[j] {
            TokenTree::Ident(ident) => parts.push(ident.to_string()),
            TokenTree::Punct(p) if p.as_char() == '-' => parts.push("-".to_owned()),
            _ => break,
        }
        let joined_by_dash =
            j > 0 && matches!(&tokens[j - 1], TokenTree::Punct(p) if p.as_char() == '-');
        if !joined_by_dash && matches!(&tokens[j], TokenTree::Ident(_)) {
            break;
        }
    }
    parts.reverse();
    parts.concat()
}

/// The content of a string literal (`"…"` or `r#"…"#`); `None` for any other literal.
fn string_content(literal: &str) -> Option<String> {
    let raw = literal.strip_prefix('r').map(|r| r.trim_matches('#'));
    let quoted = raw.unwrap_or(literal);
    quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .map(str::to_owned)
}

/// Whether a text has a word in it (not only numbers, symbols, placeholders and words
/// both languages share).
fn has_words(text: &str) -> bool {
    without_placeholders(text)
        .split(|c: char| !c.is_alphabetic())
        .any(|word| !word.is_empty() && !NEUTRAL_WORDS.contains(&word))
}

/// A literal in code is prose when it has a capitalised word, punctuation between words, or
/// four words or more; CSS classes ("grafik-kanvas lebar") and paths are not.
fn reads_as_prose(text: &str) -> bool {
    let text = without_placeholders(text);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .filter(|w| !NEUTRAL_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
        .collect();
    let is_path = text.contains('/') && !text.contains(' ');
    let is_sql = ["SELECT ", "WITH ", "INSERT ", "UPDATE ", "DELETE "]
        .iter()
        .any(|keyword| text.trim_start().starts_with(keyword));
    if words.is_empty() || is_path || is_sql {
        return false;
    }
    let capitalised = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    let tokens = text.split_whitespace().count();
    let punctuated = tokens > 1
        && text
            .chars()
            .any(|c| matches!(c, ',' | '.' | '(' | '?' | '!' | '"'));
    capitalised || punctuated || words.len() >= 4
}

/// `text` without its `{…}` format placeholders.
fn without_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn every_text_of_every_page_comes_in_both_languages() {
    let findings: Vec<Finding> = interface_sources()
        .iter()
        .flat_map(|file| scan_file(file))
        .collect();
    assert!(
        findings.is_empty(),
        "texts in one language only:\n{}",
        findings
            .iter()
            .map(|f| format!("  {}: {:?} ({})", f.file, f.text, f.why))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_scanner_finds_texts_outside_pairs() {
    let source = r#"
        fn page(lang: Lang) -> impl IntoView {
            let note = format!("{} pegawai, belum dipetakan", 3);
            let refused = AppError::bad_request("sama saja", "sama saja");
            let title = format!("{} | Jenjang", name);
            view! {
                <th>"NIP"</th><p>"Status: "{status}</p>
                <a class="tautan utama" href="/indeks-merit" aria-label="Indeks">"Beranda"</a>
                <p title=lang.pick("Sama", "Sama")>{lang.pick("Skor", "Score")}</p>
                <Title text=lang.pick(format!("{n} pegawai"), format!("{n} employees"))/>
                <p>{note}" · "{lang.pick("", "x")}</p>
            }
        }
        #[cfg(test)]
        mod tests { const X: &str = "Teks uji. Tidak dihitung"; }
    "#;
    let found: Vec<(String, &str)> = scan("contoh.rs", source)
        .into_iter()
        .map(|f| (f.text, f.why))
        .collect();
    assert_eq!(
        found,
        [
            (
                "{} pegawai, belum dipetakan".to_owned(),
                "prose outside a pick(id, en) pair"
            ),
            ("sama saja".to_owned(), "the same text in both languages"),
            (
                "Indeks".to_owned(),
                "text in a view! outside a pick(id, en) pair"
            ),
            (
                "Beranda".to_owned(),
                "text in a view! outside a pick(id, en) pair"
            ),
            ("Sama".to_owned(), "the same text in both languages"),
            ("\"\" / \"x\"".to_owned(), "an empty text in a pair"),
        ]
    );
}

#[test]
fn classes_paths_and_symbols_are_not_prose() {
    for code in [
        "grafik-kanvas lebar",
        "/indeks-merit/{}",
        "{} %",
        "—",
        "left:{l}%;top:{t}%",
        "aspect-ratio: {} / {}",
        "sel krs",
        "SELECT slug, name FROM instansi WHERE slug = $1",
    ] {
        assert!(!reads_as_prose(code), "{code}");
    }
    for prose in [
        "Skor terbaru",
        "{} ({n} instansi)",
        "data yang sama dengan tabel",
    ] {
        assert!(reads_as_prose(prose), "{prose}");
    }
}
