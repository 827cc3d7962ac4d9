//! Data corrections (domain.md §5 and §9): what an ASN may ask BKPSDM to correct in their own
//! record, how the proposed value is read, and how a request is decided. Also the "data 9 box"
//! completeness each person sees about themselves.

use super::calendar::Date;
use super::golongan::PnsGolongan;
use super::idp::evidence_url;
use super::scoring::Education;
use crate::format::{decimal_id, parse_decimal};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The parts of a record a correction can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    /// The highest education: level and field of study.
    Pendidikan,
    /// A training that is missing from the record.
    Pelatihan,
    /// The current golongan and its TMT.
    Golongan,
    /// The start of the current post.
    TmtJabatan,
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::Pendidikan,
        Field::Pelatihan,
        Field::Golongan,
        Field::TmtJabatan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Pendidikan => "pendidikan",
            Field::Pelatihan => "pelatihan",
            Field::Golongan => "golongan",
            Field::TmtJabatan => "tmt_jabatan",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Pendidikan => "Pendidikan terakhir",
            Field::Pelatihan => "Pelatihan yang belum tercatat",
            Field::Golongan => "Pangkat/golongan",
            Field::TmtJabatan => "TMT jabatan sekarang",
        }
    }

    /// What the record holds for this field, as a heading of the current value.
    pub fn recorded_label(self) -> &'static str {
        match self {
            Field::Pelatihan => "Pelatihan",
            other => other.label(),
        }
    }

    /// How to fill in the value, shown beside the form.
    pub fn hint(self) -> &'static str {
        match self {
            Field::Pendidikan => "Nilai: jenjang dan bidang, misalnya \"S2 Administrasi Publik\".",
            Field::Pelatihan => "Nilai: nama pelatihan; isi juga tanggal mulai dan JP.",
            Field::Golongan => "Nilai: golongan, misalnya \"III/c\"; tanggal: TMT golongan.",
            Field::TmtJabatan => "Tanggal: TMT jabatan sekarang; nilai boleh dikosongkan.",
        }
    }
}

/// A proposed value, read and checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Proposal {
    Pendidikan {
        level: Education,
        field: Option<String>,
    },
    Pelatihan {
        name: String,
        start: Date,
        jp: f64,
    },
    Golongan {
        golongan: PnsGolongan,
        tmt: Date,
    },
    TmtJabatan(Date),
}

impl Proposal {
    pub fn field(&self) -> Field {
        match self {
            Proposal::Pendidikan { .. } => Field::Pendidikan,
            Proposal::Pelatihan { .. } => Field::Pelatihan,
            Proposal::Golongan { .. } => Field::Golongan,
            Proposal::TmtJabatan(_) => Field::TmtJabatan,
        }
    }

    /// The proposal as one line, for lists and the audit log.
    pub fn describe(&self) -> String {
        match self {
            Proposal::Pendidikan { level, field } => match field {
                Some(field) => format!("{} {field}", level.label()),
                None => level.label().to_owned(),
            },
            Proposal::Pelatihan { name, start, jp } => {
                format!("{name}, mulai {start}, {} JP", decimal_id(*jp, 1))
            }
            Proposal::Golongan { golongan, tmt } => {
                format!("{golongan} ({}), TMT {tmt}", golongan.pangkat())
            }
            Proposal::TmtJabatan(date) => format!("TMT jabatan {date}"),
        }
    }
}

/// A correction request as the ASN fills it in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequestInput {
    pub field: String,
    pub value: String,
    pub date: String,
    pub jp: String,
    /// What is wrong, in the ASN's words.
    pub explanation: String,
    pub evidence_url: String,
}

/// A request that passed the checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub proposal: Proposal,
    pub explanation: String,
    pub evidence_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CorrectionError {
    #[error("Pilih data yang ingin dikoreksi.")]
    NoField,
    #[error(
        "Jenjang pendidikan tidak dikenal; tulis misalnya \"S1 Ekonomi\" atau \"D3 Akuntansi\"."
    )]
    BadEducation,
    #[error("Tulis nama pelatihan (3-200 karakter).")]
    BadTrainingName,
    #[error("JP harus berupa angka antara 1 dan 1000.")]
    BadJp,
    #[error("Golongan \"{0}\" tidak dikenal; tulis misalnya \"III/c\".")]
    BadGolongan(String),
    #[error("Tanggal harus berupa tanggal yang sah (TTTT-BB-HH).")]
    BadDate,
    #[error("Tanggal tidak boleh sesudah hari ini ({0}).")]
    FutureDate(Date),
    #[error("Jelaskan apa yang salah (10-1000 karakter).")]
    BadExplanation,
    #[error("Lampirkan tautan bukti (SK, ijazah, sertifikat) yang dimulai dengan https:// atau http://.")]
    EvidenceRequired,
    #[error("Permohonan ini sudah diputuskan.")]
    AlreadyDecided,
    #[error("Tuliskan alasan penolakan (10-1000 karakter).")]
    ReasonRequired,
}

fn past_date(text: &str, today: Date) -> Result<Date, CorrectionError> {
    let date = Date::parse(text.trim()).ok_or(CorrectionError::BadDate)?;
    if date > today {
        return Err(CorrectionError::FutureDate(today));
    }
    Ok(date)
}

fn length_between(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.chars().count())
}

impl RequestInput {
    /// Reads the proposed value for its field and checks the explanation and evidence.
    pub fn validate(&self, today: Date) -> Result<Request, CorrectionError> {
        let field = Field::from_code(self.field.trim()).ok_or(CorrectionError::NoField)?;
        let value = self.value.trim();
        let proposal = match field {
            Field::Pendidikan => {
                let (level, rest) = value.split_once(' ').unwrap_or((value, ""));
                let level = Education::parse(level).ok_or(CorrectionError::BadEducation)?;
                let rest = rest.trim();
                Proposal::Pendidikan {
                    level,
                    field: (!rest.is_empty()).then(|| rest.to_owned()),
                }
            }
            Field::Pelatihan => {
                if !length_between(value, 3, 200) {
                    return Err(CorrectionError::BadTrainingName);
                }
                let jp = parse_decimal(&self.jp)
                    .filter(|jp| (1.0..=1000.0).contains(jp))
                    .ok_or(CorrectionError::BadJp)?;
                Proposal::Pelatihan {
                    name: value.to_owned(),
                    start: past_date(&self.date, today)?,
                    jp,
                }
            }
            Field::Golongan => Proposal::Golongan {
                golongan: PnsGolongan::parse(value)
                    .map_err(|_| CorrectionError::BadGolongan(value.to_owned()))?,
                tmt: past_date(&self.date, today)?,
            },
            Field::TmtJabatan => Proposal::TmtJabatan(past_date(&self.date, today)?),
        };
        let explanation = self.explanation.trim();
        if !length_between(explanation, 10, 1000) {
            return Err(CorrectionError::BadExplanation);
        }
        let evidence_url = evidence_url(&self.evidence_url)
            .ok()
            .flatten()
            .ok_or(CorrectionError::EvidenceRequired)?;
        Ok(Request {
            proposal,
            explanation: explanation.to_owned(),
            evidence_url,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStatus {
    Diajukan,
    Diterima,
    Ditolak,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 3] = [
        RequestStatus::Diajukan,
        RequestStatus::Diterima,
        RequestStatus::Ditolak,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Diajukan => "diajukan",
            RequestStatus::Diterima => "diterima",
            RequestStatus::Ditolak => "ditolak",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            RequestStatus::Diajukan => "Menunggu keputusan BKPSDM",
            RequestStatus::Diterima => "Diterima, data sudah diperbarui",
            RequestStatus::Ditolak => "Ditolak",
        }
    }
}

/// BKPSDM's decision: accepting may carry a note, rejecting needs a reason.
pub fn decide(
    status: RequestStatus,
    accept: bool,
    reason: &str,
) -> Result<(RequestStatus, Option<String>), CorrectionError> {
    if status != RequestStatus::Diajukan {
        return Err(CorrectionError::AlreadyDecided);
    }
    let reason = reason.trim();
    if reason.chars().count() > 1000 {
        return Err(CorrectionError::ReasonRequired);
    }
    if accept {
        Ok((
            RequestStatus::Diterima,
            (!reason.is_empty()).then(|| reason.to_owned()),
        ))
    } else if length_between(reason, 10, 1000) {
        Ok((RequestStatus::Ditolak, Some(reason.to_owned())))
    } else {
        Err(CorrectionError::ReasonRequired)
    }
}

/// The four groups of "data 9 box" (domain.md §5, as Bontang requires).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataGroup {
    Pendidikan,
    Pelatihan,
    Kinerja,
    Asesmen,
}

impl DataGroup {
    pub fn label(self) -> &'static str {
        match self {
            DataGroup::Pendidikan => "Pendidikan",
            DataGroup::Pelatihan => "Pelatihan",
            DataGroup::Kinerja => "Kinerja (SKP)",
            DataGroup::Asesmen => "Asesmen kompetensi dan potensi",
        }
    }
}

/// What is on record for one person, for the completeness check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordFacts {
    pub education_records: usize,
    pub highest_education_has_field: bool,
    /// JP attained in the current year.
    pub jp_in_year: f64,
    /// Years with an SKP.
    pub skp_years: Vec<i32>,
    /// The end of the validity of the latest assessment, if any.
    pub assessment_valid_until: Option<Date>,
}

/// One group: complete or not, and what is missing in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupState {
    pub group: DataGroup,
    pub complete: bool,
    pub missing: Vec<Missing>,
}

/// What keeps a group of the "data 9 box" from being complete.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Missing {
    NoEducation,
    NoEducationField,
    NoTraining {
        year: i32,
    },
    /// Some training, short of the JP target.
    TrainingShort {
        year: i32,
        jp: f64,
        target: f64,
    },
    NoSkp {
        year: i32,
    },
    NeverAssessed,
    AssessmentExpired {
        since: Date,
    },
}

impl Missing {
    /// In Bahasa Indonesia; `i18n::terms::missing` writes it in the reader's language.
    pub fn describe(self) -> String {
        match self {
            Missing::NoEducation => "belum ada riwayat pendidikan".to_owned(),
            Missing::NoEducationField => {
                "bidang ilmu pendidikan terakhir belum tercatat".to_owned()
            }
            Missing::NoTraining { year } => format!("belum ada pelatihan tercatat pada {year}"),
            Missing::TrainingShort { year, jp, target } => format!(
                "baru {} dari {} JP pada {year}",
                decimal_id(jp, 1),
                decimal_id(target, 1)
            ),
            Missing::NoSkp { year } => format!("SKP {year} belum tercatat"),
            Missing::NeverAssessed => "belum pernah mengikuti asesmen".to_owned(),
            Missing::AssessmentExpired { since } => {
                format!("hasil asesmen kedaluwarsa sejak {since}")
            }
        }
    }
}

/// Completeness of the "data 9 box" for `period`, the instansi's period in force (domain.md
/// §10): an education record with its field, training and an SKP in that year, and an
/// assessment still valid on `today`.
pub fn completeness(
    facts: &RecordFacts,
    period: i32,
    jp_target: f64,
    today: Date,
) -> Vec<GroupState> {
    let (year, skp_year) = (period, period);
    let mut education = Vec::new();
    if facts.education_records == 0 {
        education.push(Missing::NoEducation);
    } else if !facts.highest_education_has_field {
        education.push(Missing::NoEducationField);
    }
    let mut training = Vec::new();
    if facts.jp_in_year <= 0.0 {
        training.push(Missing::NoTraining { year });
    } else if facts.jp_in_year < jp_target {
        training.push(Missing::TrainingShort {
            year,
            jp: facts.jp_in_year,
            target: jp_target,
        });
    }
    let mut performance = Vec::new();
    if !facts.skp_years.contains(&skp_year) {
        performance.push(Missing::NoSkp { year: skp_year });
    }
    let mut assessment = Vec::new();
    match facts.assessment_valid_until {
        None => assessment.push(Missing::NeverAssessed),
        Some(until) if until < today => {
            assessment.push(Missing::AssessmentExpired { since: until });
        }
        Some(_) => {}
    }
    [
        (DataGroup::Pendidikan, education),
        (DataGroup::Pelatihan, training),
        (DataGroup::Kinerja, performance),
        (DataGroup::Asesmen, assessment),
    ]
    .into_iter()
    .map(|(group, missing)| GroupState {
        group,
        complete: missing.is_empty(),
        missing,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::parse("2026-11-23").expect("date")
    }

    fn input(field: &str, value: &str, date: &str, jp: &str) -> RequestInput {
        RequestInput {
            field: field.into(),
            value: value.into(),
            date: date.into(),
            jp: jp.into(),
            explanation: "Ijazah S2 saya belum tercatat".into(),
            evidence_url: "https://drive.example.go.id/ijazah.pdf".into(),
        }
    }

    #[test]
    fn field_codes_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_code(f.code()), Some(f));
            assert!(!f.hint().is_empty());
            assert!(!f.recorded_label().is_empty());
        }
        for s in RequestStatus::ALL {
            assert_eq!(RequestStatus::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn each_field_reads_its_proposed_value() {
        let education = input("pendidikan", " S-2  Administrasi Publik ", "", "")
            .validate(today())
            .expect("valid");
        assert_eq!(
            education.proposal,
            Proposal::Pendidikan {
                level: Education::S2,
                field: Some("Administrasi Publik".into())
            }
        );
        assert_eq!(education.proposal.describe(), "S2 Administrasi Publik");
        let training = input(
            "pelatihan",
            "Pelatihan Kepemimpinan Pengawas",
            "2026-03-02",
            "40,5",
        )
        .validate(today())
        .expect("valid");
        assert_eq!(
            training.proposal.describe(),
            "Pelatihan Kepemimpinan Pengawas, mulai 2026-03-02, 40,5 JP"
        );
        let grade = input("golongan", "3c", "2025-04-01", "")
            .validate(today())
            .expect("valid");
        assert_eq!(grade.proposal.describe(), "III/c (Penata), TMT 2025-04-01");
        assert_eq!(grade.proposal.field(), Field::Golongan);
        let post = input("tmt_jabatan", "", "2024-01-02", "")
            .validate(today())
            .expect("valid");
        assert_eq!(
            post.proposal,
            Proposal::TmtJabatan(Date::parse("2024-01-02").expect("date"))
        );
    }

    #[test]
    fn bad_values_are_refused_with_a_reason() {
        let error = |i: RequestInput| i.validate(today()).expect_err("refused");
        assert_eq!(error(input("gaji", "x", "", "")), CorrectionError::NoField);
        assert_eq!(
            error(input("pendidikan", "Sarjana Hukum", "", "")),
            CorrectionError::BadEducation
        );
        assert_eq!(
            error(input("pelatihan", "Diklat", "2026-01-01", "0")),
            CorrectionError::BadJp
        );
        assert_eq!(
            error(input("pelatihan", "Di", "2026-01-01", "10")),
            CorrectionError::BadTrainingName
        );
        assert_eq!(
            error(input("golongan", "III/f", "2025-01-01", "")),
            CorrectionError::BadGolongan("III/f".into())
        );
        assert_eq!(
            error(input("tmt_jabatan", "", "2026-12-01", "")),
            CorrectionError::FutureDate(today())
        );
        assert_eq!(
            error(input("tmt_jabatan", "", "kemarin", "")),
            CorrectionError::BadDate
        );
        let mut no_evidence = input("tmt_jabatan", "", "2024-01-02", "");
        no_evidence.evidence_url = " ".into();
        assert_eq!(
            error(no_evidence.clone()),
            CorrectionError::EvidenceRequired
        );
        no_evidence.evidence_url = "file:///etc/passwd".into();
        assert_eq!(error(no_evidence), CorrectionError::EvidenceRequired);
        let mut terse = input("tmt_jabatan", "", "2024-01-02", "");
        terse.explanation = "salah".into();
        assert_eq!(error(terse), CorrectionError::BadExplanation);
    }

    #[test]
    fn a_rejection_needs_a_reason_and_a_decision_is_final() {
        use RequestStatus::*;
        assert_eq!(decide(Diajukan, true, ""), Ok((Diterima, None)));
        assert_eq!(
            decide(Diajukan, false, "tidak ada"),
            Err(CorrectionError::ReasonRequired)
        );
        assert_eq!(
            decide(Diajukan, false, "Ijazah tidak terbaca, unggah ulang"),
            Ok((Ditolak, Some("Ijazah tidak terbaca, unggah ulang".into())))
        );
        assert_eq!(
            decide(Diterima, true, ""),
            Err(CorrectionError::AlreadyDecided)
        );
        assert_eq!(
            decide(Ditolak, false, "sudah ditolak sebelumnya"),
            Err(CorrectionError::AlreadyDecided)
        );
    }

    #[test]
    fn completeness_names_what_is_missing_per_group() {
        let facts = RecordFacts {
            education_records: 1,
            highest_education_has_field: false,
            jp_in_year: 8.0,
            skp_years: vec![2024, 2025],
            assessment_valid_until: Date::parse("2026-10-31"),
        };
        let groups = completeness(&facts, 2026, 20.0, today());
        let missing: Vec<(DataGroup, bool, Vec<String>)> = groups
            .into_iter()
            .map(|g| {
                let described = g.missing.into_iter().map(Missing::describe).collect();
                (g.group, g.complete, described)
            })
            .collect();
        assert_eq!(
            missing,
            vec![
                (
                    DataGroup::Pendidikan,
                    false,
                    vec!["bidang ilmu pendidikan terakhir belum tercatat".to_owned()]
                ),
                (
                    DataGroup::Pelatihan,
                    false,
                    vec!["baru 8 dari 20 JP pada 2026".to_owned()]
                ),
                (
                    DataGroup::Kinerja,
                    false,
                    vec!["SKP 2026 belum tercatat".to_owned()]
                ),
                (
                    DataGroup::Asesmen,
                    false,
                    vec!["hasil asesmen kedaluwarsa sejak 2026-10-31".to_owned()]
                ),
            ]
        );
        let full = RecordFacts {
            education_records: 2,
            highest_education_has_field: true,
            jp_in_year: 20.0,
            skp_years: vec![2025],
            assessment_valid_until: Date::parse("2027-01-01"),
        };
        assert!(completeness(&full, 2025, 20.0, today())
            .iter()
            .all(|g| g.complete && g.missing.is_empty()));
        let empty = RecordFacts {
            education_records: 0,
            highest_education_has_field: false,
            jp_in_year: 0.0,
            skp_years: Vec::new(),
            assessment_valid_until: None,
        };
        let groups = completeness(&empty, 2026, 20.0, today());
        let first = |g: &GroupState| g.missing.first().map(|m| m.describe());
        assert_eq!(
            first(&groups[0]).as_deref(),
            Some("belum ada riwayat pendidikan")
        );
        assert_eq!(
            first(&groups[1]).as_deref(),
            Some("belum ada pelatihan tercatat pada 2026")
        );
        assert_eq!(
            first(&groups[3]).as_deref(),
            Some("belum pernah mengikuti asesmen")
        );
    }
}
