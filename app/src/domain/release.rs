//! Releases ("rilis", domain.md §11): when a period may be published, the counts a release
//! freezes, and what changed since the previous version, told from published figures only.

use super::disclosure::Disclosed;
use serde::{Deserialize, Serialize};

/// A republication must say why, at least this long.
pub const MIN_NOTE_CHARS: usize = 20;

/// The true counts a release is computed from, per OPD (the rows): pegawai by kotak 1-9 then
/// not mapped, and by whether they reached the JP target (yes, no). Kept with the release so
/// that later versions are audited against it; never served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseCounts {
    pub opd: Vec<String>,
    pub kotak: Vec<Vec<u64>>,
    pub training: Vec<Vec<u64>>,
    pub jp_target: f64,
}

/// Why a period cannot be published (yet).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotReady {
    #[error("periode {0} belum diskor")]
    NotScored(i32),
    #[error("{open} sesi kalibrasi periode {period} masih terbuka")]
    OpenSessions { period: i32, open: u64 },
    #[error("catatan republikasi minimal {MIN_NOTE_CHARS} karakter")]
    NoteTooShort,
}

/// What a publisher found when asking to publish a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodState {
    pub period: i32,
    /// Pegawai with a placement in force for the period.
    pub placements: u64,
    pub open_sessions: u64,
    /// Versions already published for the period.
    pub versions: u64,
}

/// A period may be published once it is scored and every calibration session of it is
/// closed; a second version needs a note of at least [`MIN_NOTE_CHARS`] characters.
pub fn check_ready(state: PeriodState, note: &str) -> Result<(), NotReady> {
    if state.placements == 0 {
        return Err(NotReady::NotScored(state.period));
    }
    if state.open_sessions > 0 {
        return Err(NotReady::OpenSessions {
            period: state.period,
            open: state.open_sessions,
        });
    }
    if state.versions > 0 && note.trim().chars().count() < MIN_NOTE_CHARS {
        return Err(NotReady::NoteTooShort);
    }
    Ok(())
}

/// One thing that changed since the previous version of a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReleaseChange {
    /// The period's first release.
    First,
    /// Scored under another parameter version.
    Parameters {
        from: i64,
        to: i64,
    },
    OpdAdded(String),
    OpdRemoved(String),
    /// The instansi's pegawai in a kotak, where both versions publish the count.
    Kotak {
        kotak: u8,
        from: u64,
        to: u64,
    },
    /// A kotak total published in one version and withheld in the other.
    KotakWithheld {
        kotak: u8,
    },
    /// Nothing published differs.
    NoPublishedChange,
}

/// What a release shows that the previous version of its period showed otherwise. Only
/// published figures are compared, so the list reveals nothing the two releases do not.
pub fn changes(
    previous: Option<(&[String], &[Disclosed], i64)>,
    now: (&[String], &[Disclosed], i64),
) -> Vec<ReleaseChange> {
    let Some((old_opd, old_kotak, old_parameters)) = previous else {
        return vec![ReleaseChange::First];
    };
    let (opd, kotak, parameters) = now;
    let mut changes = Vec::new();
    if old_parameters != parameters {
        changes.push(ReleaseChange::Parameters {
            from: old_parameters,
            to: parameters,
        });
    }
    changes.extend(
        opd.iter()
            .filter(|o| !old_opd.contains(o))
            .map(|o| ReleaseChange::OpdAdded(o.clone())),
    );
    changes.extend(
        old_opd
            .iter()
            .filter(|o| !opd.contains(o))
            .map(|o| ReleaseChange::OpdRemoved(o.clone())),
    );
    for (k, (before, after)) in (1u8..=9).zip(old_kotak.iter().zip(kotak)) {
        match (before.shown(), after.shown()) {
            (Some(from), Some(to)) if from != to => {
                changes.push(ReleaseChange::Kotak { kotak: k, from, to })
            }
            (Some(_), None) | (None, Some(_)) => {
                changes.push(ReleaseChange::KotakWithheld { kotak: k })
            }
            _ => {}
        }
    }
    if changes.is_empty() {
        changes.push(ReleaseChange::NoPublishedChange);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use Disclosed::*;

    fn state(placements: u64, open_sessions: u64, versions: u64) -> PeriodState {
        PeriodState {
            period: 2025,
            placements,
            open_sessions,
            versions,
        }
    }

    #[test]
    fn a_period_is_published_once_scored_and_closed() {
        assert_eq!(
            check_ready(state(0, 0, 0), ""),
            Err(NotReady::NotScored(2025))
        );
        assert_eq!(
            check_ready(state(500, 1, 0), ""),
            Err(NotReady::OpenSessions {
                period: 2025,
                open: 1
            })
        );
        assert_eq!(check_ready(state(500, 0, 0), ""), Ok(()));
    }

    #[test]
    fn a_second_version_says_why() {
        assert_eq!(
            check_ready(state(500, 0, 1), "koreksi"),
            Err(NotReady::NoteTooShort)
        );
        assert_eq!(
            check_ready(state(500, 0, 1), "Kalibrasi ulang komite 3 Desember"),
            Ok(())
        );
    }

    #[test]
    fn changes_compare_published_figures_only() {
        let opd = ["A".to_owned(), "B".to_owned()];
        let before = [Shown(10), FewerThanFive, Shown(7)];
        let after = [Shown(11), FewerThanFive, Hidden];
        let list = changes(Some((&opd, &before, 1)), (&opd[..1], &after, 2));
        assert_eq!(
            list,
            vec![
                ReleaseChange::Parameters { from: 1, to: 2 },
                ReleaseChange::OpdRemoved("B".into()),
                ReleaseChange::Kotak {
                    kotak: 1,
                    from: 10,
                    to: 11
                },
                ReleaseChange::KotakWithheld { kotak: 3 },
            ]
        );
        assert_eq!(changes(None, (&opd, &after, 1)), vec![ReleaseChange::First]);
        assert_eq!(
            changes(Some((&opd, &before, 1)), (&opd, &before, 1)),
            vec![ReleaseChange::NoPublishedChange]
        );
    }
}
