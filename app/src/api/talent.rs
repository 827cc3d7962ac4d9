//! What the private pages show about people and instansi, as it travels from the server
//! functions to the browser.

use crate::domain::placement_note::{Stored, Unplaced};
use serde::{Deserialize, Serialize};

/// A person as lists show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonSummary {
    pub nip: String,
    pub name: String,
    /// `pns` or `pppk`.
    pub kind: String,
    pub golongan: String,
    pub unit: Option<String>,
    pub jabatan: Option<String>,
    /// The kotak in force of the latest period scored, if placed.
    pub kotak: Option<u8>,
}

impl PersonSummary {
    pub fn kind_label(&self) -> &'static str {
        if self.kind == "pppk" {
            "PPPK"
        } else {
            "PNS"
        }
    }
}

/// "8", or "—" for someone not placed: how tables show a kotak.
pub fn kotak_label(kotak: Option<u8>) -> String {
    kotak.map_or_else(|| "—".to_owned(), |k| k.to_string())
}

/// A kotak as lists show it: "5", or "5 → 8" when a calibration moved the person.
pub fn kotak_with_calibration(computed: Option<u8>, calibrated: Option<u8>) -> String {
    match (computed, calibrated) {
        (Some(c), Some(k)) if c != k => format!("{c} → {k}"),
        _ => kotak_label(calibrated.or(computed)),
    }
}

/// A placement in force, for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacementView {
    pub period: i32,
    /// `placed`, `incomplete`, `excluded` or `invalid`.
    pub status: String,
    pub kotak: Option<u8>,
    pub kinerja: Option<f64>,
    pub potensial: Option<f64>,
    /// Why the person is not placed.
    pub reason: Option<Stored<Unplaced>>,
    /// The komite's kotak, when a calibration moved the person.
    pub calibrated_kotak: Option<u8>,
    /// The written reason of that calibration.
    pub calibration_reason: Option<String>,
}

impl PlacementView {
    /// The kotak that counts: the calibrated one, else the computed one.
    pub fn final_kotak(&self) -> Option<u8> {
        self.calibrated_kotak.or(self.kotak)
    }
}

/// One person's talent record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentRecord {
    pub person: PersonSummary,
    pub instansi: String,
    /// Newest period first.
    pub placements: Vec<PlacementView>,
}

/// Headcount and 9-box distribution of the part of an instansi a viewer may read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiOverview {
    pub slug: String,
    pub name: String,
    /// `false` when the viewer's scope is some units of the instansi.
    pub whole_instansi: bool,
    pub pegawai: i64,
    /// The latest period scored, if any.
    pub period: Option<i32>,
    /// People placed per kotak of that period, index 0 = kotak 1.
    pub per_kotak: [i64; 9],
    pub not_placed: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calibrated_kotak_shows_where_it_came_from() {
        assert_eq!(kotak_with_calibration(Some(5), Some(8)), "5 → 8");
        assert_eq!(kotak_with_calibration(Some(5), None), "5");
        // A move back to the computed kotak shows the kotak alone.
        assert_eq!(kotak_with_calibration(Some(5), Some(5)), "5");
        assert_eq!(kotak_with_calibration(None, None), "—");
    }
}
