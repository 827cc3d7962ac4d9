//! The talent map of an instansi, as it travels from the server functions to the browser: the
//! filters, the 9-box and its spread, the people of a kotak and who moved between periods.
//! The filters live in the URL, so a view can be bookmarked, shared and opened without
//! JavaScript.

use crate::domain::golongan::GolonganFilter;
use crate::domain::jabatan::JenisJabatan;
use crate::domain::placement_note::{Stored, Unplaced};
use crate::domain::scoring::Component;
use serde::{Deserialize, Serialize};

/// The filters of the talent map, as URL parameters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapFilter {
    /// The instansi's slug, for viewers whose roles span several.
    pub instansi: Option<String>,
    /// The period; the latest scored when absent.
    pub periode: Option<i32>,
    /// A unit kerja's code: the unit and everything under it.
    pub unit: Option<String>,
    /// A [`GolonganFilter`] code: "III", "III/c", "PPPK-IX".
    pub golongan: Option<String>,
    /// A [`JenisJabatan`] code.
    pub jabatan: Option<String>,
    /// `pns` or `pppk`.
    pub asn: Option<String>,
}

impl MapFilter {
    /// Reads the filters from URL parameters; blank values are no filter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> MapFilter {
        let text = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        MapFilter {
            instansi: text("instansi"),
            periode: text("periode").and_then(|p| p.parse().ok()),
            unit: text("unit"),
            golongan: text("golongan"),
            jabatan: text("jabatan"),
            asn: text("asn"),
        }
    }

    /// The filters set, as (parameter, value) pairs in a fixed order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("instansi", self.instansi.clone()),
            ("periode", self.periode.map(|p| p.to_string())),
            ("unit", self.unit.clone()),
            ("golongan", self.golongan.clone()),
            ("jabatan", self.jabatan.clone()),
            ("asn", self.asn.clone()),
        ]
        .into_iter()
        .filter_map(|(key, value)| value.map(|v| (key, v)))
        .collect()
    }

    /// The golongan filter, when the code is one.
    pub fn golongan_filter(&self) -> Option<GolonganFilter> {
        self.golongan.as_deref().and_then(GolonganFilter::parse)
    }

    pub fn jenis_jabatan(&self) -> Option<JenisJabatan> {
        self.jabatan
            .as_deref()
            .and_then(|j| JenisJabatan::parse(j).ok())
    }
}

/// A unit kerja in the filter's tree selector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitOption {
    pub code: String,
    pub name: String,
    /// 0 for a top unit (OPD), 1 for a unit under it, and so on.
    pub depth: u8,
}

/// The 9-box of the filtered part of an instansi for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentMap {
    pub instansi: String,
    pub slug: String,
    /// `false` when the viewer's scope is some units of the instansi.
    pub whole_instansi: bool,
    /// The periods scored, newest first.
    pub periods: Vec<i32>,
    /// The period shown (the filter's, or the latest), `None` before any scoring.
    pub period: Option<i32>,
    /// People per kotak that counts (calibrated, else computed), index 0 = kotak 1.
    pub per_kotak: [i64; 9],
    /// How many of them a calibration moved.
    pub calibrated: i64,
    /// People with a placement of the period that is not a kotak (incomplete data...).
    pub not_placed: i64,
    pub units: Vec<UnitOption>,
    /// Whether the viewer may calibrate in this instansi (the komite).
    pub may_calibrate: bool,
}

/// The 9-box counts of one group of people (a unit, a period).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KotakCounts {
    pub label: String,
    /// Index 0 = kotak 1, by the kotak that counts.
    pub per_kotak: [i64; 9],
    /// People with a placement of the period that is not a kotak.
    pub not_placed: i64,
}

impl KotakCounts {
    pub fn placed(&self) -> i64 {
        self.per_kotak.iter().sum()
    }

    /// Kotak 7, 8 and 9: the talent pool's proposals.
    pub fn talent_pool(&self) -> i64 {
        self.per_kotak[6..].iter().sum()
    }
}

/// The filtered map spread per unit (the OPD, or the units under the chosen one) and over
/// the periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distributions {
    pub instansi: String,
    pub slug: String,
    pub periods: Vec<i32>,
    pub period: Option<i32>,
    pub units: Vec<UnitOption>,
    /// The unit whose sub-units the unit rows are, by name; `None` when they are the OPD.
    pub grouped_under: Option<String>,
    /// In the period, per unit with anyone placed, by name.
    pub by_unit: Vec<KotakCounts>,
    /// Per period, oldest first.
    pub by_period: Vec<KotakCounts>,
}

/// How a list of people is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    Nama,
    Nip,
    Unit,
    Kinerja,
    Potensial,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Nama,
        SortKey::Nip,
        SortKey::Unit,
        SortKey::Kinerja,
        SortKey::Potensial,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::Nama => "nama",
            SortKey::Nip => "nip",
            SortKey::Unit => "unit",
            SortKey::Kinerja => "kinerja",
            SortKey::Potensial => "potensial",
        }
    }

    pub fn from_code(code: &str) -> Option<SortKey> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Nama => "Nama",
            SortKey::Nip => "NIP",
            SortKey::Unit => "Unit kerja",
            SortKey::Kinerja => "Kinerja",
            SortKey::Potensial => "Potensial",
        }
    }

    /// Scores read best first; names and codes alphabetically.
    pub fn descending(self) -> bool {
        matches!(self, SortKey::Kinerja | SortKey::Potensial)
    }
}

/// Which people of the map to list: one kotak (or all), searched, ordered, one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeopleQuery {
    pub filter: MapFilter,
    /// The kotak that counts; `None` lists every placed person.
    pub kotak: Option<u8>,
    /// Part of a name or NIP.
    pub cari: Option<String>,
    pub urut: SortKey,
    /// From 1.
    pub halaman: u32,
}

pub const PEOPLE_PAGE_SIZE: u32 = 25;

/// Which of the people outside the 9-box to list: the map's filters, those missing one
/// input, a search, a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnplacedQuery {
    pub filter: MapFilter,
    /// Only those missing this input.
    pub kurang: Option<Component>,
    /// Part of a name or NIP.
    pub cari: Option<String>,
    /// From 1.
    pub halaman: u32,
}

impl UnplacedQuery {
    /// Reads the query from URL parameters; blank values are no filter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> UnplacedQuery {
        UnplacedQuery {
            filter: MapFilter::from_params(&get),
            kurang: get("kurang").and_then(|code| Component::from_code(code.trim())),
            cari: get("cari").filter(|c| !c.trim().is_empty()),
            halaman: get("halaman").and_then(|h| h.parse().ok()).unwrap_or(1),
        }
    }
}

pub const UNPLACED_PAGE_SIZE: u32 = 50;

/// A person of the period outside the 9-box, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnplacedPerson {
    pub nip: String,
    pub name: String,
    pub unit: Option<String>,
    pub golongan: String,
    pub reason: Stored<Unplaced>,
}

/// One page of the people outside the 9-box, with how many lack each input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnplacedPage {
    pub instansi: String,
    pub slug: String,
    pub units: Vec<UnitOption>,
    pub periods: Vec<i32>,
    pub period: Option<i32>,
    /// Everyone outside the 9-box under the filters and search.
    pub all: i64,
    /// How many lack each input (only the inputs someone lacks).
    pub missing: Vec<(Component, i64)>,
    /// How many a disciplinary sentence excludes.
    pub excluded: i64,
    /// How many the list holds (those lacking the chosen input, or all).
    pub total: i64,
    pub halaman: u32,
    pub pages: u32,
    pub people: Vec<UnplacedPerson>,
}

/// A person in a kotak list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapPerson {
    pub nip: String,
    pub name: String,
    pub unit: Option<String>,
    pub jabatan: Option<String>,
    pub golongan: String,
    pub kinerja: Option<f64>,
    pub potensial: Option<f64>,
    /// The computed kotak.
    pub kotak: Option<u8>,
    pub calibrated_kotak: Option<u8>,
}

/// One page of a kotak list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub total: i64,
    pub halaman: u32,
    pub pages: u32,
    pub people: Vec<MapPerson>,
}

/// A person whose kotak changed between two periods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moved {
    pub nip: String,
    pub name: String,
    pub unit: Option<String>,
    pub from: u8,
    pub to: u8,
}

/// Who moved up and who moved down between two periods (kotak that counts in each).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub from: i32,
    pub to: i32,
    pub up: Vec<Moved>,
    pub down: Vec<Moved>,
    pub same: i64,
    /// The lists show at most this many people each.
    pub shown: usize,
    pub up_total: i64,
    pub down_total: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_unreadable_values_are_no_filter() {
        let read = MapFilter::from_params(|key| match key {
            "periode" => Some("dua ribu".into()),
            "unit" => Some("  ".into()),
            _ => None,
        });
        assert_eq!(read, MapFilter::default());
    }

    #[test]
    fn sort_keys_round_trip_and_scores_read_best_first() {
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_code(key.code()), Some(key));
        }
        assert!(SortKey::Kinerja.descending() && !SortKey::Nama.descending());
    }
}
