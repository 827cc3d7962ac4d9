//! What moves a person up (domain.md §4): per axis, how far the score is from the next
//! threshold and which components could close the gap, biggest possible gain first.
//!
//! The step starts from the kotak in force: the computed one, or the komite's after a
//! calibration. A person calibrated up stands on a level their scores do not reach yet; the
//! step then also says how far the scores are from holding it without the komite.
//!
//! A component can add at most `weight × (100 − score) / 100` points to its axis. The
//! components are the ones of the person's placement, with the weights of its parameter
//! version: nothing here is a constant of a page.

use super::nine_box::{Kotak, Level, Thresholds};
use super::scoring::Component;
use serde::{Deserialize, Serialize};

/// A component as placed: its 0-100 score and its weight (percent of its axis).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub component: Component,
    pub score: f64,
    pub weight: f64,
}

/// A component that could raise the axis score, and by how much at most.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Lever {
    pub component: Component,
    pub score: f64,
    pub weight: f64,
    /// Axis points gained if the component reached 100.
    pub headroom: f64,
    /// Whether raising this component alone to 100 would reach the next threshold.
    pub closes_gap_alone: bool,
}

/// One axis: where the score stands and what lies between it and the next level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AxisStep {
    pub score: f64,
    /// The next threshold up; `None` at the top level.
    pub next_threshold: Option<f64>,
    /// Points still needed to reach it (0 at the top level).
    pub gap: f64,
    /// When the level in force is above the score's own (a calibration up): the threshold
    /// of that level and the points the score still needs to reach it.
    pub to_hold: Option<Hold>,
    /// Components with headroom, largest first.
    pub levers: Vec<Lever>,
}

/// What the score needs to earn, on its own, the level a calibration gave.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Hold {
    pub threshold: f64,
    pub gap: f64,
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The step up on one axis for `score` from the level in force `in_force`, given the
/// components placed on that axis.
pub fn axis_step(
    thresholds: &Thresholds,
    score: f64,
    in_force: Level,
    components: &[Scored],
) -> AxisStep {
    let next_threshold = match in_force {
        Level::Low => Some(thresholds.middle),
        Level::Middle => Some(thresholds.high),
        Level::High => None,
    };
    let gap = next_threshold.map_or(0.0, |t| round2((t - score).max(0.0)));
    let to_hold = (in_force > thresholds.level(score)).then(|| {
        let threshold = thresholds.floor(in_force);
        Hold {
            threshold,
            gap: round2((threshold - score).max(0.0)),
        }
    });
    // What a lever is measured against: the next level, or else holding the level in force.
    let needed = match (next_threshold, to_hold) {
        (Some(_), _) => Some(gap),
        (None, Some(hold)) => Some(hold.gap),
        (None, None) => None,
    };
    let mut levers: Vec<Lever> = components
        .iter()
        .map(|c| {
            let headroom = round2(c.weight * (100.0 - c.score).max(0.0) / 100.0);
            Lever {
                component: c.component,
                score: c.score,
                weight: c.weight,
                headroom,
                closes_gap_alone: needed.is_some_and(|needed| headroom >= needed),
            }
        })
        .filter(|l| l.headroom > 0.0)
        .collect();
    levers.sort_by(|a, b| b.headroom.total_cmp(&a.headroom));
    AxisStep {
        score,
        next_threshold,
        gap,
        to_hold,
        levers,
    }
}

/// Both axes of a placement, from the kotak in force: kinerja (Y) from the kinerja
/// components, potensial (X) from the potensial components.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advancement {
    pub kinerja: AxisStep,
    pub potensial: AxisStep,
}

pub fn advancement(
    thresholds: &Thresholds,
    kinerja: f64,
    potensial: f64,
    in_force: Kotak,
    components: &[Scored],
) -> Advancement {
    let (kinerja_level, potential_level) = in_force.levels();
    let on = |axis: &[Component]| -> Vec<Scored> {
        components
            .iter()
            .filter(|c| axis.contains(&c.component))
            .copied()
            .collect()
    };
    Advancement {
        kinerja: axis_step(thresholds, kinerja, kinerja_level, &on(&Component::KINERJA)),
        potensial: axis_step(
            thresholds,
            potensial,
            potential_level,
            &on(&Component::POTENSIAL),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nine_box::{Expectation, Potential};

    fn scored(component: Component, score: f64, weight: f64) -> Scored {
        Scored {
            component,
            score,
            weight,
        }
    }

    #[test]
    fn a_middle_score_aims_at_the_high_threshold() {
        let step = axis_step(
            &Thresholds::BKN_2025,
            74.0,
            Level::Middle,
            &[
                scored(Component::KinerjaUtama, 80.0, 60.0),
                scored(Component::Penghargaan, 40.0, 15.0),
                scored(Component::PenugasanTimKerja, 100.0, 15.0),
                scored(Component::UmpanBalik360, 70.0, 10.0),
            ],
        );
        assert_eq!(step.next_threshold, Some(80.0));
        assert_eq!(step.gap, 6.0);
        // Full marks add nothing; the rest are ordered by what they could add.
        let order: Vec<(Component, f64, bool)> = step
            .levers
            .iter()
            .map(|l| (l.component, l.headroom, l.closes_gap_alone))
            .collect();
        assert_eq!(
            order,
            vec![
                (Component::KinerjaUtama, 12.0, true),
                (Component::Penghargaan, 9.0, true),
                (Component::UmpanBalik360, 3.0, false),
            ]
        );
    }

    #[test]
    fn a_low_score_aims_at_the_middle_threshold_and_the_boundary_is_inclusive() {
        let low = axis_step(&Thresholds::BKN_2025, 59.99, Level::Low, &[]);
        assert_eq!(low.next_threshold, Some(60.0));
        assert_eq!(low.gap, 0.01);
        let middle = axis_step(&Thresholds::BKN_2025, 60.0, Level::Middle, &[]);
        assert_eq!(middle.next_threshold, Some(80.0));
        assert_eq!(middle.gap, 20.0);
    }

    #[test]
    fn the_top_level_has_no_next_threshold() {
        let step = axis_step(
            &Thresholds::BKN_2025,
            80.0,
            Level::High,
            &[scored(Component::Pendidikan, 80.0, 10.0)],
        );
        assert_eq!(step.next_threshold, None);
        assert_eq!(step.gap, 0.0);
        assert_eq!(step.to_hold, None);
        assert_eq!(step.levers.len(), 1);
        assert!(!step.levers[0].closes_gap_alone);
    }

    #[test]
    fn thresholds_come_from_the_parameter_set() {
        let step = axis_step(&Thresholds::JPM_90_78, 80.0, Level::Middle, &[]);
        assert_eq!(step.next_threshold, Some(90.0));
        assert_eq!(step.gap, 10.0);
    }

    #[test]
    fn each_axis_reads_only_its_own_components() {
        let a = advancement(
            &Thresholds::BKN_2025,
            70.0,
            50.0,
            Kotak::of(Expectation::Meets, Potential::Low),
            &[
                scored(Component::KinerjaUtama, 80.0, 60.0),
                scored(Component::PengembanganKompetensi, 40.0, 10.0),
            ],
        );
        assert_eq!(a.kinerja.levers.len(), 1);
        assert_eq!(a.kinerja.levers[0].component, Component::KinerjaUtama);
        assert_eq!(a.potensial.levers.len(), 1);
        assert_eq!(a.potensial.levers[0].headroom, 6.0);
        assert_eq!(a.potensial.gap, 10.0);
    }

    #[test]
    fn a_calibration_up_starts_the_step_from_the_box_in_force() {
        // Computed kotak 8 (kinerja 74.77: sesuai), calibrated to 9 (kinerja di atas).
        let a = advancement(
            &Thresholds::BKN_2025,
            74.77,
            85.0,
            Kotak::from_number(9).expect("kotak 9"),
            &[scored(Component::KinerjaUtama, 80.0, 60.0)],
        );
        assert_eq!(a.kinerja.next_threshold, None);
        assert_eq!(
            a.kinerja.to_hold,
            Some(Hold {
                threshold: 80.0,
                gap: 5.23
            })
        );
        // 12 points of headroom hold the calibrated level alone.
        assert!(a.kinerja.levers[0].closes_gap_alone);
        assert_eq!(a.potensial.to_hold, None);
    }

    #[test]
    fn a_calibration_down_aims_at_the_level_the_scores_already_reach() {
        // Computed kotak 9, calibrated to 7 (kinerja di atas, potensial menengah).
        let a = advancement(
            &Thresholds::BKN_2025,
            85.0,
            82.0,
            Kotak::from_number(7).expect("kotak 7"),
            &[],
        );
        assert_eq!(a.potensial.next_threshold, Some(80.0));
        assert_eq!(a.potensial.gap, 0.0);
        assert_eq!(a.potensial.to_hold, None);
        assert_eq!(a.kinerja.next_threshold, None);
    }
}
