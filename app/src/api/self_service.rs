//! What the self-service pages (`/saya`, and the atasan's and BKPSDM's side of them) show,
//! as it travels from the server functions to the browser.

use crate::api::talent::PlacementView;
use crate::domain::advancement::Advancement;
use crate::domain::career::{Check, Readiness};
use crate::domain::correction::{Field, GroupState, RequestStatus};
use crate::domain::idp::{IdpStatus, Method, ThreadKind};
use crate::domain::jpm::{MappingCategory, SelectionCategory};
use crate::domain::kompetensi::Kompetensi;
use crate::domain::nine_box::Recommendation;
use crate::domain::placement_note::{Note, Stored};
use crate::domain::scoring::Component;
use serde::{Deserialize, Serialize};

/// One component of a placement as the person sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComponentLine {
    pub component: Component,
    /// 0-100; `None` when the input is missing.
    pub score: Option<f64>,
    /// Percent of its axis.
    pub weight: f64,
    /// The table the value came from (`skp`, `asesmen`, `riwayat_pelatihan`, …) and the
    /// records of it that were read.
    pub source_table: String,
    pub record_ids: Vec<i64>,
    /// What the records say, or why there are none.
    pub note: Stored<Note>,
}

/// The parameter version a placement was computed under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RulesVersion {
    pub name: String,
    pub version: i64,
    pub high: f64,
    pub middle: f64,
    pub jp_target: f64,
}

/// My kotak for the latest period, explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KotakExplanation {
    pub name: String,
    pub nip: String,
    pub latest: Option<PlacementView>,
    pub rules: Option<RulesVersion>,
    pub computed_at: Option<String>,
    pub components: Vec<ComponentLine>,
    pub recommendations: Vec<Recommendation>,
    /// Per axis: the next threshold and what could close the gap (placed people only).
    pub advancement: Option<Advancement>,
    /// Every period, newest first.
    pub history: Vec<PlacementView>,
    /// IDP goals of this year per component they work on: (component, goal id).
    pub idp_goals: Vec<(Component, i64)>,
}

/// A goal of an IDP with its activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdpGoal {
    pub id: i64,
    /// Where the goal came from, as stored: `kesenjangan` (a competency gap), `rekomendasi`
    /// (the kotak's recommendation) or the person's own.
    pub origin: String,
    /// As stored, in Bahasa Indonesia; pages show it in the reader's language
    /// (`i18n::terms::idp_goal`).
    pub goal: String,
    /// For a gap: the competency, the level attained and the level required.
    pub gap: Option<(Kompetensi, u8, u8)>,
    pub component: Option<Component>,
    pub method: Option<Method>,
    pub jp: Option<f64>,
    pub target_date: Option<String>,
    pub evidence_url: Option<String>,
}

/// One person's IDP for a year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdpView {
    pub nip: String,
    pub name: String,
    pub year: i32,
    pub status: IdpStatus,
    /// Every submission, decision and revision with its text, oldest first.
    pub thread: Vec<ThreadEntry>,
    pub goals: Vec<IdpGoal>,
}

/// One step of an IDP's conversation: who (by name), when (UTC), what, and what they wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadEntry {
    pub at: String,
    pub author: String,
    pub kind: ThreadKind,
    /// Empty when nothing was written.
    pub text: String,
}

/// The IDP page: this year's plan, if started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyIdp {
    pub year: i32,
    pub plan: Option<IdpView>,
}

/// A team member's plan waiting for the atasan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingIdp {
    pub nip: String,
    pub name: String,
    pub year: i32,
    pub submitted_at: Option<String>,
    pub goals: i64,
}

/// A post one can aim for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostOption {
    pub code: String,
    pub name: String,
    pub unit: Option<String>,
    /// One level up in the person's field.
    pub suggested: bool,
    pub kritikal: bool,
}

/// One competency of the target post's standard against the latest assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapRow {
    /// The competency's name as stored (a technical competency's own name).
    pub kompetensi: String,
    /// The managerial or socio-cultural competency it is, when it is one: named in the
    /// reader's language.
    pub known: Option<Kompetensi>,
    pub required: u8,
    pub attained: Option<u8>,
}

/// The career-path page for a chosen post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetAssessment {
    pub post: PostOption,
    /// Whether BKPSDM set this post's requirements (otherwise the defaults of its kind).
    pub requirements_set: bool,
    pub checks: Vec<Check>,
    pub readiness: Option<Readiness>,
    pub gaps: Vec<GapRow>,
    /// JPM against the post's standard, with its mapping and selection categories.
    pub jpm: Option<(f64, MappingCategory, SelectionCategory)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CareerPath {
    pub current_post: Option<String>,
    pub options: Vec<PostOption>,
    pub target: Option<TargetAssessment>,
}

/// A training record counted towards the 20 JP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingLine {
    pub name: String,
    pub organiser: Option<String>,
    pub start: String,
    pub jp: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingProgress {
    pub year: i32,
    pub target: f64,
    pub attained: f64,
    pub trainings: Vec<TrainingLine>,
    /// JP per earlier year, newest first.
    pub earlier: Vec<(i32, f64)>,
}

/// A correction request, for the person and for BKPSDM.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectionView {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub field: Field,
    pub current_value: String,
    pub proposed: String,
    pub explanation: String,
    pub evidence_url: String,
    pub status: RequestStatus,
    pub requested_at: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    pub decision_reason: Option<String>,
}

/// The "data saya" page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyData {
    pub groups: Vec<GroupState>,
    /// The values a correction can change, as on record: (field, value in words).
    pub current: Vec<(Field, String)>,
    pub requests: Vec<CorrectionView>,
}
