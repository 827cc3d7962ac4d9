//! Why the server refuses an input, in the reader's language. Each domain error words itself
//! in Indonesian (`Display`); English readers get the English here. The services apply these
//! where their errors become an `AppError`. An import writes the
//! reason it refuses a row in both languages; [`import_refusal`] picks the reader's.

use super::terms::{idp_status, merit_category, tahap};
use super::Lang;
use crate::api::intake::Refusal;
use crate::auth::policy::{Weakness, MIN_LENGTH};
use crate::domain::calibration::{
    self as calibration, CalibrationError, MAX_REASON_CHARS, MIN_REASON_CHARS,
};
use crate::domain::correction::CorrectionError;
#[cfg(feature = "ssr")]
use crate::domain::disclosure::Member;
use crate::domain::duties::{Conflict, Decision};
use crate::domain::golongan::UnknownGolongan;
use crate::domain::idp::{self, IdpError};
use crate::domain::jpm::JpmError;
use crate::domain::merit_result::{self, ResultError, Value};
use crate::domain::nip::NipError;
use crate::domain::release::{NotReady, MIN_NOTE_CHARS};
use crate::domain::talent_pool::{
    PoolError, MAX_NOTE_CHARS, MAX_REFERENCE_CHARS, MIN_REJECTION_CHARS,
};
use crate::format::decimal_en;

/// Why an IDP input or step is refused.
pub fn idp_error(error: &IdpError, lang: Lang) -> String {
    let english = match error {
        IdpError::NoMethod => "Choose a development method.".to_owned(),
        IdpError::JpRequired => {
            "Fill in the JP (learning hours) for training and e-learning, between 1 and 1000."
                .to_owned()
        }
        IdpError::JpOutOfRange => "JP must be a number between 1 and 1000.".to_owned(),
        IdpError::BadDate => "The target date must be a real date (YYYY-MM-DD).".to_owned(),
        IdpError::DateInPast(today) => format!("The target date cannot be before today ({today})."),
        IdpError::DateTooFar => "The target date is at most five years from today.".to_owned(),
        IdpError::BadEvidence => {
            "The evidence link must start with https:// or http:// and have at most 500 characters."
                .to_owned()
        }
        IdpError::BadGoal => "Write the development goal (5-300 characters).".to_owned(),
        IdpError::Locked(status) => format!(
            "An IDP that is \"{}\" cannot be changed.",
            idp_status(*status, Lang::En)
        ),
        IdpError::NoGoals => "The IDP cannot be submitted yet: add at least one goal.".to_owned(),
        IdpError::Unplanned(goals) => format!(
            "The IDP cannot be submitted yet: fill in the method and target date of: {}.",
            goals.join("; ")
        ),
        IdpError::NotSubmitted => "An IDP can only be decided while it is submitted.".to_owned(),
        IdpError::CommentRequired => format!(
            "Write why it goes back, at least {} characters, so the employee knows what to change.",
            idp::MIN_REASON_CHARS
        ),
        IdpError::CommentTooLong => format!(
            "A note or comment has at most {} characters.",
            idp::MAX_NOTE_CHARS
        ),
        IdpError::NotApproved => "Only an approved IDP can be revised.".to_owned(),
        IdpError::RevisionReasonRequired => format!(
            "Write why you revise it, at least {} characters, so your supervisor knows what changed.",
            idp::MIN_REASON_CHARS
        ),
    };
    lang.pick(error.to_string(), english)
}

/// Why a correction request or BKPSDM's decision on it is refused.
pub fn correction_error(error: &CorrectionError, lang: Lang) -> String {
    let english = match error {
        CorrectionError::NoField => "Choose the data to correct.".to_owned(),
        CorrectionError::BadEducation => {
            "Unknown level of education; write e.g. \"S1 Ekonomi\" or \"D3 Akuntansi\".".to_owned()
        }
        CorrectionError::BadTrainingName => "Write the training's name (3-200 characters).".to_owned(),
        CorrectionError::BadJp => "JP must be a number between 1 and 1000.".to_owned(),
        CorrectionError::BadGolongan(text) => {
            format!("Unknown golongan \"{text}\"; write e.g. \"III/c\".")
        }
        CorrectionError::BadDate => "The date must be a real date (YYYY-MM-DD).".to_owned(),
        CorrectionError::FutureDate(today) => format!("The date cannot be after today ({today})."),
        CorrectionError::BadExplanation => "Explain what is wrong (10-1000 characters).".to_owned(),
        CorrectionError::EvidenceRequired => {
            "Attach a link to the evidence (decree, diploma, certificate) starting with https:// or http://."
                .to_owned()
        }
        CorrectionError::AlreadyDecided => "This request has already been decided.".to_owned(),
        CorrectionError::ReasonRequired => "Write the reason for rejecting (10-1000 characters).".to_owned(),
    };
    lang.pick(error.to_string(), english)
}

/// Why a calibration step is refused.
pub fn calibration_error(error: &CalibrationError, lang: Lang) -> String {
    let english = match error {
        CalibrationError::SessionClosed => {
            "This calibration session is closed; it can no longer be changed.".to_owned()
        }
        CalibrationError::NotPlaced => {
            "This employee is not mapped in the session's period; their box cannot be calibrated."
                .to_owned()
        }
        CalibrationError::UnknownKotak => "The target box must be a number from 1 to 9.".to_owned(),
        CalibrationError::SameKotak(kotak) => format!("This employee is already in box {kotak}."),
        CalibrationError::ReasonTooShort => {
            format!("Write the reason for the calibration, at least {MIN_REASON_CHARS} characters.")
        }
        CalibrationError::ReasonTooLong => {
            format!("A calibration reason has at most {MAX_REASON_CHARS} characters.")
        }
        CalibrationError::NoMembers => {
            "Write the names of the committee members present, one per line.".to_owned()
        }
        CalibrationError::NoName => "The session needs a name.".to_owned(),
        CalibrationError::TooManyMembers => format!(
            "At most {} members, each name at most {} characters.",
            calibration::MAX_MEMBERS,
            calibration::MAX_MEMBER_CHARS
        ),
        CalibrationError::BadReference => format!(
            "The minutes' reference number has at most {} characters, on one line.",
            calibration::MAX_REFERENCE_CHARS
        ),
    };
    lang.pick(error.to_string(), english)
}

/// Why a period cannot be published.
pub fn release_not_ready(error: &NotReady, lang: Lang) -> String {
    let english = match error {
        NotReady::NotScored(period) => {
            format!("Period {period} has not been scored yet: run the scoring first.")
        }
        NotReady::OpenSessions { period, open } => format!(
            "{open} calibration session(s) of period {period} are still open: close them first."
        ),
        NotReady::NoteTooShort => {
            format!("Say why the period is published again, at least {MIN_NOTE_CHARS} characters.")
        }
    };
    let indonesian = match error {
        NotReady::NotScored(period) => {
            format!("Periode {period} belum diskor: jalankan skoring lebih dulu.")
        }
        NotReady::OpenSessions { period, open } => {
            format!("{open} sesi kalibrasi periode {period} masih terbuka: tutup lebih dulu.")
        }
        NotReady::NoteTooShort => format!(
            "Tuliskan alasan periode ini diterbitkan ulang, minimal {MIN_NOTE_CHARS} karakter."
        ),
    };
    lang.pick(indonesian, english)
}

/// Why the disclosure audit refused a release: a count earlier versions already expose.
#[cfg(feature = "ssr")]
pub fn release_exposed(publication: Option<usize>, member: &Member, lang: Lang) -> String {
    let place = match member {
        Member::Cell { row, .. } | Member::RowTotal { row } => row.clone(),
        Member::ColumnTotal { .. } | Member::Total => lang
            .pick("seluruh instansi", "the whole instansi")
            .to_owned(),
    };
    let version = publication.map_or(0, |i| i + 1);
    lang.pick(
        format!("Audit pengungkapan gagal: angka kecil ({place}) pada versi {version} sudah dapat dihitung dari versi yang terbit sebelumnya, apa pun yang disamarkan sekarang. Rilis tidak diterbitkan; hubungi administrator."),
        format!("The disclosure audit failed: a small count ({place}) in version {version} can already be worked out from the versions published before, whatever is masked now. The release was not published; contact the administrator."),
    )
}

/// Why a step of the talent pool is refused.
pub fn pool_error(error: &PoolError, lang: Lang) -> String {
    let english = match error {
        PoolError::NotInPool => "This employee is not in box 7, 8 or 9 in this period, so cannot join the succession pool.".to_owned(),
        PoolError::WrongStage(stage, langkah) => format!(
            "A proposal that is \"{}\" cannot be {}.",
            tahap(*stage, Lang::En),
            tahap(langkah.outcome(), Lang::En).to_lowercase()
        ),
        PoolError::NoReference => {
            "Write the decision number (e.g. the number of the decree or of the minutes).".to_owned()
        }
        PoolError::ReferenceTooLong => {
            format!("A decision number has at most {MAX_REFERENCE_CHARS} characters.")
        }
        PoolError::ReasonTooShort => format!(
            "Write the reason for rejecting, at least {MIN_REJECTION_CHARS} characters."
        ),
        PoolError::NoteTooLong => format!("A note has at most {MAX_NOTE_CHARS} characters."),
    };
    lang.pick(error.to_string(), english)
}

/// Why a new password is refused.
pub fn weakness(weakness: Weakness, lang: Lang) -> String {
    let english = match weakness {
        Weakness::TooShort => format!("The password needs at least {MIN_LENGTH} characters"),
        Weakness::HoldsUsername => "The password may not contain the NIP or user name".to_owned(),
        Weakness::DigitsOnly => "The password may not be digits only".to_owned(),
    };
    lang.pick(weakness.to_string(), english)
}

/// Why a text is not a NIP.
pub fn nip_error(error: &NipError, lang: Lang) -> String {
    let english = match error {
        NipError::WrongLength(digits) => format!("a NIP has 18 digits, not {digits}"),
        NipError::NotDigits => {
            "a NIP holds digits only (spaces and dots may separate them)".to_owned()
        }
        NipError::InvalidBirthDate(date) => {
            format!("the date of birth in the NIP ({date}) is not in the calendar")
        }
        NipError::InvalidTmt(tmt) => format!("the TMT CPNS in the NIP ({tmt}) is not a valid month"),
        NipError::TmtBeforeAdulthood { birth, tmt } => format!(
            "the TMT CPNS in the NIP ({tmt}) is less than 18 years after the date of birth ({birth})"
        ),
        NipError::InvalidGender(digit) => {
            format!("the gender digit of the NIP must be 1 or 2, not {digit}")
        }
        NipError::ZeroSequence => "the sequence number of the NIP cannot be 000".to_owned(),
    };
    lang.pick(error.to_string(), english)
}

pub fn unknown_golongan(error: &UnknownGolongan, lang: Lang) -> String {
    lang.pick(
        error.to_string(),
        format!("unknown golongan \"{}\"", error.0),
    )
}

pub fn jpm_error(error: &JpmError, lang: Lang) -> String {
    let english = match error {
        JpmError::LevelOutOfRange(level) => format!("competency level {level} is outside 1-5"),
        JpmError::EmptyStandard => "the post's competency standard is empty".to_owned(),
    };
    lang.pick(error.to_string(), english)
}

/// A merit-index value as English readers write it: "263.5", "III (Good)".
fn value_en(value: &Value) -> String {
    match value {
        Value::Score(score) => decimal_en(*score, 2),
        Value::Category(category) => merit_category(category, Lang::En),
    }
}

/// Why a merit-index result is refused.
pub fn merit_result_error(error: &ResultError, lang: Lang) -> String {
    let english = match error {
        ResultError::Missing(field) => format!("{field} is required"),
        ResultError::NotANumber { field, text } => format!("{field} \"{text}\" is not a number"),
        ResultError::NotADate(text) => format!(
            "the publication date \"{text}\" is not a real date (write 2024-12-19 or 19/12/2024)"
        ),
        ResultError::UnknownBody(text) => {
            format!("unknown assessing body \"{text}\" (KASN or BKN)")
        }
        ResultError::UnknownFramework(text) => {
            format!("unknown scale \"{text}\" (KASN_100_400 or NISM_0_1)")
        }
        ResultError::NoValue => "fill in the result's score or category".to_owned(),
        ResultError::ScoreOutOfRange { framework, score } => format!(
            "score {} is outside {}",
            decimal_en(*score, 2),
            framework.scale()
        ),
        ResultError::UnknownCategory { framework, stated } => format!(
            "category \"{stated}\" is not one of the {} scale",
            framework.scale()
        ),
        ResultError::CategoryContradicts {
            score,
            stated,
            derived,
        } => format!(
            "the stated category {stated} contradicts the score {}, which is category {derived}",
            decimal_en(*score, 2)
        ),
        ResultError::BadYear(year) => {
            format!("the year {year} cannot be accepted (from 2000 to this year)")
        }
        ResultError::BadSourceUrl => "the source must be a web address starting with https:// or http://, without spaces, at most 500 characters".to_owned(),
        ResultError::PublishedBeforeYear { published, year } => format!(
            "the publication date {published} is before the assessment year {year}"
        ),
        ResultError::PublishedInFuture { published } => {
            format!("the publication date {published} has not come yet")
        }
        ResultError::UnknownInstansi { name, suggestions } => {
            let near = if suggestions.is_empty() {
                String::new()
            } else {
                format!("; perhaps you meant: {}", suggestions.join("; "))
            };
            format!("the instansi \"{name}\" is not in the catalogue{near}")
        }
        ResultError::SecondValue {
            year,
            body,
            framework,
            existing,
            incoming,
        } => format!(
            "the {year} result of {body} on the {} scale is already recorded for this instansi as {}; the value {} is not recorded as a second result. Decide which one is right, then record a correction with its reason",
            framework.scale(),
            value_en(existing),
            value_en(incoming)
        ),
        ResultError::AlreadyRecorded {
            year,
            body,
            framework,
        } => format!(
            "the {year} result of {body} on the {} scale is already recorded for this instansi with the same value",
            framework.scale()
        ),
        ResultError::ReasonLength => format!(
            "a correction's reason has {} to {} characters",
            merit_result::MIN_REASON_CHARS,
            merit_result::MAX_REASON_CHARS
        ),
        ResultError::NothingCorrected => "the correction changes neither the value, the source, the publication date nor the note".to_owned(),
        ResultError::AlreadyCorrected => {
            "this result has been corrected already; correct its newest version".to_owned()
        }
    };
    lang.pick(error.to_string(), english)
}

/// A refused merit-index result as an import row's reason, in both languages.
pub fn merit_result_refusal(error: &ResultError) -> Refusal {
    Refusal::new(error.to_string(), merit_result_error(error, Lang::En))
}

/// Why an import refuses a row, in the reader's language.
pub fn import_refusal(refusal: &Refusal, lang: Lang) -> &str {
    lang.pick(&refusal.id, &refusal.en)
}

/// Why a decision is refused to this decider (separation of duties).
pub fn conflict(conflict: Conflict, lang: Lang) -> String {
    let (id, en) = match conflict {
        Conflict::OwnCase(Decision::Correction) => (
            "Anda tidak dapat memutuskan permohonan koreksi atas data Anda sendiri; petugas BKPSDM lain yang memutuskannya.",
            "You cannot decide a correction request about your own data; another BKPSDM officer decides it.",
        ),
        Conflict::OwnCase(Decision::Calibration) => (
            "Anda tidak dapat mengalibrasi kotak Anda sendiri; anggota komite talenta lain yang memutuskannya.",
            "You cannot calibrate your own box; another member of the talent committee decides it.",
        ),
        Conflict::OwnCase(Decision::TalentPoolStep) => (
            "Anda tidak dapat memverifikasi, menetapkan, atau menolak usulan KRS Anda sendiri.",
            "You cannot verify, decide or refuse your own talent-pool proposal.",
        ),
        Conflict::OwnCase(Decision::AccountManagement) => (
            "Anda tidak dapat memberi peran atau menyetel ulang kata sandi akun Anda sendiri; mintalah administrator lain. Kata sandi Anda sendiri diganti di /akun/sandi.",
            "You cannot give roles to or reset the password of your own account; ask another administrator. Your own password is changed at /akun/sandi.",
        ),
        Conflict::AdministratorOnly(_) => (
            "Peran BKPSDM, komite talenta, operator data publik, dan admin, serta akun yang memegangnya, hanya dapat dikelola oleh administrator.",
            "BKPSDM, talent committee, public-data operator and admin roles, and the accounts that hold them, are managed by an administrator only.",
        ),
    };
    lang.pick(id, en).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::idp::IdpStatus;
    use crate::domain::talent_pool::{Langkah, Tahap};

    #[test]
    fn refusals_read_in_both_languages() {
        let unplanned = IdpError::Unplanned(vec!["Kompetensi komunikasi".into()]);
        assert_eq!(idp_error(&unplanned, Lang::Id), unplanned.to_string());
        let english = idp_error(&unplanned, Lang::En);
        assert!(
            english.starts_with("The IDP cannot be submitted yet"),
            "{english}"
        );
        assert!(english.contains("Kompetensi komunikasi"));
        let locked = IdpError::Locked(IdpStatus::Diajukan);
        assert_eq!(
            idp_error(&locked, Lang::En),
            "An IDP that is \"Waiting for the supervisor's approval\" cannot be changed."
        );
        let golongan = CorrectionError::BadGolongan("IIIc".into());
        assert_eq!(
            correction_error(&golongan, Lang::En),
            "Unknown golongan \"IIIc\"; write e.g. \"III/c\"."
        );
        assert_eq!(correction_error(&golongan, Lang::Id), golongan.to_string());
    }

    #[test]
    fn merit_result_refusals_read_in_both_languages() {
        let contradicts = ResultError::CategoryContradicts {
            score: 266.0,
            stated: "IV",
            derived: "III",
        };
        assert_eq!(
            merit_result_error(&contradicts, Lang::En),
            "the stated category IV contradicts the score 266, which is category III"
        );
        let refusal = merit_result_refusal(&ResultError::UnknownInstansi {
            name: "Kota Balikpapn".into(),
            suggestions: vec!["Pemerintah Kota Balikpapan".into()],
        });
        assert!(refusal
            .id
            .contains("mungkin maksudnya: Pemerintah Kota Balikpapan"));
        assert!(refusal
            .en
            .contains("perhaps you meant: Pemerintah Kota Balikpapan"));
        let score = ResultError::ScoreOutOfRange {
            framework: crate::domain::merit_index::Framework::Kasn,
            score: 450.5,
        };
        assert_eq!(
            merit_result_error(&score, Lang::En),
            "score 450.5 is outside KASN/BKN 100-400"
        );
        assert_eq!(
            merit_result_error(&ResultError::ReasonLength, Lang::En),
            "a correction's reason has 10 to 1000 characters"
        );
    }

    #[test]
    fn office_refusals_read_in_both_languages() {
        let short = CalibrationError::ReasonTooShort;
        assert_eq!(calibration_error(&short, Lang::Id), short.to_string());
        assert_eq!(
            calibration_error(&short, Lang::En),
            "Write the reason for the calibration, at least 20 characters."
        );
        let stage = PoolError::WrongStage(Tahap::Diusulkan, Langkah::Tetapkan);
        assert_eq!(
            pool_error(&stage, Lang::Id),
            "Usulan berstatus Diusulkan tidak dapat ditetapkan."
        );
        assert_eq!(
            pool_error(&stage, Lang::En),
            "A proposal that is \"Proposed\" cannot be confirmed."
        );
        assert_eq!(
            weakness(Weakness::TooShort, Lang::En),
            "The password needs at least 10 characters"
        );
        assert_eq!(
            weakness(Weakness::DigitsOnly, Lang::Id),
            "Kata sandi tidak boleh hanya angka"
        );
    }
}
