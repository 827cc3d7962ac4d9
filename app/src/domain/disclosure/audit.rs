//! The disclosure audit (domain.md §11): what an attacker can derive about a withheld count
//! from everything published, by linear programming. Every withheld figure is an unknown of
//! 0 or more, every shown figure a constant, every line an equation. For each count of 1-4
//! the smallest and largest value the equations allow must be 0 and at least 5: nobody can
//! then tell an empty cell from one of five or more.
//!
//! The programs are solved with `good_lp` over `microlp`, a pure-Rust simplex: no C solver to
//! build, and the model does not depend on the solver.

use super::MIN_COUNT;
use good_lp::{
    constraint, microlp, variable, variables, Expression, ResolutionError, Solution, SolverModel,
    Variable,
};
use std::collections::{BTreeSet, HashMap};

/// Tolerance for the solver's floating-point answers (the true bounds are whole numbers).
const EPSILON: f64 = 1e-6;

/// What the published figures allow a withheld count to be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub smallest: f64,
    /// `f64::INFINITY` when nothing published bounds it.
    pub largest: f64,
}

impl Bounds {
    /// Whether the count could be empty and could be five or more.
    pub fn protects(&self) -> bool {
        self.smallest <= EPSILON && self.largest >= MIN_COUNT as f64 - EPSILON
    }
}

/// The solver failed on a system that has a solution (the true counts).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("program linear disclosure gagal: {0}")]
pub struct SolverFailed(pub String);

/// Published figures: true counts, the lines that tie them, and which are withheld.
pub(super) struct System<'a> {
    pub(super) values: &'a [u64],
    pub(super) lines: &'a [Vec<usize>],
    /// The lines each member is on.
    on_lines: Vec<Vec<usize>>,
}

impl<'a> System<'a> {
    pub(super) fn new(values: &'a [u64], lines: &'a [Vec<usize>]) -> System<'a> {
        let mut on_lines = vec![Vec::new(); values.len()];
        for (l, line) in lines.iter().enumerate() {
            for member in line {
                on_lines[*member].push(l);
            }
        }
        System {
            values,
            lines,
            on_lines,
        }
    }

    /// The withheld members tied to `member` through lines of withheld members, and those
    /// lines: the only part of the system that bears on it.
    fn component(&self, member: usize, hidden: &[bool]) -> (Vec<usize>, BTreeSet<usize>) {
        let mut members = vec![member];
        let mut seen: BTreeSet<usize> = BTreeSet::from([member]);
        let mut lines = BTreeSet::new();
        let mut next = 0;
        while let Some(&m) = members.get(next) {
            next += 1;
            for &l in &self.on_lines[m] {
                if !lines.insert(l) {
                    continue;
                }
                for &other in &self.lines[l] {
                    if hidden[other] && seen.insert(other) {
                        members.push(other);
                    }
                }
            }
        }
        (members, lines)
    }

    /// The smallest and largest value of withheld `member` that the shown figures allow.
    pub(super) fn bounds(&self, member: usize, hidden: &[bool]) -> Result<Bounds, SolverFailed> {
        let (members, lines) = self.component(member, hidden);
        let smallest = self.solve(member, &members, &lines, Direction::Smallest)?;
        let largest = self.solve(member, &members, &lines, Direction::Largest)?;
        Ok(Bounds { smallest, largest })
    }

    fn solve(
        &self,
        member: usize,
        members: &[usize],
        lines: &BTreeSet<usize>,
        direction: Direction,
    ) -> Result<f64, SolverFailed> {
        let mut problem = variables!();
        let unknowns: HashMap<usize, Variable> = members
            .iter()
            .map(|m| (*m, problem.add(variable().min(0.0))))
            .collect();
        let target = unknowns[&member];
        let mut model = match direction {
            Direction::Smallest => problem.minimise(target),
            Direction::Largest => problem.maximise(target),
        }
        .using(microlp);
        for &l in lines {
            let Some((&total, parts)) = self.lines[l].split_last() else {
                continue;
            };
            // parts - total = 0, the shown members moved to the right-hand side.
            let mut unknown = Expression::from(0.0);
            let mut known = 0.0;
            let signed = parts.iter().map(|p| (*p, 1.0)).chain([(total, -1.0)]);
            for (m, sign) in signed {
                match unknowns.get(&m) {
                    Some(x) => unknown += sign * *x,
                    None => known -= sign * self.values[m] as f64,
                }
            }
            model.add_constraint(constraint::eq(unknown, known));
        }
        match model.solve() {
            Ok(solution) => Ok(solution.value(target)),
            Err(ResolutionError::Unbounded) if direction == Direction::Largest => Ok(f64::INFINITY),
            Err(e) => Err(SolverFailed(e.to_string())),
        }
    }

    /// Withholds further members until every count of 1-4 is protected ([`Bounds::protects`]).
    /// Only members that `may_hide` may be withheld; among those on the lines around an
    /// unprotected count, the one hiding the fewest people goes first. Hiding a member only
    /// widens what every other count could be, so a count once protected stays protected and
    /// one pass suffices. Returns each sensitive member's bounds, or the first member that no
    /// allowed suppression protects.
    pub(super) fn secure(
        &self,
        hidden: &mut [bool],
        may_hide: &[bool],
    ) -> Result<Vec<(usize, Bounds)>, Unprotectable> {
        let sensitive: Vec<usize> = (0..self.values.len())
            .filter(|m| (1..MIN_COUNT).contains(&self.values[*m]))
            .collect();
        for &m in &sensitive {
            hidden[m] = true;
        }
        let mut audit = Vec::with_capacity(sensitive.len());
        for member in sensitive {
            loop {
                let bounds = self.bounds(member, hidden).map_err(Unprotectable::Solver)?;
                if bounds.protects() {
                    audit.push((member, bounds));
                    break;
                }
                let complement = self
                    .complement(member, hidden, may_hide)
                    .ok_or(Unprotectable::Exposed { member, bounds })?;
                hidden[complement] = true;
            }
        }
        Ok(audit)
    }

    /// The shown member to withhold next for `member`: the smallest non-zero one on its own
    /// lines, else on the lines of the withheld members tied to it.
    fn complement(&self, member: usize, hidden: &[bool], may_hide: &[bool]) -> Option<usize> {
        let smallest = |lines: &mut dyn Iterator<Item = usize>| {
            lines
                .flat_map(|l| self.lines[l].iter().copied())
                .filter(|m| !hidden[*m] && may_hide[*m] && self.values[*m] > 0)
                .min_by_key(|m| (self.values[*m], *m))
        };
        smallest(&mut self.on_lines[member].iter().copied()).or_else(|| {
            let (_, lines) = self.component(member, hidden);
            smallest(&mut lines.into_iter())
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Smallest,
    Largest,
}

/// Why a publication cannot be protected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(super) enum Unprotectable {
    #[error(transparent)]
    Solver(SolverFailed),
    /// A count earlier publications already expose, which nothing new can hide.
    #[error("anggota {member} tetap dapat dihitung ({bounds:?})")]
    Exposed { member: usize, bounds: Bounds },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row a + b = total with one column pinning b.
    #[test]
    fn a_cell_pinned_by_two_lines_is_found() {
        // [a=2, b=8 | 10], column b: b + 6 = 14 with both shown -> b = 8 -> a = 2.
        let values = [2, 8, 10, 6, 14];
        let lines = vec![vec![0, 1, 2], vec![1, 3, 4]];
        let system = System::new(&values, &lines);
        let hidden = [true, true, false, false, false];
        let bounds = system.bounds(0, &hidden).expect("solves");
        assert!((bounds.smallest - 2.0).abs() < EPSILON);
        assert!((bounds.largest - 2.0).abs() < EPSILON);
        assert!(!bounds.protects());
    }

    #[test]
    fn an_unbounded_cell_is_protected() {
        // a + b = t with all three withheld: nothing bounds a.
        let values = [2, 8, 10];
        let lines = vec![vec![0, 1, 2]];
        let system = System::new(&values, &lines);
        let bounds = system.bounds(0, &[true, true, true]).expect("solves");
        assert_eq!(bounds.smallest, 0.0);
        assert_eq!(bounds.largest, f64::INFINITY);
    }

    #[test]
    fn secure_withholds_the_smallest_helpful_count() {
        // a=2, b=8, c=30 | 40: a alone is exposed; b (8) goes, not c (30).
        let values = [2, 8, 30, 40];
        let lines = vec![vec![0, 1, 2, 3]];
        let system = System::new(&values, &lines);
        let mut hidden = [false; 4];
        let audit = system.secure(&mut hidden, &[true; 4]).expect("protects");
        assert_eq!(hidden, [true, true, false, false]);
        assert_eq!(audit.len(), 1);
        assert!(audit[0].1.protects());
    }

    #[test]
    fn two_small_counts_under_a_small_total_take_more() {
        // a=1, b=1, c=40 | 42: with a and b withheld, a + b = 2, so a <= 2: c goes too.
        let values = [1, 1, 40, 42];
        let lines = vec![vec![0, 1, 2, 3]];
        let system = System::new(&values, &lines);
        let mut hidden = [false; 4];
        system.secure(&mut hidden, &[true; 4]).expect("protects");
        assert_eq!(hidden, [true, true, true, false]);
    }

    #[test]
    fn a_count_nothing_may_hide_is_reported() {
        let values = [2, 8, 10];
        let lines = vec![vec![0, 1, 2]];
        let system = System::new(&values, &lines);
        let mut hidden = [false; 3];
        let refused = system.secure(&mut hidden, &[true, false, false]);
        assert!(matches!(
            refused,
            Err(Unprotectable::Exposed { member: 0, .. })
        ));
    }
}
