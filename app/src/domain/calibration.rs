//! Calibration by the komite talenta (domain.md §3): inside a session for one period, a
//! placed person may be moved to another kotak only with a written reason, by a named user.
//! The computed kotak stays as it was; the calibrated one is shown beside it. Closing the
//! session records who was present and locks it.

use super::nine_box::Kotak;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The shortest reason accepted: enough for a sentence, not a code or a single word.
pub const MIN_REASON_CHARS: usize = 20;

/// The longest reason accepted, so that the minutes stay readable.
pub const MAX_REASON_CHARS: usize = 1000;

/// The most members the minutes list, and the longest name each may have: enough for any
/// komite, and bounded so a signature block fits its page.
pub const MAX_MEMBERS: usize = 30;
pub const MAX_MEMBER_CHARS: usize = 120;

/// The longest reference number of the minutes (such as "800.1.3/0123/BKPSDM/2025").
pub const MAX_REFERENCE_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum CalibrationError {
    #[error("Sesi kalibrasi ini sudah ditutup; perubahan tidak dapat dilakukan lagi.")]
    SessionClosed,
    #[error("Pegawai ini belum terpetakan pada periode sesi; kotaknya tidak dapat dikalibrasi.")]
    NotPlaced,
    #[error("Kotak tujuan harus angka 1 sampai 9.")]
    UnknownKotak,
    #[error("Pegawai ini sudah berada di kotak {0}.")]
    SameKotak(u8),
    #[error("Tuliskan alasan kalibrasi, sekurang-kurangnya {MIN_REASON_CHARS} karakter.")]
    ReasonTooShort,
    #[error("Alasan kalibrasi paling panjang {MAX_REASON_CHARS} karakter.")]
    ReasonTooLong,
    #[error("Tuliskan nama anggota komite yang hadir, satu nama per baris.")]
    NoMembers,
    #[error("Paling banyak {MAX_MEMBERS} anggota, masing-masing paling panjang {MAX_MEMBER_CHARS} karakter.")]
    TooManyMembers,
    #[error("Nama sesi tidak boleh kosong.")]
    NoName,
    #[error("Nomor berita acara paling panjang {MAX_REFERENCE_CHARS} karakter, dalam satu baris.")]
    BadReference,
}

/// A checked move of one person: from the kotak in force (calibrated or computed) to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub from: Kotak,
    pub to: Kotak,
    pub reason: String,
}

/// The state a move is decided on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub session_open: bool,
    /// The kotak the scoring computed, `None` when the person is not placed in the period.
    pub computed: Option<u8>,
    /// The kotak of the latest calibration in the period, if any.
    pub calibrated: Option<u8>,
}

impl Standing {
    /// The kotak in force: the latest calibration, else the computed one.
    pub fn in_force(self) -> Option<u8> {
        self.calibrated.or(self.computed)
    }
}

/// Checks a move to kotak `to` with `reason`. A person is calibrated from the kotak in force;
/// moving them back to the computed kotak is a move like any other and needs a reason too.
pub fn propose(standing: Standing, to: u8, reason: &str) -> Result<Move, CalibrationError> {
    if !standing.session_open {
        return Err(CalibrationError::SessionClosed);
    }
    let from = standing
        .in_force()
        .and_then(Kotak::from_number)
        .ok_or(CalibrationError::NotPlaced)?;
    let to = Kotak::from_number(to).ok_or(CalibrationError::UnknownKotak)?;
    if to == from {
        return Err(CalibrationError::SameKotak(to.number()));
    }
    Ok(Move {
        from,
        to,
        reason: reason_text(reason)?,
    })
}

/// A reason as it is stored: trimmed, inner runs of white space kept as written.
pub fn reason_text(reason: &str) -> Result<String, CalibrationError> {
    let reason = reason.trim();
    match reason.chars().count() {
        n if n < MIN_REASON_CHARS => Err(CalibrationError::ReasonTooShort),
        n if n > MAX_REASON_CHARS => Err(CalibrationError::ReasonTooLong),
        _ => Ok(reason.to_owned()),
    }
}

/// A session's name: trimmed, not empty.
pub fn session_name(name: &str) -> Result<String, CalibrationError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CalibrationError::NoName);
    }
    Ok(name.to_owned())
}

/// The minutes' reference number as typed (trimmed), or none when left empty: the office
/// may write it by hand on the printed minutes.
pub fn reference_number(text: &str) -> Result<Option<String>, CalibrationError> {
    let text = text.trim();
    if text.chars().count() > MAX_REFERENCE_CHARS || text.chars().any(char::is_control) {
        return Err(CalibrationError::BadReference);
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// The members present, one per line as typed: trimmed, blank lines dropped, each name once
/// (compared without case), in the order given.
pub fn members_present(text: &str) -> Result<Vec<String>, CalibrationError> {
    let mut members: Vec<String> = Vec::new();
    for name in text.lines().map(str::trim).filter(|n| !n.is_empty()) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if !members
            .iter()
            .any(|m| m.to_lowercase() == name.to_lowercase())
        {
            members.push(name);
        }
    }
    if members.is_empty() {
        return Err(CalibrationError::NoMembers);
    }
    if members.len() > MAX_MEMBERS || members.iter().any(|m| m.chars().count() > MAX_MEMBER_CHARS) {
        return Err(CalibrationError::TooManyMembers);
    }
    Ok(members)
}

/// Which way a kotak changed. The official numbering runs from 1 (lowest kinerja and
/// potensial) to 9, so a higher number is a better standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Movement {
    Naik,
    Tetap,
    Turun,
}

impl Movement {
    pub fn between(from: u8, to: u8) -> Movement {
        match to.cmp(&from) {
            std::cmp::Ordering::Greater => Movement::Naik,
            std::cmp::Ordering::Equal => Movement::Tetap,
            std::cmp::Ordering::Less => Movement::Turun,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Movement::Naik => "naik",
            Movement::Tetap => "tetap",
            Movement::Turun => "turun",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REASON: &str = "Kinerja 2025 terbukti dari penugasan tim lintas OPD";

    fn standing(computed: Option<u8>, calibrated: Option<u8>) -> Standing {
        Standing {
            session_open: true,
            computed,
            calibrated,
        }
    }

    #[test]
    fn a_placed_person_moves_from_the_computed_kotak_with_a_reason() {
        let m = propose(standing(Some(5), None), 8, REASON).expect("valid move");
        assert_eq!((m.from.number(), m.to.number()), (5, 8));
        assert_eq!(m.reason, REASON);
    }

    #[test]
    fn a_second_move_starts_from_the_calibrated_kotak() {
        let m = propose(standing(Some(5), Some(8)), 7, REASON).expect("valid move");
        assert_eq!(m.from.number(), 8);
        // Back to the computed kotak is a move too, with its own reason.
        let back = propose(standing(Some(5), Some(8)), 5, REASON).expect("valid move");
        assert_eq!(back.to.number(), 5);
    }

    #[test]
    fn a_closed_session_refuses_every_move() {
        let closed = Standing {
            session_open: false,
            ..standing(Some(5), None)
        };
        assert_eq!(
            propose(closed, 8, REASON),
            Err(CalibrationError::SessionClosed)
        );
    }

    #[test]
    fn a_person_not_placed_cannot_be_calibrated_into_a_kotak() {
        assert_eq!(
            propose(standing(None, None), 8, REASON),
            Err(CalibrationError::NotPlaced)
        );
    }

    #[test]
    fn the_target_must_be_another_real_kotak() {
        assert_eq!(
            propose(standing(Some(5), None), 5, REASON),
            Err(CalibrationError::SameKotak(5))
        );
        assert_eq!(
            propose(standing(Some(5), Some(8)), 8, REASON),
            Err(CalibrationError::SameKotak(8))
        );
        for bad in [0, 10, 255] {
            assert_eq!(
                propose(standing(Some(5), None), bad, REASON),
                Err(CalibrationError::UnknownKotak)
            );
        }
    }

    #[test]
    fn the_reason_is_a_written_sentence_within_bounds() {
        let short = "x".repeat(MIN_REASON_CHARS - 1);
        assert_eq!(
            propose(standing(Some(5), None), 8, &short),
            Err(CalibrationError::ReasonTooShort)
        );
        // White space does not count towards the minimum.
        let padded = format!("   {short}   ");
        assert_eq!(reason_text(&padded), Err(CalibrationError::ReasonTooShort));
        // Characters, not bytes: twenty accented letters are enough.
        assert_eq!(
            reason_text(&"é".repeat(MIN_REASON_CHARS)).map(|r| r.chars().count()),
            Ok(20)
        );
        assert_eq!(
            reason_text(&"x".repeat(MAX_REASON_CHARS + 1)),
            Err(CalibrationError::ReasonTooLong)
        );
        assert!(reason_text(&"x".repeat(MAX_REASON_CHARS)).is_ok());
    }

    #[test]
    fn members_are_one_per_line_each_once() {
        assert_eq!(
            members_present("  Hj. Sri Wahyuni \n\nAndi  Pratama\nhj. sri wahyuni\n"),
            Ok(vec![
                "Hj. Sri Wahyuni".to_owned(),
                "Andi Pratama".to_owned()
            ])
        );
        assert_eq!(members_present(" \n \n"), Err(CalibrationError::NoMembers));
        let many: Vec<String> = (0..=MAX_MEMBERS).map(|i| format!("Anggota {i}")).collect();
        assert_eq!(
            members_present(&many.join("\n")),
            Err(CalibrationError::TooManyMembers)
        );
        assert_eq!(
            members_present(&"x".repeat(MAX_MEMBER_CHARS + 1)),
            Err(CalibrationError::TooManyMembers)
        );
    }

    #[test]
    fn a_session_needs_a_name() {
        assert_eq!(session_name("  "), Err(CalibrationError::NoName));
        assert_eq!(reference_number("  "), Ok(None));
        assert_eq!(
            reference_number(" 800.1.3/0123/BKPSDM/2025 "),
            Ok(Some("800.1.3/0123/BKPSDM/2025".to_owned()))
        );
        assert_eq!(
            reference_number(&"9".repeat(MAX_REFERENCE_CHARS + 1)),
            Err(CalibrationError::BadReference)
        );
        assert_eq!(
            reference_number("12\n34"),
            Err(CalibrationError::BadReference)
        );
        assert_eq!(session_name(" Sidang 1 "), Ok("Sidang 1".to_owned()));
    }

    #[test]
    fn movement_follows_the_official_numbering() {
        assert_eq!(Movement::between(5, 8), Movement::Naik);
        assert_eq!(Movement::between(8, 8), Movement::Tetap);
        assert_eq!(Movement::between(3, 2), Movement::Turun);
    }
}
