//! The Kotak Manajemen Talenta (domain.md §3): kinerja on the Y axis, potensial on the X axis,
//! the official diagonal numbering, the follow-up each box recommends and the talent pool.
//!
//! A kotak is always derived from the pair of categories: there is no way to build one from a
//! number typed by hand except [`Kotak::from_number`], which exists for reading stored data
//! back and refuses anything outside 1-9.

use serde::{Deserialize, Serialize};

/// How a result compares with what was expected: the kinerja axis of the 9-box and both
/// SKP ratings (hasil kerja, perilaku) share these three levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Expectation {
    /// di bawah ekspektasi
    Below,
    /// sesuai ekspektasi
    Meets,
    /// di atas ekspektasi
    Above,
}

impl Expectation {
    pub const ALL: [Expectation; 3] = [Expectation::Below, Expectation::Meets, Expectation::Above];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Expectation::Below => "below",
            Expectation::Meets => "meets",
            Expectation::Above => "above",
        }
    }

    pub fn from_code(code: &str) -> Option<Expectation> {
        Self::ALL.into_iter().find(|e| e.code() == code)
    }

    /// Reads a rating as people write it: "Di atas ekspektasi", "diatas", "Sesuai",
    /// "di bawah ekspektasi" (any case and spacing).
    pub fn parse(text: &str) -> Option<Expectation> {
        let key: String = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let key = key.strip_suffix("ekspektasi").unwrap_or(&key);
        match key {
            "diatas" => Some(Expectation::Above),
            "sesuai" => Some(Expectation::Meets),
            "dibawah" => Some(Expectation::Below),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Expectation::Below => "Di bawah ekspektasi",
            Expectation::Meets => "Sesuai ekspektasi",
            Expectation::Above => "Di atas ekspektasi",
        }
    }
}

/// The potensial axis of the 9-box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Potential {
    /// rendah
    Low,
    /// menengah
    Middle,
    /// tinggi
    High,
}

impl Potential {
    pub const ALL: [Potential; 3] = [Potential::Low, Potential::Middle, Potential::High];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Potential::Low => "low",
            Potential::Middle => "middle",
            Potential::High => "high",
        }
    }

    pub fn from_code(code: &str) -> Option<Potential> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Potential::Low => "Rendah",
            Potential::Middle => "Menengah",
            Potential::High => "Tinggi",
        }
    }
}

/// Score thresholds that cut a 0-100 score into three levels (domain.md §4). Both bounds are
/// inclusive lower bounds: with the default 80/60, 80 is high and 60 is middle.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub high: f64,
    pub middle: f64,
}

/// Which third of the scale a score falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Low,
    Middle,
    High,
}

impl Thresholds {
    /// The "BKN 2025" default: >= 80 high, >= 60 middle.
    pub const BKN_2025: Thresholds = Thresholds {
        high: 80.0,
        middle: 60.0,
    };
    /// The JPM convention some instansi use: >= 90 high, >= 78 middle.
    pub const JPM_90_78: Thresholds = Thresholds {
        high: 90.0,
        middle: 78.0,
    };

    /// Thresholds are usable when `0 <= middle < high <= 100`.
    pub fn new(high: f64, middle: f64) -> Option<Self> {
        (middle.is_finite() && high.is_finite() && 0.0 <= middle && middle < high && high <= 100.0)
            .then_some(Self { high, middle })
    }

    pub fn level(&self, score: f64) -> Level {
        if score >= self.high {
            Level::High
        } else if score >= self.middle {
            Level::Middle
        } else {
            Level::Low
        }
    }

    /// The lowest score of `level`.
    pub fn floor(&self, level: Level) -> f64 {
        match level {
            Level::Low => 0.0,
            Level::Middle => self.middle,
            Level::High => self.high,
        }
    }

    pub fn kinerja(&self, score: f64) -> Expectation {
        match self.level(score) {
            Level::High => Expectation::Above,
            Level::Middle => Expectation::Meets,
            Level::Low => Expectation::Below,
        }
    }

    pub fn potential(&self, score: f64) -> Potential {
        match self.level(score) {
            Level::High => Potential::High,
            Level::Middle => Potential::Middle,
            Level::Low => Potential::Low,
        }
    }
}

/// A box of the 9-box, 1-9 in the official PermenPANRB numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Kotak(u8);

/// The official numbering, indexed `[kinerja][potensial]` from low to high.
const NUMBERING: [[u8; 3]; 3] = [
    // kinerja di bawah: potensial rendah, menengah, tinggi
    [1, 3, 6],
    // kinerja sesuai
    [2, 5, 8],
    // kinerja di atas
    [4, 7, 9],
];

impl Kotak {
    /// The box for a pair of categories: the only way a placement gets its number.
    pub fn of(kinerja: Expectation, potential: Potential) -> Kotak {
        Kotak(NUMBERING[kinerja as usize][potential as usize])
    }

    /// Reads a stored number back; `None` outside 1-9.
    pub fn from_number(number: u8) -> Option<Kotak> {
        (1..=9).contains(&number).then_some(Kotak(number))
    }

    pub fn all() -> impl Iterator<Item = Kotak> {
        (1..=9).map(Kotak)
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The (kinerja, potensial) pair this box stands for.
    pub fn categories(self) -> (Expectation, Potential) {
        for kinerja in Expectation::ALL {
            for potential in Potential::ALL {
                if Kotak::of(kinerja, potential) == self {
                    return (kinerja, potential);
                }
            }
        }
        unreachable!("NUMBERING holds every number 1-9 exactly once")
    }

    /// The level of each axis this box stands for: (kinerja, potensial).
    pub fn levels(self) -> (Level, Level) {
        let (kinerja, potential) = self.categories();
        let level = |index: usize| [Level::Low, Level::Middle, Level::High][index];
        (level(kinerja as usize), level(potential as usize))
    }

    /// Kotak 7, 8 and 9 form the talent pool (kelompok rencana suksesi instansi).
    pub fn in_talent_pool(self) -> bool {
        self.0 >= 7
    }

    /// Kotak 9 also qualifies for the national talent pool.
    pub fn in_national_talent_pool(self) -> bool {
        self.0 == 9
    }

    /// The follow-up domain.md §3 recommends for this box, in its order.
    pub fn recommendations(self) -> &'static [Recommendation] {
        use Recommendation::*;
        match self.0 {
            9 => &[Promote, Retain, KrsInstansi, KrsNasional, Award],
            8 => &[
                Retain,
                KrsInstansi,
                Rotation,
                JobEnlargement,
                PerformanceGuidance,
            ],
            7 => &[
                Retain,
                KrsInstansi,
                Rotation,
                JobEnrichment,
                CompetencyDevelopment,
                StudyAssignment,
            ],
            6 => &[
                SuitablePlacement,
                PerformanceGuidance,
                PerformanceCounselling,
            ],
            5 => &[
                SuitablePlacement,
                PerformanceGuidance,
                CompetencyDevelopment,
            ],
            4 => &[Rotation, CompetencyDevelopment],
            3 => &[
                PerformanceGuidance,
                PerformanceCounselling,
                CompetencyDevelopment,
                SuitablePlacement,
            ],
            2 => &[
                PerformanceGuidance,
                CompetencyDevelopment,
                SuitablePlacement,
            ],
            _ => &[PerRegulations],
        }
    }
}

/// A follow-up action recommended for a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Recommendation {
    Promote,
    Retain,
    KrsInstansi,
    KrsNasional,
    Award,
    Rotation,
    JobEnlargement,
    JobEnrichment,
    CompetencyDevelopment,
    StudyAssignment,
    SuitablePlacement,
    PerformanceGuidance,
    PerformanceCounselling,
    PerRegulations,
}

impl Recommendation {
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::Promote => "Dipromosikan",
            Recommendation::Retain => "Dipertahankan",
            Recommendation::KrsInstansi => "Masuk kelompok rencana suksesi (KRS) instansi",
            Recommendation::KrsNasional => "Masuk kelompok rencana suksesi (KRS) nasional",
            Recommendation::Award => "Diberikan penghargaan",
            Recommendation::Rotation => "Rotasi",
            Recommendation::JobEnlargement => "Perluasan jabatan (job enlargement)",
            Recommendation::JobEnrichment => "Pengayaan jabatan (job enrichment)",
            Recommendation::CompetencyDevelopment => "Pengembangan kompetensi",
            Recommendation::StudyAssignment => "Tugas belajar",
            Recommendation::SuitablePlacement => "Penempatan yang sesuai",
            Recommendation::PerformanceGuidance => "Bimbingan kinerja",
            Recommendation::PerformanceCounselling => "Konseling kinerja",
            Recommendation::PerRegulations => {
                "Ditangani sesuai ketentuan peraturan perundang-undangan"
            }
        }
    }
}

/// People per kinerja level and per potensial level (each low to high) from the people per
/// kotak (index 0 = kotak 1): the row and column totals of the grid.
pub fn axis_totals(per_kotak: &[i64; 9]) -> ([i64; 3], [i64; 3]) {
    let mut kinerja = [0; 3];
    let mut potential = [0; 3];
    for kotak in Kotak::all() {
        let (k, p) = kotak.categories();
        let n = per_kotak[usize::from(kotak.number()) - 1];
        kinerja[k as usize] += n;
        potential[p as usize] += n;
    }
    (kinerja, potential)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;
    use Expectation::*;
    use Potential::*;
    use Recommendation::*;

    #[test]
    fn ratings_are_read_as_people_write_them() {
        for (text, expected) in [
            ("Di atas ekspektasi", Above),
            ("DIATAS", Above),
            ("sesuai ekspektasi", Meets),
            (" Sesuai ", Meets),
            ("di bawah", Below),
            ("Dibawah Ekspektasi", Below),
        ] {
            assert_eq!(Expectation::parse(text), Some(expected), "{text}");
        }
        assert_eq!(Expectation::parse("baik"), None);
        for e in Expectation::ALL {
            assert_eq!(Expectation::from_code(e.code()), Some(e));
        }
        for p in Potential::ALL {
            assert_eq!(Potential::from_code(p.code()), Some(p));
        }
    }

    #[test]
    fn official_numbering_from_domain_md() {
        // Rows: kinerja di atas, sesuai, di bawah; columns: potensial rendah, menengah, tinggi.
        let table = [(Above, [4, 7, 9]), (Meets, [2, 5, 8]), (Below, [1, 3, 6])];
        for (kinerja, row) in table {
            for (potential, expected) in Potential::ALL.into_iter().zip(row) {
                assert_eq!(Kotak::of(kinerja, potential).number(), expected);
            }
        }
    }

    #[test]
    fn row_major_numbering_is_not_ours() {
        // The row-major 1-2-3 along the bottom that circulates elsewhere would make this 2.
        assert_eq!(Kotak::of(Below, Middle).number(), 3);
        assert_eq!(Kotak::of(Meets, Low).number(), 2);
    }

    #[test]
    fn the_nine_pairs_map_to_nine_distinct_boxes() {
        let boxes: HashSet<u8> = Expectation::ALL
            .into_iter()
            .flat_map(|k| {
                Potential::ALL
                    .into_iter()
                    .map(move |p| Kotak::of(k, p).number())
            })
            .collect();
        assert_eq!(boxes, (1..=9).collect());
    }

    #[test]
    fn categories_invert_the_numbering() {
        for kotak in Kotak::all() {
            let (kinerja, potential) = kotak.categories();
            assert_eq!(Kotak::of(kinerja, potential), kotak);
        }
    }

    #[test]
    fn stored_numbers_outside_one_to_nine_are_refused() {
        assert_eq!(Kotak::from_number(0), None);
        assert_eq!(Kotak::from_number(10), None);
        assert_eq!(Kotak::from_number(5).map(Kotak::number), Some(5));
    }

    #[test]
    fn recommendations_from_domain_md() {
        let expected: [(u8, &[Recommendation]); 9] = [
            (9, &[Promote, Retain, KrsInstansi, KrsNasional, Award]),
            (
                8,
                &[
                    Retain,
                    KrsInstansi,
                    Rotation,
                    JobEnlargement,
                    PerformanceGuidance,
                ],
            ),
            (
                7,
                &[
                    Retain,
                    KrsInstansi,
                    Rotation,
                    JobEnrichment,
                    CompetencyDevelopment,
                    StudyAssignment,
                ],
            ),
            (
                6,
                &[
                    SuitablePlacement,
                    PerformanceGuidance,
                    PerformanceCounselling,
                ],
            ),
            (
                5,
                &[
                    SuitablePlacement,
                    PerformanceGuidance,
                    CompetencyDevelopment,
                ],
            ),
            (4, &[Rotation, CompetencyDevelopment]),
            (
                3,
                &[
                    PerformanceGuidance,
                    PerformanceCounselling,
                    CompetencyDevelopment,
                    SuitablePlacement,
                ],
            ),
            (
                2,
                &[
                    PerformanceGuidance,
                    CompetencyDevelopment,
                    SuitablePlacement,
                ],
            ),
            (1, &[PerRegulations]),
        ];
        for (number, recommendations) in expected {
            let kotak = Kotak::from_number(number).expect("1-9");
            assert_eq!(kotak.recommendations(), recommendations, "kotak {number}");
        }
    }

    #[test]
    fn talent_pool_is_kotak_seven_to_nine() {
        let pool: Vec<u8> = Kotak::all()
            .filter(|k| k.in_talent_pool())
            .map(Kotak::number)
            .collect();
        assert_eq!(pool, [7, 8, 9]);
        let national: Vec<u8> = Kotak::all()
            .filter(|k| k.in_national_talent_pool())
            .map(Kotak::number)
            .collect();
        assert_eq!(national, [9]);
    }

    #[test]
    fn default_thresholds_are_inclusive_lower_bounds() {
        let t = Thresholds::BKN_2025;
        assert_eq!(t.level(80.0), Level::High);
        assert_eq!(t.level(79.99), Level::Middle);
        assert_eq!(t.level(60.0), Level::Middle);
        assert_eq!(t.level(59.99), Level::Low);
        assert_eq!(Thresholds::JPM_90_78.level(90.0), Level::High);
        assert_eq!(Thresholds::JPM_90_78.level(78.0), Level::Middle);
        assert_eq!(Thresholds::JPM_90_78.level(77.9), Level::Low);
    }

    #[test]
    fn thresholds_must_be_ordered_and_within_the_scale() {
        assert!(Thresholds::new(85.0, 70.0).is_some());
        assert!(Thresholds::new(70.0, 85.0).is_none());
        assert!(Thresholds::new(80.0, 80.0).is_none());
        assert!(Thresholds::new(101.0, 60.0).is_none());
        assert!(Thresholds::new(80.0, -1.0).is_none());
    }

    proptest! {
        #[test]
        fn levels_are_monotone(a in 0.0f64..=100.0, b in 0.0f64..=100.0, middle in 0.0f64..99.0, gap in 0.5f64..50.0) {
            let Some(t) = Thresholds::new((middle + gap).min(100.0), middle) else { return Ok(()) };
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(t.level(lo) <= t.level(hi));
        }

        #[test]
        fn higher_scores_never_land_on_a_lower_row_or_column(
            k1 in 0.0f64..=100.0, k2 in 0.0f64..=100.0, p1 in 0.0f64..=100.0, p2 in 0.0f64..=100.0
        ) {
            let t = Thresholds::BKN_2025;
            let (klo, khi) = if k1 <= k2 { (k1, k2) } else { (k2, k1) };
            let (plo, phi) = if p1 <= p2 { (p1, p2) } else { (p2, p1) };
            let low = Kotak::of(t.kinerja(klo), t.potential(plo));
            let high = Kotak::of(t.kinerja(khi), t.potential(phi));
            let (lk, lp) = low.categories();
            let (hk, hp) = high.categories();
            prop_assert!(lk <= hk && lp <= hp);
        }

        #[test]
        fn the_boundary_scores_are_inclusive(kinerja in 0.0f64..=100.0) {
            let t = Thresholds::BKN_2025;
            prop_assert_eq!(t.kinerja(kinerja) == Expectation::Above, kinerja >= 80.0);
            prop_assert_eq!(t.kinerja(kinerja) == Expectation::Below, kinerja < 60.0);
        }
    }

    #[test]
    fn axis_totals_add_up_the_rows_and_columns_of_the_official_grid() {
        // One person in kotak 1, two in 2, ... nine in 9.
        let per_kotak = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        let (kinerja, potential) = axis_totals(&per_kotak);
        // Di bawah: 1, 3, 6; sesuai: 2, 5, 8; di atas: 4, 7, 9.
        assert_eq!(kinerja, [1 + 3 + 6, 2 + 5 + 8, 4 + 7 + 9]);
        // Rendah: 1, 2, 4; menengah: 3, 5, 7; tinggi: 6, 8, 9.
        assert_eq!(potential, [1 + 2 + 4, 3 + 5 + 7, 6 + 8 + 9]);
        assert_eq!(kinerja.iter().sum::<i64>(), 45);
        assert_eq!(potential.iter().sum::<i64>(), 45);
    }
}
