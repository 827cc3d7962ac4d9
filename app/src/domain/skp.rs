//! SKP predikat (PermenPANRB 6/2022, domain.md §4): the rating of an SKP period follows from
//! two ratings, hasil kerja (results) and perilaku (behaviour).

use super::nine_box::Expectation;
use serde::{Deserialize, Serialize};

/// The predikat of an SKP period, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Predikat {
    SangatBaik,
    Baik,
    ButuhPerbaikan,
    Kurang,
    SangatKurang,
}

impl Predikat {
    pub const ALL: [Predikat; 5] = [
        Predikat::SangatBaik,
        Predikat::Baik,
        Predikat::ButuhPerbaikan,
        Predikat::Kurang,
        Predikat::SangatKurang,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "Sangat Baik",
            Predikat::Baik => "Baik",
            Predikat::ButuhPerbaikan => "Butuh Perbaikan",
            Predikat::Kurang => "Kurang",
            Predikat::SangatKurang => "Sangat Kurang",
        }
    }

    /// The stored code, e.g. `butuh_perbaikan`.
    pub fn code(self) -> &'static str {
        match self {
            Predikat::SangatBaik => "sangat_baik",
            Predikat::Baik => "baik",
            Predikat::ButuhPerbaikan => "butuh_perbaikan",
            Predikat::Kurang => "kurang",
            Predikat::SangatKurang => "sangat_kurang",
        }
    }

    pub fn from_code(code: &str) -> Option<Predikat> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Reads a label back, ignoring case and surrounding spaces.
    pub fn from_label(text: &str) -> Option<Predikat> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|p| p.label().eq_ignore_ascii_case(text))
    }
}

/// The predikat for a pair of ratings. Good results with behaviour below expectation is
/// "Kurang" (misconduct), whatever the results were.
pub fn predikat(hasil_kerja: Expectation, perilaku: Expectation) -> Predikat {
    use Expectation::*;
    match (hasil_kerja, perilaku) {
        (Above, Above) => Predikat::SangatBaik,
        (Above | Meets, Meets) | (Meets, Above) => Predikat::Baik,
        (Above | Meets, Below) => Predikat::Kurang,
        (Below, Below) => Predikat::SangatKurang,
        (Below, Meets | Above) => Predikat::ButuhPerbaikan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Expectation::*;
    use Predikat::*;

    #[test]
    fn matrix_from_domain_md() {
        // Rows: hasil kerja; columns: perilaku di bawah, sesuai, di atas.
        let table = [
            (Above, [Kurang, Baik, SangatBaik]),
            (Meets, [Kurang, Baik, Baik]),
            (Below, [SangatKurang, ButuhPerbaikan, ButuhPerbaikan]),
        ];
        for (hasil_kerja, row) in table {
            for (perilaku, expected) in Expectation::ALL.into_iter().zip(row) {
                assert_eq!(
                    predikat(hasil_kerja, perilaku),
                    expected,
                    "{hasil_kerja:?} {perilaku:?}"
                );
            }
        }
    }

    #[test]
    fn labels_round_trip() {
        for p in Predikat::ALL {
            assert_eq!(Predikat::from_label(p.label()), Some(p));
        }
        assert_eq!(Predikat::from_label(" sangat baik "), Some(SangatBaik));
        assert_eq!(Predikat::from_label("Istimewa"), None);
    }

    #[test]
    fn better_behaviour_never_lowers_the_predikat_except_through_misconduct() {
        // Sangat Baik needs both ratings above expectation.
        let sangat_baik: Vec<_> = Expectation::ALL
            .into_iter()
            .flat_map(|h| Expectation::ALL.into_iter().map(move |p| (h, p)))
            .filter(|(h, p)| predikat(*h, *p) == SangatBaik)
            .collect();
        assert_eq!(sangat_baik, [(Above, Above)]);
    }
}
