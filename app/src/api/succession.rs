//! Succession for the key posts of an instansi, as it travels from the server functions to
//! the browser: each post with its holder and pipeline flags, and for one post the ranked
//! candidates from the talent pool with their checks, match score and readiness.

use crate::domain::career::{Check, Readiness};
use crate::domain::succession::{MatchScore, PipelineFlag};
use serde::{Deserialize, Serialize};

/// Who holds a key post now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Holder {
    pub nip: String,
    pub name: String,
    /// The retirement date (BUP) for this post, when the birth date is known.
    pub retires_on: Option<String>,
}

/// A key post (jabatan kritikal or target) and the state of its pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyPost {
    pub code: String,
    pub name: String,
    pub unit: Option<String>,
    /// The kind of post, as a label ("Administrator").
    pub jenis: String,
    pub kritikal: bool,
    pub target: bool,
    pub holder: Option<Holder>,
    pub candidates: usize,
    pub ready_now: usize,
    pub flags: Vec<PipelineFlag>,
}

/// The key posts of the instansi, posts at risk first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuccessionOverview {
    pub instansi: String,
    pub slug: String,
    /// The period whose talent pool the candidates come from.
    pub period: Option<i32>,
    pub posts: Vec<KeyPost>,
}

/// A candidate for a key post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuccessionCandidate {
    pub nip: String,
    pub name: String,
    pub unit: Option<String>,
    pub jabatan: Option<String>,
    pub golongan: String,
    pub kotak: Option<u8>,
    pub kinerja: Option<f64>,
    pub potensial: Option<f64>,
    /// JPM against the post's standard, when every competency of it was assessed.
    pub jpm: Option<f64>,
    pub checks: Vec<Check>,
    /// `None` while a required fact is not on record.
    pub readiness: Option<Readiness>,
    pub score: MatchScore,
}

/// One key post with its ranked candidates and the chosen ones side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuccessionPlan {
    pub instansi: String,
    pub slug: String,
    pub period: Option<i32>,
    pub post: KeyPost,
    /// Whether BKPSDM set the post's requirements (otherwise the defaults of its kind).
    pub requirements_set: bool,
    pub candidates: Vec<SuccessionCandidate>,
    /// The NIPs chosen for the comparison, in the order chosen.
    pub compared: Vec<String>,
    /// How many more were chosen than a comparison shows (they are left out, and told).
    pub not_compared: usize,
}
