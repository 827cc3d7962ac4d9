//! Scoring (domain.md §4): from one person's component scores to kinerja (Y) and potensial
//! (X), their categories and the kotak, under a parameter set.
//!
//! Every weight, threshold and score map comes from the [`ParameterSet`] passed in, never from
//! a constant in a page. A component without a value is reported by name and the person is not
//! placed: a missing value is never counted as zero.

use super::nine_box::{Expectation, Kotak, Potential, Thresholds};
use super::skp::Predikat;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A scored input of the 9-box, on one of the two axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Component {
    /// Kinerja utama: the SKP predikat.
    KinerjaUtama,
    Penghargaan,
    PenugasanTimKerja,
    UmpanBalik360,
    /// Penilaian kompetensi: the JPM percentage.
    PenilaianKompetensi,
    /// Pengembangan kompetensi: JP attained against the yearly target.
    PengembanganKompetensi,
    PengalamanJabatan,
    /// Penilaian potensi: the assessment-centre result.
    PenilaianPotensi,
    Pendidikan,
    KesesuaianBidangIlmu,
    /// Integritas: the disciplinary record.
    Integritas,
}

impl Component {
    pub const KINERJA: [Component; 4] = [
        Component::KinerjaUtama,
        Component::Penghargaan,
        Component::PenugasanTimKerja,
        Component::UmpanBalik360,
    ];
    pub const POTENSIAL: [Component; 7] = [
        Component::PenilaianKompetensi,
        Component::PengembanganKompetensi,
        Component::PengalamanJabatan,
        Component::PenilaianPotensi,
        Component::Pendidikan,
        Component::KesesuaianBidangIlmu,
        Component::Integritas,
    ];

    /// Every component, kinerja first.
    pub const ALL: [Component; 11] = [
        Component::KinerjaUtama,
        Component::Penghargaan,
        Component::PenugasanTimKerja,
        Component::UmpanBalik360,
        Component::PenilaianKompetensi,
        Component::PengembanganKompetensi,
        Component::PengalamanJabatan,
        Component::PenilaianPotensi,
        Component::Pendidikan,
        Component::KesesuaianBidangIlmu,
        Component::Integritas,
    ];

    /// The component's code in addresses (`?kurang=asesmen`).
    pub fn code(self) -> &'static str {
        match self {
            Component::KinerjaUtama => "skp",
            Component::Penghargaan => "penghargaan",
            Component::PenugasanTimKerja => "penugasan-tim",
            Component::UmpanBalik360 => "umpan-balik-360",
            Component::PenilaianKompetensi => "jpm",
            Component::PengembanganKompetensi => "jp",
            Component::PengalamanJabatan => "pengalaman-jabatan",
            Component::PenilaianPotensi => "asesmen",
            Component::Pendidikan => "pendidikan",
            Component::KesesuaianBidangIlmu => "bidang-ilmu",
            Component::Integritas => "integritas",
        }
    }

    pub fn from_code(code: &str) -> Option<Component> {
        Component::ALL.into_iter().find(|c| c.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Component::KinerjaUtama => "Kinerja utama (predikat SKP)",
            Component::Penghargaan => "Penghargaan",
            Component::PenugasanTimKerja => "Penugasan tim kerja",
            Component::UmpanBalik360 => "Umpan balik 360",
            Component::PenilaianKompetensi => "Penilaian kompetensi (JPM)",
            Component::PengembanganKompetensi => "Pengembangan kompetensi (JP)",
            Component::PengalamanJabatan => "Pengalaman jabatan",
            Component::PenilaianPotensi => "Penilaian potensi (asesmen)",
            Component::Pendidikan => "Pendidikan",
            Component::KesesuaianBidangIlmu => "Kesesuaian bidang ilmu",
            Component::Integritas => "Integritas (riwayat hukuman disiplin)",
        }
    }
}

/// Highest education attained, as the score map knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Education {
    Sma,
    D3,
    /// S1 or D4.
    S1D4,
    S2,
    S3,
}

impl Education {
    pub const ALL: [Education; 5] = [
        Education::Sma,
        Education::D3,
        Education::S1D4,
        Education::S2,
        Education::S3,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Education::Sma => "sma",
            Education::D3 => "d3",
            Education::S1D4 => "s1",
            Education::S2 => "s2",
            Education::S3 => "s3",
        }
    }

    /// Reads the ways rosters write a level: "S1", "S-1", "D IV", "D4", "D-III", "SMA", "SMK",
    /// "SLTA". Levels below SMA (SD, SMP) have no score and are not read.
    pub fn parse(input: &str) -> Option<Education> {
        let key: String = input
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        match key.as_str() {
            "SMA" | "SMK" | "SLTA" | "MA" | "SMU" => Some(Education::Sma),
            "D3" | "DIII" => Some(Education::D3),
            "S1" | "D4" | "DIV" => Some(Education::S1D4),
            "S2" => Some(Education::S2),
            "S3" => Some(Education::S3),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Education::Sma => "SMA/sederajat",
            Education::D3 => "D3",
            Education::S1D4 => "S1/D4",
            Education::S2 => "S2",
            Education::S3 => "S3",
        }
    }
}

/// The disciplinary record that the integrity component scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Discipline {
    /// No sentence on record.
    None,
    Ringan,
    Sedang,
    Berat,
    /// A sentence being served now.
    ServingNow,
}

impl Discipline {
    pub const ALL: [Discipline; 5] = [
        Discipline::None,
        Discipline::Ringan,
        Discipline::Sedang,
        Discipline::Berat,
        Discipline::ServingNow,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Discipline::None => "Tidak pernah dihukum disiplin",
            Discipline::Ringan => "Hukuman disiplin ringan",
            Discipline::Sedang => "Hukuman disiplin sedang",
            Discipline::Berat => "Hukuman disiplin berat",
            Discipline::ServingNow => "Sedang menjalani hukuman disiplin",
        }
    }
}

/// Weights of the kinerja components, in percent; they add up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KinerjaWeights {
    pub kinerja_utama: f64,
    pub penghargaan: f64,
    pub penugasan_tim_kerja: f64,
    pub umpan_balik_360: f64,
}

/// Weights of the potensial components, in percent; they add up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PotensialWeights {
    pub penilaian_kompetensi: f64,
    pub pengembangan_kompetensi: f64,
    pub pengalaman_jabatan: f64,
    pub penilaian_potensi: f64,
    pub pendidikan: f64,
    pub kesesuaian_bidang_ilmu: f64,
    pub integritas: f64,
}

/// Score maps from categorical inputs to 0-100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreMaps {
    /// Indexed like [`Predikat::ALL`] (Sangat Baik first).
    pub predikat: [f64; 5],
    /// Indexed like [`Education::ALL`] (SMA first).
    pub education: [f64; 5],
    /// Indexed like [`Discipline::ALL`] (no sentence first).
    pub discipline: [f64; 5],
    /// The yearly JP that scores 100 for pengembangan kompetensi (domain.md §5: 20 JP).
    pub jp_target: f64,
}

/// How records become component scores where domain.md leaves the rule to the instansi.
/// The defaults are this product's, marked as such on the methodology page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRules {
    /// Kesesuaian bidang ilmu when the field of the highest education matches the post's
    /// field, and when it does not.
    pub field_match: f64,
    pub field_mismatch: f64,
    /// Years of service in posts that score 100 for pengalaman jabatan (linear below).
    pub experience_full_years: f64,
    /// How long an assessment result counts (domain.md §4: 3 years).
    pub assessment_valid_years: u8,
    /// How far back a disciplinary sentence counts (domain.md §3: 2 years).
    pub hukdis_lookback_years: u8,
    /// Whether a hukdis sedang or berat within the lookback excludes the person from the
    /// mapping (domain.md §3: yes, configurable).
    pub exclude_serious_hukdis: bool,
}

/// A complete set of scoring rules. Stored versioned per instansi; this type is one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterSet {
    pub name: String,
    pub kinerja_weights: KinerjaWeights,
    pub potensial_weights: PotensialWeights,
    pub thresholds: Thresholds,
    pub score_maps: ScoreMaps,
    pub evidence: EvidenceRules,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ParameterError {
    #[error("bobot {axis} berjumlah {sum}, seharusnya 100")]
    WeightsDoNotAddUp { axis: &'static str, sum: f64 },
    #[error("bobot {0} tidak boleh negatif")]
    NegativeWeight(&'static str),
    #[error("ambang batas harus 0 <= menengah < tinggi <= 100")]
    Thresholds,
    #[error("nilai pada peta skor {0} harus antara 0 dan 100")]
    ScoreMap(&'static str),
    #[error("target JP harus lebih dari 0")]
    JpTarget,
    #[error("aturan data harus: nilai kesesuaian 0-100, masa pengalaman penuh dan masa berlaku asesmen lebih dari 0")]
    EvidenceRules,
}

impl ParameterSet {
    /// The default "BKN 2025" set of domain.md §4.
    pub fn bkn_2025() -> ParameterSet {
        ParameterSet {
            name: "BKN 2025".into(),
            kinerja_weights: KinerjaWeights {
                kinerja_utama: 60.0,
                penghargaan: 15.0,
                penugasan_tim_kerja: 15.0,
                umpan_balik_360: 10.0,
            },
            potensial_weights: PotensialWeights {
                penilaian_kompetensi: 20.0,
                pengembangan_kompetensi: 10.0,
                pengalaman_jabatan: 10.0,
                penilaian_potensi: 25.0,
                pendidikan: 10.0,
                kesesuaian_bidang_ilmu: 10.0,
                integritas: 15.0,
            },
            thresholds: Thresholds::BKN_2025,
            score_maps: ScoreMaps {
                predikat: [100.0, 80.0, 60.0, 40.0, 20.0],
                education: [60.0, 70.0, 80.0, 90.0, 100.0],
                discipline: [100.0, 75.0, 50.0, 25.0, 0.0],
                jp_target: 20.0,
            },
            evidence: EvidenceRules {
                field_match: 100.0,
                field_mismatch: 50.0,
                experience_full_years: 10.0,
                assessment_valid_years: 3,
                hukdis_lookback_years: 2,
                exclude_serious_hukdis: true,
            },
        }
    }

    /// The BKN 2025 weights with the 90/78 thresholds of the JPM convention.
    pub fn jpm_90_78() -> ParameterSet {
        ParameterSet {
            name: "BKN 2025, ambang 90/78".into(),
            thresholds: Thresholds::JPM_90_78,
            ..ParameterSet::bkn_2025()
        }
    }

    /// The weight of a component on its own axis, in percent.
    pub fn weight(&self, component: Component) -> f64 {
        let (k, p) = (&self.kinerja_weights, &self.potensial_weights);
        match component {
            Component::KinerjaUtama => k.kinerja_utama,
            Component::Penghargaan => k.penghargaan,
            Component::PenugasanTimKerja => k.penugasan_tim_kerja,
            Component::UmpanBalik360 => k.umpan_balik_360,
            Component::PenilaianKompetensi => p.penilaian_kompetensi,
            Component::PengembanganKompetensi => p.pengembangan_kompetensi,
            Component::PengalamanJabatan => p.pengalaman_jabatan,
            Component::PenilaianPotensi => p.penilaian_potensi,
            Component::Pendidikan => p.pendidikan,
            Component::KesesuaianBidangIlmu => p.kesesuaian_bidang_ilmu,
            Component::Integritas => p.integritas,
        }
    }

    /// Checks that the set can be used: weights non-negative and adding up to 100 per axis,
    /// usable thresholds, score maps within 0-100.
    pub fn validate(&self) -> Result<(), ParameterError> {
        for (axis, components) in [
            ("kinerja", Component::KINERJA.as_slice()),
            ("potensial", Component::POTENSIAL.as_slice()),
        ] {
            if let Some(c) = components.iter().find(|c| self.weight(**c) < 0.0) {
                return Err(ParameterError::NegativeWeight(c.label()));
            }
            let sum: f64 = components.iter().map(|c| self.weight(*c)).sum();
            if (sum - 100.0).abs() > 1e-6 {
                return Err(ParameterError::WeightsDoNotAddUp { axis, sum });
            }
        }
        if Thresholds::new(self.thresholds.high, self.thresholds.middle).is_none() {
            return Err(ParameterError::Thresholds);
        }
        let maps = &self.score_maps;
        for (name, values) in [
            ("predikat SKP", maps.predikat),
            ("pendidikan", maps.education),
            ("integritas", maps.discipline),
        ] {
            if values.iter().any(|v| !(0.0..=100.0).contains(v)) {
                return Err(ParameterError::ScoreMap(name));
            }
        }
        if maps.jp_target.is_nan() || maps.jp_target <= 0.0 {
            return Err(ParameterError::JpTarget);
        }
        let rules = &self.evidence;
        let in_scale = |v: f64| (0.0..=100.0).contains(&v);
        if !(in_scale(rules.field_match)
            && in_scale(rules.field_mismatch)
            && rules.experience_full_years > 0.0
            && rules.assessment_valid_years > 0)
        {
            return Err(ParameterError::EvidenceRules);
        }
        Ok(())
    }
}

/// One person's inputs for one period. `None` means the record is missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoringInputs {
    pub predikat: Option<Predikat>,
    pub penghargaan: Option<f64>,
    pub penugasan_tim_kerja: Option<f64>,
    pub umpan_balik_360: Option<f64>,
    /// JPM as a percentage, 0-100.
    pub jpm_percent: Option<f64>,
    /// JP of competency development attained in the period.
    pub jp_attained: Option<f64>,
    pub pengalaman_jabatan: Option<f64>,
    pub penilaian_potensi: Option<f64>,
    pub pendidikan: Option<Education>,
    pub kesesuaian_bidang_ilmu: Option<f64>,
    pub integritas: Option<Discipline>,
}

/// A component's score and the weight it carried.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ComponentScore {
    pub component: Component,
    /// 0-100.
    pub score: f64,
    /// Percent of its axis.
    pub weight: f64,
}

/// The result for a person who could be placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Kinerja (Y), 0-100, rounded to two decimals.
    pub kinerja: f64,
    /// Potensial (X), 0-100, rounded to two decimals.
    pub potensial: f64,
    pub kinerja_category: Expectation,
    pub potential_category: Potential,
    pub kotak: Kotak,
    pub components: Vec<ComponentScore>,
}

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScoringError {
    #[error("data belum lengkap: {}", .0.iter().map(|c| c.label()).collect::<Vec<_>>().join(", "))]
    Missing(Vec<Component>),
    #[error("nilai {} ({value}) di luar rentang 0-100", .component.label())]
    OutOfRange { component: Component, value: f64 },
}

fn index_of<T: PartialEq + Copy>(all: &[T], value: T) -> usize {
    all.iter().position(|v| *v == value).unwrap_or_default()
}

/// Two decimals: totals are reported and categorised at this precision, so that
/// 80 made of weighted parts is exactly 80 and not 79.999999.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Each component's 0-100 score under `params`, `None` where the input is missing; in
/// [`Component::KINERJA`] then [`Component::POTENSIAL`] order.
pub fn raw_scores(params: &ParameterSet, inputs: &ScoringInputs) -> [(Component, Option<f64>); 11] {
    let maps = &params.score_maps;
    [
        (
            Component::KinerjaUtama,
            inputs
                .predikat
                .map(|p| maps.predikat[index_of(&Predikat::ALL, p)]),
        ),
        (Component::Penghargaan, inputs.penghargaan),
        (Component::PenugasanTimKerja, inputs.penugasan_tim_kerja),
        (Component::UmpanBalik360, inputs.umpan_balik_360),
        (Component::PenilaianKompetensi, inputs.jpm_percent),
        (
            Component::PengembanganKompetensi,
            inputs
                .jp_attained
                .map(|jp| (jp / maps.jp_target * 100.0).clamp(0.0, 100.0)),
        ),
        (Component::PengalamanJabatan, inputs.pengalaman_jabatan),
        (Component::PenilaianPotensi, inputs.penilaian_potensi),
        (
            Component::Pendidikan,
            inputs
                .pendidikan
                .map(|e| maps.education[index_of(&Education::ALL, e)]),
        ),
        (
            Component::KesesuaianBidangIlmu,
            inputs.kesesuaian_bidang_ilmu,
        ),
        (
            Component::Integritas,
            inputs
                .integritas
                .map(|d| maps.discipline[index_of(&Discipline::ALL, d)]),
        ),
    ]
}

/// The component scores of `inputs` under `params`, or every component that is missing.
fn component_scores(
    params: &ParameterSet,
    inputs: &ScoringInputs,
) -> Result<Vec<ComponentScore>, ScoringError> {
    let raw = raw_scores(params, inputs);
    let missing: Vec<Component> = raw
        .iter()
        .filter(|(_, value)| value.is_none())
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        return Err(ScoringError::Missing(missing));
    }
    raw.into_iter()
        .filter_map(|(component, value)| value.map(|v| (component, v)))
        .map(|(component, value)| {
            if (0.0..=100.0).contains(&value) {
                Ok(ComponentScore {
                    component,
                    score: value,
                    weight: params.weight(component),
                })
            } else {
                Err(ScoringError::OutOfRange { component, value })
            }
        })
        .collect()
}

fn axis_total(components: &[ComponentScore], axis: &[Component]) -> f64 {
    round2(
        components
            .iter()
            .filter(|c| axis.contains(&c.component))
            .map(|c| c.score * c.weight / 100.0)
            .sum(),
    )
}

/// Places one person, or says exactly what stops the placement.
pub fn score(params: &ParameterSet, inputs: &ScoringInputs) -> Result<Score, ScoringError> {
    let components = component_scores(params, inputs)?;
    let kinerja = axis_total(&components, &Component::KINERJA);
    let potensial = axis_total(&components, &Component::POTENSIAL);
    let kinerja_category = params.thresholds.kinerja(kinerja);
    let potential_category = params.thresholds.potential(potensial);
    Ok(Score {
        kinerja,
        potensial,
        kinerja_category,
        potential_category,
        kotak: Kotak::of(kinerja_category, potential_category),
        components,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A person with every input present: SKP Sangat Baik, S2, no hukdis.
    fn complete() -> ScoringInputs {
        ScoringInputs {
            predikat: Some(Predikat::SangatBaik),
            penghargaan: Some(80.0),
            penugasan_tim_kerja: Some(70.0),
            umpan_balik_360: Some(90.0),
            jpm_percent: Some(85.0),
            jp_attained: Some(16.0),
            pengalaman_jabatan: Some(70.0),
            penilaian_potensi: Some(75.0),
            pendidikan: Some(Education::S2),
            kesesuaian_bidang_ilmu: Some(100.0),
            integritas: Some(Discipline::None),
        }
    }

    #[test]
    fn component_codes_are_distinct_and_read_back() {
        let codes: std::collections::HashSet<&str> =
            Component::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes.len(), Component::ALL.len());
        for c in Component::ALL {
            assert_eq!(Component::from_code(c.code()), Some(c));
        }
        assert_eq!(
            Component::ALL.len(),
            Component::KINERJA.len() + Component::POTENSIAL.len()
        );
        assert_eq!(Component::from_code("gaji"), None);
    }

    #[test]
    fn education_levels_are_read_as_rosters_write_them() {
        for (input, level) in [
            ("S1", Education::S1D4),
            ("s-1", Education::S1D4),
            ("D IV", Education::S1D4),
            ("D-III", Education::D3),
            ("SMK", Education::Sma),
            ("S3", Education::S3),
        ] {
            assert_eq!(Education::parse(input), Some(level), "{input}");
        }
        assert_eq!(Education::parse("SMP"), None);
        for level in Education::ALL {
            assert_eq!(Education::parse(level.code()), Some(level));
        }
    }

    #[test]
    fn the_default_sets_are_valid() {
        assert_eq!(ParameterSet::bkn_2025().validate(), Ok(()));
        assert_eq!(ParameterSet::jpm_90_78().validate(), Ok(()));
    }

    #[test]
    fn hand_computed_person_in_kotak_nine_under_bkn_2025() {
        // Y = 0.60*100 + 0.15*80 + 0.15*70 + 0.10*90 = 60 + 12 + 10.5 + 9 = 91.5
        // X = 0.20*85 + 0.10*80 (16 of 20 JP) + 0.10*70 + 0.25*75 + 0.10*90 (S2) + 0.10*100
        //     + 0.15*100 (no hukdis) = 17 + 8 + 7 + 18.75 + 9 + 10 + 15 = 84.75
        let result = score(&ParameterSet::bkn_2025(), &complete()).expect("placed");
        assert_eq!(result.kinerja, 91.5);
        assert_eq!(result.potensial, 84.75);
        assert_eq!(result.kinerja_category, Expectation::Above);
        assert_eq!(result.potential_category, Potential::High);
        assert_eq!(result.kotak.number(), 9);
        assert_eq!(result.components.len(), 11);
    }

    #[test]
    fn the_same_person_under_90_78_is_kotak_seven() {
        let result = score(&ParameterSet::jpm_90_78(), &complete()).expect("placed");
        assert_eq!((result.kinerja, result.potensial), (91.5, 84.75));
        assert_eq!(result.potential_category, Potential::Middle);
        assert_eq!(result.kotak.number(), 7);
    }

    #[test]
    fn hand_computed_person_in_kotak_five() {
        let inputs = ScoringInputs {
            predikat: Some(Predikat::Baik),
            penghargaan: Some(60.0),
            penugasan_tim_kerja: Some(60.0),
            umpan_balik_360: Some(60.0),
            jpm_percent: Some(70.0),
            jp_attained: Some(8.0),
            pengalaman_jabatan: Some(50.0),
            penilaian_potensi: Some(60.0),
            pendidikan: Some(Education::S1D4),
            kesesuaian_bidang_ilmu: Some(50.0),
            integritas: Some(Discipline::Ringan),
        };
        // Y = 48 + 9 + 9 + 6 = 72; X = 14 + 4 + 5 + 15 + 8 + 5 + 11.25 = 62.25
        let result = score(&ParameterSet::bkn_2025(), &inputs).expect("placed");
        assert_eq!((result.kinerja, result.potensial), (72.0, 62.25));
        assert_eq!(result.kotak.number(), 5);
    }

    #[test]
    fn a_hukdis_served_now_scores_zero_integrity_but_is_still_a_value() {
        let inputs = ScoringInputs {
            integritas: Some(Discipline::ServingNow),
            ..complete()
        };
        let result = score(&ParameterSet::bkn_2025(), &inputs).expect("placed");
        assert_eq!(result.potensial, 84.75 - 15.0);
    }

    #[test]
    fn missing_inputs_are_named_and_never_zero() {
        let inputs = ScoringInputs {
            predikat: None,
            penilaian_potensi: None,
            ..complete()
        };
        let error = score(&ParameterSet::bkn_2025(), &inputs).expect_err("not placed");
        assert_eq!(
            error,
            ScoringError::Missing(vec![Component::KinerjaUtama, Component::PenilaianPotensi])
        );
        assert_eq!(
            error.to_string(),
            "data belum lengkap: Kinerja utama (predikat SKP), Penilaian potensi (asesmen)"
        );
        let nothing =
            score(&ParameterSet::bkn_2025(), &ScoringInputs::default()).expect_err("empty");
        assert_eq!(
            nothing,
            ScoringError::Missing([Component::KINERJA.as_slice(), &Component::POTENSIAL].concat())
        );
    }

    #[test]
    fn scores_outside_zero_to_one_hundred_are_refused() {
        let inputs = ScoringInputs {
            penghargaan: Some(120.0),
            ..complete()
        };
        assert_eq!(
            score(&ParameterSet::bkn_2025(), &inputs),
            Err(ScoringError::OutOfRange {
                component: Component::Penghargaan,
                value: 120.0
            })
        );
    }

    #[test]
    fn jp_beyond_the_target_scores_one_hundred() {
        let inputs = ScoringInputs {
            jp_attained: Some(45.0),
            ..complete()
        };
        let result = score(&ParameterSet::bkn_2025(), &inputs).expect("placed");
        let jp = result
            .components
            .iter()
            .find(|c| c.component == Component::PengembanganKompetensi)
            .expect("component");
        assert_eq!(jp.score, 100.0);
    }

    #[test]
    fn weighted_parts_that_make_exactly_eighty_are_high() {
        let eighty = ScoringInputs {
            predikat: Some(Predikat::Baik),
            penghargaan: Some(80.0),
            penugasan_tim_kerja: Some(80.0),
            umpan_balik_360: Some(80.0),
            jpm_percent: Some(80.0),
            jp_attained: Some(16.0),
            pengalaman_jabatan: Some(80.0),
            penilaian_potensi: Some(80.0),
            pendidikan: Some(Education::S1D4),
            kesesuaian_bidang_ilmu: Some(80.0),
            integritas: Some(Discipline::None),
        };
        let result = score(&ParameterSet::bkn_2025(), &eighty).expect("placed");
        assert_eq!(result.kinerja, 80.0);
        assert_eq!(result.kinerja_category, Expectation::Above);
    }

    #[test]
    fn broken_parameter_sets_are_refused() {
        let mut params = ParameterSet::bkn_2025();
        params.kinerja_weights.penghargaan = 20.0;
        assert!(matches!(
            params.validate(),
            Err(ParameterError::WeightsDoNotAddUp {
                axis: "kinerja",
                ..
            })
        ));
        let mut params = ParameterSet::bkn_2025();
        params.potensial_weights.integritas = -5.0;
        params.potensial_weights.penilaian_potensi = 45.0;
        assert!(matches!(
            params.validate(),
            Err(ParameterError::NegativeWeight(_))
        ));
        let mut params = ParameterSet::bkn_2025();
        params.score_maps.education[0] = 140.0;
        assert_eq!(
            params.validate(),
            Err(ParameterError::ScoreMap("pendidikan"))
        );
        let mut params = ParameterSet::bkn_2025();
        params.score_maps.jp_target = 0.0;
        assert_eq!(params.validate(), Err(ParameterError::JpTarget));
        let mut params = ParameterSet::bkn_2025();
        params.evidence.assessment_valid_years = 0;
        assert_eq!(params.validate(), Err(ParameterError::EvidenceRules));
    }

    fn any_inputs() -> impl Strategy<Value = ScoringInputs> {
        let s = || 0.0f64..=100.0;
        (
            (0usize..5, s(), s(), s(), s(), 0.0f64..40.0),
            (s(), s(), 0usize..5, s(), 0usize..5),
        )
            .prop_map(
                |((p, a, b, c, jpm, jp), (exp, pot, edu, fit, dis))| ScoringInputs {
                    predikat: Some(Predikat::ALL[p]),
                    penghargaan: Some(a),
                    penugasan_tim_kerja: Some(b),
                    umpan_balik_360: Some(c),
                    jpm_percent: Some(jpm),
                    jp_attained: Some(jp),
                    pengalaman_jabatan: Some(exp),
                    penilaian_potensi: Some(pot),
                    pendidikan: Some(Education::ALL[edu]),
                    kesesuaian_bidang_ilmu: Some(fit),
                    integritas: Some(Discipline::ALL[dis]),
                },
            )
    }

    proptest! {
        #[test]
        fn complete_inputs_always_place_within_the_scale(inputs in any_inputs()) {
            let result = score(&ParameterSet::bkn_2025(), &inputs).expect("complete");
            prop_assert!((0.0..=100.0).contains(&result.kinerja));
            prop_assert!((0.0..=100.0).contains(&result.potensial));
            prop_assert_eq!(result.kotak, Kotak::of(result.kinerja_category, result.potential_category));
        }

        #[test]
        fn a_better_assessment_never_lowers_the_potential(inputs in any_inputs(), better in 0.0f64..=100.0) {
            let params = ParameterSet::bkn_2025();
            let before = score(&params, &inputs).expect("complete");
            let current = inputs.penilaian_potensi.unwrap_or_default();
            let improved = ScoringInputs { penilaian_potensi: Some(current.max(better)), ..inputs };
            let after = score(&params, &improved).expect("complete");
            prop_assert!(after.potensial >= before.potensial);
            prop_assert!(after.potential_category >= before.potential_category);
            prop_assert_eq!(after.kinerja, before.kinerja);
        }

        #[test]
        fn removing_any_one_input_names_exactly_that_input(inputs in any_inputs(), which in 0usize..11) {
            let mut partial = inputs;
            let component = [Component::KINERJA.as_slice(), &Component::POTENSIAL].concat()[which];
            match component {
                Component::KinerjaUtama => partial.predikat = None,
                Component::Penghargaan => partial.penghargaan = None,
                Component::PenugasanTimKerja => partial.penugasan_tim_kerja = None,
                Component::UmpanBalik360 => partial.umpan_balik_360 = None,
                Component::PenilaianKompetensi => partial.jpm_percent = None,
                Component::PengembanganKompetensi => partial.jp_attained = None,
                Component::PengalamanJabatan => partial.pengalaman_jabatan = None,
                Component::PenilaianPotensi => partial.penilaian_potensi = None,
                Component::Pendidikan => partial.pendidikan = None,
                Component::KesesuaianBidangIlmu => partial.kesesuaian_bidang_ilmu = None,
                Component::Integritas => partial.integritas = None,
            }
            prop_assert_eq!(score(&ParameterSet::bkn_2025(), &partial), Err(ScoringError::Missing(vec![component])));
        }
    }
}
