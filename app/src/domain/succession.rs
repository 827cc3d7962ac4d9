//! Succession for key posts (jabatan kritikal and target; domain.md §5): how well a candidate
//! from the talent pool matches a post, the order candidates are ranked in, and the flags
//! that mark a post's pipeline as at risk.
//!
//! The match score is an explained number, 0-100, made of five parts:
//! - the share of the post's eligibility checks passed (weight 30);
//! - the JPM against the competency standard of that very post (30);
//! - the post's field (bidang, the rumpun of its work) against the candidate's: the field of
//!   the post they hold, else of their education (15);
//! - experience in a related unit: whether they work in the post's own OPD (10);
//! - the mean of the candidate's kinerja and potensial scores (15).
//!
//! A part that is not on record is not counted as zero: it is left out, the remaining
//! weights are scaled up, and the part is listed as missing.

use super::calendar::Date;
use super::career::{Check, CheckOutcome, PostLevel, Readiness};
use super::kompetensi::name_key;
use serde::{Deserialize, Serialize};

pub const WEIGHT_CHECKS: f64 = 30.0;
pub const WEIGHT_JPM: f64 = 30.0;
pub const WEIGHT_FIELD: f64 = 15.0;
pub const WEIGHT_EXPERIENCE: f64 = 10.0;
pub const WEIGHT_TALENT: f64 = 15.0;

/// A part of the match score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchPart {
    Syarat,
    Jpm,
    Bidang,
    Pengalaman,
    Talenta,
}

impl MatchPart {
    pub fn label(self) -> &'static str {
        match self {
            MatchPart::Syarat => "syarat jabatan terpenuhi",
            MatchPart::Jpm => "JPM terhadap standar jabatan",
            MatchPart::Bidang => "kesesuaian bidang",
            MatchPart::Pengalaman => "pengalaman di OPD jabatan",
            MatchPart::Talenta => "rata-rata skor kinerja dan potensial",
        }
    }
}

/// How a candidate's field meets the post's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldMatch {
    /// The post they hold is of the same field.
    SamePost,
    /// Their education is in the post's field.
    Education,
    Different,
}

impl FieldMatch {
    /// The part's value, 0-100.
    pub fn value(self) -> f64 {
        match self {
            FieldMatch::SamePost => 100.0,
            FieldMatch::Education => 60.0,
            FieldMatch::Different => 0.0,
        }
    }
}

/// Whether two fields as written name the same field: equal without case, spaces or
/// punctuation, or one within the other ("Kesehatan" and "Kesehatan Masyarakat").
fn same_field(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// How the candidate's field meets the post's: `None` when the post has no field on record.
pub fn field_match(
    post: Option<&str>,
    candidate_post: Option<&str>,
    education: Option<&str>,
) -> Option<FieldMatch> {
    let post = post.filter(|p| !p.trim().is_empty())?;
    Some(if candidate_post.is_some_and(|c| same_field(post, c)) {
        FieldMatch::SamePost
    } else if education.is_some_and(|e| same_field(post, e)) {
        FieldMatch::Education
    } else {
        FieldMatch::Different
    })
}

/// What a candidate brings to a post.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchInputs<'a> {
    /// The post's eligibility checks.
    pub checks: &'a [Check],
    /// The JPM against the post's standard.
    pub jpm: Option<f64>,
    pub field: Option<FieldMatch>,
    /// Whether they work in the post's OPD (`None` when either unit is unknown).
    pub same_opd: Option<bool>,
    /// The (kinerja, potensial) scores.
    pub talent: Option<(f64, f64)>,
}

/// A candidate's match score with what it was made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchScore {
    /// 0-100; `None` when no part is on record.
    pub score: Option<f64>,
    /// Each part counted: its value (0-100) and its weight as used.
    pub parts: Vec<(MatchPart, f64, f64)>,
    /// Parts left out because they are not on record.
    pub missing: Vec<MatchPart>,
}

/// The match score of a candidate, with each part's value and weight.
pub fn match_score(inputs: &MatchInputs<'_>) -> MatchScore {
    let checks = inputs.checks;
    let checks_share = (!checks.is_empty()).then(|| {
        let passed = checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Pass)
            .count();
        passed as f64 * 100.0 / checks.len() as f64
    });
    let candidates = [
        (MatchPart::Syarat, checks_share, WEIGHT_CHECKS),
        (
            MatchPart::Jpm,
            inputs.jpm.map(|j| j.clamp(0.0, 100.0)),
            WEIGHT_JPM,
        ),
        (
            MatchPart::Bidang,
            inputs.field.map(FieldMatch::value),
            WEIGHT_FIELD,
        ),
        (
            MatchPart::Pengalaman,
            inputs.same_opd.map(|same| if same { 100.0 } else { 0.0 }),
            WEIGHT_EXPERIENCE,
        ),
        (
            MatchPart::Talenta,
            inputs
                .talent
                .map(|(k, p)| ((k + p) / 2.0).clamp(0.0, 100.0)),
            WEIGHT_TALENT,
        ),
    ];
    let counted: f64 = candidates
        .iter()
        .filter(|(_, v, _)| v.is_some())
        .map(|(_, _, w)| w)
        .sum();
    let mut parts = Vec::new();
    let mut missing = Vec::new();
    for (part, value, weight) in candidates {
        match value {
            Some(v) => parts.push((part, v, weight * 100.0 / counted)),
            None => missing.push(part),
        }
    }
    let score = (!parts.is_empty()).then(|| {
        let total: f64 = parts.iter().map(|(_, v, w)| v * w / 100.0).sum();
        (total * 10.0).round() / 10.0
    });
    MatchScore {
        score,
        parts,
        missing,
    }
}

/// The ranking order: fit for the post first (the higher match score; a candidate without
/// one last), then readiness (siap sekarang before 1-2 tahun before later, and a readiness
/// that cannot be told yet last), then name for a stable order. Fit leads: readiness alone
/// is the same for a post of any field, so it would put the same few people on top of every
/// list.
pub fn rank_order(
    a: (Option<Readiness>, Option<f64>, &str),
    b: (Option<Readiness>, Option<f64>, &str),
) -> std::cmp::Ordering {
    let urgency = |r: Option<Readiness>| match r {
        Some(Readiness::SiapSekarang) => 0,
        Some(Readiness::SiapSatuSampaiDuaTahun) => 1,
        Some(Readiness::SiapLebihDariDuaTahun) => 2,
        None => 3,
    };
    b.1.unwrap_or(f64::NEG_INFINITY)
        .total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
        .then_with(|| urgency(a.0).cmp(&urgency(b.0)))
        .then_with(|| a.2.cmp(b.2))
}

/// A sign that a post's succession is at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PipelineFlag {
    /// The post has no holder now.
    Kosong,
    /// The holder reaches the retirement age (BUP) within two years.
    PejabatMendekatiBup,
    /// No candidate is ready now.
    TanpaPenggantiSiap,
    /// Fewer than two candidates at all.
    KurangDariDuaKandidat,
}

impl PipelineFlag {
    pub fn label(self) -> &'static str {
        match self {
            PipelineFlag::Kosong => "Jabatan kosong",
            PipelineFlag::PejabatMendekatiBup => "Pejabat mencapai BUP dalam 2 tahun",
            PipelineFlag::TanpaPenggantiSiap => "Tidak ada pengganti yang siap sekarang",
            PipelineFlag::KurangDariDuaKandidat => "Kurang dari dua kandidat",
        }
    }
}

/// Years before retirement within which a holder's post is flagged.
pub const BUP_HORIZON_YEARS: i32 = 2;

/// The flags of a post: `holder_retires` is the holder's retirement date (`None` when the
/// post is vacant, `Some(None)` when the date is not known), `readiness` that of each
/// candidate (`None` where it cannot be told yet).
pub fn pipeline_flags(
    holder_retires: Option<Option<Date>>,
    readiness: &[Option<Readiness>],
    today: Date,
) -> Vec<PipelineFlag> {
    let mut flags = Vec::new();
    match holder_retires {
        None => flags.push(PipelineFlag::Kosong),
        Some(Some(retires)) if retires <= today.add_years(BUP_HORIZON_YEARS) => {
            flags.push(PipelineFlag::PejabatMendekatiBup);
        }
        Some(_) => {}
    }
    if !readiness.contains(&Some(Readiness::SiapSekarang)) {
        flags.push(PipelineFlag::TanpaPenggantiSiap);
    }
    if readiness.len() < 2 {
        flags.push(PipelineFlag::KurangDariDuaKandidat);
    }
    flags
}

/// Whether someone holding a post at `candidate` level is a candidate for a key post at
/// `post` level: the same rung (a rotation) or the rung below. For a managerial post the
/// fungsional keahlian count at their managerial equivalent, so an ahli madya is weighed for
/// a JPT pratama post beside the administrators; a fungsional post keeps its own ladder.
pub fn is_candidate_rung(candidate: PostLevel, post: PostLevel) -> bool {
    if post.jenis.is_managerial() {
        let (from, to) = (candidate.managerial_rung(), post.managerial_rung());
        from == to || from + 1 == to
    } else {
        candidate == post || candidate.is_next_up(post)
    }
}

/// How many candidates a side-by-side comparison shows at most.
pub const MAX_COMPARED: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::career::{Attained, Criterion, Required};

    fn check(outcome: CheckOutcome) -> Check {
        Check {
            criterion: Criterion::Golongan,
            required: Required::Named(String::new()),
            attained: Attained::NotOnRecord,
            outcome,
            years_to_close: None,
        }
    }

    fn date(text: &str) -> Date {
        Date::parse(text).expect("test input is valid")
    }

    fn inputs(checks: &[Check]) -> MatchInputs<'_> {
        MatchInputs {
            checks,
            jpm: None,
            field: None,
            same_opd: None,
            talent: None,
        }
    }

    #[test]
    fn the_score_weighs_checks_jpm_field_experience_and_talent() {
        let checks = [
            check(CheckOutcome::Pass),
            check(CheckOutcome::Pass),
            check(CheckOutcome::Pass),
            check(CheckOutcome::Fail),
        ];
        let m = match_score(&MatchInputs {
            jpm: Some(90.0),
            field: Some(FieldMatch::Education),
            same_opd: Some(false),
            talent: Some((80.0, 70.0)),
            ..inputs(&checks)
        });
        // 0.3 × 75 + 0.3 × 90 + 0.15 × 60 + 0.1 × 0 + 0.15 × 75 = 22.5 + 27 + 9 + 0 + 11.25
        assert_eq!(m.score, Some(69.8));
        assert!(m.missing.is_empty());
        assert_eq!(m.parts.len(), 5);
    }

    #[test]
    fn the_post_s_field_and_opd_separate_equal_candidates() {
        let checks = [check(CheckOutcome::Pass)];
        let base = MatchInputs {
            jpm: Some(80.0),
            talent: Some((80.0, 80.0)),
            ..inputs(&checks)
        };
        let insider = match_score(&MatchInputs {
            field: field_match(Some("Kesehatan"), Some("Kesehatan Masyarakat"), None),
            same_opd: Some(true),
            ..base
        });
        let outsider = match_score(&MatchInputs {
            field: field_match(Some("Kesehatan"), Some("Pendidikan"), Some("Pendidikan")),
            same_opd: Some(false),
            ..base
        });
        assert!(insider.score > outsider.score, "{insider:?} {outsider:?}");
        assert_eq!(
            field_match(Some("Kesehatan"), Some("Pendidikan"), Some("kesehatan")),
            Some(FieldMatch::Education)
        );
        assert_eq!(field_match(None, Some("Kesehatan"), None), None);
        assert_eq!(
            field_match(Some("Kesehatan"), None, None),
            Some(FieldMatch::Different)
        );
    }

    #[test]
    fn an_unknown_check_does_not_count_as_passed() {
        let checks = [check(CheckOutcome::Pass), check(CheckOutcome::Unknown)];
        let m = match_score(&MatchInputs {
            jpm: Some(100.0),
            talent: Some((100.0, 100.0)),
            ..inputs(&checks)
        });
        // 50 × 30/75 + 100 × 30/75 + 100 × 15/75
        assert_eq!(m.score, Some(80.0));
    }

    #[test]
    fn a_missing_part_is_left_out_not_counted_as_zero() {
        let checks = [check(CheckOutcome::Pass)];
        let m = match_score(&MatchInputs {
            talent: Some((60.0, 60.0)),
            ..inputs(&checks)
        });
        // 100 × 30/45 + 60 × 15/45
        assert_eq!(m.score, Some(86.7));
        assert_eq!(
            m.missing,
            vec![MatchPart::Jpm, MatchPart::Bidang, MatchPart::Pengalaman]
        );
        let weights: f64 = m.parts.iter().map(|(_, _, w)| w).sum();
        assert!((weights - 100.0).abs() < 1e-9);
        let nothing = match_score(&inputs(&[]));
        assert_eq!(nothing.score, None);
        assert_eq!(nothing.missing.len(), 5);
    }

    #[test]
    fn candidates_rank_by_score_then_readiness_then_name() {
        let mut list = [
            (Some(Readiness::SiapSatuSampaiDuaTahun), Some(95.0), "Ani"),
            (Some(Readiness::SiapSekarang), Some(70.0), "Budi"),
            (None, Some(100.0), "Fajar"),
            (Some(Readiness::SiapSekarang), None, "Cici"),
            (Some(Readiness::SiapSekarang), Some(88.0), "Dedi"),
            (Some(Readiness::SiapLebihDariDuaTahun), Some(99.0), "Eka"),
            (Some(Readiness::SiapSekarang), Some(88.0), "Ayu"),
            (Some(Readiness::SiapSatuSampaiDuaTahun), Some(88.0), "Gita"),
        ];
        list.sort_by(|a, b| rank_order(*a, *b));
        let names: Vec<&str> = list.iter().map(|c| c.2).collect();
        assert_eq!(
            names,
            ["Fajar", "Eka", "Ani", "Ayu", "Dedi", "Gita", "Budi", "Cici"]
        );
    }

    #[test]
    fn candidates_come_from_the_same_rung_or_the_one_below() {
        use crate::domain::jabatan::{JenisJabatan::*, JenjangFungsional::*};
        let level = |jenis, jenjang| PostLevel { jenis, jenjang };
        let administrator = level(Administrator, None);
        let jpt = level(JptPratama, None);
        assert!(is_candidate_rung(level(Pengawas, None), administrator));
        assert!(is_candidate_rung(administrator, administrator));
        assert!(is_candidate_rung(
            level(Fungsional, Some(AhliMuda)),
            administrator
        ));
        assert!(is_candidate_rung(
            level(Fungsional, Some(AhliMadya)),
            administrator
        ));
        assert!(is_candidate_rung(level(Fungsional, Some(AhliMadya)), jpt));
        assert!(!is_candidate_rung(level(Fungsional, Some(AhliMuda)), jpt));
        assert!(!is_candidate_rung(level(Pengawas, None), jpt));
        assert!(!is_candidate_rung(level(Pelaksana, None), administrator));
        assert!(!is_candidate_rung(
            level(Fungsional, Some(Penyelia)),
            administrator
        ));
        assert!(!is_candidate_rung(jpt, administrator));
        // A fungsional post keeps its own ladder: no pengawas becomes an ahli madya.
        let madya = level(Fungsional, Some(AhliMadya));
        assert!(is_candidate_rung(level(Fungsional, Some(AhliMuda)), madya));
        assert!(!is_candidate_rung(level(Pengawas, None), madya));
        assert!(!is_candidate_rung(administrator, madya));
    }

    #[test]
    fn flags_mark_vacancy_retirement_and_a_thin_pipeline() {
        let today = date("2026-11-23");
        assert_eq!(
            pipeline_flags(None, &[], today),
            vec![
                PipelineFlag::Kosong,
                PipelineFlag::TanpaPenggantiSiap,
                PipelineFlag::KurangDariDuaKandidat
            ]
        );
        let healthy = [
            Some(Readiness::SiapSekarang),
            Some(Readiness::SiapLebihDariDuaTahun),
        ];
        assert!(pipeline_flags(Some(Some(date("2030-01-01"))), &healthy, today).is_empty());
        assert!(pipeline_flags(Some(None), &healthy, today).is_empty());
        // Two years to the day is within the horizon; a day later is not.
        assert_eq!(
            pipeline_flags(Some(Some(date("2028-11-23"))), &healthy, today),
            vec![PipelineFlag::PejabatMendekatiBup]
        );
        assert!(pipeline_flags(Some(Some(date("2028-11-24"))), &healthy, today).is_empty());
        assert_eq!(
            pipeline_flags(
                Some(None),
                &[Some(Readiness::SiapSatuSampaiDuaTahun), None],
                today
            ),
            vec![PipelineFlag::TanpaPenggantiSiap]
        );
        assert_eq!(
            pipeline_flags(Some(None), &[Some(Readiness::SiapSekarang)], today),
            vec![PipelineFlag::KurangDariDuaKandidat]
        );
    }
}
