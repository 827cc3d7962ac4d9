//! The individual development plan (IDP, rencana pengembangan individu, domain.md §5): what
//! it starts with, what a complete activity is, and who moves it from one status to the next.
//!
//! The employee drafts the plan and submits it; their atasan approves it or returns it with a
//! comment; a returned plan is edited and submitted again. Once approved, only the evidence of
//! each activity can still be added.

use super::calendar::Date;
use super::kompetensi::Kompetensi;
use super::nine_box::{Kotak, Recommendation};
use super::scoring::Component;
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdpStatus {
    Draf,
    Diajukan,
    Disetujui,
    Dikembalikan,
}

impl IdpStatus {
    pub const ALL: [IdpStatus; 4] = [
        IdpStatus::Draf,
        IdpStatus::Diajukan,
        IdpStatus::Disetujui,
        IdpStatus::Dikembalikan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            IdpStatus::Draf => "draf",
            IdpStatus::Diajukan => "diajukan",
            IdpStatus::Disetujui => "disetujui",
            IdpStatus::Dikembalikan => "dikembalikan",
        }
    }

    pub fn from_code(code: &str) -> Option<IdpStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            IdpStatus::Draf => "Draf",
            IdpStatus::Diajukan => "Menunggu persetujuan atasan",
            IdpStatus::Disetujui => "Disetujui atasan",
            IdpStatus::Dikembalikan => "Dikembalikan untuk diperbaiki",
        }
    }

    /// Whether the employee may change the goals and activities.
    pub fn editable(self) -> bool {
        matches!(self, IdpStatus::Draf | IdpStatus::Dikembalikan)
    }

    /// Whether evidence links may be added: while drafting, and while carrying out an
    /// approved plan.
    pub fn accepts_evidence(self) -> bool {
        self != IdpStatus::Diajukan
    }
}

/// A development method (domain.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    Pelatihan,
    Coaching,
    Mentoring,
    ELearning,
    Penugasan,
    TugasBelajar,
}

impl Method {
    pub const ALL: [Method; 6] = [
        Method::Pelatihan,
        Method::Coaching,
        Method::Mentoring,
        Method::ELearning,
        Method::Penugasan,
        Method::TugasBelajar,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Method::Pelatihan => "pelatihan",
            Method::Coaching => "coaching",
            Method::Mentoring => "mentoring",
            Method::ELearning => "e_learning",
            Method::Penugasan => "penugasan",
            Method::TugasBelajar => "tugas_belajar",
        }
    }

    pub fn from_code(code: &str) -> Option<Method> {
        Self::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Method::Pelatihan => "Pelatihan",
            Method::Coaching => "Coaching",
            Method::Mentoring => "Mentoring",
            Method::ELearning => "E-learning",
            Method::Penugasan => "Penugasan",
            Method::TugasBelajar => "Tugas belajar",
        }
    }

    /// Methods measured in JP, which then count towards the 20 JP a year.
    pub fn needs_jp(self) -> bool {
        matches!(self, Method::Pelatihan | Method::ELearning)
    }
}

/// Where a goal of the plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// A competency below the standard of the person's post.
    Gap {
        kompetensi: Kompetensi,
        attained: u8,
        required: u8,
    },
    /// A recommendation of the person's kotak.
    Recommendation(Recommendation),
    /// Added by the person.
    Own,
}

/// A goal proposed when a plan is started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedGoal {
    pub origin: Origin,
    pub goal: String,
    /// The scoring component the goal works on, for "what moves me up".
    pub component: Option<Component>,
    pub method: Option<Method>,
}

/// What a recommendation asks the person to develop, when it is something they can plan.
fn development_goal(r: Recommendation) -> Option<(&'static str, Component, Method)> {
    match r {
        Recommendation::CompetencyDevelopment => Some((
            "Memenuhi pengembangan kompetensi minimal 20 JP tahun ini",
            Component::PengembanganKompetensi,
            Method::Pelatihan,
        )),
        Recommendation::PerformanceGuidance => Some((
            "Meningkatkan capaian SKP melalui bimbingan kinerja bersama atasan",
            Component::KinerjaUtama,
            Method::Coaching,
        )),
        Recommendation::PerformanceCounselling => Some((
            "Konseling kinerja untuk mengatasi hambatan capaian SKP",
            Component::KinerjaUtama,
            Method::Mentoring,
        )),
        Recommendation::Rotation
        | Recommendation::JobEnrichment
        | Recommendation::JobEnlargement => Some((
            "Memperluas pengalaman jabatan melalui penugasan atau rotasi",
            Component::PengalamanJabatan,
            Method::Penugasan,
        )),
        Recommendation::StudyAssignment => Some((
            "Melanjutkan pendidikan melalui tugas belajar",
            Component::Pendidikan,
            Method::TugasBelajar,
        )),
        _ => None,
    }
}

/// The goals a new plan starts with: every competency gap (largest first, then in the order
/// of the standard), then what the kotak recommends that can be planned, each once.
pub fn proposed_goals(gaps: &[(Kompetensi, u8, u8)], kotak: Option<Kotak>) -> Vec<ProposedGoal> {
    let mut open: Vec<&(Kompetensi, u8, u8)> = gaps.iter().filter(|(_, a, r)| a < r).collect();
    open.sort_by_key(|(k, attained, required)| (std::cmp::Reverse(required - attained), *k));
    let mut goals: Vec<ProposedGoal> = open
        .into_iter()
        .map(|&(kompetensi, attained, required)| ProposedGoal {
            origin: Origin::Gap {
                kompetensi,
                attained,
                required,
            },
            goal: format!(
                "Meningkatkan kompetensi {} dari level {attained} ke level {required}",
                kompetensi.label().to_lowercase()
            ),
            component: Some(Component::PenilaianKompetensi),
            method: None,
        })
        .collect();
    for r in kotak.map(Kotak::recommendations).unwrap_or_default() {
        if let Some((goal, component, method)) = development_goal(*r) {
            if goals.iter().all(|g| g.goal != goal) {
                goals.push(ProposedGoal {
                    origin: Origin::Recommendation(*r),
                    goal: goal.to_owned(),
                    component: Some(component),
                    method: Some(method),
                });
            }
        }
    }
    goals
}

/// An activity as the employee enters it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityInput {
    pub method: String,
    pub jp: String,
    pub target_date: String,
    pub evidence_url: String,
}

/// An activity that passed the checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub method: Method,
    pub jp: Option<f64>,
    pub target_date: Date,
    pub evidence_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum IdpError {
    #[error("Pilih metode pengembangan.")]
    NoMethod,
    #[error("Isi JP (jam pelajaran) untuk pelatihan dan e-learning, antara 1 dan 1000.")]
    JpRequired,
    #[error("JP harus berupa angka antara 1 dan 1000.")]
    JpOutOfRange,
    #[error("Tanggal target harus berupa tanggal yang sah (TTTT-BB-HH).")]
    BadDate,
    #[error("Tanggal target tidak boleh sebelum hari ini ({0}).")]
    DateInPast(Date),
    #[error("Tanggal target paling lambat lima tahun dari hari ini.")]
    DateTooFar,
    #[error(
        "Tautan bukti harus dimulai dengan https:// atau http:// dan paling panjang 500 karakter."
    )]
    BadEvidence,
    #[error("Tuliskan sasaran pengembangan (5-300 karakter).")]
    BadGoal,
    #[error("IDP dengan status \"{}\" tidak dapat diubah.", .0.label())]
    Locked(IdpStatus),
    #[error("IDP belum dapat diajukan: tambahkan paling sedikit satu sasaran pengembangan.")]
    NoGoals,
    /// The goals without a method or target date.
    #[error("IDP belum dapat diajukan: lengkapi metode dan tanggal target untuk: {}.", .0.join("; "))]
    Unplanned(Vec<String>),
    #[error("IDP hanya dapat diputuskan ketika sedang diajukan.")]
    NotSubmitted,
    #[error("Tuliskan alasan pengembalian agar pegawai tahu apa yang harus diperbaiki.")]
    CommentRequired,
    #[error("Komentar paling panjang 1000 karakter.")]
    CommentTooLong,
}

/// An evidence link: empty for none, otherwise an http(s) address.
pub fn evidence_url(input: &str) -> Result<Option<String>, IdpError> {
    let url = input.trim();
    if url.is_empty() {
        return Ok(None);
    }
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    let has_host = url
        .split_once("://")
        .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
    if scheme_ok && has_host && url.len() <= 500 && !url.chars().any(char::is_whitespace) {
        Ok(Some(url.to_owned()))
    } else {
        Err(IdpError::BadEvidence)
    }
}

/// A goal's text, trimmed.
pub fn goal_text(input: &str) -> Result<String, IdpError> {
    let goal = input.trim();
    if (5..=300).contains(&goal.chars().count()) {
        Ok(goal.to_owned())
    } else {
        Err(IdpError::BadGoal)
    }
}

impl ActivityInput {
    /// Checks the activity against `today`: a known method, JP where the method counts
    /// hours, a target date from today up to five years ahead, an http(s) evidence link.
    pub fn validate(&self, today: Date) -> Result<Activity, IdpError> {
        let method = Method::from_code(self.method.trim()).ok_or(IdpError::NoMethod)?;
        let jp = match self.jp.trim() {
            "" => None,
            text => {
                let jp = crate::format::parse_decimal(text).ok_or(IdpError::JpOutOfRange)?;
                if !(1.0..=1000.0).contains(&jp) {
                    return Err(IdpError::JpOutOfRange);
                }
                Some(jp)
            }
        };
        if method.needs_jp() && jp.is_none() {
            return Err(IdpError::JpRequired);
        }
        let target_date = Date::parse(self.target_date.trim()).ok_or(IdpError::BadDate)?;
        if target_date < today {
            return Err(IdpError::DateInPast(today));
        }
        if target_date > today.add_years(5) {
            return Err(IdpError::DateTooFar);
        }
        Ok(Activity {
            method,
            jp,
            target_date,
            evidence_url: evidence_url(&self.evidence_url)?,
        })
    }
}

/// A goal of a stored plan, as far as submitting it is concerned.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalState<'a> {
    pub goal: &'a str,
    pub planned: bool,
}

/// Submitting: from draft or returned, with at least one goal, each with an activity.
pub fn submit(status: IdpStatus, goals: &[GoalState<'_>]) -> Result<IdpStatus, IdpError> {
    if !status.editable() {
        return Err(IdpError::Locked(status));
    }
    if goals.is_empty() {
        return Err(IdpError::NoGoals);
    }
    let unplanned: Vec<String> = goals
        .iter()
        .filter(|g| !g.planned)
        .map(|g| g.goal.to_owned())
        .collect();
    if !unplanned.is_empty() {
        return Err(IdpError::Unplanned(unplanned));
    }
    Ok(IdpStatus::Diajukan)
}

/// The atasan's decision on a submitted plan. Returning needs a comment; approving may carry
/// one. Gives the new status and the comment to store.
pub fn decide(
    status: IdpStatus,
    approve: bool,
    comment: &str,
) -> Result<(IdpStatus, Option<String>), IdpError> {
    if status != IdpStatus::Diajukan {
        return Err(IdpError::NotSubmitted);
    }
    let comment = comment.trim();
    if comment.chars().count() > 1000 {
        return Err(IdpError::CommentTooLong);
    }
    let comment = (!comment.is_empty()).then(|| comment.to_owned());
    if approve {
        Ok((IdpStatus::Disetujui, comment))
    } else {
        comment
            .map(|c| (IdpStatus::Dikembalikan, Some(c)))
            .ok_or(IdpError::CommentRequired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-23").expect("date")
    }

    fn input(method: &str, jp: &str, date: &str, evidence: &str) -> ActivityInput {
        ActivityInput {
            method: method.into(),
            jp: jp.into(),
            target_date: date.into(),
            evidence_url: evidence.into(),
        }
    }

    #[test]
    fn status_codes_round_trip_and_only_draft_and_returned_are_editable() {
        for s in IdpStatus::ALL {
            assert_eq!(IdpStatus::from_code(s.code()), Some(s));
        }
        assert!(IdpStatus::Draf.editable());
        assert!(IdpStatus::Dikembalikan.editable());
        assert!(!IdpStatus::Diajukan.editable());
        assert!(!IdpStatus::Disetujui.editable());
        assert!(IdpStatus::Disetujui.accepts_evidence());
        assert!(!IdpStatus::Diajukan.accepts_evidence());
        for m in Method::ALL {
            assert_eq!(Method::from_code(m.code()), Some(m));
        }
    }

    #[test]
    fn a_new_plan_starts_with_the_gaps_largest_first_then_the_kotak_recommendations() {
        let goals = proposed_goals(
            &[
                (Kompetensi::Komunikasi, 2, 3),
                (Kompetensi::Integritas, 4, 4),
                (Kompetensi::PengambilanKeputusan, 2, 4),
                (Kompetensi::KerjaSama, 3, 2),
            ],
            Kotak::from_number(5),
        );
        let origins: Vec<Origin> = goals.iter().map(|g| g.origin).collect();
        assert_eq!(
            origins,
            vec![
                Origin::Gap {
                    kompetensi: Kompetensi::PengambilanKeputusan,
                    attained: 2,
                    required: 4
                },
                Origin::Gap {
                    kompetensi: Kompetensi::Komunikasi,
                    attained: 2,
                    required: 3
                },
                Origin::Recommendation(Recommendation::PerformanceGuidance),
                Origin::Recommendation(Recommendation::CompetencyDevelopment),
            ]
        );
        assert_eq!(
            goals[0].goal,
            "Meningkatkan kompetensi pengambilan keputusan dari level 2 ke level 4"
        );
        assert_eq!(goals[0].component, Some(Component::PenilaianKompetensi));
        assert_eq!(goals[3].method, Some(Method::Pelatihan));
    }

    #[test]
    fn rotation_like_recommendations_give_one_goal_and_kotak_nine_gives_none() {
        let seven = proposed_goals(&[], Kotak::from_number(7));
        let experience = seven
            .iter()
            .filter(|g| g.component == Some(Component::PengalamanJabatan))
            .count();
        assert_eq!(experience, 1);
        assert!(seven
            .iter()
            .any(|g| g.origin == Origin::Recommendation(Recommendation::StudyAssignment)));
        assert!(proposed_goals(&[], Kotak::from_number(9)).is_empty());
        assert!(proposed_goals(&[], None).is_empty());
    }

    #[test]
    fn an_activity_needs_a_method_a_date_ahead_and_jp_for_training() {
        let ok = input(
            "pelatihan",
            "24",
            "2027-03-31",
            "https://lms.example.go.id/s/1",
        )
        .validate(today())
        .expect("valid");
        assert_eq!(ok.method, Method::Pelatihan);
        assert_eq!(ok.jp, Some(24.0));
        assert_eq!(
            ok.evidence_url.as_deref(),
            Some("https://lms.example.go.id/s/1")
        );
        let coaching = input("coaching", "", "2026-11-23", "")
            .validate(today())
            .expect("today is allowed");
        assert_eq!(coaching.jp, None);
        let error = |i: ActivityInput| i.validate(today()).expect_err("refused");
        assert_eq!(error(input("", "", "2027-01-01", "")), IdpError::NoMethod);
        assert_eq!(
            error(input("pelatihan", "", "2027-01-01", "")),
            IdpError::JpRequired
        );
        assert_eq!(
            error(input("e_learning", "0", "2027-01-01", "")),
            IdpError::JpOutOfRange
        );
        assert_eq!(
            error(input("e_learning", "dua", "2027-01-01", "")),
            IdpError::JpOutOfRange
        );
        assert_eq!(
            error(input("coaching", "", "2027-02-30", "")),
            IdpError::BadDate
        );
        assert_eq!(
            error(input("coaching", "", "2026-11-22", "")),
            IdpError::DateInPast(today())
        );
        assert_eq!(
            error(input("coaching", "", "2031-11-24", "")),
            IdpError::DateTooFar
        );
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "https://",
            "https:///x",
            "https://a b",
        ] {
            assert_eq!(
                error(input("coaching", "", "2027-01-01", bad)),
                IdpError::BadEvidence,
                "{bad}"
            );
        }
    }

    #[test]
    fn the_error_messages_are_in_bahasa_indonesia() {
        assert_eq!(
            IdpError::Locked(IdpStatus::Diajukan).to_string(),
            "IDP dengan status \"Menunggu persetujuan atasan\" tidak dapat diubah."
        );
        assert_eq!(goal_text("  abc "), Err(IdpError::BadGoal));
        assert_eq!(goal_text(" Belajar SQL ").as_deref(), Ok("Belajar SQL"));
    }

    #[test]
    fn submitting_needs_every_goal_planned() {
        let planned = GoalState {
            goal: "A",
            planned: true,
        };
        let open = GoalState {
            goal: "Kompetensi komunikasi",
            planned: false,
        };
        assert_eq!(
            submit(IdpStatus::Draf, std::slice::from_ref(&planned)),
            Ok(IdpStatus::Diajukan)
        );
        assert_eq!(
            submit(IdpStatus::Dikembalikan, std::slice::from_ref(&planned)),
            Ok(IdpStatus::Diajukan)
        );
        assert_eq!(submit(IdpStatus::Draf, &[]), Err(IdpError::NoGoals));
        let blocked = submit(IdpStatus::Draf, &[planned.clone(), open]);
        let Err(IdpError::Unplanned(goals)) = &blocked else {
            panic!("an unplanned goal must block the submission");
        };
        assert_eq!(goals.len(), 1);
        assert!(blocked
            .expect_err("blocked")
            .to_string()
            .contains("Kompetensi komunikasi"));
        assert_eq!(
            submit(IdpStatus::Diajukan, std::slice::from_ref(&planned)),
            Err(IdpError::Locked(IdpStatus::Diajukan))
        );
        assert_eq!(
            submit(IdpStatus::Disetujui, &[planned]),
            Err(IdpError::Locked(IdpStatus::Disetujui))
        );
    }

    #[test]
    fn the_atasan_approves_or_returns_with_a_comment() {
        assert_eq!(
            decide(IdpStatus::Diajukan, true, "  "),
            Ok((IdpStatus::Disetujui, None))
        );
        assert_eq!(
            decide(IdpStatus::Diajukan, true, "Bagus"),
            Ok((IdpStatus::Disetujui, Some("Bagus".into())))
        );
        assert_eq!(
            decide(IdpStatus::Diajukan, false, ""),
            Err(IdpError::CommentRequired)
        );
        assert_eq!(
            decide(IdpStatus::Diajukan, false, "Tambah JP"),
            Ok((IdpStatus::Dikembalikan, Some("Tambah JP".into())))
        );
        for status in [
            IdpStatus::Draf,
            IdpStatus::Disetujui,
            IdpStatus::Dikembalikan,
        ] {
            assert_eq!(decide(status, true, ""), Err(IdpError::NotSubmitted));
        }
        assert_eq!(
            decide(IdpStatus::Diajukan, true, &"x".repeat(1001)),
            Err(IdpError::CommentTooLong)
        );
    }
}
