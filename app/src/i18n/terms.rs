//! The domain's terms in the reader's language. The domain keeps the legal Indonesian terms
//! (`label()`); English readers get a translation, with the Indonesian term beside it where
//! it is a name in law (a merit band, an SKP predikat), so the two can be matched up.

use super::Lang;
use crate::api::intake::ImportKind;
use crate::api::self_service::IdpGoal;
use crate::api::talent_map::SortKey;
use crate::domain::access::Role;
use crate::domain::career::{Criterion, Readiness};
use crate::domain::correction::{DataGroup, Field, Missing, RequestStatus};
use crate::domain::golongan::GolonganFilter;
use crate::domain::idp::{development_goal, IdpStatus, Method, ThreadKind};
use crate::domain::instansi::InstansiKind;
use crate::domain::jpm::{MappingCategory, SelectionCategory};
use crate::domain::kompetensi::Kompetensi;
use crate::domain::merit_index::{Framework, MeritCategory};
use crate::domain::merit_result::Body;
use crate::domain::nine_box::{Expectation, Potential, Recommendation};
use crate::domain::scoring::{Component, Discipline, Education};
use crate::domain::skp::Predikat;
use crate::domain::succession::{MatchPart, PipelineFlag};
use crate::domain::talent_pool::Tahap;

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

/// A province as tables and groups show it; kementerian and lembaga have none and are
/// national.
pub fn province(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        lang.pick("Nasional", "National").to_owned()
    } else {
        name.to_owned()
    }
}

/// Who assessed a merit-index result, as a caption says it: "penilaian BKN".
pub fn body_round(body: Body, lang: Lang) -> String {
    lang.pick(
        format!("penilaian {}", body.code()),
        format!("{} assessment", body.code()),
    )
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
    glossed(value.label(), english, lang)
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

pub fn idp_status(value: IdpStatus, lang: Lang) -> &'static str {
    let english = match value {
        IdpStatus::Draf => "Draft",
        IdpStatus::Diajukan => "Waiting for the supervisor's approval",
        IdpStatus::Disetujui => "Approved by the supervisor",
        IdpStatus::Dikembalikan => "Returned for changes",
    };
    lang.pick(value.label(), english)
}

/// A step of an IDP's conversation.
pub fn idp_thread_kind(value: ThreadKind, lang: Lang) -> &'static str {
    match value {
        ThreadKind::Ajukan => lang.pick("mengajukan", "submitted"),
        ThreadKind::Setujui => lang.pick("menyetujui", "approved"),
        ThreadKind::Kembalikan => {
            lang.pick("mengembalikan untuk diperbaiki", "returned for changes")
        }
        ThreadKind::Revisi => lang.pick("membuka revisi", "opened a revision"),
    }
}

pub fn method(value: Method, lang: Lang) -> &'static str {
    let english = match value {
        Method::Pelatihan => "Training course",
        Method::Coaching | Method::Mentoring | Method::ELearning => return value.label(),
        Method::Penugasan => "Assignment",
        Method::TugasBelajar => "Study leave",
    };
    lang.pick(value.label(), english)
}

pub fn criterion(value: Criterion, lang: Lang) -> &'static str {
    let english = match value {
        Criterion::Golongan => "Minimum rank/grade (golongan)",
        Criterion::Pendidikan => "Minimum education",
        Criterion::BidangPendidikan => "Field of study",
        Criterion::Pelatihan => "Required training",
        Criterion::MasaJabatan => "Time in the current post",
        Criterion::Kotak => "Talent-management box",
        Criterion::Jpm => "JPM against the post's standard",
        Criterion::HukumanDisiplin => "No moderate or severe disciplinary penalty",
    };
    lang.pick(value.label(), english)
}

pub fn readiness(value: Readiness, lang: Lang) -> &'static str {
    let english = match value {
        Readiness::SiapSekarang => "Ready now",
        Readiness::SiapSatuSampaiDuaTahun => "Ready in 1-2 years",
        Readiness::SiapLebihDariDuaTahun => "Ready in more than 2 years",
    };
    lang.pick(value.label(), english)
}

/// The label of a readiness, or what to say while it cannot be told.
pub fn readiness_label(value: Option<Readiness>, lang: Lang) -> &'static str {
    value.map_or(
        lang.pick(
            "Belum dapat dinilai (data belum lengkap)",
            "Cannot be judged yet (data incomplete)",
        ),
        |r| readiness(r, lang),
    )
}

/// Where a placement stands, by its stored status (`placed`, `incomplete`, `excluded` or
/// `invalid`).
pub fn placement_status(status: &str, lang: Lang) -> &'static str {
    match status {
        "placed" => lang.pick("Terpetakan", "Placed"),
        "incomplete" => lang.pick("Data belum lengkap", "Data incomplete"),
        "excluded" => lang.pick("Dikecualikan", "Excluded"),
        _ => lang.pick("Data tidak sah", "Data invalid"),
    }
}

/// What a correction request asks to change.
pub fn correction_field(value: Field, lang: Lang) -> &'static str {
    let english = match value {
        Field::Pendidikan => "Highest education",
        Field::Pelatihan => "Training not on record",
        Field::Golongan => "Rank/grade (golongan)",
        Field::TmtJabatan => "Start date (TMT) of the current post",
    };
    lang.pick(value.label(), english)
}

/// The heading of a field's value on record.
pub fn recorded_field(value: Field, lang: Lang) -> &'static str {
    match value {
        Field::Pelatihan => lang.pick(value.recorded_label(), "Training"),
        other => correction_field(other, lang),
    }
}

/// How to fill in a correction of this field.
pub fn correction_hint(value: Field, lang: Lang) -> &'static str {
    let english = match value {
        Field::Pendidikan => "Value: level and field, e.g. \"S2 Administrasi Publik\".",
        Field::Pelatihan => "Value: the training's name; also fill in its start date and JP.",
        Field::Golongan => "Value: the golongan, e.g. \"III/c\"; date: its TMT.",
        Field::TmtJabatan => "Date: TMT of the current post; the value may stay empty.",
    };
    lang.pick(value.hint(), english)
}

pub fn request_status(value: RequestStatus, lang: Lang) -> &'static str {
    let english = match value {
        RequestStatus::Diajukan => "Waiting for BKPSDM's decision",
        RequestStatus::Diterima => "Accepted, the record is updated",
        RequestStatus::Ditolak => "Rejected",
    };
    lang.pick(value.label(), english)
}

pub fn data_group(value: DataGroup, lang: Lang) -> &'static str {
    let english = match value {
        DataGroup::Pendidikan => "Education",
        DataGroup::Pelatihan => "Training",
        DataGroup::Kinerja => "Performance (SKP)",
        DataGroup::Asesmen => "Competency and potential assessment",
    };
    lang.pick(value.label(), english)
}

/// The record a component's value was read from, as people call it.
pub fn record_source(table: &str, lang: Lang) -> &'static str {
    match table {
        "skp" => "SKP",
        "penghargaan" => lang.pick("Data penghargaan", "Awards on record"),
        "penugasan_tim" => lang.pick("Data penugasan tim kerja", "Team assignments on record"),
        "umpan_balik_360" => lang.pick("Umpan balik 360", "360 feedback"),
        "asesmen" => lang.pick("Hasil asesmen", "Assessment results"),
        "riwayat_pelatihan" => lang.pick("Riwayat pelatihan", "Training history"),
        "riwayat_jabatan" => lang.pick("Riwayat jabatan", "Career history"),
        "riwayat_pendidikan" => lang.pick("Riwayat pendidikan", "Education history"),
        "hukuman_disiplin" => lang.pick("Register hukuman disiplin", "Disciplinary register"),
        _ => lang.pick("Data kepegawaian", "Personnel record"),
    }
}

/// A competency of PermenPANRB 38/2017.
pub fn kompetensi(value: Kompetensi, lang: Lang) -> &'static str {
    let english = match value {
        Kompetensi::Integritas => "Integrity",
        Kompetensi::KerjaSama => "Cooperation",
        Kompetensi::Komunikasi => "Communication",
        Kompetensi::OrientasiPadaHasil => "Results orientation",
        Kompetensi::PelayananPublik => "Public service",
        Kompetensi::PengembanganDiriDanOrangLain => "Developing oneself and others",
        Kompetensi::MengelolaPerubahan => "Managing change",
        Kompetensi::PengambilanKeputusan => "Decision making",
        Kompetensi::PerekatBangsa => "National cohesion (perekat bangsa)",
    };
    lang.pick(value.label(), english)
}

/// The recommendations whose follow-up is a goal a person can plan.
const PLANNABLE: [Recommendation; 5] = [
    Recommendation::CompetencyDevelopment,
    Recommendation::PerformanceGuidance,
    Recommendation::PerformanceCounselling,
    Recommendation::Rotation,
    Recommendation::StudyAssignment,
];

/// A goal of an IDP in the reader's language: a gap and a recommendation's goal are worded
/// from what they stand for; a goal the person wrote stays as written.
pub fn idp_goal(goal: &IdpGoal, lang: Lang) -> String {
    if let (Lang::En, Some((kompetensi, attained, required))) = (lang, goal.gap) {
        return format!(
            "Raise {} from level {attained} to level {required}",
            self::kompetensi(kompetensi, lang)
        );
    }
    let recommended = PLANNABLE.into_iter().find(|r| {
        goal.origin == "rekomendasi"
            && development_goal(*r).is_some_and(|(text, _, _)| text == goal.goal)
    });
    match (lang, recommended) {
        (Lang::En, Some(r)) => match r {
            Recommendation::CompetencyDevelopment => {
                "Reach at least 20 JP of competency development this year"
            }
            Recommendation::PerformanceGuidance => {
                "Raise the SKP result through performance guidance with the supervisor"
            }
            Recommendation::PerformanceCounselling => {
                "Performance counselling on what holds the SKP result back"
            }
            Recommendation::StudyAssignment => "Continue education through a study assignment",
            _ => "Broaden job experience through an assignment or rotation",
        }
        .to_owned(),
        _ => goal.goal.clone(),
    }
}

/// Where an IDP goal came from, by its stored code.
pub fn goal_origin(code: &str, lang: Lang) -> &'static str {
    match code {
        "kesenjangan" => lang.pick("Kesenjangan kompetensi", "Competency gap"),
        "rekomendasi" => lang.pick("Rekomendasi kotak", "Recommended for the box"),
        _ => lang.pick("Usulan sendiri", "My own proposal"),
    }
}

/// A JPM category is a name in the regulation: English readers see it with a translation.
pub fn mapping_category(value: MappingCategory, lang: Lang) -> String {
    let english = match value {
        MappingCategory::Optimal => "optimal",
        MappingCategory::CukupOptimal => "fairly optimal",
        MappingCategory::KurangOptimal => "below optimal",
    };
    glossed(value.label(), english, lang)
}

pub fn selection_category(value: SelectionCategory, lang: Lang) -> String {
    let english = match value {
        SelectionCategory::MemenuhiSyarat => "qualifies",
        SelectionCategory::MasihMemenuhiSyarat => "still qualifies",
        SelectionCategory::KurangMemenuhiSyarat => "does not qualify",
    };
    glossed(value.label(), english, lang)
}

/// The Indonesian name, with its translation beside it for English readers.
fn glossed(name: &str, english: &str, lang: Lang) -> String {
    lang.pick(name.to_owned(), format!("{name} ({english})"))
}

/// What keeps a group of the "data 9 box" from being complete.
pub fn missing(value: Missing, lang: Lang) -> String {
    let english = match value {
        Missing::NoEducation => "no education on record".to_owned(),
        Missing::NoEducationField => {
            "the field of the highest education is not on record".to_owned()
        }
        Missing::NoTraining { year } => format!("no training on record in {year}"),
        Missing::TrainingShort { year, jp, target } => format!(
            "only {} of {} JP in {year}",
            lang.decimal(jp, 1),
            lang.decimal(target, 1)
        ),
        Missing::NoSkp { year } => format!("no SKP on record for {year}"),
        Missing::NeverAssessed => "never assessed".to_owned(),
        Missing::AssessmentExpired { since } => format!("the assessment expired on {since}"),
    };
    lang.pick(value.describe(), english)
}

pub fn role(value: Role, lang: Lang) -> &'static str {
    let english = match value {
        Role::Pegawai => "Employee",
        Role::Atasan => "Direct supervisor",
        Role::Bkpsdm => return value.label(),
        Role::Komite => "Talent committee",
        Role::DataPublik => "Public-data operator",
        Role::Admin => "Administrator",
    };
    lang.pick(value.label(), english)
}

/// A golongan filter: "Golongan III (semua ruang)", "III/c (Penata)", "PPPK golongan IX".
pub fn golongan_filter(value: GolonganFilter, lang: Lang) -> String {
    match (lang, value) {
        (Lang::En, GolonganFilter::PnsGroup(_)) => {
            value.label().replace("(semua ruang)", "(every ruang)")
        }
        (Lang::En, GolonganFilter::Pppk(golongan)) => format!("PPPK grade {golongan}"),
        _ => value.label(),
    }
}

/// The stage of a talent-pool proposal.
pub fn tahap(value: Tahap, lang: Lang) -> &'static str {
    let english = match value {
        Tahap::Diusulkan => "Proposed",
        Tahap::Diverifikasi => "Verified",
        Tahap::Ditetapkan => "Confirmed",
        Tahap::Ditolak => "Rejected",
    };
    lang.pick(value.label(), english)
}

/// What an imported file holds.
pub fn import_kind(value: ImportKind, lang: Lang) -> &'static str {
    let english = match value {
        ImportKind::Roster => "Employee roster",
        ImportKind::Asesmen => "Assessment results",
        ImportKind::Skp => return value.label(),
        ImportKind::Pelatihan => "Training history",
    };
    lang.pick(value.label(), english)
}

/// A risk of a key post's succession pipeline.
pub fn pipeline_flag(value: PipelineFlag, lang: Lang) -> &'static str {
    let english = match value {
        PipelineFlag::Kosong => "The post is vacant",
        PipelineFlag::PejabatMendekatiBup => "The holder retires (BUP) within 2 years",
        PipelineFlag::TanpaPenggantiSiap => "No successor is ready now",
        PipelineFlag::KurangDariDuaKandidat => "Fewer than two candidates",
    };
    lang.pick(value.label(), english)
}

/// A part of a succession match score.
pub fn match_part(value: MatchPart, lang: Lang) -> &'static str {
    let english = match value {
        MatchPart::Syarat => "requirements met",
        MatchPart::Jpm => "JPM against the post's standard",
        MatchPart::Bidang => "field of work",
        MatchPart::Pengalaman => "experience in the post's OPD",
        MatchPart::Talenta => "mean of the performance and potential scores",
    };
    lang.pick(value.label(), english)
}

/// What a list of people is ordered by.
pub fn sort_key(value: SortKey, lang: Lang) -> &'static str {
    let english = match value {
        SortKey::Nama => "Name",
        SortKey::Nip => return value.label(),
        SortKey::Unit => "Work unit",
        SortKey::Kinerja => "Performance",
        SortKey::Potensial => "Potential",
    };
    lang.pick(value.label(), english)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(origin: &str, text: &str, gap: Option<(Kompetensi, u8, u8)>) -> IdpGoal {
        IdpGoal {
            id: 1,
            origin: origin.into(),
            goal: text.into(),
            gap,
            component: None,
            method: None,
            jp: None,
            target_date: None,
            evidence_url: None,
        }
    }

    #[test]
    fn generated_idp_goals_read_in_english_and_a_persons_own_stays_as_written() {
        let gap = goal(
            "kesenjangan",
            "Meningkatkan kompetensi integritas dari level 2 ke level 4",
            Some((Kompetensi::Integritas, 2, 4)),
        );
        assert_eq!(
            idp_goal(&gap, Lang::En),
            "Raise Integrity from level 2 to level 4"
        );
        assert_eq!(idp_goal(&gap, Lang::Id), gap.goal);
        let (text, _, _) =
            development_goal(Recommendation::CompetencyDevelopment).expect("plannable");
        let recommended = goal("rekomendasi", text, None);
        assert_eq!(
            idp_goal(&recommended, Lang::En),
            "Reach at least 20 JP of competency development this year"
        );
        let own = goal("pribadi", "Belajar SQL", None);
        assert_eq!(idp_goal(&own, Lang::En), "Belajar SQL");
        for k in Kompetensi::ALL {
            assert_ne!(kompetensi(k, Lang::En), k.label());
        }
    }

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
        for s in IdpStatus::ALL {
            assert_ne!(idp_status(s, Lang::En), s.label());
        }
        for f in Field::ALL {
            assert_ne!(correction_field(f, Lang::En), f.label());
            assert_ne!(recorded_field(f, Lang::En), f.recorded_label());
            assert_ne!(correction_hint(f, Lang::En), f.hint());
        }
        for s in RequestStatus::ALL {
            assert_ne!(request_status(s, Lang::En), s.label());
        }
    }

    #[test]
    fn national_instansi_have_no_province() {
        assert_eq!(province("", Lang::Id), "Nasional");
        assert_eq!(province(" ", Lang::En), "National");
        assert_eq!(province("Bali", Lang::En), "Bali");
        assert_eq!(body_round(Body::Bkn, Lang::Id), "penilaian BKN");
        assert_eq!(body_round(Body::Kasn, Lang::En), "KASN assessment");
    }

    #[test]
    fn what_is_missing_reads_in_both_languages() {
        let short = Missing::TrainingShort {
            year: 2026,
            jp: 8.5,
            target: 20.0,
        };
        assert_eq!(missing(short, Lang::Id), "baru 8,5 dari 20 JP pada 2026");
        assert_eq!(missing(short, Lang::En), "only 8.5 of 20 JP in 2026");
        assert_eq!(missing(Missing::NeverAssessed, Lang::En), "never assessed");
    }
}
