//! The talent pool (kelompok rencana suksesi, KRS; domain.md §3): everyone whose kotak in
//! force is 7, 8 or 9 is proposed automatically; BKPSDM verifies the proposal against the
//! records, and the komite talenta decides it (ditetapkan or ditolak) under a decision
//! reference. Kotak 9 also qualifies for the national KRS.

use super::nine_box::Kotak;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest decision reference accepted (a letter number such as
/// "800/123/BKPSDM/2026").
pub const MAX_REFERENCE_CHARS: usize = 100;

/// The shortest reason accepted for a rejection: a sentence, not a code.
pub const MIN_REJECTION_CHARS: usize = 20;

/// The longest note accepted with a decision.
pub const MAX_NOTE_CHARS: usize = 1000;

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tahap {
    Diusulkan,
    Diverifikasi,
    Ditetapkan,
    Ditolak,
}

impl Tahap {
    pub const ALL: [Tahap; 4] = [
        Tahap::Diusulkan,
        Tahap::Diverifikasi,
        Tahap::Ditetapkan,
        Tahap::Ditolak,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Tahap::Diusulkan => "diusulkan",
            Tahap::Diverifikasi => "diverifikasi",
            Tahap::Ditetapkan => "ditetapkan",
            Tahap::Ditolak => "ditolak",
        }
    }

    pub fn from_code(code: &str) -> Option<Tahap> {
        Tahap::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tahap::Diusulkan => "Diusulkan",
            Tahap::Diverifikasi => "Diverifikasi",
            Tahap::Ditetapkan => "Ditetapkan",
            Tahap::Ditolak => "Ditolak",
        }
    }

    /// Whether the proposal still waits for a step.
    pub fn is_open(self) -> bool {
        matches!(self, Tahap::Diusulkan | Tahap::Diverifikasi)
    }
}

/// The step someone takes on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Langkah {
    /// BKPSDM confirms the records behind the kotak.
    Verifikasi,
    /// The komite puts the person in the pool.
    Tetapkan,
    /// The komite (or BKPSDM, at verification) turns the proposal down.
    Tolak,
}

impl Langkah {
    pub fn code(self) -> &'static str {
        match self {
            Langkah::Verifikasi => "verifikasi",
            Langkah::Tetapkan => "tetapkan",
            Langkah::Tolak => "tolak",
        }
    }

    /// The stage the step leads to.
    pub fn outcome(self) -> Tahap {
        match self {
            Langkah::Verifikasi => Tahap::Diverifikasi,
            Langkah::Tetapkan => Tahap::Ditetapkan,
            Langkah::Tolak => Tahap::Ditolak,
        }
    }

    pub fn from_code(code: &str) -> Option<Langkah> {
        [Langkah::Verifikasi, Langkah::Tetapkan, Langkah::Tolak]
            .into_iter()
            .find(|l| l.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum PoolError {
    #[error("Pegawai ini tidak berada di kotak 7, 8 atau 9 pada periode ini, sehingga tidak dapat masuk kelompok rencana suksesi.")]
    NotInPool,
    #[error("Usulan berstatus {} tidak dapat {}.", .0.label(), .1.outcome().code())]
    WrongStage(Tahap, Langkah),
    #[error("Tuliskan nomor keputusan (misalnya nomor surat keputusan atau berita acara).")]
    NoReference,
    #[error("Nomor keputusan paling panjang {MAX_REFERENCE_CHARS} karakter.")]
    ReferenceTooLong,
    #[error("Tuliskan alasan penolakan, sekurang-kurangnya {MIN_REJECTION_CHARS} karakter.")]
    ReasonTooShort,
    #[error("Catatan paling panjang {MAX_NOTE_CHARS} karakter.")]
    NoteTooLong,
}

/// What is on record when a step is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    pub tahap: Tahap,
    /// The kotak in force (calibrated, else computed) in the period, if placed.
    pub kotak: Option<Kotak>,
}

/// A checked step: the stage it leads to, with what the record keeps of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub tahap: Tahap,
    /// The kotak the step was taken on (a step needs the person in kotak 7-9, except a
    /// rejection of someone who dropped out of them).
    pub kotak: Option<Kotak>,
    /// Whether the person also qualifies for the national KRS (kotak 9).
    pub nasional: bool,
    pub reference: Option<String>,
    pub note: Option<String>,
}

fn trimmed(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Whether `langkah` may be taken on `proposal`, and what it records. A verification needs
/// nothing written; a decision needs its reference, and a rejection its reason.
pub fn take(
    proposal: Proposal,
    langkah: Langkah,
    reference: &str,
    note: &str,
) -> Result<Decision, PoolError> {
    let allowed = match langkah {
        Langkah::Verifikasi => proposal.tahap == Tahap::Diusulkan,
        Langkah::Tetapkan => proposal.tahap == Tahap::Diverifikasi,
        Langkah::Tolak => proposal.tahap.is_open(),
    };
    if !allowed {
        return Err(PoolError::WrongStage(proposal.tahap, langkah));
    }
    let in_pool = proposal.kotak.filter(|k| k.in_talent_pool());
    if langkah != Langkah::Tolak && in_pool.is_none() {
        return Err(PoolError::NotInPool);
    }
    let note = trimmed(note);
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
    {
        return Err(PoolError::NoteTooLong);
    }
    let reference = match langkah {
        Langkah::Verifikasi => None,
        Langkah::Tetapkan | Langkah::Tolak => {
            let reference = trimmed(reference).ok_or(PoolError::NoReference)?;
            if reference.chars().count() > MAX_REFERENCE_CHARS {
                return Err(PoolError::ReferenceTooLong);
            }
            Some(reference)
        }
    };
    if langkah == Langkah::Tolak
        && note
            .as_ref()
            .is_none_or(|n| n.chars().count() < MIN_REJECTION_CHARS)
    {
        return Err(PoolError::ReasonTooShort);
    }
    Ok(Decision {
        tahap: langkah.outcome(),
        kotak: proposal.kotak,
        nasional: in_pool.is_some_and(Kotak::in_national_talent_pool),
        reference,
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal(tahap: Tahap, kotak: u8) -> Proposal {
        Proposal {
            tahap,
            kotak: Kotak::from_number(kotak),
        }
    }

    const REASON: &str = "Data SKP 2025 tidak sesuai dengan dokumen asli.";

    #[test]
    fn the_workflow_runs_proposed_verified_decided() {
        let verified = take(proposal(Tahap::Diusulkan, 8), Langkah::Verifikasi, "", "")
            .expect("test input is valid");
        assert_eq!(verified.tahap, Tahap::Diverifikasi);
        assert_eq!(verified.reference, None);
        assert!(!verified.nasional);
        let decided = take(
            proposal(verified.tahap, 8),
            Langkah::Tetapkan,
            " 800/12/BKPSDM/2026 ",
            "",
        )
        .expect("test input is valid");
        assert_eq!(decided.tahap, Tahap::Ditetapkan);
        assert_eq!(decided.reference.as_deref(), Some("800/12/BKPSDM/2026"));
        assert_eq!(decided.note, None);
    }

    #[test]
    fn kotak_9_is_flagged_for_the_national_pool_and_7_8_are_not() {
        for (kotak, nasional) in [(7, false), (8, false), (9, true)] {
            let decision = take(
                proposal(Tahap::Diusulkan, kotak),
                Langkah::Verifikasi,
                "",
                "",
            )
            .expect("test input is valid");
            assert_eq!(decision.nasional, nasional, "kotak {kotak}");
        }
    }

    #[test]
    fn steps_out_of_order_are_refused() {
        assert_eq!(
            take(proposal(Tahap::Diusulkan, 9), Langkah::Tetapkan, "SK 1", ""),
            Err(PoolError::WrongStage(Tahap::Diusulkan, Langkah::Tetapkan))
        );
        for done in [Tahap::Ditetapkan, Tahap::Ditolak] {
            for langkah in [Langkah::Verifikasi, Langkah::Tetapkan, Langkah::Tolak] {
                assert!(matches!(
                    take(proposal(done, 9), langkah, "SK 1", REASON),
                    Err(PoolError::WrongStage(..))
                ));
            }
        }
        assert!(matches!(
            take(
                proposal(Tahap::Diverifikasi, 9),
                Langkah::Verifikasi,
                "",
                ""
            ),
            Err(PoolError::WrongStage(..))
        ));
    }

    #[test]
    fn only_kotak_7_to_9_enter_the_pool_but_a_dropout_can_be_rejected() {
        for kotak in 1..=6 {
            assert_eq!(
                take(
                    proposal(Tahap::Diusulkan, kotak),
                    Langkah::Verifikasi,
                    "",
                    ""
                ),
                Err(PoolError::NotInPool)
            );
            assert_eq!(
                take(
                    proposal(Tahap::Diverifikasi, kotak),
                    Langkah::Tetapkan,
                    "SK",
                    ""
                ),
                Err(PoolError::NotInPool)
            );
        }
        let unplaced = Proposal {
            tahap: Tahap::Diverifikasi,
            kotak: None,
        };
        assert_eq!(
            take(unplaced, Langkah::Tetapkan, "SK", ""),
            Err(PoolError::NotInPool)
        );
        let rejected = take(
            proposal(Tahap::Diverifikasi, 5),
            Langkah::Tolak,
            "BA 3",
            REASON,
        )
        .expect("test input is valid");
        assert_eq!(rejected.tahap, Tahap::Ditolak);
        assert!(!rejected.nasional);
    }

    #[test]
    fn decisions_need_a_reference_and_rejections_a_reason() {
        for langkah in [Langkah::Tetapkan, Langkah::Tolak] {
            assert_eq!(
                take(proposal(Tahap::Diverifikasi, 8), langkah, "   ", REASON),
                Err(PoolError::NoReference)
            );
            assert_eq!(
                take(
                    proposal(Tahap::Diverifikasi, 8),
                    langkah,
                    &"x".repeat(MAX_REFERENCE_CHARS + 1),
                    REASON
                ),
                Err(PoolError::ReferenceTooLong)
            );
        }
        let short = "é".repeat(MIN_REJECTION_CHARS - 1);
        assert_eq!(
            take(
                proposal(Tahap::Diusulkan, 8),
                Langkah::Tolak,
                "BA 3",
                &short
            ),
            Err(PoolError::ReasonTooShort)
        );
        let enough = "é".repeat(MIN_REJECTION_CHARS);
        assert!(take(
            proposal(Tahap::Diusulkan, 8),
            Langkah::Tolak,
            "BA 3",
            &enough
        )
        .is_ok());
        assert_eq!(
            take(
                proposal(Tahap::Diverifikasi, 8),
                Langkah::Tetapkan,
                "SK",
                &"x".repeat(MAX_NOTE_CHARS + 1)
            ),
            Err(PoolError::NoteTooLong)
        );
    }

    #[test]
    fn codes_round_trip() {
        for tahap in Tahap::ALL {
            assert_eq!(Tahap::from_code(tahap.code()), Some(tahap));
        }
        for langkah in [Langkah::Verifikasi, Langkah::Tetapkan, Langkah::Tolak] {
            assert_eq!(Langkah::from_code(langkah.code()), Some(langkah));
        }
        assert_eq!(Tahap::from_code("disetujui"), None);
        assert_eq!(Langkah::from_code(""), None);
    }
}
