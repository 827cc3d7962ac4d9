//! A number with the noun it counts, in the reader's language: "1 pegawai", "5 pegawai";
//! "1 employee", "5 employees". Bahasa Indonesia does not inflect a noun after a number, so
//! its side is the number and the noun as they always were; English takes the singular after
//! exactly "1" and the plural after anything else ("0 employees", "2.5 years", "<5 employees").
//! Every text that puts a number before a countable noun words it here, so that no page can
//! write "1 people".
//!
//! [`Lang::count`] writes the number as [`Lang::decimal`] does ("1.204 pegawai", "1,204
//! employees"); [`Lang::with_noun`] takes a number already written, such as a published
//! figure that disclosure control masked ("<5 employees"). The nouns are constants,
//! Indonesian first, so that one noun reads the same on every page.

use super::Lang;
use std::fmt::Display;

/// A countable noun: its one Indonesian form and its two English forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    id: &'static str,
    one: &'static str,
    many: &'static str,
}

impl Noun {
    const fn new(id: &'static str, one: &'static str, many: &'static str) -> Noun {
        Noun { id, one, many }
    }
}

/// Civil servants as records of the instansi: "3 pegawai", "1 employee".
pub const PEGAWAI: Noun = Noun::new("pegawai", "employee", "employees");
/// People as a head count (a kotak, a move between periods): "3 orang", "1 person".
pub const ORANG: Noun = Noun::new("orang", "person", "people");
/// The legal term stays in English too, and has no plural: "1 instansi", "3 instansi".
pub const INSTANSI: Noun = Noun::new("instansi", "instansi", "instansi");
pub const PROVINSI: Noun = Noun::new("provinsi", "province", "provinces");
pub const TAHUN: Noun = Noun::new("tahun", "year", "years");
pub const MENIT: Noun = Noun::new("menit", "minute", "minutes");
/// Score points: "2,5 poin", "1 point".
pub const POIN: Noun = Noun::new("poin", "point", "points");
/// Scored records behind a component (awards, team assignments, 360 rounds).
pub const CATATAN: Noun = Noun::new("catatan", "record", "records");
pub const PELATIHAN: Noun = Noun::new("pelatihan", "training", "trainings");
pub const AKUN: Noun = Noun::new("akun", "account", "accounts");
/// A goal of an IDP.
pub const SASARAN: Noun = Noun::new("sasaran", "goal", "goals");
/// Box changes decided in a calibration session.
pub const PERUBAHAN: Noun = Noun::new("perubahan", "change", "changes");
/// Proposals for the talent pool (KRS).
pub const USULAN: Noun = Noun::new("usulan", "proposal", "proposals");
/// The posts a succession plan covers.
pub const JABATAN_KUNCI: Noun = Noun::new(
    "jabatan kritikal atau target",
    "critical or target post",
    "critical or target posts",
);
/// Rows of an import file, and those of them that are new or changed.
pub const BARIS: Noun = Noun::new("baris", "row", "rows");
pub const BARIS_BARU: Noun = Noun::new("baris baru", "new row", "new rows");
pub const BARIS_BERUBAH: Noun = Noun::new("baris berubah", "changed row", "changed rows");
/// The dashed median lines of a merit-index chart.
pub const GARIS_MEDIAN: Noun = Noun::new("garis median", "median line", "median lines");
/// Published merit-index results.
pub const HASIL: Noun = Noun::new("hasil", "result", "results");
/// Limits of an uploaded workbook.
pub const SEL: Noun = Noun::new("sel", "cell", "cells");
pub const BAGIAN: Noun = Noun::new("bagian", "part", "parts");

/// The whole-number types counts arrive in: a length (`usize`), a count from the database
/// (`i64`), a rule's years (`u8`), a lock-out's minutes (`u32`).
pub trait Count: Copy {
    /// The count as [`Lang::decimal`] takes it.
    fn as_f64(self) -> f64;
}

macro_rules! count_types {
    ($($t:ty),*) => {
        $(impl Count for $t {
            fn as_f64(self) -> f64 {
                self as f64
            }
        })*
    };
}

count_types!(u8, u32, usize, i64);

impl Lang {
    /// `number` as the caller wrote it (a plain `{n}`, a masked "<5") followed by `noun`.
    /// English takes the singular only when the number reads exactly "1".
    pub fn with_noun(self, number: impl Display, noun: Noun) -> String {
        let number = number.to_string();
        let word = match self {
            Lang::Id => noun.id,
            Lang::En if number == "1" => noun.one,
            Lang::En => noun.many,
        };
        format!("{number} {word}")
    }

    /// A count written as this language writes numbers: "1.204 pegawai", "1,204 employees".
    pub fn count(self, n: impl Count, noun: Noun) -> String {
        self.with_noun(self.decimal(n.as_f64(), 0), noun)
    }

    /// An amount with at most `max_fraction_digits` decimals: "2,5 tahun", "1 year",
    /// "1.5 years".
    pub fn amount(self, value: f64, max_fraction_digits: usize, noun: Noun) -> String {
        self.with_noun(self.decimal(value, max_fraction_digits), noun)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_never_inflects_and_groups_thousands_with_a_dot() {
        assert_eq!(Lang::Id.count(0_usize, PEGAWAI), "0 pegawai");
        assert_eq!(Lang::Id.count(1_usize, PEGAWAI), "1 pegawai");
        assert_eq!(Lang::Id.count(2_i64, ORANG), "2 orang");
        assert_eq!(Lang::Id.count(1000_i64, ORANG), "1.000 orang");
        assert_eq!(Lang::Id.count(1_usize, BARIS_BARU), "1 baris baru");
    }

    #[test]
    fn english_takes_the_singular_for_exactly_one() {
        assert_eq!(Lang::En.count(0_usize, PEGAWAI), "0 employees");
        assert_eq!(Lang::En.count(1_usize, PEGAWAI), "1 employee");
        assert_eq!(Lang::En.count(2_i64, ORANG), "2 people");
        assert_eq!(Lang::En.count(1_i64, ORANG), "1 person");
        assert_eq!(Lang::En.count(1000_i64, ORANG), "1,000 people");
        assert_eq!(Lang::En.count(1_usize, BARIS_BARU), "1 new row");
        assert_eq!(Lang::En.count(3_usize, BARIS_BERUBAH), "3 changed rows");
    }

    #[test]
    fn instansi_reads_the_same_in_both_languages_and_numbers() {
        for lang in Lang::ALL {
            assert_eq!(lang.count(1_usize, INSTANSI), "1 instansi");
            assert_eq!(lang.count(3_usize, INSTANSI), "3 instansi");
        }
    }

    #[test]
    fn amounts_are_singular_only_when_they_read_one() {
        assert_eq!(Lang::En.amount(1.0, 1, TAHUN), "1 year");
        assert_eq!(Lang::En.amount(1.04, 1, TAHUN), "1 year");
        assert_eq!(Lang::En.amount(1.5, 1, TAHUN), "1.5 years");
        assert_eq!(Lang::En.amount(0.5, 2, POIN), "0.5 points");
        assert_eq!(Lang::Id.amount(1.5, 1, TAHUN), "1,5 tahun");
        assert_eq!(Lang::Id.amount(1.0, 2, POIN), "1 poin");
    }

    #[test]
    fn a_number_written_elsewhere_keeps_its_writing() {
        assert_eq!(Lang::Id.with_noun(1204, ORANG), "1204 orang");
        assert_eq!(Lang::En.with_noun(1204, ORANG), "1204 people");
        assert_eq!(Lang::En.with_noun(1_u8, TAHUN), "1 year");
        assert_eq!(Lang::En.with_noun("<5", PEGAWAI), "<5 employees");
        assert_eq!(Lang::En.with_noun("–", PEGAWAI), "– employees");
    }
}
