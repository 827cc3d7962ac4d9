//! NIP (Nomor Induk Pegawai, PNS) and NI PPPK (domain.md §7).
//!
//! A NIP is 18 digits: birth date (YYYYMMDD), TMT CPNS (YYYYMM), a gender digit (1 male,
//! 2 female) and a sequence from 001. It does not encode the instansi. People type NIPs with
//! spaces or dots between the groups; those are stripped, anything else is refused.

use super::calendar::Date;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "Laki-laki",
            Gender::Female => "Perempuan",
        }
    }
}

/// A validated NIP.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Nip {
    digits: String,
    birth_date: Date,
    tmt_year: i32,
    tmt_month: u8,
    gender: Gender,
    sequence: u16,
}

/// A validated NI PPPK: 18 digits starting with the birth date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NiPppk {
    digits: String,
    birth_date: Date,
}

/// Why a text is not a NIP; the messages are shown to people as they are.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NipError {
    #[error("NIP harus 18 digit angka, bukan {0} digit")]
    WrongLength(usize),
    #[error("NIP hanya boleh berisi angka (spasi dan titik diperbolehkan sebagai pemisah)")]
    NotDigits,
    #[error("tanggal lahir pada NIP ({0}) tidak ada di kalender")]
    InvalidBirthDate(String),
    #[error("TMT CPNS pada NIP ({0}) bukan bulan yang sah")]
    InvalidTmt(String),
    #[error("TMT CPNS pada NIP ({tmt}) kurang dari 18 tahun setelah tanggal lahir ({birth})")]
    TmtBeforeAdulthood { birth: String, tmt: String },
    #[error("digit jenis kelamin pada NIP harus 1 atau 2, bukan {0}")]
    InvalidGender(char),
    #[error("nomor urut pada NIP tidak boleh 000")]
    ZeroSequence,
}

/// Removes the separators people type and checks for 18 digits.
fn clean_digits(input: &str) -> Result<String, NipError> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(NipError::NotDigits);
    }
    if digits.len() != 18 {
        return Err(NipError::WrongLength(digits.len()));
    }
    Ok(digits)
}

/// The number in `digits[range]`; the caller has checked that `digits` holds only ASCII digits.
fn number(digits: &str, range: std::ops::Range<usize>) -> u32 {
    digits[range]
        .bytes()
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

fn birth_date(digits: &str) -> Result<Date, NipError> {
    let year = number(digits, 0..4) as i32;
    let month = number(digits, 4..6) as u8;
    let day = number(digits, 6..8) as u8;
    Date::new(year, month, day)
        .filter(|_| year >= 1900)
        .ok_or_else(|| NipError::InvalidBirthDate(digits[0..8].to_owned()))
}

impl Nip {
    pub fn parse(input: &str) -> Result<Nip, NipError> {
        let digits = clean_digits(input)?;
        let birth_date = birth_date(&digits)?;
        let tmt_year = number(&digits, 8..12) as i32;
        let tmt_month = number(&digits, 12..14) as u8;
        if !(1..=12).contains(&tmt_month) || tmt_year < 1900 {
            return Err(NipError::InvalidTmt(digits[8..14].to_owned()));
        }
        // The TMT is a month; it counts from its first day.
        let adult = (birth_date.year() + 18, birth_date.month(), birth_date.day());
        if (tmt_year, tmt_month, 1) < adult {
            return Err(NipError::TmtBeforeAdulthood {
                birth: birth_date.to_string(),
                tmt: format!("{tmt_year:04}-{tmt_month:02}"),
            });
        }
        let gender = match digits.as_bytes()[14] {
            b'1' => Gender::Male,
            b'2' => Gender::Female,
            other => return Err(NipError::InvalidGender(char::from(other))),
        };
        let sequence = number(&digits, 15..18) as u16;
        if sequence == 0 {
            return Err(NipError::ZeroSequence);
        }
        Ok(Nip {
            digits,
            birth_date,
            tmt_year,
            tmt_month,
            gender,
            sequence,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn birth_date(&self) -> Date {
        self.birth_date
    }

    /// TMT CPNS as (year, month).
    pub fn tmt_cpns(&self) -> (i32, u8) {
        (self.tmt_year, self.tmt_month)
    }

    pub fn gender(&self) -> Gender {
        self.gender
    }

    pub fn sequence(&self) -> u16 {
        self.sequence
    }

    /// The grouped form printed on SK documents: `19850703 201001 1 002`.
    pub fn grouped(&self) -> String {
        let d = &self.digits;
        format!("{} {} {} {}", &d[0..8], &d[8..14], &d[14..15], &d[15..18])
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl NiPppk {
    /// Only the birth-date part of an NI PPPK has a published structure; that is what is checked.
    pub fn parse(input: &str) -> Result<NiPppk, NipError> {
        let digits = clean_digits(input)?;
        let birth_date = birth_date(&digits)?;
        Ok(NiPppk { digits, birth_date })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VALID: &str = "198507032010011002";

    #[test]
    fn a_valid_nip_is_read_into_its_parts() {
        let nip = Nip::parse(VALID).expect("valid");
        assert_eq!(nip.birth_date(), Date::new(1985, 7, 3).expect("date"));
        assert_eq!(nip.tmt_cpns(), (2010, 1));
        assert_eq!(nip.gender(), Gender::Male);
        assert_eq!(nip.sequence(), 2);
        assert_eq!(nip.grouped(), "19850703 201001 1 002");
        assert_eq!(nip.to_string(), VALID);
    }

    #[test]
    fn spaces_and_dots_between_groups_are_accepted() {
        for typed in [
            "19850703 201001 1 002",
            " 19850703.201001.1.002 ",
            "198507032010011002\t",
        ] {
            assert_eq!(
                Nip::parse(typed).map(|n| n.to_string()).as_deref(),
                Ok(VALID),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn each_malformation_has_its_own_reason() {
        let cases = [
            ("19850703201001100", NipError::WrongLength(17)),
            ("1985070320100110021", NipError::WrongLength(19)),
            ("19850703-201001-1-002", NipError::NotDigits),
            ("1985O7032010011002", NipError::NotDigits),
            (
                "198502302010011002",
                NipError::InvalidBirthDate("19850230".into()),
            ),
            (
                "198513012010011002",
                NipError::InvalidBirthDate("19851301".into()),
            ),
            ("198507032010131002", NipError::InvalidTmt("201013".into())),
            ("198507032010001002", NipError::InvalidTmt("201000".into())),
            (
                "198507032003071002",
                NipError::TmtBeforeAdulthood {
                    birth: "1985-07-03".into(),
                    tmt: "2003-07".into(),
                },
            ),
            ("198507032010013002", NipError::InvalidGender('3')),
            ("198507032010010002", NipError::InvalidGender('0')),
            ("198507032010011000", NipError::ZeroSequence),
        ];
        for (input, expected) in cases {
            assert_eq!(Nip::parse(input), Err(expected), "{input}");
        }
    }

    #[test]
    fn tmt_counts_from_the_first_day_of_its_month() {
        // Born 3 July 1985: 18 on 3 July 2003, so TMT 2003-07 (1 July) is too early, 2003-08 is fine.
        assert!(Nip::parse("198507032003081002").is_ok());
        // Born 1 July 1985: TMT 2003-07 starts the day the person turns 18.
        assert!(Nip::parse("198507012003071002").is_ok());
    }

    #[test]
    fn leap_day_births_are_valid_only_in_leap_years() {
        assert!(Nip::parse("198802292010012001").is_ok());
        assert!(Nip::parse("198702292010012001").is_err());
    }

    #[test]
    fn ni_pppk_checks_the_birth_date_only() {
        let pppk = NiPppk::parse("1990 0412 2023 2 1 0045").expect("valid");
        assert_eq!(pppk.birth_date(), Date::new(1990, 4, 12).expect("date"));
        assert!(NiPppk::parse("199004312023211004").is_err());
        assert_eq!(NiPppk::parse("1990"), Err(NipError::WrongLength(4)));
    }

    proptest! {
        #[test]
        fn every_constructed_valid_nip_parses(
            year in 1950i32..2005, month in 1u8..=12, day in 1u8..=28,
            extra_years in 18i32..40, tmt_month in 1u8..=12, female in any::<bool>(), seq in 1u16..=999
        ) {
            let tmt_year = year + extra_years + 1;
            let text = format!(
                "{year:04}{month:02}{day:02}{tmt_year:04}{tmt_month:02}{}{seq:03}",
                if female { 2 } else { 1 }
            );
            let nip = Nip::parse(&text).expect("constructed valid");
            prop_assert_eq!(nip.as_str(), text.as_str());
            prop_assert_eq!(nip.gender(), if female { Gender::Female } else { Gender::Male });
            prop_assert_eq!(nip.sequence(), seq);
            prop_assert_eq!(Nip::parse(&nip.grouped()).expect("grouped"), nip);
        }

        #[test]
        fn parsing_never_panics(input in "\\PC{0,30}") {
            let _ = Nip::parse(&input);
            let _ = NiPppk::parse(&input);
        }
    }
}
