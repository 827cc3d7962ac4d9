//! Merit-index results as published (domain.md §14): who assessed (the body), what was
//! published (a score, or a category alone), and the rules that refuse a result before it is
//! recorded. The scales and their categories are `merit_index`.
//!
//! A result is keyed by instansi, year, body and scale: the KASN round and the BKN round of
//! 2024 are two results. A second, different value for the same key is refused: which one is
//! right must be decided by someone, and recorded as a correction with its reason, never
//! guessed. A value on the other scale is not a second value of the same result (the scales
//! are never compared), so the scale is part of the key.

use super::calendar::Date;
use super::instansi::{nearest_names, same_instansi};
use super::merit_index::{Framework, MeritCategory};
use crate::format::{decimal_id, parse_decimal};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// The body that assessed an instansi and published the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Body {
    /// Komisi Aparatur Sipil Negara: every round until its dissolution in 2024.
    Kasn,
    /// Badan Kepegawaian Negara: from the round of December 2024 on. Ordered after KASN, as
    /// its 2024 round came after KASN's.
    Bkn,
}

impl Body {
    pub const ALL: [Body; 2] = [Body::Kasn, Body::Bkn];

    /// The code in files and the database, also the name people know it by.
    pub fn code(self) -> &'static str {
        match self {
            Body::Kasn => "KASN",
            Body::Bkn => "BKN",
        }
    }

    pub fn from_code(code: &str) -> Option<Body> {
        let code = code.trim();
        Self::ALL
            .into_iter()
            .find(|b| b.code().eq_ignore_ascii_case(code))
    }

    /// The body of a published row that names none, read from its note: BKN when the note
    /// names BKN as a word ("BKN evaluation semester 2 2024", "BKN round", "BKN Award 2025"),
    /// otherwise KASN, which assessed every round before BKN's of December 2024. This is how
    /// the seed file's rows are told apart (its notes always say so of BKN's rounds).
    pub fn from_note(note: &str) -> Body {
        let names_bkn = note
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| word == "BKN");
        if names_bkn {
            Body::Bkn
        } else {
            Body::Kasn
        }
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a result says: a score on its scale, or only a category (Anugerah Meritokrasi lists
/// often name one without a score). Only a score enters a median, an average or a ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Score(f64),
    Category(MeritCategory),
}

impl Value {
    pub fn score(self) -> Option<f64> {
        match self {
            Value::Score(score) => Some(score),
            Value::Category(_) => None,
        }
    }

    /// The category stored with a category-only result; a score's follows from it.
    pub fn stated_category(self) -> Option<&'static str> {
        match self {
            Value::Score(_) => None,
            Value::Category(category) => Some(category.code),
        }
    }

    /// The value as stored (`score`, `category`), read back; `None` for a combination the
    /// database never holds.
    pub fn stored(
        framework: Framework,
        score: Option<f64>,
        category: Option<&str>,
    ) -> Option<Value> {
        match (score, category) {
            (Some(score), None) => Some(Value::Score(score)),
            (None, Some(code)) => find_category(framework, code).map(Value::Category),
            _ => None,
        }
    }
}

/// "263,5" or "III (Baik)": the Indonesian way, for refusals and the log.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Score(score) => f.write_str(&decimal_id(*score, 2)),
            Value::Category(category) => f.write_str(&category.display_name()),
        }
    }
}

/// The category of `framework` written as `text`: its code ("III", "Menengah"), its label
/// ("Baik") or both ("III (Baik)"), whatever the case.
pub fn find_category(framework: Framework, text: &str) -> Option<MeritCategory> {
    let text = text.trim();
    framework.categories().iter().copied().find(|c| {
        c.code.eq_ignore_ascii_case(text)
            || c.label.eq_ignore_ascii_case(text)
            || c.display_name().eq_ignore_ascii_case(text)
    })
}

/// Why a result is refused. Each words itself in Bahasa Indonesia; `i18n::refusals` has the
/// English.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ResultError {
    #[error("{0} wajib diisi")]
    Missing(&'static str),
    #[error("{field} \"{text}\" bukan angka")]
    NotANumber { field: &'static str, text: String },
    #[error("tanggal publikasi \"{0}\" bukan tanggal yang ada (tulis 2024-12-19 atau 19/12/2024)")]
    NotADate(String),
    #[error("badan penilai \"{0}\" tidak dikenal (KASN atau BKN)")]
    UnknownBody(String),
    #[error("skala \"{0}\" tidak dikenal (KASN_100_400 atau NISM_0_1)")]
    UnknownFramework(String),
    #[error("isi skor atau kategori hasil")]
    NoValue,
    #[error("skor {} di luar rentang {}", number(.score), .framework.scale())]
    ScoreOutOfRange { framework: Framework, score: f64 },
    #[error("kategori \"{stated}\" tidak dikenal pada skala {}", .framework.scale())]
    UnknownCategory {
        framework: Framework,
        stated: String,
    },
    #[error("kategori tertulis {stated} bertentangan dengan skor {}, yang berkategori {derived}", number(.score))]
    CategoryContradicts {
        score: f64,
        stated: &'static str,
        derived: &'static str,
    },
    #[error("tahun {0} tidak dapat diterima (dari 2000 sampai tahun ini)")]
    BadYear(i32),
    #[error("sumber harus berupa alamat web yang diawali https:// atau http://, tanpa spasi, paling panjang 500 karakter")]
    BadSourceUrl,
    #[error("tanggal publikasi {published} lebih awal daripada tahun penilaian {year}")]
    PublishedBeforeYear { published: Date, year: i32 },
    #[error("tanggal publikasi {published} belum tiba")]
    PublishedInFuture { published: Date },
    #[error("instansi \"{name}\" tidak ada dalam katalog{}", suggestion_id(.suggestions))]
    UnknownInstansi {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("hasil {year} dari {body} pada skala {} untuk instansi ini sudah tercatat bernilai {existing}; nilai {incoming} tidak dicatat sebagai hasil kedua. Putuskan mana yang benar, lalu catat koreksi beserta alasannya", .framework.scale())]
    SecondValue {
        year: i32,
        body: Body,
        framework: Framework,
        existing: Box<Value>,
        incoming: Box<Value>,
    },
    #[error("hasil {year} dari {body} pada skala {} untuk instansi ini sudah tercatat dengan nilai yang sama", .framework.scale())]
    AlreadyRecorded {
        year: i32,
        body: Body,
        framework: Framework,
    },
    #[error(
        "alasan koreksi harus {} sampai {} karakter",
        MIN_REASON_CHARS,
        MAX_REASON_CHARS
    )]
    ReasonLength,
    #[error("koreksi tidak mengubah nilai, sumber, tanggal publikasi, maupun catatan")]
    NothingCorrected,
    #[error("hasil ini sudah dikoreksi; koreksi versi terbarunya")]
    AlreadyCorrected,
}

fn number(value: &f64) -> String {
    decimal_id(*value, 2)
}

fn suggestion_id(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; mungkin maksudnya: {}", suggestions.join("; "))
    }
}

/// A correction's reason, in characters.
pub const MIN_REASON_CHARS: usize = 10;
pub const MAX_REASON_CHARS: usize = 1000;

/// How many nearest names a refusal suggests.
pub const SUGGESTIONS: usize = 3;

/// A result as someone typed it into a form or a file's row, every field as text; a field
/// left empty is "".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Typed<'a> {
    pub instansi: &'a str,
    pub year: &'a str,
    pub body: &'a str,
    pub framework: &'a str,
    pub score: &'a str,
    pub category: &'a str,
    pub source_url: &'a str,
    pub published_on: &'a str,
    pub note: &'a str,
}

/// A typed result that passed every check but the catalogue's and the records' (which
/// instansi it is, and whether it is already there).
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// As typed, trimmed: [`resolve_instansi`] finds it in the catalogue.
    pub instansi: String,
    pub year: i32,
    pub body: Body,
    pub framework: Framework,
    pub value: Value,
    pub source_url: String,
    pub published_on: Date,
    pub note: String,
}

/// The names of the fields, in the words of the form and the file's headers.
pub const FIELD_INSTANSI: &str = "Instansi";
pub const FIELD_YEAR: &str = "Tahun";
pub const FIELD_BODY: &str = "Badan";
pub const FIELD_FRAMEWORK: &str = "Skala";
pub const FIELD_SCORE: &str = "Skor";
pub const FIELD_SOURCE: &str = "Sumber";
pub const FIELD_PUBLISHED: &str = "Tanggal Publikasi";

fn required<'a>(text: &'a str, field: &'static str) -> Result<&'a str, ResultError> {
    let text = text.trim();
    if text.is_empty() {
        Err(ResultError::Missing(field))
    } else {
        Ok(text)
    }
}

/// Checks a typed result, field by field, on `today`: the first refusal it meets.
pub fn read_typed(typed: &Typed<'_>, today: Date) -> Result<Reading, ResultError> {
    let instansi = required(typed.instansi, FIELD_INSTANSI)?;
    let year_text = required(typed.year, FIELD_YEAR)?;
    let year = year_text
        .parse::<i32>()
        .map_err(|_| ResultError::NotANumber {
            field: FIELD_YEAR,
            text: year_text.to_owned(),
        })?;
    let year = check_year(year, today)?;
    let body_text = required(typed.body, FIELD_BODY)?;
    let body =
        Body::from_code(body_text).ok_or_else(|| ResultError::UnknownBody(body_text.to_owned()))?;
    let framework_text = required(typed.framework, FIELD_FRAMEWORK)?;
    let framework = Framework::from_code(&framework_text.to_ascii_uppercase())
        .ok_or_else(|| ResultError::UnknownFramework(framework_text.to_owned()))?;
    let score = match typed.score.trim() {
        "" => None,
        text => Some(parse_decimal(text).ok_or_else(|| ResultError::NotANumber {
            field: FIELD_SCORE,
            text: text.to_owned(),
        })?),
    };
    let value = read_value(framework, score, Some(typed.category))?;
    let source_url = check_source_url(required(typed.source_url, FIELD_SOURCE)?)?;
    let published_text = required(typed.published_on, FIELD_PUBLISHED)?;
    let published = Date::parse(published_text)
        .ok_or_else(|| ResultError::NotADate(published_text.to_owned()))?;
    let published_on = check_published(published, year, today)?;
    Ok(Reading {
        instansi: instansi.to_owned(),
        year,
        body,
        framework,
        value,
        source_url: source_url.to_owned(),
        published_on,
        note: typed.note.trim().to_owned(),
    })
}

/// Reads a published value: its `score` and the category the source `stated`, as given
/// (either may be missing, not both). A score must lie on its scale (a KASN score within
/// 100-400), and a stated category must be the one the score falls in.
pub fn read_value(
    framework: Framework,
    score: Option<f64>,
    stated: Option<&str>,
) -> Result<Value, ResultError> {
    let stated =
        match stated.map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => Some(find_category(framework, text).ok_or_else(|| {
                ResultError::UnknownCategory {
                    framework,
                    stated: text.to_owned(),
                }
            })?),
            None => None,
        };
    let Some(score) = score else {
        return stated.map(Value::Category).ok_or(ResultError::NoValue);
    };
    let derived = framework
        .categorize(score)
        .map_err(|_| ResultError::ScoreOutOfRange { framework, score })?;
    match stated {
        Some(stated) if stated.code != derived.code => Err(ResultError::CategoryContradicts {
            score,
            stated: stated.code,
            derived: derived.code,
        }),
        _ => Ok(Value::Score(score)),
    }
}

/// The year a result was assessed: from 2000 to this year.
pub fn check_year(year: i32, today: Date) -> Result<i32, ResultError> {
    if (2000..=today.year()).contains(&year) {
        Ok(year)
    } else {
        Err(ResultError::BadYear(year))
    }
}

/// The web address of a result's source: http or https, a host, no spaces, at most 500
/// characters.
pub fn check_source_url(url: &str) -> Result<&str, ResultError> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or_default();
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let plain = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if host.contains('.') && plain && url.chars().count() <= 500 {
        Ok(url)
    } else {
        Err(ResultError::BadSourceUrl)
    }
}

/// The day a result was published: not before the year it assesses, not after today.
pub fn check_published(published: Date, year: i32, today: Date) -> Result<Date, ResultError> {
    if published > today {
        Err(ResultError::PublishedInFuture { published })
    } else if published.year() < year {
        Err(ResultError::PublishedBeforeYear { published, year })
    } else {
        Ok(published)
    }
}

/// A correction's reason, trimmed: 10 to 1000 characters.
pub fn check_reason(reason: &str) -> Result<&str, ResultError> {
    let reason = reason.trim();
    if (MIN_REASON_CHARS..=MAX_REASON_CHARS).contains(&reason.chars().count()) {
        Ok(reason)
    } else {
        Err(ResultError::ReasonLength)
    }
}

/// The catalogue's name for the instansi `typed` means ("Kota Balikpapan" is "Pemerintah
/// Kota Balikpapan"), or the refusal with the nearest names.
pub fn resolve_instansi<'a>(typed: &str, catalogue: &[&'a str]) -> Result<&'a str, ResultError> {
    catalogue
        .iter()
        .find(|name| same_instansi(typed, name))
        .copied()
        .ok_or_else(|| ResultError::UnknownInstansi {
            name: typed.trim().to_owned(),
            suggestions: nearest_names(typed, catalogue, SUGGESTIONS)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        })
}

/// Whether a new value may be recorded for a result (instansi, year, body, scale) that
/// already has `existing` in force: never. The same value again is already recorded; a
/// different one is a second value, which someone must decide about.
pub fn refuse_second(
    year: i32,
    body: Body,
    framework: Framework,
    existing: Value,
    incoming: Value,
) -> ResultError {
    if existing == incoming {
        ResultError::AlreadyRecorded {
            year,
            body,
            framework,
        }
    } else {
        ResultError::SecondValue {
            year,
            body,
            framework,
            existing: Box::new(existing),
            incoming: Box::new(incoming),
        }
    }
}

/// The first web address in a published source's text, when it has one:
/// "https://jpnn.com/news/… (Jan 2021)" gives the address, "kasn.go.id (Sep 2022)" none.
pub fn source_url_in(source: &str) -> Option<&str> {
    source
        .split_whitespace()
        .find(|word| word.starts_with("https://") || word.starts_with("http://"))
        .map(|word| word.trim_end_matches([',', ';', ')']))
        .filter(|url| check_source_url(url).is_ok())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The day a published source appeared, when its text ends with one in brackets:
/// "surabaya.tribunnews.com (7 Dec 2021)", "… (Balikpapan; 30 Apr 2024)". A month alone
/// ("(Dec 2018)") names no day: `None`, never a guess.
pub fn publication_day(source: &str) -> Option<Date> {
    let inside = source.trim().strip_suffix(')')?;
    let inside = &inside[inside.rfind('(')? + 1..];
    let parts: Vec<&str> = inside.rsplit(';').next()?.split_whitespace().collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let month = month.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| month.starts_with(m))
        .and_then(|m| u8::try_from(m + 1).ok())?;
    if year.len() != 4 {
        return None;
    }
    Date::new(year.parse().ok()?, month, day.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    fn category(framework: Framework, code: &str) -> MeritCategory {
        find_category(framework, code).expect("a category")
    }

    fn typed() -> Typed<'static> {
        Typed {
            instansi: " Kota Balikpapan ",
            year: "2024",
            body: "bkn",
            framework: "KASN_100_400",
            score: "263,5",
            category: "III",
            source_url: "https://kaltim.antaranews.com/berita/1",
            published_on: "19/12/2024",
            note: " semester 2 ",
        }
    }

    #[test]
    fn a_typed_result_reads_field_by_field() {
        let today = date("2026-12-08");
        assert_eq!(
            read_typed(&typed(), today),
            Ok(Reading {
                instansi: "Kota Balikpapan".into(),
                year: 2024,
                body: Body::Bkn,
                framework: Framework::Kasn,
                value: Value::Score(263.5),
                source_url: "https://kaltim.antaranews.com/berita/1".into(),
                published_on: date("2024-12-19"),
                note: "semester 2".into(),
            })
        );
        let category_only = Typed {
            score: "",
            category: "Baik",
            ..typed()
        };
        assert_eq!(
            read_typed(&category_only, today).map(|r| r.value),
            Ok(Value::Category(category(Framework::Kasn, "III")))
        );
        for (broken, refused) in [
            (
                Typed {
                    instansi: " ",
                    ..typed()
                },
                ResultError::Missing(FIELD_INSTANSI),
            ),
            (
                Typed {
                    year: "2024a",
                    ..typed()
                },
                ResultError::NotANumber {
                    field: FIELD_YEAR,
                    text: "2024a".into(),
                },
            ),
            (
                Typed {
                    body: "KemenPANRB",
                    ..typed()
                },
                ResultError::UnknownBody("KemenPANRB".into()),
            ),
            (
                Typed {
                    framework: "KASN",
                    ..typed()
                },
                ResultError::UnknownFramework("KASN".into()),
            ),
            (
                Typed {
                    score: "dua ratus",
                    ..typed()
                },
                ResultError::NotANumber {
                    field: FIELD_SCORE,
                    text: "dua ratus".into(),
                },
            ),
            (
                Typed {
                    score: "",
                    category: "",
                    ..typed()
                },
                ResultError::NoValue,
            ),
            (
                Typed {
                    source_url: "",
                    ..typed()
                },
                ResultError::Missing(FIELD_SOURCE),
            ),
            (
                Typed {
                    published_on: "31/02/2024",
                    ..typed()
                },
                ResultError::NotADate("31/02/2024".into()),
            ),
        ] {
            assert_eq!(read_typed(&broken, today), Err(refused), "{broken:?}");
        }
        assert_eq!(
            ResultError::Missing(FIELD_PUBLISHED).to_string(),
            "Tanggal Publikasi wajib diisi"
        );
    }

    #[test]
    fn the_body_comes_from_the_note_of_a_published_row() {
        for (note, body) in [
            ("BKN evaluation semester 2 2024 (Anugerah Manajemen ASN 19 Dec 2024), 100-400 scale", Body::Bkn),
            ("BKN round", Body::Bkn),
            ("category only, BKN evaluation 2024 (19 Dec 2024)", Body::Bkn),
            ("BKN Award 2025 (10 Sep 2025, Palembang)", Body::Bkn),
            ("KASN penilaian 2024 Wilayah 2, handed over 29 May 2024", Body::Kasn),
            ("Anugerah Meritokrasi 2022 (8 Dec 2022)", Body::Kasn),
            ("", Body::Kasn),
            // Only the word: an address that happens to contain the letters is not BKN.
            ("see https://x.id/dari-bkn-ri", Body::Kasn),
        ] {
            assert_eq!(Body::from_note(note), body, "{note}");
        }
    }

    #[test]
    fn body_codes_round_trip_and_order_by_round() {
        for body in Body::ALL {
            assert_eq!(Body::from_code(body.code()), Some(body));
        }
        assert_eq!(Body::from_code(" bkn "), Some(Body::Bkn));
        assert_eq!(Body::from_code("KemenPANRB"), None);
        assert!(Body::Kasn < Body::Bkn);
    }

    #[test]
    fn a_score_or_a_category_alone_is_a_value() {
        assert_eq!(
            read_value(Framework::Kasn, Some(266.0), None),
            Ok(Value::Score(266.0))
        );
        assert_eq!(
            read_value(Framework::Kasn, Some(266.0), Some("III")),
            Ok(Value::Score(266.0))
        );
        assert_eq!(
            read_value(Framework::Kasn, None, Some("iii (baik)")),
            Ok(Value::Category(category(Framework::Kasn, "III")))
        );
        assert_eq!(
            read_value(Framework::Kasn, None, Some("Sangat Baik")),
            Ok(Value::Category(category(Framework::Kasn, "IV")))
        );
        assert_eq!(
            read_value(Framework::Nism, Some(0.72), Some("Menengah")),
            Ok(Value::Score(0.72))
        );
        assert_eq!(
            read_value(Framework::Kasn, None, Some("  ")),
            Err(ResultError::NoValue)
        );
    }

    #[test]
    fn a_kasn_score_outside_100_400_is_refused() {
        for score in [99.5, 400.5, 0.72, -1.0, f64::NAN] {
            let refused = read_value(Framework::Kasn, Some(score), None);
            assert!(
                matches!(refused, Err(ResultError::ScoreOutOfRange { .. })),
                "{score}: {refused:?}"
            );
        }
        let refused = read_value(Framework::Kasn, Some(450.0), None).expect_err("out of range");
        assert_eq!(
            refused.to_string(),
            "skor 450 di luar rentang KASN/BKN 100-400"
        );
        // The NISM scale has no upper bound, but nothing is below 0.
        assert!(read_value(Framework::Nism, Some(1.4), None).is_ok());
        assert!(read_value(Framework::Nism, Some(-0.1), None).is_err());
    }

    #[test]
    fn a_category_that_contradicts_the_score_is_refused_naming_both() {
        let refused = read_value(Framework::Kasn, Some(266.0), Some("IV")).expect_err("mismatch");
        assert_eq!(
            refused,
            ResultError::CategoryContradicts {
                score: 266.0,
                stated: "IV",
                derived: "III"
            }
        );
        assert_eq!(
            refused.to_string(),
            "kategori tertulis IV bertentangan dengan skor 266, yang berkategori III"
        );
        assert!(read_value(Framework::Nism, Some(0.9), Some("Dasar")).is_err());
    }

    #[test]
    fn a_category_of_the_other_scale_is_unknown() {
        assert_eq!(
            read_value(Framework::Kasn, None, Some("Menengah")),
            Err(ResultError::UnknownCategory {
                framework: Framework::Kasn,
                stated: "Menengah".into()
            })
        );
        assert!(read_value(Framework::Nism, None, Some("III")).is_err());
    }

    #[test]
    fn stored_values_read_back() {
        let baik = category(Framework::Kasn, "III");
        assert_eq!(Value::Category(baik).stated_category(), Some("III"));
        assert_eq!(Value::Score(266.0).stated_category(), None);
        assert_eq!(
            Value::stored(Framework::Kasn, None, Some("III")),
            Some(Value::Category(baik))
        );
        assert_eq!(
            Value::stored(Framework::Kasn, Some(266.0), None),
            Some(Value::Score(266.0))
        );
        assert_eq!(Value::stored(Framework::Kasn, None, None), None);
        assert_eq!(Value::stored(Framework::Kasn, Some(1.0), Some("I")), None);
        assert_eq!(Value::Score(263.5).to_string(), "263,5");
        assert_eq!(Value::Category(baik).to_string(), "III (Baik)");
        assert_eq!(Value::Category(baik).score(), None);
    }

    #[test]
    fn years_sources_and_dates_are_checked() {
        let today = date("2026-12-08");
        assert_eq!(check_year(2024, today), Ok(2024));
        assert_eq!(check_year(1999, today), Err(ResultError::BadYear(1999)));
        assert_eq!(check_year(2027, today), Err(ResultError::BadYear(2027)));
        assert!(check_source_url("https://kasn.go.id/id/publikasi/x").is_ok());
        assert_eq!(
            check_source_url(" http://read.id/kota-gorontalo ").ok(),
            Some("http://read.id/kota-gorontalo")
        );
        for bad in [
            "kasn.go.id",
            "https://",
            "https://localhost",
            "javascript:alert(1)",
            "https://a.id/dengan spasi",
            "ftp://a.id/x",
        ] {
            assert_eq!(
                check_source_url(bad),
                Err(ResultError::BadSourceUrl),
                "{bad}"
            );
        }
        assert!(check_source_url(&format!("https://a.id/{}", "x".repeat(500))).is_err());
        assert_eq!(
            check_published(date("2024-12-19"), 2024, today),
            Ok(date("2024-12-19"))
        );
        assert_eq!(
            check_published(date("2021-01-28"), 2020, today),
            Ok(date("2021-01-28"))
        );
        assert_eq!(
            check_published(date("2023-12-31"), 2024, today),
            Err(ResultError::PublishedBeforeYear {
                published: date("2023-12-31"),
                year: 2024
            })
        );
        assert_eq!(
            check_published(date("2026-12-09"), 2026, today),
            Err(ResultError::PublishedInFuture {
                published: date("2026-12-09")
            })
        );
    }

    #[test]
    fn a_correction_needs_a_reason() {
        assert_eq!(
            check_reason("  Salah ketik skor pada sumber asli  "),
            Ok("Salah ketik skor pada sumber asli")
        );
        assert_eq!(check_reason("terlalu"), Err(ResultError::ReasonLength));
        assert_eq!(
            check_reason(&"x".repeat(1001)),
            Err(ResultError::ReasonLength)
        );
    }

    #[test]
    fn an_instansi_outside_the_catalogue_is_refused_with_the_nearest_names() {
        let catalogue = [
            "Pemerintah Kota Balikpapan",
            "Pemerintah Kota Bontang",
            "Pemerintah Kabupaten Kutai Timur",
        ];
        assert_eq!(
            resolve_instansi("Kota Balikpapan", &catalogue),
            Ok("Pemerintah Kota Balikpapan")
        );
        assert_eq!(
            resolve_instansi("kabupaten-kutai-timur", &catalogue),
            Ok("Pemerintah Kabupaten Kutai Timur")
        );
        let refused = resolve_instansi("Kota Balikpapn", &catalogue).expect_err("unknown");
        assert_eq!(
            refused,
            ResultError::UnknownInstansi {
                name: "Kota Balikpapn".into(),
                suggestions: vec!["Pemerintah Kota Balikpapan".into()]
            }
        );
        assert_eq!(
            refused.to_string(),
            "instansi \"Kota Balikpapn\" tidak ada dalam katalog; mungkin maksudnya: Pemerintah Kota Balikpapan"
        );
        let nothing_near = resolve_instansi("Kota Solo", &catalogue).expect_err("unknown");
        assert_eq!(
            nothing_near.to_string(),
            "instansi \"Kota Solo\" tidak ada dalam katalog"
        );
    }

    #[test]
    fn a_second_value_for_the_same_result_is_refused_and_the_same_one_is_already_there() {
        let (old, new) = (Value::Score(330.5), Value::Score(331.0));
        let refused = refuse_second(2023, Body::Kasn, Framework::Kasn, old, new);
        assert_eq!(
            refused,
            ResultError::SecondValue {
                year: 2023,
                body: Body::Kasn,
                framework: Framework::Kasn,
                existing: Box::new(old),
                incoming: Box::new(new)
            }
        );
        let text = refused.to_string();
        assert!(text.contains("330,5") && text.contains("331"), "{text}");
        assert!(text.contains("catat koreksi beserta alasannya"), "{text}");
        // A score where a category alone was recorded is a different value too.
        let baik = Value::Category(category(Framework::Kasn, "III"));
        assert!(matches!(
            refuse_second(2022, Body::Kasn, Framework::Kasn, baik, Value::Score(264.5)),
            ResultError::SecondValue { .. }
        ));
        assert_eq!(
            refuse_second(2024, Body::Bkn, Framework::Kasn, old, old),
            ResultError::AlreadyRecorded {
                year: 2024,
                body: Body::Bkn,
                framework: Framework::Kasn
            }
        );
    }

    #[test]
    fn a_published_source_gives_its_address_and_its_day() {
        let jpnn = "https://jpnn.com/news/ridwan-kamil-bawa-jabar (Jan 2021)";
        assert_eq!(
            source_url_in(jpnn),
            Some("https://jpnn.com/news/ridwan-kamil-bawa-jabar")
        );
        assert_eq!(publication_day(jpnn), None, "a month names no day");
        assert_eq!(source_url_in("kasn.go.id (Sep 2022)"), None);
        assert_eq!(
            publication_day("surabaya.tribunnews.com (7 Dec 2021)"),
            Some(date("2021-12-07"))
        );
        assert_eq!(
            publication_day(
                "news report of Rakor Kepegawaian se-Kalimantan Timur (Balikpapan; 30 Apr 2024)"
            ),
            Some(date("2024-04-30"))
        );
        assert_eq!(
            publication_day("https://makassar.tribunnews.com/2024/12/19/x?page=all (19 Dec 2024)"),
            Some(date("2024-12-19"))
        );
        for none in [
            "metrokaltara.com (Dec 2018); kliksamarinda.com",
            "kliksamarinda.com (BKD Kaltim; Aug 2021)",
            "Pemprov DKI press release (2024)",
            "kaltim.antaranews.com/berita/192789",
            "x (31 Feb 2024)",
            "x (7 Dez 2021)",
        ] {
            assert_eq!(publication_day(none), None, "{none}");
        }
    }
}
