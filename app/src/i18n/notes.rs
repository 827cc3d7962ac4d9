//! A placement's notes and reasons in the reader's language. The domain words them in
//! Indonesian (`describe()`); English readers get the same facts in English. Rows stored
//! before notes were values keep their Indonesian text.

use super::count::{CATATAN, PELATIHAN, TAHUN};
use super::terms::{component, education, predikat};
use super::Lang;
use crate::domain::placement_note::{Note, SentenceLevel, Stored, Unplaced};

fn sentence_level(level: SentenceLevel) -> &'static str {
    match level {
        SentenceLevel::Ringan => "light",
        SentenceLevel::Sedang => "moderate",
        SentenceLevel::Berat => "severe",
    }
}

fn english_note(note: &Note) -> String {
    let number = |value: f64| Lang::En.decimal(value, 2);
    match note {
        Note::Skp { year, predikat: p } => {
            format!("SKP {year}: rated {}", predikat(*p, Lang::En))
        }
        Note::NoSkp { year } => format!("No SKP on record for {year}"),
        Note::YearScores {
            component: c,
            year,
            score,
            records,
        } => format!(
            "{} {year}: {} ({})",
            component(*c, Lang::En),
            number(*score),
            Lang::En.count(*records, CATATAN)
        ),
        Note::NoYearScores { component: c, year } => format!(
            "No {} on record for {year}",
            component(*c, Lang::En).to_lowercase()
        ),
        Note::Jpm {
            assessed,
            provider,
            percent,
        } => format!(
            "Assessment of {assessed} by {provider}: JPM {}%",
            number(*percent)
        ),
        Note::PotentialScore {
            assessed,
            provider,
            score,
        } => format!(
            "Assessment of {assessed} by {provider}: potential score {}",
            number(*score)
        ),
        Note::AssessmentExpired {
            assessed,
            valid_until,
        } => format!(
            "The latest assessment ({assessed}) was valid until {valid_until}; it has expired"
        ),
        Note::NeverAssessed => "No assessment result yet".to_owned(),
        Note::Training {
            year,
            jp,
            target,
            trainings,
        } => format!(
            "{} of {} JP in {year} ({})",
            number(*jp),
            number(*target),
            Lang::En.count(*trainings, PELATIHAN)
        ),
        Note::NoTraining { year } => format!("No training on record for {year}"),
        Note::Experience {
            since,
            years,
            full_years,
        } => format!(
            "{} in post since {since} (full score at {})",
            Lang::En.amount(*years, 2, TAHUN),
            Lang::En.amount(*full_years, 2, TAHUN)
        ),
        Note::NoPosts => "No post on record".to_owned(),
        Note::Education { level, field } => format!(
            "Highest education: {}{}",
            education(*level, Lang::En),
            field
                .as_deref()
                .map(|f| format!(" {f}"))
                .unwrap_or_default()
        ),
        Note::NoEducation => "No education on record".to_owned(),
        Note::NoStudyField => "The field of the highest education is not filled in".to_owned(),
        Note::NoPostField => "The field of the current post is not set".to_owned(),
        Note::FieldMatch {
            field,
            post_field,
            matches,
        } => format!(
            "Field of study {field} {} the post's field {post_field}",
            if *matches {
                "matches"
            } else {
                "does not match"
            }
        ),
        Note::ServingSentence { level, since } => format!(
            "Serving a {} disciplinary penalty since {since}",
            sentence_level(*level)
        ),
        Note::Sentence {
            level,
            since,
            years,
        } => format!(
            "A {} disciplinary penalty since {since}, within the last {}",
            sentence_level(*level),
            Lang::En.count(*years, TAHUN)
        ),
        Note::NoSentence { years } => format!(
            "No disciplinary penalty in the last {}",
            Lang::En.count(*years, TAHUN)
        ),
    }
}

fn english_reason(reason: &Unplaced) -> String {
    match reason {
        Unplaced::Incomplete(missing) => format!(
            "Data incomplete: {}",
            missing
                .iter()
                .map(|c| component(*c, Lang::En))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Unplaced::Excluded {
            level,
            since,
            years,
        } => format!(
            "A {} disciplinary penalty since {since}, within the last {}: excluded from the mapping",
            sentence_level(*level),
            Lang::En.count(*years, TAHUN)
        ),
        Unplaced::Invalid { component: c, value } => format!(
            "The value of {} ({value}) is outside 0-100",
            component(*c, Lang::En)
        ),
    }
}

/// What a component rests on, or why it is missing.
pub fn note(stored: &Stored<Note>, lang: Lang) -> String {
    match (stored, lang) {
        (Stored::Value(note), Lang::Id) => note.describe(),
        (Stored::Value(note), Lang::En) => english_note(note),
        (Stored::Text(text), _) => text.clone(),
    }
}

/// Why a person is not placed.
pub fn unplaced(stored: &Stored<Unplaced>, lang: Lang) -> String {
    match (stored, lang) {
        (Stored::Value(reason), Lang::Id) => reason.describe(),
        (Stored::Value(reason), Lang::En) => english_reason(reason),
        (Stored::Text(text), _) => text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Date;
    use crate::domain::scoring::{Component, Education};
    use crate::domain::skp::Predikat;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("date")
    }

    /// One of each note, so that a new kind cannot go without its English.
    fn every_note() -> Vec<Note> {
        let level = SentenceLevel::Ringan;
        let since = date("2024-05-02");
        vec![
            Note::Skp {
                year: 2025,
                predikat: Predikat::SangatBaik,
            },
            Note::NoSkp { year: 2025 },
            Note::YearScores {
                component: Component::Penghargaan,
                year: 2025,
                score: 44.6,
                records: 1,
            },
            Note::NoYearScores {
                component: Component::PenugasanTimKerja,
                year: 2025,
            },
            Note::Jpm {
                assessed: since,
                provider: "UPT BKN".into(),
                percent: 85.5,
            },
            Note::PotentialScore {
                assessed: since,
                provider: "UPT BKN".into(),
                score: 75.0,
            },
            Note::AssessmentExpired {
                assessed: since,
                valid_until: date("2027-05-02"),
            },
            Note::NeverAssessed,
            Note::Training {
                year: 2025,
                jp: 16.5,
                target: 20.0,
                trainings: 2,
            },
            Note::NoTraining { year: 2025 },
            Note::Experience {
                since,
                years: 7.0,
                full_years: 10.0,
            },
            Note::NoPosts,
            Note::Education {
                level: Education::Sma,
                field: Some("IPA".into()),
            },
            Note::NoEducation,
            Note::NoStudyField,
            Note::NoPostField,
            Note::FieldMatch {
                field: "Hukum".into(),
                post_field: "Hukum".into(),
                matches: true,
            },
            Note::ServingSentence { level, since },
            Note::Sentence {
                level,
                since,
                years: 2,
            },
            Note::NoSentence { years: 2 },
        ]
    }

    #[test]
    fn every_note_reads_in_both_languages_with_the_same_facts() {
        for n in every_note() {
            let stored = Stored::Value(n.clone());
            let (id, en) = (note(&stored, Lang::Id), note(&stored, Lang::En));
            assert_eq!(id, n.describe());
            assert_ne!(id, en, "{n:?}");
            let digits =
                |text: &str| -> String { text.chars().filter(char::is_ascii_digit).collect() };
            assert_eq!(digits(&id), digits(&en), "{n:?}");
        }
    }

    #[test]
    fn english_notes_read_as_english() {
        let notes = every_note();
        let english: Vec<String> = notes
            .iter()
            .map(|n| note(&Stored::Value(n.clone()), Lang::En))
            .collect();
        assert_eq!(english[0], "SKP 2025: rated Sangat Baik (outstanding)");
        assert_eq!(english[2], "Awards 2025: 44.6 (1 record)");
        assert_eq!(english[3], "No team assignments on record for 2025");
        assert_eq!(english[8], "16.5 of 20 JP in 2025 (2 trainings)");
        assert_eq!(
            english[10],
            "7 years in post since 2024-05-02 (full score at 10 years)"
        );
        let one_year = |n: Note| note(&Stored::Value(n), Lang::En);
        assert_eq!(
            one_year(Note::NoSentence { years: 1 }),
            "No disciplinary penalty in the last 1 year"
        );
        assert_eq!(
            one_year(Note::Experience {
                since: date("2025-01-06"),
                years: 1.0,
                full_years: 10.0,
            }),
            "1 year in post since 2025-01-06 (full score at 10 years)"
        );
        assert_eq!(
            english[12],
            "Highest education: Senior high school or equal IPA"
        );
    }

    #[test]
    fn reasons_read_in_both_languages_and_older_text_stays_as_stored() {
        let incomplete = Stored::Value(Unplaced::Incomplete(vec![
            Component::KinerjaUtama,
            Component::Integritas,
        ]));
        assert_eq!(
            unplaced(&incomplete, Lang::En),
            "Data incomplete: Main performance (SKP predikat), Integrity (disciplinary record)"
        );
        assert_eq!(
            unplaced(&incomplete, Lang::Id),
            "Data belum lengkap: Kinerja utama (predikat SKP), Integritas (riwayat hukuman disiplin)"
        );
        let excluded = Stored::Value(Unplaced::Excluded {
            level: SentenceLevel::Berat,
            since: date("2024-03-01"),
            years: 2,
        });
        assert_eq!(
            unplaced(&excluded, Lang::En),
            "A severe disciplinary penalty since 2024-03-01, within the last 2 years: excluded from the mapping"
        );
        let invalid = Stored::Value(Unplaced::Invalid {
            component: Component::Penghargaan,
            value: 120.0,
        });
        assert_eq!(
            unplaced(&invalid, Lang::En),
            "The value of Awards (120) is outside 0-100"
        );
        let older = Stored::Text("Data belum lengkap: Pendidikan".to_owned());
        assert_eq!(unplaced(&older, Lang::En), "Data belum lengkap: Pendidikan");
    }
}
