//! The individual development plan (IDP, rencana pengembangan individu, domain.md §5): what
//! it starts with, what a complete activity is, and who moves it from one status to the next.
//!
//! The employee drafts the plan and submits it (with a note, if they like); their atasan
//! approves it (with a comment, if they like) or returns it with a reason; a returned plan is
//! edited and submitted again. Once approved, only the evidence of each activity can still be
//! added, unless the employee opens a revision, with a reason: the plan is a draft again and
//! goes back to the atasan. Every step with its text is one entry of the plan's thread.

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

/// The least a reason for returning or revising a plan holds, as for a calibration.
pub const MIN_REASON_CHARS: usize = 20;
/// The most a note, comment or reason of the thread holds.
pub const MAX_NOTE_CHARS: usize = 1000;

/// A step of a plan's conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ThreadKind {
    /// Submitted to the atasan, with the employee's note if any.
    Ajukan,
    /// Approved, with the atasan's comment if any.
    Setujui,
    /// Returned, with the atasan's reason.
    Kembalikan,
    /// An approved plan reopened by the employee, with their reason.
    Revisi,
}

impl ThreadKind {
    pub const ALL: [ThreadKind; 4] = [
        ThreadKind::Ajukan,
        ThreadKind::Setujui,
        ThreadKind::Kembalikan,
        ThreadKind::Revisi,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ThreadKind::Ajukan => "ajukan",
            ThreadKind::Setujui => "setujui",
            ThreadKind::Kembalikan => "kembalikan",
            ThreadKind::Revisi => "revisi",
        }
    }

    pub fn from_code(code: &str) -> Option<ThreadKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
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
pub fn development_goal(r: Recommendation) -> Option<(&'static str, Component, Method)> {
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
    let mut goals = gap_goals(gaps, &[]);
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

/// A goal for each competency below its required level (largest gap first, then in the
/// order of the standard), except where `planned` already holds a goal for that competency
/// up to that level or higher: a target post's gaps join a plan without repeating it.
pub fn gap_goals(gaps: &[(Kompetensi, u8, u8)], planned: &[(Kompetensi, u8)]) -> Vec<ProposedGoal> {
    let mut open: Vec<&(Kompetensi, u8, u8)> = gaps
        .iter()
        .filter(|(k, attained, required)| {
            attained < required && !planned.iter().any(|(p, level)| p == k && level >= required)
        })
        .collect();
    open.sort_by_key(|(k, attained, required)| (std::cmp::Reverse(required - attained), *k));
    open.into_iter()
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
        .collect()
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
    #[error("Tuliskan alasan pengembalian, sekurang-kurangnya {MIN_REASON_CHARS} karakter, agar pegawai tahu apa yang harus diperbaiki.")]
    CommentRequired,
    #[error("Catatan atau komentar paling panjang {MAX_NOTE_CHARS} karakter.")]
    CommentTooLong,
    #[error("Hanya IDP yang sudah disetujui yang dapat direvisi.")]
    NotApproved,
    #[error("Tuliskan alasan revisi, sekurang-kurangnya {MIN_REASON_CHARS} karakter, agar atasan tahu apa yang berubah.")]
    RevisionReasonRequired,
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
/// A note, comment or reason as stored: trimmed, empty for none, refused when too long.
fn note(text: &str) -> Result<String, IdpError> {
    let text = text.trim();
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(IdpError::CommentTooLong);
    }
    Ok(text.to_owned())
}

/// Submits a plan whose every goal has its activity, with the employee's `note` (may be
/// empty). Gives the new status and the note to store.
pub fn submit(
    status: IdpStatus,
    goals: &[GoalState<'_>],
    note_text: &str,
) -> Result<(IdpStatus, String), IdpError> {
    if !status.editable() {
        return Err(IdpError::Locked(status));
    }
    let note_text = note(note_text)?;
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
    Ok((IdpStatus::Diajukan, note_text))
}

/// The atasan's decision on a submitted plan. Returning needs a reason of at least
/// [`MIN_REASON_CHARS`]; approving may carry a comment. Gives the new status, the thread
/// entry's kind and its text.
pub fn decide(
    status: IdpStatus,
    approve: bool,
    comment: &str,
) -> Result<(IdpStatus, ThreadKind, String), IdpError> {
    if status != IdpStatus::Diajukan {
        return Err(IdpError::NotSubmitted);
    }
    let comment = note(comment)?;
    if approve {
        Ok((IdpStatus::Disetujui, ThreadKind::Setujui, comment))
    } else if comment.chars().count() >= MIN_REASON_CHARS {
        Ok((IdpStatus::Dikembalikan, ThreadKind::Kembalikan, comment))
    } else {
        Err(IdpError::CommentRequired)
    }
}

/// The employee reopens an approved plan to add or change activities, with a reason of at
/// least [`MIN_REASON_CHARS`]: it is a draft again and goes back to the atasan once submitted.
pub fn revise(status: IdpStatus, reason: &str) -> Result<(IdpStatus, String), IdpError> {
    if status != IdpStatus::Disetujui {
        return Err(IdpError::NotApproved);
    }
    let reason = note(reason)?;
    if reason.chars().count() < MIN_REASON_CHARS {
        return Err(IdpError::RevisionReasonRequired);
    }
    Ok((IdpStatus::Draf, reason))
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
            submit(IdpStatus::Draf, std::slice::from_ref(&planned), ""),
            Ok((IdpStatus::Diajukan, String::new()))
        );
        assert_eq!(
            submit(
                IdpStatus::Dikembalikan,
                std::slice::from_ref(&planned),
                " JP pelatihan sudah saya tambahkan "
            ),
            Ok((
                IdpStatus::Diajukan,
                "JP pelatihan sudah saya tambahkan".to_owned()
            ))
        );
        assert_eq!(submit(IdpStatus::Draf, &[], ""), Err(IdpError::NoGoals));
        let blocked = submit(IdpStatus::Draf, &[planned.clone(), open], "");
        let Err(IdpError::Unplanned(goals)) = &blocked else {
            panic!("an unplanned goal must block the submission");
        };
        assert_eq!(goals.len(), 1);
        assert!(blocked
            .expect_err("blocked")
            .to_string()
            .contains("Kompetensi komunikasi"));
        assert_eq!(
            submit(IdpStatus::Diajukan, std::slice::from_ref(&planned), ""),
            Err(IdpError::Locked(IdpStatus::Diajukan))
        );
        assert_eq!(
            submit(IdpStatus::Disetujui, &[planned], ""),
            Err(IdpError::Locked(IdpStatus::Disetujui))
        );
    }

    #[test]
    fn the_atasan_approves_or_returns_with_a_reason_of_twenty_characters() {
        assert_eq!(
            decide(IdpStatus::Diajukan, true, "  "),
            Ok((IdpStatus::Disetujui, ThreadKind::Setujui, String::new()))
        );
        assert_eq!(
            decide(IdpStatus::Diajukan, true, "ok"),
            Ok((IdpStatus::Disetujui, ThreadKind::Setujui, "ok".into()))
        );
        assert_eq!(
            decide(IdpStatus::Diajukan, false, ""),
            Err(IdpError::CommentRequired)
        );
        // 19 characters are not a reason yet; 20 are.
        assert_eq!(
            decide(IdpStatus::Diajukan, false, "Tambah JP pelatihan"),
            Err(IdpError::CommentRequired)
        );
        assert_eq!(
            decide(IdpStatus::Diajukan, false, "Tambah JP pelatihan."),
            Ok((
                IdpStatus::Dikembalikan,
                ThreadKind::Kembalikan,
                "Tambah JP pelatihan.".into()
            ))
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

    #[test]
    fn only_an_approved_plan_is_revised_and_only_with_a_reason() {
        let reason = "Menambah pelatihan SPBE yang baru dibuka";
        assert_eq!(
            revise(IdpStatus::Disetujui, reason),
            Ok((IdpStatus::Draf, reason.to_owned()))
        );
        assert_eq!(
            revise(IdpStatus::Disetujui, "tambah"),
            Err(IdpError::RevisionReasonRequired)
        );
        for status in [
            IdpStatus::Draf,
            IdpStatus::Diajukan,
            IdpStatus::Dikembalikan,
        ] {
            assert_eq!(revise(status, reason), Err(IdpError::NotApproved));
        }
        for kind in ThreadKind::ALL {
            assert_eq!(ThreadKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn a_target_posts_gaps_join_the_plan_without_repeating_it() {
        let gaps = [
            (Kompetensi::Integritas, 2, 4),
            (Kompetensi::Komunikasi, 3, 4),
            (Kompetensi::KerjaSama, 4, 3),
        ];
        // Komunikasi is planned up to 4 already; Integritas only up to 3.
        let planned = [(Kompetensi::Komunikasi, 4), (Kompetensi::Integritas, 3)];
        let goals = gap_goals(&gaps, &planned);
        assert_eq!(goals.len(), 1);
        assert_eq!(
            goals[0].origin,
            Origin::Gap {
                kompetensi: Kompetensi::Integritas,
                attained: 2,
                required: 4
            }
        );
        assert_eq!(
            goals[0].goal,
            "Meningkatkan kompetensi integritas dari level 2 ke level 4"
        );
        assert_eq!(gap_goals(&gaps, &[]).len(), 2);
    }
}
