//! From a person's records to a placement (domain.md §3-§4): which record feeds each
//! component for a period, why a component is missing, and who is excluded before mapping.
//!
//! The records arrive as plain values with the id of the row they came from, so that every
//! component of a placement names its source. Nothing here reads a database.

use super::calendar::Date;
use super::kompetensi::name_key;
use super::nine_box::Kotak;
use super::placement_note::{Note, SentenceLevel, Unplaced};
use super::scoring::{
    raw_scores, score, Component, Discipline, Education, ParameterSet, Score, ScoringError,
    ScoringInputs,
};
use super::skp::Predikat;
use serde::{Deserialize, Serialize};

/// A record value with the id of the row it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sourced<T> {
    pub id: i64,
    pub value: T,
}

/// Where a component's value came from: the table of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceTable {
    Skp,
    Penghargaan,
    PenugasanTim,
    UmpanBalik360,
    Asesmen,
    RiwayatPelatihan,
    RiwayatJabatan,
    RiwayatPendidikan,
    HukumanDisiplin,
}

impl SourceTable {
    /// The table name, as stored with each placement component.
    pub fn table(self) -> &'static str {
        match self {
            SourceTable::Skp => "skp",
            SourceTable::Penghargaan => "penghargaan",
            SourceTable::PenugasanTim => "penugasan_tim",
            SourceTable::UmpanBalik360 => "umpan_balik_360",
            SourceTable::Asesmen => "asesmen",
            SourceTable::RiwayatPelatihan => "riwayat_pelatihan",
            SourceTable::RiwayatJabatan => "riwayat_jabatan",
            SourceTable::RiwayatPendidikan => "riwayat_pendidikan",
            SourceTable::HukumanDisiplin => "hukuman_disiplin",
        }
    }

    /// The table each component reads.
    pub fn of(component: Component) -> SourceTable {
        match component {
            Component::KinerjaUtama => SourceTable::Skp,
            Component::Penghargaan => SourceTable::Penghargaan,
            Component::PenugasanTimKerja => SourceTable::PenugasanTim,
            Component::UmpanBalik360 => SourceTable::UmpanBalik360,
            Component::PenilaianKompetensi | Component::PenilaianPotensi => SourceTable::Asesmen,
            Component::PengembanganKompetensi => SourceTable::RiwayatPelatihan,
            Component::PengalamanJabatan => SourceTable::RiwayatJabatan,
            Component::Pendidikan | Component::KesesuaianBidangIlmu => {
                SourceTable::RiwayatPendidikan
            }
            Component::Integritas => SourceTable::HukumanDisiplin,
        }
    }
}

/// A yearly scored record (an award, a team assignment, a 360 feedback), 0-100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct YearScore {
    pub year: i32,
    pub score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SkpRecord {
    pub year: i32,
    pub predikat: Predikat,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentRecord {
    pub date: Date,
    pub valid_until: Date,
    pub provider: String,
    /// JPM in percent, 0-100.
    pub jpm_percent: f64,
    /// The potential score (mean of the eight dimensions), 0-100.
    pub potential: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainingRecord {
    pub year: i32,
    pub jp: f64,
}

/// A spell in a post, from its TMT.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PostRecord {
    pub start: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EducationRecord {
    pub level: Education,
    pub field: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    pub level: SentenceLevel,
    pub start: Date,
    /// `None` while it runs without a known end.
    pub end: Option<Date>,
}

/// Everything on record about one person that the scoring reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonRecords {
    pub skp: Vec<Sourced<SkpRecord>>,
    pub penghargaan: Vec<Sourced<YearScore>>,
    pub penugasan_tim: Vec<Sourced<YearScore>>,
    pub umpan_balik_360: Vec<Sourced<YearScore>>,
    pub asesmen: Vec<Sourced<AssessmentRecord>>,
    pub pelatihan: Vec<Sourced<TrainingRecord>>,
    pub jabatan: Vec<Sourced<PostRecord>>,
    pub pendidikan: Vec<Sourced<EducationRecord>>,
    pub hukdis: Vec<Sourced<SentenceRecord>>,
    /// The field (rumpun) of the person's current post, for kesesuaian bidang ilmu.
    pub post_field: Option<String>,
}

/// What one component rests on: the records read and what they say, or why it is missing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub component: Component,
    pub source: SourceTable,
    /// Ids in the source table; empty when nothing was found (or, for integritas, when the
    /// register holds no sentence in the window).
    pub record_ids: Vec<i64>,
    /// Its 0-100 score, `None` when missing.
    pub score: Option<f64>,
    pub note: Note,
}

/// The outcome for one person and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Placed(Score),
    NotPlaced(Unplaced),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Placement {
    pub period: i32,
    pub outcome: Outcome,
    /// One entry per component, in [`Component::KINERJA`] then [`Component::POTENSIAL`] order.
    pub evidence: Vec<Evidence>,
}

impl Placement {
    pub fn kotak(&self) -> Option<Kotak> {
        match &self.outcome {
            Outcome::Placed(score) => Some(score.kotak),
            _ => None,
        }
    }
}

/// One component's findings before scoring: the input value and its evidence.
struct Found<T> {
    value: Option<T>,
    record_ids: Vec<i64>,
    note: Note,
}

impl<T> Found<T> {
    fn missing(note: Note) -> Self {
        Found {
            value: None,
            record_ids: Vec::new(),
            note,
        }
    }
}

fn skp(records: &[Sourced<SkpRecord>], period: i32) -> Found<Predikat> {
    match records.iter().find(|r| r.value.year == period) {
        Some(r) => Found {
            value: Some(r.value.predikat),
            record_ids: vec![r.id],
            note: Note::Skp {
                year: period,
                predikat: r.value.predikat,
            },
        },
        None => Found::missing(Note::NoSkp { year: period }),
    }
}

/// A yearly score: the best award, the mean of team assignments, the mean of 360 rounds.
fn yearly(
    records: &[Sourced<YearScore>],
    period: i32,
    component: Component,
    combine: fn(&[f64]) -> f64,
) -> Found<f64> {
    let (ids, scores): (Vec<i64>, Vec<f64>) = records
        .iter()
        .filter(|r| r.value.year == period)
        .map(|r| (r.id, r.value.score))
        .unzip();
    if scores.is_empty() {
        return Found::missing(Note::NoYearScores {
            component,
            year: period,
        });
    }
    let value = (combine(&scores) * 100.0).round() / 100.0;
    Found {
        value: Some(value),
        record_ids: ids,
        note: Note::YearScores {
            component,
            year: period,
            score: value,
            records: scores.len(),
        },
    }
}

fn best(scores: &[f64]) -> f64 {
    scores.iter().copied().fold(f64::MIN, f64::max)
}

fn mean(scores: &[f64]) -> f64 {
    scores.iter().sum::<f64>() / scores.len() as f64
}

/// The latest assessment dated within the period and still valid at its end, or why there
/// is none.
fn assessment(
    records: &[Sourced<AssessmentRecord>],
    end: Date,
) -> Result<&Sourced<AssessmentRecord>, Note> {
    let valid = records
        .iter()
        .filter(|r| r.value.date <= end && r.value.valid_until >= end)
        .max_by_key(|r| r.value.date);
    valid.ok_or_else(|| {
        let latest = records
            .iter()
            .filter(|r| r.value.date <= end)
            .max_by_key(|r| r.value.date);
        match latest {
            Some(r) => Note::AssessmentExpired {
                assessed: r.value.date,
                valid_until: r.value.valid_until,
            },
            None => Note::NeverAssessed,
        }
    })
}

/// One of the two measures of an assessment: found with its record, or missing with why.
fn measured(
    assessment: &Result<&Sourced<AssessmentRecord>, Note>,
    measure: fn(&AssessmentRecord) -> (f64, Note),
) -> Found<f64> {
    match assessment {
        Ok(a) => {
            let (value, note) = measure(&a.value);
            Found {
                value: Some(value),
                record_ids: vec![a.id],
                note,
            }
        }
        Err(why) => Found::missing(why.clone()),
    }
}

fn training(records: &[Sourced<TrainingRecord>], period: i32, target: f64) -> Found<f64> {
    let counted: Vec<&Sourced<TrainingRecord>> =
        records.iter().filter(|r| r.value.year == period).collect();
    if counted.is_empty() {
        return Found::missing(Note::NoTraining { year: period });
    }
    let jp: f64 = counted.iter().map(|r| r.value.jp).sum();
    Found {
        value: Some(jp),
        record_ids: counted.iter().map(|r| r.id).collect(),
        note: Note::Training {
            year: period,
            jp,
            target,
            trainings: counted.len(),
        },
    }
}

fn experience(records: &[Sourced<PostRecord>], end: Date, full_years: f64) -> Found<f64> {
    let first = records
        .iter()
        .filter(|r| r.value.start <= end)
        .min_by_key(|r| r.value.start);
    let Some(first) = first else {
        return Found::missing(Note::NoPosts);
    };
    let years = f64::from(first.value.start.full_years_until(end));
    let score = (years / full_years * 100.0).min(100.0);
    Found {
        value: Some((score * 100.0).round() / 100.0),
        record_ids: records
            .iter()
            .filter(|r| r.value.start <= end)
            .map(|r| r.id)
            .collect(),
        note: Note::Experience {
            since: first.value.start,
            years,
            full_years,
        },
    }
}

fn highest_education(records: &[Sourced<EducationRecord>]) -> Option<&Sourced<EducationRecord>> {
    records.iter().max_by_key(|r| r.value.level)
}

fn field_match(
    education: Option<&Sourced<EducationRecord>>,
    post_field: Option<&str>,
    params: &ParameterSet,
) -> Found<f64> {
    let Some(education) = education else {
        return Found::missing(Note::NoEducation);
    };
    let Some(field) = education
        .value
        .field
        .as_deref()
        .filter(|f| !f.trim().is_empty())
    else {
        return Found::missing(Note::NoStudyField);
    };
    let Some(post_field) = post_field.filter(|f| !f.trim().is_empty()) else {
        return Found::missing(Note::NoPostField);
    };
    let matches = name_key(field) == name_key(post_field);
    let rules = &params.evidence;
    Found {
        value: Some(if matches {
            rules.field_match
        } else {
            rules.field_mismatch
        }),
        record_ids: vec![education.id],
        note: Note::FieldMatch {
            field: field.to_owned(),
            post_field: post_field.to_owned(),
            matches,
        },
    }
}

/// The disciplinary standing at the end of the period, and whether it excludes the person.
fn integrity(
    records: &[Sourced<SentenceRecord>],
    end: Date,
    params: &ParameterSet,
) -> (Found<Discipline>, Option<Unplaced>) {
    let rules = &params.evidence;
    let window_start = end.add_years(-i32::from(rules.hukdis_lookback_years));
    let serving = records
        .iter()
        .filter(|r| r.value.start <= end && r.value.end.is_none_or(|e| e >= end))
        .max_by_key(|r| r.value.level);
    let in_window: Vec<&Sourced<SentenceRecord>> = records
        .iter()
        .filter(|r| r.value.start <= end && r.value.end.unwrap_or(end) > window_start)
        .collect();
    let worst = in_window.iter().max_by_key(|r| r.value.level);
    let years = rules.hukdis_lookback_years;
    let exclusion = worst
        .filter(|r| rules.exclude_serious_hukdis && r.value.level >= SentenceLevel::Sedang)
        .map(|r| Unplaced::Excluded {
            level: r.value.level,
            since: r.value.start,
            years,
        });
    let found = match (serving, worst) {
        (Some(r), _) => Found {
            value: Some(Discipline::ServingNow),
            record_ids: vec![r.id],
            note: Note::ServingSentence {
                level: r.value.level,
                since: r.value.start,
            },
        },
        (None, Some(r)) => Found {
            value: Some(r.value.level.discipline()),
            record_ids: in_window.iter().map(|r| r.id).collect(),
            note: Note::Sentence {
                level: r.value.level,
                since: r.value.start,
                years,
            },
        },
        (None, None) => Found {
            value: Some(Discipline::None),
            record_ids: Vec::new(),
            note: Note::NoSentence { years },
        },
    };
    (found, exclusion)
}

/// Places one person for a yearly period under `params`, or says why not.
pub fn place(params: &ParameterSet, period: i32, records: &PersonRecords) -> Placement {
    let end = Date::end_of_year(period);
    let maps = &params.score_maps;
    let skp = skp(&records.skp, period);
    let awards = yearly(&records.penghargaan, period, Component::Penghargaan, best);
    let team = yearly(
        &records.penugasan_tim,
        period,
        Component::PenugasanTimKerja,
        mean,
    );
    let feedback = yearly(
        &records.umpan_balik_360,
        period,
        Component::UmpanBalik360,
        mean,
    );
    let assessment = assessment(&records.asesmen, end);
    let jpm = measured(&assessment, |a| {
        let note = Note::Jpm {
            assessed: a.date,
            provider: a.provider.clone(),
            percent: a.jpm_percent,
        };
        (a.jpm_percent, note)
    });
    let potential = measured(&assessment, |a| {
        let note = Note::PotentialScore {
            assessed: a.date,
            provider: a.provider.clone(),
            score: a.potential,
        };
        (a.potential, note)
    });
    let jp = training(&records.pelatihan, period, maps.jp_target);
    let experience = experience(&records.jabatan, end, params.evidence.experience_full_years);
    let highest = highest_education(&records.pendidikan);
    let education = match highest {
        Some(r) => Found {
            value: Some(r.value.level),
            record_ids: vec![r.id],
            note: Note::Education {
                level: r.value.level,
                field: r.value.field.clone(),
            },
        },
        None => Found::missing(Note::NoEducation),
    };
    let fit = field_match(highest, records.post_field.as_deref(), params);
    let (discipline, exclusion) = integrity(&records.hukdis, end, params);

    let inputs = ScoringInputs {
        predikat: skp.value,
        penghargaan: awards.value,
        penugasan_tim_kerja: team.value,
        umpan_balik_360: feedback.value,
        jpm_percent: jpm.value,
        jp_attained: jp.value,
        pengalaman_jabatan: experience.value,
        penilaian_potensi: potential.value,
        pendidikan: education.value,
        kesesuaian_bidang_ilmu: fit.value,
        integritas: discipline.value,
    };
    let found: [(Component, Found<()>); 11] = [
        (Component::KinerjaUtama, skp.erase()),
        (Component::Penghargaan, awards.erase()),
        (Component::PenugasanTimKerja, team.erase()),
        (Component::UmpanBalik360, feedback.erase()),
        (Component::PenilaianKompetensi, jpm.erase()),
        (Component::PengembanganKompetensi, jp.erase()),
        (Component::PengalamanJabatan, experience.erase()),
        (Component::PenilaianPotensi, potential.erase()),
        (Component::Pendidikan, education.erase()),
        (Component::KesesuaianBidangIlmu, fit.erase()),
        (Component::Integritas, discipline.erase()),
    ];
    let scores = raw_scores(params, &inputs);
    let evidence = found
        .into_iter()
        .zip(scores)
        .map(|((component, found), (_, score))| Evidence {
            component,
            source: SourceTable::of(component),
            record_ids: found.record_ids,
            score,
            note: found.note,
        })
        .collect();
    let outcome = match (exclusion, score(params, &inputs)) {
        (Some(exclusion), _) => Outcome::NotPlaced(exclusion),
        (None, Ok(score)) => Outcome::Placed(score),
        (None, Err(ScoringError::Missing(components))) => {
            Outcome::NotPlaced(Unplaced::Incomplete(components))
        }
        (None, Err(ScoringError::OutOfRange { component, value })) => {
            Outcome::NotPlaced(Unplaced::Invalid { component, value })
        }
    };
    Placement {
        period,
        outcome,
        evidence,
    }
}

impl<T> Found<T> {
    /// Keeps whether a value was found, not the value (the score carries it).
    fn erase(self) -> Found<()> {
        Found {
            value: self.value.map(|_| ()),
            record_ids: self.record_ids,
            note: self.note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nine_box::{Expectation, Potential};

    fn date(text: &str) -> Date {
        Date::parse(text).expect("date")
    }

    fn at<T>(id: i64, value: T) -> Sourced<T> {
        Sourced { id, value }
    }

    fn year_score(year: i32, score: f64) -> YearScore {
        YearScore { year, score }
    }

    /// A person with every record for 2025 (and some from other years that must be ignored).
    fn records() -> PersonRecords {
        PersonRecords {
            skp: vec![
                at(
                    1,
                    SkpRecord {
                        year: 2024,
                        predikat: Predikat::Kurang,
                    },
                ),
                at(
                    2,
                    SkpRecord {
                        year: 2025,
                        predikat: Predikat::SangatBaik,
                    },
                ),
            ],
            penghargaan: vec![
                at(10, year_score(2025, 60.0)),
                at(11, year_score(2025, 80.0)),
            ],
            penugasan_tim: vec![
                at(20, year_score(2025, 70.0)),
                at(21, year_score(2024, 10.0)),
            ],
            umpan_balik_360: vec![at(30, year_score(2025, 90.0))],
            asesmen: vec![at(
                40,
                AssessmentRecord {
                    date: date("2025-11-10"),
                    valid_until: date("2028-11-10"),
                    provider: "UPT Penilaian Kompetensi BKN".into(),
                    jpm_percent: 85.0,
                    potential: 75.0,
                },
            )],
            pelatihan: vec![
                at(
                    50,
                    TrainingRecord {
                        year: 2025,
                        jp: 10.0,
                    },
                ),
                at(
                    51,
                    TrainingRecord {
                        year: 2025,
                        jp: 6.0,
                    },
                ),
                at(
                    52,
                    TrainingRecord {
                        year: 2024,
                        jp: 40.0,
                    },
                ),
            ],
            jabatan: vec![
                at(
                    60,
                    PostRecord {
                        start: date("2018-03-01"),
                    },
                ),
                at(
                    61,
                    PostRecord {
                        start: date("2022-01-03"),
                    },
                ),
            ],
            pendidikan: vec![
                at(
                    70,
                    EducationRecord {
                        level: Education::S1D4,
                        field: Some("Hukum".into()),
                    },
                ),
                at(
                    71,
                    EducationRecord {
                        level: Education::S2,
                        field: Some("Administrasi Publik".into()),
                    },
                ),
            ],
            hukdis: Vec::new(),
            post_field: Some("administrasi publik".into()),
        }
    }

    fn evidence(placement: &Placement, component: Component) -> &Evidence {
        placement
            .evidence
            .iter()
            .find(|e| e.component == component)
            .expect("every component has evidence")
    }

    #[test]
    fn a_hand_computed_person_is_placed_in_kotak_nine_with_every_source() {
        // Y = 0.60*100 (SKP Sangat Baik) + 0.15*80 (best award) + 0.15*70 + 0.10*90 = 91.5
        // X = 0.20*85 + 0.10*80 (16 of 20 JP) + 0.10*70 (7 years of 10) + 0.25*75
        //     + 0.10*90 (S2) + 0.10*100 (field matches) + 0.15*100 (no hukdis) = 84.75
        let placement = place(&ParameterSet::bkn_2025(), 2025, &records());
        let Outcome::Placed(score) = &placement.outcome else {
            panic!("placed: {:?}", placement.outcome);
        };
        assert_eq!((score.kinerja, score.potensial), (91.5, 84.75));
        assert_eq!(score.kotak.number(), 9);
        assert_eq!(placement.evidence.len(), 11);
        let skp = evidence(&placement, Component::KinerjaUtama);
        assert_eq!(
            (skp.record_ids.as_slice(), skp.score),
            (&[2][..], Some(100.0))
        );
        assert_eq!(skp.note.describe(), "SKP 2025: predikat Sangat Baik");
        let awards = evidence(&placement, Component::Penghargaan);
        assert_eq!(awards.record_ids, vec![10, 11]);
        assert_eq!(awards.score, Some(80.0));
        let jp = evidence(&placement, Component::PengembanganKompetensi);
        assert_eq!(jp.record_ids, vec![50, 51]);
        assert_eq!(jp.note.describe(), "16 dari 20 JP tahun 2025 (2 pelatihan)");
        assert_eq!(jp.score, Some(80.0));
        let experience = evidence(&placement, Component::PengalamanJabatan);
        assert_eq!(experience.score, Some(70.0));
        assert_eq!(
            evidence(&placement, Component::Pendidikan).record_ids,
            vec![71]
        );
        assert_eq!(
            evidence(&placement, Component::KesesuaianBidangIlmu).score,
            Some(100.0)
        );
        let integrity = evidence(&placement, Component::Integritas);
        assert_eq!(
            (integrity.score, integrity.record_ids.len()),
            (Some(100.0), 0)
        );
        assert_eq!(
            evidence(&placement, Component::PenilaianKompetensi)
                .source
                .table(),
            "asesmen"
        );
    }

    #[test]
    fn the_same_records_under_90_78_give_kotak_seven() {
        let placement = place(&ParameterSet::jpm_90_78(), 2025, &records());
        assert_eq!(placement.kotak().map(Kotak::number), Some(7));
    }

    #[test]
    fn a_hand_computed_person_in_kotak_three() {
        // Y = 0.6*60 (Butuh Perbaikan) + 0.15*50 + 0.15*50 + 0.10*50 = 56 -> di bawah
        // X = 0.2*70 + 0.1*40 (8 JP) + 0.1*20 (2 years) + 0.25*70 + 0.1*70 (D3)
        //     + 0.1*50 (field differs) + 0.15*75 (ringan in window) = 60.75 -> menengah
        let mut person = records();
        person.skp = vec![at(
            2,
            SkpRecord {
                year: 2025,
                predikat: Predikat::ButuhPerbaikan,
            },
        )];
        person.penghargaan = vec![at(10, year_score(2025, 50.0))];
        person.penugasan_tim = vec![at(20, year_score(2025, 50.0))];
        person.umpan_balik_360 = vec![at(30, year_score(2025, 50.0))];
        person.asesmen[0].value.jpm_percent = 70.0;
        person.asesmen[0].value.potential = 70.0;
        person.pelatihan = vec![at(
            50,
            TrainingRecord {
                year: 2025,
                jp: 8.0,
            },
        )];
        person.jabatan = vec![at(
            60,
            PostRecord {
                start: date("2023-07-01"),
            },
        )];
        person.pendidikan = vec![at(
            70,
            EducationRecord {
                level: Education::D3,
                field: Some("Akuntansi".into()),
            },
        )];
        person.hukdis = vec![at(
            80,
            SentenceRecord {
                level: SentenceLevel::Ringan,
                start: date("2024-05-02"),
                end: Some(date("2024-11-02")),
            },
        )];
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        let Outcome::Placed(score) = &placement.outcome else {
            panic!("placed: {:?}", placement.outcome);
        };
        assert_eq!((score.kinerja, score.potensial), (56.0, 60.75));
        assert_eq!(
            (score.kinerja_category, score.potential_category),
            (Expectation::Below, Potential::Middle)
        );
        assert_eq!(score.kotak.number(), 3);
        assert_eq!(
            evidence(&placement, Component::Integritas).record_ids,
            vec![80]
        );
    }

    #[test]
    fn missing_records_are_named_with_a_reason_and_never_zero() {
        let mut person = records();
        person.skp.retain(|r| r.value.year != 2025);
        person.pelatihan.retain(|r| r.value.year != 2025);
        person.post_field = None;
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        assert_eq!(
            placement.outcome,
            Outcome::NotPlaced(Unplaced::Incomplete(vec![
                Component::KinerjaUtama,
                Component::PengembanganKompetensi,
                Component::KesesuaianBidangIlmu,
            ]))
        );
        let skp = evidence(&placement, Component::KinerjaUtama);
        assert_eq!(
            (skp.score, skp.note.describe().as_str()),
            (None, "Belum ada SKP tahun 2025")
        );
        assert_eq!(
            evidence(&placement, Component::PengembanganKompetensi)
                .note
                .describe(),
            "Belum ada riwayat pelatihan tahun 2025"
        );
        assert_eq!(
            evidence(&placement, Component::KesesuaianBidangIlmu)
                .note
                .describe(),
            "Bidang jabatan saat ini belum ditetapkan"
        );
        // What was found is still scored, so a person can see it.
        assert_eq!(
            evidence(&placement, Component::Penghargaan).score,
            Some(80.0)
        );
    }

    #[test]
    fn an_expired_or_future_assessment_does_not_count() {
        let mut person = records();
        person.asesmen[0].value.date = date("2021-06-01");
        person.asesmen[0].value.valid_until = date("2024-06-01");
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        assert_eq!(
            placement.outcome,
            Outcome::NotPlaced(Unplaced::Incomplete(vec![
                Component::PenilaianKompetensi,
                Component::PenilaianPotensi
            ]))
        );
        assert_eq!(
            evidence(&placement, Component::PenilaianPotensi)
                .note
                .describe(),
            "Asesmen terakhir (2021-06-01) berlaku sampai 2024-06-01, sudah kedaluwarsa"
        );
        // An assessment taken after the period cannot place the person for that period.
        let placement = place(&ParameterSet::bkn_2025(), 2024, &records());
        assert!(
            matches!(placement.outcome, Outcome::NotPlaced(Unplaced::Incomplete(ref c)) if c.contains(&Component::PenilaianPotensi))
        );
    }

    #[test]
    fn a_serious_hukdis_in_the_window_excludes_and_an_older_one_does_not() {
        let mut person = records();
        person.hukdis = vec![at(
            80,
            SentenceRecord {
                level: SentenceLevel::Sedang,
                start: date("2024-03-01"),
                end: Some(date("2025-03-01")),
            },
        )];
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        assert_eq!(
            placement.outcome,
            Outcome::NotPlaced(Unplaced::Excluded {
                level: SentenceLevel::Sedang,
                since: date("2024-03-01"),
                years: 2,
            })
        );

        let mut lenient = ParameterSet::bkn_2025();
        lenient.evidence.exclude_serious_hukdis = false;
        let placement = place(&lenient, 2025, &person);
        assert_eq!(
            evidence(&placement, Component::Integritas).score,
            Some(50.0)
        );

        person.hukdis[0].value.start = date("2020-03-01");
        person.hukdis[0].value.end = Some(date("2021-03-01"));
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        assert_eq!(placement.kotak().map(Kotak::number), Some(9));
        assert_eq!(
            evidence(&placement, Component::Integritas).score,
            Some(100.0)
        );
    }

    #[test]
    fn a_sentence_served_at_the_end_of_the_period_scores_zero() {
        let mut person = records();
        person.hukdis = vec![at(
            80,
            SentenceRecord {
                level: SentenceLevel::Ringan,
                start: date("2025-10-01"),
                end: None,
            },
        )];
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        let integrity = evidence(&placement, Component::Integritas);
        assert_eq!(integrity.score, Some(0.0));
        assert!(integrity
            .note
            .describe()
            .starts_with("Sedang menjalani hukuman disiplin ringan"));
        assert_eq!(placement.kotak().map(Kotak::number), Some(7)); // X = 84.75 - 15
    }

    #[test]
    fn experience_is_capped_and_counts_only_posts_started_by_the_period_end() {
        let mut person = records();
        person.jabatan = vec![
            at(
                60,
                PostRecord {
                    start: date("1999-01-04"),
                },
            ),
            at(
                61,
                PostRecord {
                    start: date("2026-02-01"),
                },
            ),
        ];
        let placement = place(&ParameterSet::bkn_2025(), 2025, &person);
        let experience = evidence(&placement, Component::PengalamanJabatan);
        assert_eq!(
            (experience.score, experience.record_ids.as_slice()),
            (Some(100.0), &[60][..])
        );
    }

    #[test]
    fn placing_is_deterministic() {
        let params = ParameterSet::bkn_2025();
        assert_eq!(
            place(&params, 2025, &records()),
            place(&params, 2025, &records())
        );
    }
}
