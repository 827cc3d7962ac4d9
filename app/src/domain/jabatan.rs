//! Jabatan (domain.md §7, UU 20/2023): the kinds and levels of a post, and the retirement age
//! (batas usia pensiun, BUP) each kind carries.

use super::calendar::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The kind of a post. Manajerial: the three JPT levels, administrator, pengawas;
/// non-manajerial: fungsional and pelaksana. Eselon is a legacy attribute and is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum JenisJabatan {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Fungsional,
    Pelaksana,
}

/// The level of a fungsional post: keahlian (ahli) or keterampilan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum JenjangFungsional {
    AhliPertama,
    AhliMuda,
    AhliMadya,
    AhliUtama,
    Pemula,
    Terampil,
    Mahir,
    Penyelia,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum JabatanError {
    #[error("jenis jabatan \"{0}\" tidak dikenal")]
    UnknownJenis(String),
    #[error("jenjang jabatan fungsional \"{0}\" tidak dikenal")]
    UnknownJenjang(String),
}

/// Lower case, with spaces, dashes and underscores removed: "JPT Pratama" = "jpt_pratama".
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

impl JenisJabatan {
    pub const ALL: [JenisJabatan; 7] = [
        JenisJabatan::JptUtama,
        JenisJabatan::JptMadya,
        JenisJabatan::JptPratama,
        JenisJabatan::Administrator,
        JenisJabatan::Pengawas,
        JenisJabatan::Fungsional,
        JenisJabatan::Pelaksana,
    ];

    /// The stored code, e.g. `jpt_pratama`.
    pub fn code(self) -> &'static str {
        match self {
            JenisJabatan::JptUtama => "jpt_utama",
            JenisJabatan::JptMadya => "jpt_madya",
            JenisJabatan::JptPratama => "jpt_pratama",
            JenisJabatan::Administrator => "administrator",
            JenisJabatan::Pengawas => "pengawas",
            JenisJabatan::Fungsional => "fungsional",
            JenisJabatan::Pelaksana => "pelaksana",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            JenisJabatan::JptUtama => "JPT Utama",
            JenisJabatan::JptMadya => "JPT Madya",
            JenisJabatan::JptPratama => "JPT Pratama",
            JenisJabatan::Administrator => "Administrator",
            JenisJabatan::Pengawas => "Pengawas",
            JenisJabatan::Fungsional => "Fungsional",
            JenisJabatan::Pelaksana => "Pelaksana",
        }
    }

    /// Reads a code or a label, ignoring case, spaces, dashes and underscores.
    pub fn parse(input: &str) -> Result<JenisJabatan, JabatanError> {
        let wanted = key(input);
        Self::ALL
            .into_iter()
            .find(|j| key(j.code()) == wanted)
            .ok_or_else(|| JabatanError::UnknownJenis(input.trim().to_owned()))
    }

    pub fn is_managerial(self) -> bool {
        !matches!(self, JenisJabatan::Fungsional | JenisJabatan::Pelaksana)
    }
}

impl JenjangFungsional {
    pub const ALL: [JenjangFungsional; 8] = [
        JenjangFungsional::AhliPertama,
        JenjangFungsional::AhliMuda,
        JenjangFungsional::AhliMadya,
        JenjangFungsional::AhliUtama,
        JenjangFungsional::Pemula,
        JenjangFungsional::Terampil,
        JenjangFungsional::Mahir,
        JenjangFungsional::Penyelia,
    ];

    pub fn code(self) -> &'static str {
        match self {
            JenjangFungsional::AhliPertama => "ahli_pertama",
            JenjangFungsional::AhliMuda => "ahli_muda",
            JenjangFungsional::AhliMadya => "ahli_madya",
            JenjangFungsional::AhliUtama => "ahli_utama",
            JenjangFungsional::Pemula => "pemula",
            JenjangFungsional::Terampil => "terampil",
            JenjangFungsional::Mahir => "mahir",
            JenjangFungsional::Penyelia => "penyelia",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            JenjangFungsional::AhliPertama => "Ahli Pertama",
            JenjangFungsional::AhliMuda => "Ahli Muda",
            JenjangFungsional::AhliMadya => "Ahli Madya",
            JenjangFungsional::AhliUtama => "Ahli Utama",
            JenjangFungsional::Pemula => "Pemula",
            JenjangFungsional::Terampil => "Terampil",
            JenjangFungsional::Mahir => "Mahir",
            JenjangFungsional::Penyelia => "Penyelia",
        }
    }

    pub fn parse(input: &str) -> Result<JenjangFungsional, JabatanError> {
        let wanted = key(input);
        Self::ALL
            .into_iter()
            .find(|j| key(j.code()) == wanted)
            .ok_or_else(|| JabatanError::UnknownJenjang(input.trim().to_owned()))
    }

    /// Keahlian levels need a degree; keterampilan levels do not.
    pub fn is_keahlian(self) -> bool {
        matches!(
            self,
            JenjangFungsional::AhliPertama
                | JenjangFungsional::AhliMuda
                | JenjangFungsional::AhliMadya
                | JenjangFungsional::AhliUtama
        )
    }
}

/// Batas usia pensiun (UU 5/2014 Pasal 90, PP 11/2017 as amended by PP 17/2020): 60 for
/// pimpinan tinggi, 58 for administrasi, and for fungsional 65 (ahli utama), 60 (ahli madya)
/// or 58 (the other levels).
pub fn retirement_age(jenis: JenisJabatan, jenjang: Option<JenjangFungsional>) -> u8 {
    match (jenis, jenjang) {
        (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => 60,
        (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliUtama)) => 65,
        (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMadya)) => 60,
        _ => 58,
    }
}

/// The date a person retires: the first day of the month after the month in which they reach
/// the retirement age of their post.
pub fn retirement_date(
    birth: Date,
    jenis: JenisJabatan,
    jenjang: Option<JenjangFungsional>,
) -> Date {
    birth
        .add_years(i32::from(retirement_age(jenis, jenjang)))
        .first_of_next_month()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_codes_and_labels() {
        for jenis in JenisJabatan::ALL {
            assert_eq!(JenisJabatan::parse(jenis.code()), Ok(jenis));
            assert_eq!(JenisJabatan::parse(jenis.label()), Ok(jenis));
        }
        assert_eq!(
            JenisJabatan::parse("JPT-Pratama"),
            Ok(JenisJabatan::JptPratama)
        );
        assert!(JenisJabatan::parse("eselon II").is_err());
        for jenjang in JenjangFungsional::ALL {
            assert_eq!(JenjangFungsional::parse(jenjang.label()), Ok(jenjang));
        }
        assert_eq!(
            JenjangFungsional::parse("ahli madya").map(JenjangFungsional::is_keahlian),
            Ok(true)
        );
        assert!(!JenjangFungsional::Penyelia.is_keahlian());
    }

    #[test]
    fn managerial_posts_are_jpt_administrator_and_pengawas() {
        let managerial: Vec<_> = JenisJabatan::ALL
            .into_iter()
            .filter(|j| j.is_managerial())
            .collect();
        assert_eq!(managerial.len(), 5);
        assert!(!JenisJabatan::Pelaksana.is_managerial());
    }

    #[test]
    fn retirement_follows_the_post() {
        let birth = Date::new(1970, 5, 17).expect("date");
        let at = |jenis, jenjang| retirement_date(birth, jenis, jenjang).to_string();
        assert_eq!(at(JenisJabatan::Administrator, None), "2028-06-01");
        assert_eq!(at(JenisJabatan::Pelaksana, None), "2028-06-01");
        assert_eq!(at(JenisJabatan::JptPratama, None), "2030-06-01");
        assert_eq!(
            at(JenisJabatan::Fungsional, Some(JenjangFungsional::AhliUtama)),
            "2035-06-01"
        );
        assert_eq!(
            at(JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMadya)),
            "2030-06-01"
        );
        assert_eq!(
            at(JenisJabatan::Fungsional, Some(JenjangFungsional::Terampil)),
            "2028-06-01"
        );
        // Born in December: retires on 1 January.
        let december = Date::new(1967, 12, 31).expect("date");
        assert_eq!(
            retirement_date(december, JenisJabatan::Pengawas, None).to_string(),
            "2026-01-01"
        );
    }
}
