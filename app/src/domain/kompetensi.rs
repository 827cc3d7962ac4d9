//! The competencies an assessment measures (PermenPANRB 38/2017, domain.md §4): eight
//! manajerial competencies and one sosial kultural, and the eight dimensions of the potential
//! assessment. Teknis competencies differ per post and are not listed here.

use serde::{Deserialize, Serialize};

/// A manajerial or sosial kultural competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kompetensi {
    Integritas,
    KerjaSama,
    Komunikasi,
    OrientasiPadaHasil,
    PelayananPublik,
    PengembanganDiriDanOrangLain,
    MengelolaPerubahan,
    PengambilanKeputusan,
    /// Sosial kultural.
    PerekatBangsa,
}

/// A dimension of the potential assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DimensiPotensi {
    KemampuanIntelektual,
    Interpersonal,
    KesadaranDiri,
    BerpikirKritisDanStrategis,
    ProblemSolving,
    KecerdasanEmosional,
    BelajarCepat,
    MotivasiDanKomitmen,
}

/// Lower-case letters and digits only: "Orientasi pada Hasil" = "orientasi_pada_hasil".
pub fn name_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Kompetensi {
    pub const ALL: [Kompetensi; 9] = [
        Kompetensi::Integritas,
        Kompetensi::KerjaSama,
        Kompetensi::Komunikasi,
        Kompetensi::OrientasiPadaHasil,
        Kompetensi::PelayananPublik,
        Kompetensi::PengembanganDiriDanOrangLain,
        Kompetensi::MengelolaPerubahan,
        Kompetensi::PengambilanKeputusan,
        Kompetensi::PerekatBangsa,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Kompetensi::Integritas => "integritas",
            Kompetensi::KerjaSama => "kerja_sama",
            Kompetensi::Komunikasi => "komunikasi",
            Kompetensi::OrientasiPadaHasil => "orientasi_pada_hasil",
            Kompetensi::PelayananPublik => "pelayanan_publik",
            Kompetensi::PengembanganDiriDanOrangLain => "pengembangan_diri_dan_orang_lain",
            Kompetensi::MengelolaPerubahan => "mengelola_perubahan",
            Kompetensi::PengambilanKeputusan => "pengambilan_keputusan",
            Kompetensi::PerekatBangsa => "perekat_bangsa",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kompetensi::Integritas => "Integritas",
            Kompetensi::KerjaSama => "Kerja sama",
            Kompetensi::Komunikasi => "Komunikasi",
            Kompetensi::OrientasiPadaHasil => "Orientasi pada hasil",
            Kompetensi::PelayananPublik => "Pelayanan publik",
            Kompetensi::PengembanganDiriDanOrangLain => "Pengembangan diri dan orang lain",
            Kompetensi::MengelolaPerubahan => "Mengelola perubahan",
            Kompetensi::PengambilanKeputusan => "Pengambilan keputusan",
            Kompetensi::PerekatBangsa => "Perekat bangsa",
        }
    }

    pub fn from_code(code: &str) -> Option<Kompetensi> {
        let wanted = name_key(code);
        Self::ALL.into_iter().find(|k| name_key(k.code()) == wanted)
    }
}

impl DimensiPotensi {
    pub const ALL: [DimensiPotensi; 8] = [
        DimensiPotensi::KemampuanIntelektual,
        DimensiPotensi::Interpersonal,
        DimensiPotensi::KesadaranDiri,
        DimensiPotensi::BerpikirKritisDanStrategis,
        DimensiPotensi::ProblemSolving,
        DimensiPotensi::KecerdasanEmosional,
        DimensiPotensi::BelajarCepat,
        DimensiPotensi::MotivasiDanKomitmen,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DimensiPotensi::KemampuanIntelektual => "kemampuan_intelektual",
            DimensiPotensi::Interpersonal => "interpersonal",
            DimensiPotensi::KesadaranDiri => "kesadaran_diri",
            DimensiPotensi::BerpikirKritisDanStrategis => "berpikir_kritis_dan_strategis",
            DimensiPotensi::ProblemSolving => "problem_solving",
            DimensiPotensi::KecerdasanEmosional => "kecerdasan_emosional",
            DimensiPotensi::BelajarCepat => "belajar_cepat",
            DimensiPotensi::MotivasiDanKomitmen => "motivasi_dan_komitmen",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DimensiPotensi::KemampuanIntelektual => "Kemampuan intelektual",
            DimensiPotensi::Interpersonal => "Interpersonal",
            DimensiPotensi::KesadaranDiri => "Kesadaran diri",
            DimensiPotensi::BerpikirKritisDanStrategis => "Berpikir kritis dan strategis",
            DimensiPotensi::ProblemSolving => "Problem solving",
            DimensiPotensi::KecerdasanEmosional => "Kecerdasan emosional",
            DimensiPotensi::BelajarCepat => "Belajar cepat",
            DimensiPotensi::MotivasiDanKomitmen => "Motivasi dan komitmen",
        }
    }
}

/// The potential score of an assessment: the mean of its eight dimension scores (each 0-100),
/// rounded to two decimals.
pub fn potential_score(dimensions: &[f64; 8]) -> f64 {
    let mean = dimensions.iter().sum::<f64>() / 8.0;
    (mean * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_read_back() {
        for k in Kompetensi::ALL {
            assert_eq!(Kompetensi::from_code(k.code()), Some(k));
            assert_eq!(Kompetensi::from_code(k.label()), Some(k));
        }
        let codes: std::collections::BTreeSet<_> =
            DimensiPotensi::ALL.iter().map(|d| d.code()).collect();
        assert_eq!(codes.len(), 8);
        assert_eq!(Kompetensi::from_code("teknis"), None);
    }

    #[test]
    fn potential_is_the_mean_of_eight_dimensions() {
        assert_eq!(potential_score(&[80.0; 8]), 80.0);
        assert_eq!(
            potential_score(&[70.0, 80.0, 90.0, 60.0, 75.0, 85.0, 65.0, 95.0]),
            77.5
        );
        assert_eq!(
            potential_score(&[70.0, 70.0, 70.0, 70.0, 70.0, 70.0, 70.0, 71.0]),
            70.13
        );
    }
}
