//! Career path to a target post (domain.md §5): which posts are one level up, the eligibility
//! checklist for a post, and an estimate of when the person could be ready.
//!
//! The requirements are configurable per post; a post without its own keeps the local rules
//! domain.md gives as defaults (the kotak allowed for its kind, no hukdis sedang or berat in
//! the last two years). A requirement that is not set is not checked, and a fact that is not
//! on record is reported as unknown, never as a pass.

use super::calendar::Date;
use super::golongan::PnsGolongan;
use super::jabatan::{JenisJabatan, JenjangFungsional};
use super::kompetensi::name_key;
use super::nine_box::Kotak;
use super::scoring::Education;
use serde::{Deserialize, Serialize};

/// Years between regular promotions in rank (kenaikan pangkat reguler).
const YEARS_PER_RANK: f64 = 4.0;
/// Years of study per education level (tugas belajar).
const YEARS_PER_EDUCATION_LEVEL: f64 = 2.0;

/// The kind and level of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLevel {
    pub jenis: JenisJabatan,
    pub jenjang: Option<JenjangFungsional>,
}

impl PostLevel {
    /// The ladder the post is on and its rung: structural posts from pelaksana up to JPT
    /// utama, and the two fungsional ladders.
    fn rung(self) -> (u8, u8) {
        match (self.jenis, self.jenjang) {
            (JenisJabatan::Fungsional, Some(j)) => match j {
                JenjangFungsional::AhliPertama => (1, 0),
                JenjangFungsional::AhliMuda => (1, 1),
                JenjangFungsional::AhliMadya => (1, 2),
                JenjangFungsional::AhliUtama => (1, 3),
                JenjangFungsional::Pemula => (2, 0),
                JenjangFungsional::Terampil => (2, 1),
                JenjangFungsional::Mahir => (2, 2),
                JenjangFungsional::Penyelia => (2, 3),
            },
            (jenis, _) => (
                0,
                match jenis {
                    JenisJabatan::Pelaksana | JenisJabatan::Fungsional => 0,
                    JenisJabatan::Pengawas => 1,
                    JenisJabatan::Administrator => 2,
                    JenisJabatan::JptPratama => 3,
                    JenisJabatan::JptMadya => 4,
                    JenisJabatan::JptUtama => 5,
                },
            ),
        }
    }

    /// Whether `other` is the next rung up on this post's ladder.
    pub fn is_next_up(self, other: PostLevel) -> bool {
        let (ladder, rung) = self.rung();
        other.rung() == (ladder, rung + 1)
    }

    /// The rung on the managerial ladder this post counts as for moving into a managerial
    /// post: its own for structural posts, the equivalent one for fungsional keahlian (ahli
    /// muda as pengawas, ahli madya as administrator, ahli utama as JPT madya: PP 11/2017
    /// jo. PP 17/2020 on the experience a managerial post asks for, PermenPANRB 17/2021 on
    /// the equivalence), and the lowest for everyone else.
    pub fn managerial_rung(self) -> u8 {
        match (self.jenis, self.jenjang) {
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMuda)) => 1,
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMadya)) => 2,
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliUtama)) => 4,
            (JenisJabatan::Fungsional, _) => 0,
            _ => self.rung().1,
        }
    }
}

/// What a target post asks of a candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirements {
    pub min_golongan: Option<PnsGolongan>,
    pub min_education: Option<Education>,
    /// The field of study, matched loosely ("Administrasi Publik" in "S2 Administrasi Publik").
    pub education_field: Option<String>,
    /// A training the candidate must have completed, matched in the training names.
    pub required_training: Option<String>,
    pub min_years_in_post: Option<f64>,
    /// The kotak a candidate must be in; empty for no rule.
    pub allowed_kotak: Vec<u8>,
    pub min_jpm: Option<f64>,
    /// No hukdis sedang or berat in this many years.
    pub hukdis_free_years: u8,
}

impl Requirements {
    /// The defaults of domain.md §3 and §5 for a kind of post: administrator and pengawas
    /// posts need kotak 7-9, JPT pratama kotak 9, and every post two years without a
    /// serious hukdis.
    pub fn default_for(jenis: JenisJabatan) -> Requirements {
        let allowed_kotak = match jenis {
            JenisJabatan::Administrator | JenisJabatan::Pengawas => vec![7, 8, 9],
            JenisJabatan::JptPratama | JenisJabatan::JptMadya | JenisJabatan::JptUtama => vec![9],
            JenisJabatan::Fungsional | JenisJabatan::Pelaksana => Vec::new(),
        };
        Requirements {
            min_golongan: None,
            min_education: None,
            education_field: None,
            required_training: None,
            min_years_in_post: None,
            allowed_kotak,
            min_jpm: None,
            hukdis_free_years: 2,
        }
    }
}

/// What is on record about the candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateFacts {
    /// `None` for PPPK or a grade not on record.
    pub golongan: Option<PnsGolongan>,
    pub education: Option<(Education, Option<String>)>,
    pub trainings: Vec<String>,
    /// Start of the current post, if recorded.
    pub in_post_since: Option<Date>,
    /// The kotak in force (calibrated if calibrated), if placed.
    pub kotak: Option<Kotak>,
    /// JPM against the target post's standard, if assessed.
    pub jpm_for_post: Option<f64>,
    /// Start dates of hukdis sedang or berat, and their end if over.
    pub serious_hukdis: Vec<(Date, Option<Date>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Criterion {
    Golongan,
    Pendidikan,
    BidangPendidikan,
    Pelatihan,
    MasaJabatan,
    Kotak,
    Jpm,
    HukumanDisiplin,
}

impl Criterion {
    pub fn label(self) -> &'static str {
        match self {
            Criterion::Golongan => "Pangkat/golongan minimal",
            Criterion::Pendidikan => "Pendidikan minimal",
            Criterion::BidangPendidikan => "Bidang pendidikan",
            Criterion::Pelatihan => "Pelatihan wajib",
            Criterion::MasaJabatan => "Lama dalam jabatan sekarang",
            Criterion::Kotak => "Kotak manajemen talenta",
            Criterion::Jpm => "JPM terhadap standar jabatan",
            Criterion::HukumanDisiplin => "Bebas hukuman disiplin sedang/berat",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckOutcome {
    Pass,
    Fail,
    /// The fact is not on record.
    Unknown,
}

/// What a criterion of the checklist asks, as a value (`i18n::terms::required` words it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Required {
    Golongan(PnsGolongan),
    Education(Education),
    /// A field of study or a training, by name.
    Named(String),
    /// At least this many years in the current post.
    YearsAtLeast(f64),
    /// One of these kotak.
    Kotak(Vec<u8>),
    /// At least this JPM, in percent.
    JpmAtLeast(f64),
    /// No hukdis sedang or berat in this many years.
    ClearForYears(u8),
}

/// What the candidate has on record for a criterion (`i18n::terms::attained` words it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Attained {
    NotOnRecord,
    Golongan(PnsGolongan),
    Education(Education),
    /// A field of study or a matching training, by name.
    Named(String),
    /// No training matching the requirement.
    NoTraining,
    Years(f64),
    Kotak(Kotak),
    /// JPM in percent.
    Jpm(f64),
    /// A hukdis sedang or berat within the window: clear from this day.
    SentencedUntil(Date),
    NoSentence,
}

/// One line of the eligibility checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub criterion: Criterion,
    pub required: Required,
    pub attained: Attained,
    pub outcome: CheckOutcome,
    /// For a failed check: roughly how many years closing it takes.
    pub years_to_close: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Readiness {
    SiapSekarang,
    SiapSatuSampaiDuaTahun,
    SiapLebihDariDuaTahun,
}

impl Readiness {
    pub fn label(self) -> &'static str {
        match self {
            Readiness::SiapSekarang => "Siap sekarang",
            Readiness::SiapSatuSampaiDuaTahun => "Siap dalam 1-2 tahun",
            Readiness::SiapLebihDariDuaTahun => "Siap dalam lebih dari 2 tahun",
        }
    }
}

fn check(
    criterion: Criterion,
    required: Required,
    attained: Option<Attained>,
    passed: Option<bool>,
    years_to_close: f64,
) -> Check {
    let outcome = match passed {
        Some(true) => CheckOutcome::Pass,
        Some(false) => CheckOutcome::Fail,
        None => CheckOutcome::Unknown,
    };
    Check {
        criterion,
        required,
        attained: attained.unwrap_or(Attained::NotOnRecord),
        outcome,
        years_to_close: (outcome == CheckOutcome::Fail).then_some(years_to_close),
    }
}

/// The checklist of `requirements` against `facts`, on `today`.
pub fn checklist(requirements: &Requirements, facts: &CandidateFacts, today: Date) -> Vec<Check> {
    let mut checks = Vec::new();
    if let Some(min) = requirements.min_golongan {
        let steps = facts
            .golongan
            .map(|g| f64::from(min.rank().saturating_sub(g.rank())));
        checks.push(check(
            Criterion::Golongan,
            Required::Golongan(min),
            facts.golongan.map(Attained::Golongan),
            steps.map(|s| s == 0.0),
            steps.unwrap_or_default() * YEARS_PER_RANK,
        ));
    }
    if let Some(min) = requirements.min_education {
        let level = facts.education.as_ref().map(|(level, _)| *level);
        let short = level.map(|l| {
            let index = |e: Education| Education::ALL.iter().position(|x| *x == e);
            index(min)
                .unwrap_or_default()
                .saturating_sub(index(l).unwrap_or_default())
        });
        checks.push(check(
            Criterion::Pendidikan,
            Required::Education(min),
            level.map(Attained::Education),
            short.map(|s| s == 0),
            short.unwrap_or_default() as f64 * YEARS_PER_EDUCATION_LEVEL,
        ));
    }
    if let Some(field) = &requirements.education_field {
        let actual = facts.education.as_ref().and_then(|(_, f)| f.clone());
        let matches = actual
            .as_deref()
            .map(|a| name_key(a).contains(&name_key(field)));
        checks.push(check(
            Criterion::BidangPendidikan,
            Required::Named(field.clone()),
            actual.map(Attained::Named),
            matches,
            YEARS_PER_EDUCATION_LEVEL,
        ));
    }
    if let Some(training) = &requirements.required_training {
        let wanted = name_key(training);
        let done = facts
            .trainings
            .iter()
            .find(|t| name_key(t).contains(&wanted));
        checks.push(check(
            Criterion::Pelatihan,
            Required::Named(training.clone()),
            Some(done.cloned().map_or(Attained::NoTraining, Attained::Named)),
            Some(done.is_some()),
            1.0,
        ));
    }
    if let Some(min) = requirements.min_years_in_post {
        let held = facts
            .in_post_since
            .map(|since| f64::from(since.full_years_until(today)));
        checks.push(check(
            Criterion::MasaJabatan,
            Required::YearsAtLeast(min),
            held.map(Attained::Years),
            held.map(|h| h >= min),
            held.map_or(min, |h| (min - h).max(0.0)),
        ));
    }
    if !requirements.allowed_kotak.is_empty() {
        let allowed = &requirements.allowed_kotak;
        checks.push(check(
            Criterion::Kotak,
            Required::Kotak(allowed.clone()),
            facts.kotak.map(Attained::Kotak),
            facts.kotak.map(|k| allowed.contains(&k.number())),
            // The next yearly mapping is the earliest a kotak can change.
            1.0,
        ));
    }
    if let Some(min) = requirements.min_jpm {
        checks.push(check(
            Criterion::Jpm,
            Required::JpmAtLeast(min),
            facts.jpm_for_post.map(Attained::Jpm),
            facts.jpm_for_post.map(|j| j >= min),
            facts
                .jpm_for_post
                .map_or(1.0, |j| if min - j <= 10.0 { 1.0 } else { 2.0 }),
        ));
    }
    let window_start = today.add_years(-i32::from(requirements.hukdis_free_years));
    let clear_on = facts
        .serious_hukdis
        .iter()
        .filter(|(_, end)| end.is_none_or(|end| end >= window_start))
        .map(|(start, end)| {
            end.unwrap_or(today.max(*start))
                .add_years(i32::from(requirements.hukdis_free_years))
        })
        .max();
    checks.push(check(
        Criterion::HukumanDisiplin,
        Required::ClearForYears(requirements.hukdis_free_years),
        Some(clear_on.map_or(Attained::NoSentence, Attained::SentencedUntil)),
        Some(clear_on.is_none()),
        clear_on.map_or(0.0, |date| f64::from(today.full_years_until(date)) + 1.0),
    ));
    checks
}

/// The readiness the checklist suggests, or `None` while a required fact is not on record.
pub fn readiness(checks: &[Check]) -> Option<Readiness> {
    if checks.iter().any(|c| c.outcome == CheckOutcome::Unknown) {
        return None;
    }
    let longest = checks
        .iter()
        .filter_map(|c| c.years_to_close)
        .fold(0.0_f64, f64::max);
    Some(if checks.iter().all(|c| c.outcome == CheckOutcome::Pass) {
        Readiness::SiapSekarang
    } else if longest <= 2.0 {
        Readiness::SiapSatuSampaiDuaTahun
    } else {
        Readiness::SiapLebihDariDuaTahun
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("date")
    }

    fn today() -> Date {
        date("2026-11-23")
    }

    fn golongan(code: &str) -> PnsGolongan {
        PnsGolongan::parse(code).expect("golongan")
    }

    fn level(jenis: JenisJabatan, jenjang: Option<JenjangFungsional>) -> PostLevel {
        PostLevel { jenis, jenjang }
    }

    fn strict() -> Requirements {
        Requirements {
            min_golongan: Some(golongan("III/d")),
            min_education: Some(Education::S1D4),
            education_field: Some("Administrasi".into()),
            required_training: Some("Pelatihan Kepemimpinan Pengawas".into()),
            min_years_in_post: Some(2.0),
            allowed_kotak: vec![7, 8, 9],
            min_jpm: Some(78.0),
            hukdis_free_years: 2,
        }
    }

    fn strong() -> CandidateFacts {
        CandidateFacts {
            golongan: Some(golongan("III/d")),
            education: Some((Education::S2, Some("Administrasi Publik".into()))),
            trainings: vec!["PELATIHAN KEPEMIMPINAN PENGAWAS Angkatan II".into()],
            in_post_since: Some(date("2023-01-02")),
            kotak: Kotak::from_number(8),
            jpm_for_post: Some(85.0),
            serious_hukdis: Vec::new(),
        }
    }

    #[test]
    fn the_next_rung_is_on_the_same_ladder() {
        use JenisJabatan::*;
        use JenjangFungsional::*;
        assert!(level(Pelaksana, None).is_next_up(level(Pengawas, None)));
        assert!(level(Pengawas, None).is_next_up(level(Administrator, None)));
        assert!(level(Administrator, None).is_next_up(level(JptPratama, None)));
        assert!(!level(Pengawas, None).is_next_up(level(JptPratama, None)));
        assert!(level(Fungsional, Some(AhliPertama)).is_next_up(level(Fungsional, Some(AhliMuda))));
        assert!(level(Fungsional, Some(Terampil)).is_next_up(level(Fungsional, Some(Mahir))));
        assert!(!level(Fungsional, Some(AhliUtama)).is_next_up(level(Fungsional, Some(Pemula))));
        assert!(!level(Fungsional, Some(AhliMuda)).is_next_up(level(Administrator, None)));
        assert!(!level(Administrator, None).is_next_up(level(Administrator, None)));
    }

    #[test]
    fn fungsional_keahlian_count_as_their_managerial_equivalent() {
        use JenisJabatan::*;
        use JenjangFungsional::*;
        assert_eq!(
            level(Fungsional, Some(AhliMuda)).managerial_rung(),
            level(Pengawas, None).managerial_rung()
        );
        assert_eq!(
            level(Fungsional, Some(AhliMadya)).managerial_rung(),
            level(Administrator, None).managerial_rung()
        );
        assert_eq!(
            level(Fungsional, Some(AhliUtama)).managerial_rung(),
            level(JptMadya, None).managerial_rung()
        );
        assert_eq!(
            level(Fungsional, Some(AhliPertama)).managerial_rung(),
            level(Pelaksana, None).managerial_rung()
        );
        assert_eq!(
            level(Fungsional, Some(Penyelia)).managerial_rung(),
            level(Pelaksana, None).managerial_rung()
        );
        assert_eq!(level(JptPratama, None).managerial_rung(), 3);
    }

    #[test]
    fn kinds_of_post_carry_the_default_kotak_rule() {
        assert_eq!(
            Requirements::default_for(JenisJabatan::Administrator).allowed_kotak,
            vec![7, 8, 9]
        );
        assert_eq!(
            Requirements::default_for(JenisJabatan::JptPratama).allowed_kotak,
            vec![9]
        );
        assert!(Requirements::default_for(JenisJabatan::Fungsional)
            .allowed_kotak
            .is_empty());
    }

    #[test]
    fn a_candidate_meeting_everything_is_ready_now() {
        let checks = checklist(&strict(), &strong(), today());
        assert_eq!(checks.len(), 8);
        assert!(
            checks.iter().all(|c| c.outcome == CheckOutcome::Pass),
            "{checks:?}"
        );
        assert_eq!(readiness(&checks), Some(Readiness::SiapSekarang));
    }

    #[test]
    fn short_gaps_make_one_to_two_years_and_long_ones_more() {
        let mut facts = strong();
        facts.trainings.clear();
        facts.in_post_since = Some(date("2025-06-01"));
        let checks = checklist(&strict(), &facts, today());
        let failed: Vec<Criterion> = checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Fail)
            .map(|c| c.criterion)
            .collect();
        assert_eq!(failed, vec![Criterion::Pelatihan, Criterion::MasaJabatan]);
        assert_eq!(readiness(&checks), Some(Readiness::SiapSatuSampaiDuaTahun));

        facts.golongan = Some(golongan("III/b"));
        let checks = checklist(&strict(), &facts, today());
        let grade = checks
            .iter()
            .find(|c| c.criterion == Criterion::Golongan)
            .expect("golongan checked");
        assert_eq!(grade.years_to_close, Some(8.0));
        assert_eq!(grade.required, Required::Golongan(golongan("III/d")));
        assert_eq!(readiness(&checks), Some(Readiness::SiapLebihDariDuaTahun));
    }

    #[test]
    fn a_missing_fact_is_unknown_and_leaves_readiness_open() {
        let mut facts = strong();
        facts.kotak = None;
        facts.jpm_for_post = None;
        let checks = checklist(&strict(), &facts, today());
        let unknown: Vec<Criterion> = checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Unknown)
            .map(|c| c.criterion)
            .collect();
        assert_eq!(unknown, vec![Criterion::Kotak, Criterion::Jpm]);
        assert!(checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Unknown)
            .all(|c| c.attained == Attained::NotOnRecord));
        assert_eq!(readiness(&checks), None);
    }

    #[test]
    fn a_serious_hukdis_in_the_window_fails_until_the_window_has_passed() {
        let mut facts = strong();
        facts.serious_hukdis = vec![(date("2024-01-01"), Some(date("2025-06-30")))];
        let checks = checklist(&strict(), &facts, today());
        let hukdis = checks.last().expect("hukdis check");
        assert_eq!(hukdis.criterion, Criterion::HukumanDisiplin);
        assert_eq!(hukdis.outcome, CheckOutcome::Fail);
        assert_eq!(
            hukdis.attained,
            Attained::SentencedUntil(date("2027-06-30"))
        );
        assert_eq!(readiness(&checks), Some(Readiness::SiapSatuSampaiDuaTahun));
        // Ended more than two years ago: clear.
        facts.serious_hukdis = vec![(date("2020-01-01"), Some(date("2024-11-22")))];
        let checks = checklist(&strict(), &facts, today());
        assert_eq!(checks.last().map(|c| c.outcome), Some(CheckOutcome::Pass));
        // Still serving: not clear for at least two years.
        facts.serious_hukdis = vec![(date("2026-01-01"), None)];
        let checks = checklist(&strict(), &facts, today());
        assert_eq!(checks.last().map(|c| c.outcome), Some(CheckOutcome::Fail));
        assert_eq!(readiness(&checks), Some(Readiness::SiapLebihDariDuaTahun));
    }

    #[test]
    fn the_checklist_holds_values_not_words() {
        let mut facts = strong();
        facts.kotak = None;
        facts.in_post_since = Some(date("2024-06-01"));
        let checks = checklist(&strict(), &facts, today());
        let of = |criterion| {
            checks
                .iter()
                .find(|c| c.criterion == criterion)
                .expect("checked")
        };
        assert_eq!(of(Criterion::Kotak).attained, Attained::NotOnRecord);
        assert_eq!(
            of(Criterion::Kotak).required,
            Required::Kotak(vec![7, 8, 9])
        );
        assert_eq!(
            of(Criterion::MasaJabatan).required,
            Required::YearsAtLeast(2.0)
        );
        assert_eq!(of(Criterion::MasaJabatan).attained, Attained::Years(2.0));
        assert_eq!(
            of(Criterion::HukumanDisiplin).attained,
            Attained::NoSentence
        );
    }

    #[test]
    fn unset_requirements_are_not_checked() {
        let checks = checklist(
            &Requirements::default_for(JenisJabatan::Fungsional),
            &strong(),
            today(),
        );
        assert_eq!(checks.len(), 1);
        assert_eq!(checks[0].criterion, Criterion::HukumanDisiplin);
    }

    #[test]
    fn education_below_the_minimum_and_the_wrong_field_fail() {
        let mut facts = strong();
        facts.education = Some((Education::D3, Some("Teknik Sipil".into())));
        let checks = checklist(&strict(), &facts, today());
        let education: Vec<(Criterion, CheckOutcome, Option<f64>)> = checks
            .iter()
            .filter(|c| {
                matches!(
                    c.criterion,
                    Criterion::Pendidikan | Criterion::BidangPendidikan
                )
            })
            .map(|c| (c.criterion, c.outcome, c.years_to_close))
            .collect();
        assert_eq!(
            education,
            vec![
                (Criterion::Pendidikan, CheckOutcome::Fail, Some(2.0)),
                (Criterion::BidangPendidikan, CheckOutcome::Fail, Some(2.0)),
            ]
        );
    }
}
