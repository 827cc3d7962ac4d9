//! Succession for key posts (jabatan kritikal and target; domain.md §5): how well a candidate
//! from the talent pool matches a post, the order candidates are ranked in, and the flags
//! that mark a post's pipeline as at risk.
//!
//! The match score is an explained number, 0-100: the share of the post's eligibility
//! checks passed (weight 40), the JPM against the post's competency standard (40) and the
//! mean of the candidate's kinerja and potensial scores (20). A part that is not on record
//! is not counted as zero: it is left out, the remaining weights are scaled up, and the part
//! is listed as missing.

use super::calendar::Date;
use super::career::{Check, CheckOutcome, PostLevel, Readiness};
use serde::{Deserialize, Serialize};

pub const WEIGHT_CHECKS: f64 = 40.0;
pub const WEIGHT_JPM: f64 = 40.0;
pub const WEIGHT_TALENT: f64 = 20.0;

/// A part of the match score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MatchPart {
    Syarat,
    Jpm,
    Talenta,
}

impl MatchPart {
    pub fn label(self) -> &'static str {
        match self {
            MatchPart::Syarat => "syarat jabatan terpenuhi",
            MatchPart::Jpm => "JPM terhadap standar jabatan",
            MatchPart::Talenta => "rata-rata skor kinerja dan potensial",
        }
    }
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

/// The match score of a candidate: `checks` are the post's eligibility checks, `jpm` the
/// percentage against the post's standard, `talent` the (kinerja, potensial) scores.
pub fn match_score(checks: &[Check], jpm: Option<f64>, talent: Option<(f64, f64)>) -> MatchScore {
    let checks_share = (!checks.is_empty()).then(|| {
        let passed = checks
            .iter()
            .filter(|c| c.outcome == CheckOutcome::Pass)
            .count();
        passed as f64 * 100.0 / checks.len() as f64
    });
    let candidates = [
        (MatchPart::Syarat, checks_share, WEIGHT_CHECKS),
        (MatchPart::Jpm, jpm.map(|j| j.clamp(0.0, 100.0)), WEIGHT_JPM),
        (
            MatchPart::Talenta,
            talent.map(|(k, p)| ((k + p) / 2.0).clamp(0.0, 100.0)),
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

/// The ranking order: readiness first (siap sekarang before 1-2 tahun before later, and a
/// readiness that cannot be told yet last), then the higher match score (a candidate without
/// one last), then name for a stable order.
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
    urgency(a.0)
        .cmp(&urgency(b.0))
        .then_with(|| {
            b.1.unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.1.unwrap_or(f64::NEG_INFINITY))
        })
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

    #[test]
    fn the_score_weighs_checks_jpm_and_talent_40_40_20() {
        let checks = [
            check(CheckOutcome::Pass),
            check(CheckOutcome::Pass),
            check(CheckOutcome::Pass),
            check(CheckOutcome::Fail),
        ];
        let m = match_score(&checks, Some(90.0), Some((80.0, 70.0)));
        // 0.4 × 75 + 0.4 × 90 + 0.2 × 75 = 30 + 36 + 15
        assert_eq!(m.score, Some(81.0));
        assert!(m.missing.is_empty());
        assert_eq!(m.parts.len(), 3);
    }

    #[test]
    fn an_unknown_check_does_not_count_as_passed() {
        let m = match_score(
            &[check(CheckOutcome::Pass), check(CheckOutcome::Unknown)],
            Some(100.0),
            Some((100.0, 100.0)),
        );
        assert_eq!(m.score, Some(80.0));
    }

    #[test]
    fn a_missing_part_is_left_out_not_counted_as_zero() {
        let m = match_score(&[check(CheckOutcome::Pass)], None, Some((60.0, 60.0)));
        // 100 × 40/60 + 60 × 20/60
        assert_eq!(m.score, Some(86.7));
        assert_eq!(m.missing, vec![MatchPart::Jpm]);
        let weights: f64 = m.parts.iter().map(|(_, _, w)| w).sum();
        assert!((weights - 100.0).abs() < 1e-9);
        let nothing = match_score(&[], None, None);
        assert_eq!(nothing.score, None);
        assert_eq!(nothing.missing.len(), 3);
    }

    #[test]
    fn candidates_rank_by_readiness_then_score_then_name() {
        let mut list = [
            (Some(Readiness::SiapSatuSampaiDuaTahun), Some(95.0), "Ani"),
            (Some(Readiness::SiapSekarang), Some(70.0), "Budi"),
            (None, Some(100.0), "Fajar"),
            (Some(Readiness::SiapSekarang), None, "Cici"),
            (Some(Readiness::SiapSekarang), Some(88.0), "Dedi"),
            (Some(Readiness::SiapLebihDariDuaTahun), Some(99.0), "Eka"),
            (Some(Readiness::SiapSekarang), Some(88.0), "Ayu"),
        ];
        list.sort_by(|a, b| rank_order(*a, *b));
        let names: Vec<&str> = list.iter().map(|c| c.2).collect();
        assert_eq!(
            names,
            ["Ayu", "Dedi", "Budi", "Cici", "Ani", "Eka", "Fajar"]
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
