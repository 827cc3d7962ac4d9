//! What a placement says beside its numbers: the finding behind each component and the reason
//! a person is not placed, and the level of a disciplinary sentence (hukuman disiplin) they
//! may name. They are values, not sentences, so that each reader gets them in their language:
//! `describe()` words them in Indonesian (the language of the records), and `i18n::notes` in
//! English.

use super::calendar::Date;
use super::scoring::{Component, Discipline, Education, ScoringError};
use super::skp::Predikat;
use crate::format::decimal_id;
use serde::{Deserialize, Serialize};

/// The finding behind one component: which record it read, or why there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    Skp {
        year: i32,
        predikat: Predikat,
    },
    NoSkp {
        year: i32,
    },
    /// Awards (the best), team assignments or 360 rounds (the mean) of a year.
    YearScores {
        component: Component,
        year: i32,
        score: f64,
        records: usize,
    },
    NoYearScores {
        component: Component,
        year: i32,
    },
    Jpm {
        assessed: Date,
        provider: String,
        percent: f64,
    },
    PotentialScore {
        assessed: Date,
        provider: String,
        score: f64,
    },
    AssessmentExpired {
        assessed: Date,
        valid_until: Date,
    },
    NeverAssessed,
    Training {
        year: i32,
        jp: f64,
        target: f64,
        trainings: usize,
    },
    NoTraining {
        year: i32,
    },
    Experience {
        since: Date,
        years: f64,
        full_years: f64,
    },
    NoPosts,
    Education {
        level: Education,
        field: Option<String>,
    },
    NoEducation,
    NoStudyField,
    NoPostField,
    FieldMatch {
        field: String,
        post_field: String,
        matches: bool,
    },
    ServingSentence {
        level: SentenceLevel,
        since: Date,
    },
    Sentence {
        level: SentenceLevel,
        since: Date,
        years: u8,
    },
    NoSentence {
        years: u8,
    },
}

fn number(value: f64) -> String {
    decimal_id(value, 2)
}

impl Note {
    /// The note in Indonesian.
    pub fn describe(&self) -> String {
        match self {
            Note::Skp { year, predikat } => format!("SKP {year}: predikat {}", predikat.label()),
            Note::NoSkp { year } => format!("Belum ada SKP tahun {year}"),
            Note::YearScores {
                component,
                year,
                score,
                records,
            } => format!(
                "{} {year}: {} ({records} catatan)",
                component.label(),
                number(*score)
            ),
            Note::NoYearScores { component, year } => format!(
                "Belum ada data {} tahun {year}",
                component.label().to_lowercase()
            ),
            Note::Jpm {
                assessed,
                provider,
                percent,
            } => format!(
                "Asesmen {assessed} oleh {provider}: JPM {}%",
                number(*percent)
            ),
            Note::PotentialScore {
                assessed,
                provider,
                score,
            } => format!(
                "Asesmen {assessed} oleh {provider}: nilai potensi {}",
                number(*score)
            ),
            Note::AssessmentExpired {
                assessed,
                valid_until,
            } => format!(
                "Asesmen terakhir ({assessed}) berlaku sampai {valid_until}, sudah kedaluwarsa"
            ),
            Note::NeverAssessed => "Belum ada hasil asesmen".to_owned(),
            Note::Training {
                year,
                jp,
                target,
                trainings,
            } => format!(
                "{} dari {} JP tahun {year} ({trainings} pelatihan)",
                number(*jp),
                number(*target)
            ),
            Note::NoTraining { year } => format!("Belum ada riwayat pelatihan tahun {year}"),
            Note::Experience {
                since,
                years,
                full_years,
            } => format!(
                "{} tahun dalam jabatan sejak {since} (penuh pada {} tahun)",
                number(*years),
                number(*full_years)
            ),
            Note::NoPosts => "Belum ada riwayat jabatan".to_owned(),
            Note::Education { level, field } => format!(
                "Pendidikan terakhir {}{}",
                level.label(),
                field
                    .as_deref()
                    .map(|f| format!(" {f}"))
                    .unwrap_or_default()
            ),
            Note::NoEducation => "Belum ada riwayat pendidikan".to_owned(),
            Note::NoStudyField => "Bidang ilmu pendidikan terakhir belum diisi".to_owned(),
            Note::NoPostField => "Bidang jabatan saat ini belum ditetapkan".to_owned(),
            Note::FieldMatch {
                field,
                post_field,
                matches,
            } => format!(
                "Bidang ilmu {field} {} bidang jabatan {post_field}",
                if *matches { "sesuai" } else { "tidak sesuai" }
            ),
            Note::ServingSentence { level, since } => format!(
                "Sedang menjalani hukuman disiplin {} sejak {since}",
                level.code()
            ),
            Note::Sentence {
                level,
                since,
                years,
            } => format!(
                "Hukuman disiplin {} sejak {since} dalam {years} tahun terakhir",
                level.code()
            ),
            Note::NoSentence { years } => {
                format!("Tidak ada hukuman disiplin dalam {years} tahun terakhir")
            }
        }
    }
}

/// Why a person is not placed for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Unplaced {
    /// These components are missing (their notes say why).
    Incomplete(Vec<Component>),
    /// Not mapped at all (domain.md §3): a serious sentence in the lookback window.
    Excluded {
        level: SentenceLevel,
        since: Date,
        years: u8,
    },
    /// A record holds a value the rules cannot score (outside 0-100).
    Invalid { component: Component, value: f64 },
}

impl Unplaced {
    /// The reason in Indonesian.
    pub fn describe(&self) -> String {
        match self {
            Unplaced::Incomplete(missing) => format!(
                "Data belum lengkap: {}",
                missing
                    .iter()
                    .map(|c| c.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Unplaced::Excluded {
                level,
                since,
                years,
            } => format!(
                "Hukuman disiplin {} sejak {since} (dalam {years} tahun terakhir): dikecualikan dari pemetaan",
                level.code()
            ),
            Unplaced::Invalid { component, value } => ScoringError::OutOfRange {
                component: *component,
                value: *value,
            }
            .to_string(),
        }
    }
}

/// A note or reason as a placement row keeps it: the value, or the Indonesian text that rows
/// stored before values were kept hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Stored<T> {
    Value(T),
    Text(String),
}

/// The level of a disciplinary sentence (hukuman disiplin).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SentenceLevel {
    Ringan,
    Sedang,
    Berat,
}

impl SentenceLevel {
    pub const ALL: [SentenceLevel; 3] = [
        SentenceLevel::Ringan,
        SentenceLevel::Sedang,
        SentenceLevel::Berat,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SentenceLevel::Ringan => "ringan",
            SentenceLevel::Sedang => "sedang",
            SentenceLevel::Berat => "berat",
        }
    }

    pub fn parse(input: &str) -> Option<SentenceLevel> {
        let wanted = input.trim().to_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == wanted)
    }

    /// The value of the discipline component while a sentence of this level runs.
    pub(super) fn discipline(self) -> Discipline {
        match self {
            SentenceLevel::Ringan => Discipline::Ringan,
            SentenceLevel::Sedang => Discipline::Sedang,
            SentenceLevel::Berat => Discipline::Berat,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("date")
    }

    #[test]
    fn notes_keep_the_wording_of_the_records() {
        let notes = [
            (
                Note::YearScores {
                    component: Component::Penghargaan,
                    year: 2025,
                    score: 44.6,
                    records: 1,
                },
                "Penghargaan 2025: 44,6 (1 catatan)",
            ),
            (
                Note::NoYearScores {
                    component: Component::UmpanBalik360,
                    year: 2025,
                },
                "Belum ada data umpan balik 360 tahun 2025",
            ),
            (
                Note::Jpm {
                    assessed: date("2025-11-10"),
                    provider: "UPT BKN".into(),
                    percent: 85.5,
                },
                "Asesmen 2025-11-10 oleh UPT BKN: JPM 85,5%",
            ),
            (
                Note::Education {
                    level: Education::S2,
                    field: None,
                },
                "Pendidikan terakhir S2",
            ),
            (
                Note::FieldMatch {
                    field: "Hukum".into(),
                    post_field: "Akuntansi".into(),
                    matches: false,
                },
                "Bidang ilmu Hukum tidak sesuai bidang jabatan Akuntansi",
            ),
        ];
        for (note, text) in notes {
            assert_eq!(note.describe(), text);
        }
        let excluded = Unplaced::Excluded {
            level: SentenceLevel::Berat,
            since: date("2024-03-01"),
            years: 3,
        };
        assert_eq!(
            excluded.describe(),
            "Hukuman disiplin berat sejak 2024-03-01 (dalam 3 tahun terakhir): dikecualikan dari pemetaan"
        );
    }

    #[test]
    fn a_stored_note_reads_back_as_a_value_and_an_older_text_as_text() {
        let note = Note::NoTraining { year: 2025 };
        let json = serde_json::to_string(&Stored::Value(note.clone())).expect("json");
        assert_eq!(json, r#"{"kind":"no_training","year":2025}"#);
        let back: Stored<Note> = serde_json::from_str(&json).expect("value");
        assert_eq!(back, Stored::Value(note));
        let older: Stored<Note> =
            serde_json::from_str(r#""Belum ada riwayat jabatan""#).expect("text");
        assert_eq!(older, Stored::Text("Belum ada riwayat jabatan".into()));
        let reason = Unplaced::Incomplete(vec![Component::KinerjaUtama]);
        let json = serde_json::to_string(&reason).expect("json");
        assert_eq!(
            serde_json::from_str::<Unplaced>(&json).expect("reason"),
            reason
        );
    }
}
