//! The talent pool (KRS) of an instansi, as it travels from the server functions to the
//! browser: the proposals of a period with where each stands, filtered like the talent map.

use crate::api::talent_map::{MapFilter, UnitOption};
use crate::domain::talent_pool::Tahap;
use serde::{Deserialize, Serialize};

/// What the pool page asks for: the map's filters, a stage, a search and a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PoolQuery {
    pub filter: MapFilter,
    /// A [`Tahap`] code; every stage when absent.
    pub tahap: Option<String>,
    /// Part of a name or NIP.
    pub cari: Option<String>,
    /// From 1.
    pub halaman: u32,
}

impl PoolQuery {
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> PoolQuery {
        let text = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        PoolQuery {
            filter: MapFilter::from_params(&get),
            tahap: text("tahap"),
            cari: text("cari"),
            halaman: text("halaman").and_then(|h| h.parse().ok()).unwrap_or(1),
        }
    }
}

pub const POOL_PAGE_SIZE: u32 = 50;

/// A person proposed for the pool, and where the proposal stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolMember {
    pub nip: String,
    pub name: String,
    pub unit: Option<String>,
    pub jabatan: Option<String>,
    pub golongan: String,
    /// The computed kotak and the komite's, if calibrated.
    pub kotak: Option<u8>,
    pub calibrated_kotak: Option<u8>,
    pub tahap: Tahap,
    /// Kotak 9: also proposed for the national KRS.
    pub nasional: bool,
    pub verified_by: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub decision_ref: Option<String>,
    pub note: Option<String>,
}

/// The pool of one period: the count per stage and one page of the proposals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentPool {
    pub instansi: String,
    pub slug: String,
    pub periods: Vec<i32>,
    pub period: Option<i32>,
    pub units: Vec<UnitOption>,
    /// Count per stage, in the order of [`Tahap::ALL`], under the filters (not the stage).
    pub per_tahap: [i64; 4],
    /// Proposals for the national KRS (kotak 9) under the filters.
    pub nasional: i64,
    pub total: i64,
    pub halaman: u32,
    pub pages: u32,
    pub members: Vec<PoolMember>,
    /// Whether the viewer verifies (BKPSDM) and decides (komite).
    pub may_verify: bool,
    pub may_decide: bool,
}
