//! The career checklist's values in the reader's language: what a criterion asks
//! ("minimal 2 tahun") and what a candidate has on record ("belum tercatat").

use super::count::TAHUN;
use super::terms::education;
use super::Lang;
use crate::domain::career::{Attained, Required};
use crate::domain::golongan::PnsGolongan;

fn at_least(value: String, lang: Lang) -> String {
    lang.pick(format!("minimal {value}"), format!("at least {value}"))
}

fn golongan_with_pangkat(golongan: PnsGolongan) -> String {
    format!("{golongan} ({})", golongan.pangkat())
}

/// What a checklist criterion asks: "minimal 2 tahun", "kotak 7, 8, 9", …
pub fn required(value: &Required, lang: Lang) -> String {
    match value {
        Required::Golongan(golongan) => golongan_with_pangkat(*golongan),
        Required::Education(level) => education(*level, lang).to_owned(),
        Required::Named(name) => name.clone(),
        Required::YearsAtLeast(min) => at_least(lang.amount(*min, 1, TAHUN), lang),
        Required::Kotak(allowed) => format!(
            "{} {}",
            lang.pick("kotak", "box"),
            allowed
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Required::JpmAtLeast(min) => at_least(format!("{}%", lang.decimal(*min, 1)), lang),
        Required::ClearForYears(n) => {
            let years = lang.count(*n, TAHUN);
            lang.pick(format!("{years} terakhir"), format!("in the last {years}"))
        }
    }
}

/// What a candidate has on record for a checklist criterion.
pub fn attained(value: &Attained, lang: Lang) -> String {
    match value {
        Attained::NotOnRecord => lang.pick("belum tercatat", "not on record").to_owned(),
        Attained::Golongan(golongan) => golongan_with_pangkat(*golongan),
        Attained::Education(level) => education(*level, lang).to_owned(),
        Attained::Named(name) => name.clone(),
        Attained::NoTraining => lang.pick("belum ada", "none yet").to_owned(),
        Attained::Years(held) => lang.amount(*held, 1, TAHUN),
        Attained::Kotak(kotak) => format!("{} {}", lang.pick("kotak", "box"), kotak.number()),
        Attained::Jpm(jpm) => format!("{}%", lang.decimal(*jpm, 1)),
        Attained::SentencedUntil(date) => lang.pick(
            format!("ada; bebas mulai {date}"),
            format!("yes; clear from {date}"),
        ),
        Attained::NoSentence => lang.pick("tidak ada", "none").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checklist_values_are_written_in_the_readers_language() {
        assert_eq!(attained(&Attained::NotOnRecord, Lang::En), "not on record");
        assert_eq!(attained(&Attained::NotOnRecord, Lang::Id), "belum tercatat");
        assert_eq!(
            required(&Required::Kotak(vec![7, 8, 9]), Lang::En),
            "box 7, 8, 9"
        );
        assert_eq!(
            required(&Required::Kotak(vec![7, 8, 9]), Lang::Id),
            "kotak 7, 8, 9"
        );
        assert_eq!(
            required(&Required::YearsAtLeast(2.0), Lang::En),
            "at least 2 years"
        );
        assert_eq!(
            required(&Required::YearsAtLeast(2.5), Lang::Id),
            "minimal 2,5 tahun"
        );
        assert_eq!(attained(&Attained::Years(3.0), Lang::En), "3 years");
        assert_eq!(attained(&Attained::Years(1.0), Lang::En), "1 year");
        assert_eq!(
            required(&Required::ClearForYears(1), Lang::En),
            "in the last 1 year"
        );
        assert_eq!(
            required(&Required::ClearForYears(3), Lang::Id),
            "3 tahun terakhir"
        );
        assert_eq!(
            required(&Required::JpmAtLeast(68.0), Lang::En),
            "at least 68%"
        );
        assert_eq!(attained(&Attained::NoSentence, Lang::En), "none");
        assert_eq!(attained(&Attained::NoSentence, Lang::Id), "tidak ada");
        assert_eq!(attained(&Attained::NoTraining, Lang::En), "none yet");
        let clear = crate::domain::calendar::Date::parse("2027-06-30").expect("date");
        assert_eq!(
            attained(&Attained::SentencedUntil(clear), Lang::Id),
            "ada; bebas mulai 2027-06-30"
        );
        assert_eq!(
            attained(&Attained::SentencedUntil(clear), Lang::En),
            "yes; clear from 2027-06-30"
        );
        let golongan = PnsGolongan::parse("III/d").expect("golongan");
        assert_eq!(
            required(&Required::Golongan(golongan), Lang::En),
            "III/d (Penata Tingkat I)"
        );
    }
}
