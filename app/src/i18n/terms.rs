//! The domain's terms in the reader's language. The domain keeps the legal Indonesian terms
//! (`label()`); English readers get a translation, with the Indonesian term beside it where
//! it is a name in law (a merit band, an SKP predikat), so the two can be matched up.

use super::Lang;
use crate::domain::instansi::InstansiKind;
use crate::domain::merit_index::{Framework, MeritCategory};
use crate::domain::nine_box::{Expectation, Potential, Recommendation};
use crate::domain::scoring::{Component, Discipline, Education};
use crate::domain::skp::Predikat;

/// "III (Baik)" or "III (Good)"; a NISM band keeps its name: "Menengah (intermediate)".
pub fn merit_category(category: &MeritCategory, lang: Lang) -> String {
    let english = match category.label {
        "Buruk" => "Poor",
        "Kurang" => "Inadequate",
        "Baik" => "Good",
        "Sangat Baik" => "Very good",
        "Dasar" => "basic",
        "Lanjutan" => "developing",
        "Menengah" => "intermediate",
        "Tinggi" => "high",
        "Maju" => "advanced",
        _ => return category.display_name(),
    };
    match (lang, category.code == category.label) {
        (Lang::Id, _) => category.display_name(),
        (Lang::En, true) => format!("{} ({english})", category.label),
        (Lang::En, false) => format!("{} ({english})", category.code),
    }
}

pub fn framework_title(framework: Framework, lang: Lang) -> &'static str {
    match framework {
        Framework::Kasn => lang.pick(
            framework.title(),
            "KASN/BKN Merit System Index (scale 100-400)",
        ),
        Framework::Nism => lang.pick(
            framework.title(),
            "Merit System Index Value, PermenPANRB 19/2025 (scale 0-1)",
        ),
    }
}

pub fn instansi_kind(kind: InstansiKind, lang: Lang) -> &'static str {
    match kind {
        InstansiKind::Kementerian => lang.pick(kind.label(), "Ministry"),
        InstansiKind::Lembaga => lang.pick(kind.label(), "Agency"),
        InstansiKind::Provinsi => lang.pick(kind.label(), "Province"),
        InstansiKind::Kabupaten => lang.pick(kind.label(), "Regency"),
        InstansiKind::Kota => lang.pick(kind.label(), "City"),
    }
}

pub fn expectation(value: Expectation, lang: Lang) -> &'static str {
    match value {
        Expectation::Below => lang.pick(value.label(), "Below expectations"),
        Expectation::Meets => lang.pick(value.label(), "Meets expectations"),
        Expectation::Above => lang.pick(value.label(), "Above expectations"),
    }
}

pub fn potential(value: Potential, lang: Lang) -> &'static str {
    match value {
        Potential::Low => lang.pick(value.label(), "Low"),
        Potential::Middle => lang.pick(value.label(), "Middle"),
        Potential::High => lang.pick(value.label(), "High"),
    }
}

pub fn recommendation(value: Recommendation, lang: Lang) -> &'static str {
    use Recommendation::*;
    let english = match value {
        Promote => "Promote",
        Retain => "Retain",
        KrsInstansi => "Enter the instansi's succession pool (KRS)",
        KrsNasional => "Enter the national succession pool (KRS)",
        Award => "Give an award",
        Rotation => "Rotation",
        JobEnlargement => "Job enlargement",
        JobEnrichment => "Job enrichment",
        CompetencyDevelopment => "Competency development",
        StudyAssignment => "Study assignment",
        SuitablePlacement => "Suitable placement",
        PerformanceGuidance => "Performance guidance",
        PerformanceCounselling => "Performance counselling",
        PerRegulations => "Handled as the regulations provide",
    };
    lang.pick(value.label(), english)
}

pub fn component(value: Component, lang: Lang) -> &'static str {
    use Component::*;
    let english = match value {
        KinerjaUtama => "Main performance (SKP predikat)",
        Penghargaan => "Awards",
        PenugasanTimKerja => "Team assignments",
        UmpanBalik360 => "360 feedback",
        PenilaianKompetensi => "Competency assessment (JPM)",
        PengembanganKompetensi => "Competency development (JP)",
        PengalamanJabatan => "Experience in post",
        PenilaianPotensi => "Potential assessment",
        Pendidikan => "Education",
        KesesuaianBidangIlmu => "Field of study matches the post",
        Integritas => "Integrity (disciplinary record)",
    };
    lang.pick(value.label(), english)
}

/// An SKP predikat is a name in law: English readers see it with its translation.
pub fn predikat(value: Predikat, lang: Lang) -> String {
    let english = match value {
        Predikat::SangatBaik => "outstanding",
        Predikat::Baik => "good",
        Predikat::ButuhPerbaikan => "needs improvement",
        Predikat::Kurang => "poor",
        Predikat::SangatKurang => "very poor",
    };
    lang.pick(
        value.label().to_owned(),
        format!("{} ({english})", value.label()),
    )
}

pub fn education(value: Education, lang: Lang) -> &'static str {
    match value {
        Education::Sma => lang.pick(value.label(), "Senior high school or equal"),
        other => other.label(),
    }
}

pub fn discipline(value: Discipline, lang: Lang) -> &'static str {
    let english = match value {
        Discipline::None => "Never disciplined",
        Discipline::Ringan => "Light disciplinary penalty",
        Discipline::Sedang => "Moderate disciplinary penalty",
        Discipline::Berat => "Severe disciplinary penalty",
        Discipline::ServingNow => "Now serving a disciplinary penalty",
    };
    lang.pick(value.label(), english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_merit_category_has_an_english_name_and_keeps_its_code() {
        for framework in Framework::ALL {
            for category in framework.categories() {
                let english = merit_category(category, Lang::En);
                assert_ne!(english, category.display_name(), "{category:?}");
                assert!(english.starts_with(category.code), "{english}");
                assert_eq!(merit_category(category, Lang::Id), category.display_name());
            }
        }
    }

    #[test]
    fn english_terms_differ_from_the_indonesian_ones() {
        for c in Component::KINERJA.into_iter().chain(Component::POTENSIAL) {
            assert_ne!(component(c, Lang::En), c.label());
        }
        for d in Discipline::ALL {
            assert_ne!(discipline(d, Lang::En), d.label());
        }
        for p in Predikat::ALL {
            assert_ne!(predikat(p, Lang::En), p.label());
        }
        for e in Expectation::ALL {
            assert_ne!(expectation(e, Lang::En), e.label());
        }
        for p in Potential::ALL {
            assert_ne!(potential(p, Lang::En), p.label());
        }
        for f in Framework::ALL {
            assert_ne!(framework_title(f, Lang::En), f.title());
        }
    }
}
