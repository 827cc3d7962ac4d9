//! The unit tree of an instansi (its `unit_kerja`: each unit with its parent) and the walks
//! over it that the talent office's pages share: the filter selector's depth-first order, and
//! the roll-up of a unit to the top-level unit (OPD) it lies in, or to the unit right under a
//! chosen one. Nothing in the database forces the stored parents to form a tree, so every walk
//! is bounded by [`MAX_DEPTH`]: a cycle or an absurdly deep chain ends a walk early instead of
//! running away.

use std::collections::HashMap;

/// The deepest a unit is followed below its top-level unit (which is at depth 0): no walk over
/// the tree goes further, so hostile or broken data (a cycle, a chain thousands deep) cannot
/// make one run away. The auth guard's recursive query over `unit_kerja` stops at the same
/// depth, so the pages and the guard agree on which units a tree holds.
pub const MAX_DEPTH: u8 = 32;

/// A unit kerja.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: i64,
    /// `None` for a top-level unit (an OPD).
    pub parent_id: Option<i64>,
    pub code: String,
    pub name: String,
}

/// An instansi's units. Siblings are walked in the order the units were given.
#[derive(Debug, Clone, Default)]
pub struct UnitTree {
    units: Vec<Unit>,
    by_id: HashMap<i64, usize>,
}

impl UnitTree {
    /// The tree of `units`, whose order is the order of siblings in every walk.
    pub fn new(units: Vec<Unit>) -> UnitTree {
        let by_id = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        UnitTree { units, by_id }
    }

    /// The unit with this id.
    pub fn get(&self, id: i64) -> Option<&Unit> {
        self.by_id.get(&id).and_then(|&i| self.units.get(i))
    }

    /// The unit with this code.
    pub fn by_code(&self, code: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.code == code)
    }

    /// Every unit with its depth (0 for a top-level unit), each followed by the units under
    /// it, siblings in the tree's order. Units more than [`MAX_DEPTH`] deep are left out, and
    /// so are units that no top-level unit leads to (a missing parent, a cycle).
    pub fn depth_first(&self) -> Vec<(&Unit, u8)> {
        let mut out = Vec::with_capacity(self.units.len());
        self.walk(None, 0, &mut out);
        out
    }

    /// Appends the units under `parent` (the top-level units for `None`) at `depth`, each
    /// followed by its own.
    fn walk<'t>(&'t self, parent: Option<i64>, depth: u8, out: &mut Vec<(&'t Unit, u8)>) {
        for unit in self.units.iter().filter(|u| u.parent_id == parent) {
            out.push((unit, depth));
            if depth < MAX_DEPTH {
                self.walk(Some(unit.id), depth + 1, out);
            }
        }
    }

    /// The unit `id` and the units above it, nearest first: at most [`MAX_DEPTH`] above it,
    /// and none past a parent that is not in the tree. Nothing for an unknown unit.
    pub fn ancestors(&self, id: i64) -> impl Iterator<Item = &Unit> + '_ {
        std::iter::successors(self.get(id), move |unit| self.parent(unit))
            .take(usize::from(MAX_DEPTH) + 1)
    }

    /// The parent of `unit`, when it is in the tree.
    fn parent(&self, unit: &Unit) -> Option<&Unit> {
        unit.parent_id.and_then(|id| self.get(id))
    }

    /// The unit that `id` rolls up to: the nearest of itself and its ancestors that is a
    /// top-level unit or, `under` a unit, that is that unit itself or a unit right under it.
    /// `None` for an unknown unit, a unit outside `under`, a unit whose chain of parents
    /// breaks or loops before reaching it, and a unit more than [`MAX_DEPTH`] below it.
    pub fn roll_up(&self, id: i64, under: Option<i64>) -> Option<&Unit> {
        self.ancestors(id).find(|unit| match under {
            Some(top) => unit.id == top || unit.parent_id == Some(top),
            None => unit.parent_id.is_none(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, parent_id: Option<i64>, code: &str) -> Unit {
        Unit {
            id,
            parent_id,
            code: code.to_owned(),
            name: format!("Unit {code}"),
        }
    }

    /// Two OPD, A (with A1, A1a under A1, and A2) and B (with B1), listed by name.
    fn opd() -> UnitTree {
        UnitTree::new(vec![
            unit(1, None, "A"),
            unit(3, Some(1), "A1"),
            unit(4, Some(3), "A1a"),
            unit(6, Some(1), "A2"),
            unit(2, None, "B"),
            unit(5, Some(2), "B1"),
        ])
    }

    /// A root and, under it, a chain of `len` units: unit `i` sits at depth `i - 1`.
    fn chain(len: i64) -> UnitTree {
        UnitTree::new(
            (1..=len)
                .map(|i| unit(i, (i > 1).then_some(i - 1), &format!("U{i}")))
                .collect(),
        )
    }

    /// A root R, two units in a cycle, a unit that is its own parent and a unit whose parent
    /// is not in the tree.
    fn hostile() -> UnitTree {
        UnitTree::new(vec![
            unit(1, None, "R"),
            unit(10, Some(11), "C1"),
            unit(11, Some(10), "C2"),
            unit(12, Some(12), "S"),
            unit(13, Some(99), "O"),
        ])
    }

    fn ids<'a>(units: impl Iterator<Item = &'a Unit>) -> Vec<i64> {
        units.map(|u| u.id).collect()
    }

    /// The codes of the units in depth-first order, and their depths.
    fn depth_first(tree: &UnitTree) -> (Vec<&str>, Vec<u8>) {
        tree.depth_first()
            .into_iter()
            .map(|(u, depth)| (u.code.as_str(), depth))
            .unzip()
    }

    #[test]
    fn units_are_found_by_id_and_by_code() {
        let tree = opd();
        assert_eq!(tree.get(4).map(|u| u.code.as_str()), Some("A1a"));
        assert_eq!(tree.by_code("B1").map(|u| u.id), Some(5));
        assert_eq!(tree.get(99), None);
        assert_eq!(tree.by_code("Z"), None);
    }

    #[test]
    fn depth_first_puts_each_unit_before_the_units_under_it() {
        let tree = opd();
        let (codes, depths) = depth_first(&tree);
        assert_eq!(codes, ["A", "A1", "A1a", "A2", "B", "B1"]);
        assert_eq!(depths, [0, 1, 2, 1, 0, 1]);
        assert!(UnitTree::default().depth_first().is_empty());
    }

    #[test]
    fn depth_first_leaves_out_cycles_and_units_without_a_known_parent() {
        let tree = hostile();
        assert_eq!(depth_first(&tree), (vec!["R"], vec![0]));
    }

    #[test]
    fn depth_first_stops_at_the_maximum_depth() {
        let tree = chain(40);
        let walked = tree.depth_first();
        assert_eq!(walked.len(), usize::from(MAX_DEPTH) + 1);
        assert_eq!(
            walked.last().map(|(u, depth)| (u.id, *depth)),
            Some((i64::from(MAX_DEPTH) + 1, MAX_DEPTH))
        );
    }

    #[test]
    fn ancestors_come_nearest_first() {
        let tree = opd();
        assert_eq!(ids(tree.ancestors(4)), [4, 3, 1]);
        assert_eq!(ids(tree.ancestors(2)), [2]);
        assert_eq!(tree.ancestors(99).count(), 0);
    }

    #[test]
    fn ancestors_end_at_a_missing_parent_and_are_bounded_in_a_cycle() {
        let tree = hostile();
        assert_eq!(ids(tree.ancestors(13)), [13]);
        assert_eq!(tree.ancestors(10).count(), usize::from(MAX_DEPTH) + 1);
        assert_eq!(tree.ancestors(12).count(), usize::from(MAX_DEPTH) + 1);
        assert_eq!(chain(40).ancestors(40).count(), usize::from(MAX_DEPTH) + 1);
    }

    #[test]
    fn units_roll_up_to_their_top_level_unit() {
        let tree = opd();
        let top = |id| tree.roll_up(id, None).map(|u| u.code.as_str());
        assert_eq!(top(4), Some("A"));
        assert_eq!(top(6), Some("A"));
        assert_eq!(top(1), Some("A"));
        assert_eq!(top(5), Some("B"));
        assert_eq!(top(99), None);
    }

    #[test]
    fn under_a_unit_units_roll_up_to_it_or_to_the_unit_right_under_it() {
        let tree = opd();
        let group = |id| tree.roll_up(id, Some(1)).map(|u| u.code.as_str());
        assert_eq!(group(4), Some("A1"));
        assert_eq!(group(3), Some("A1"));
        assert_eq!(group(6), Some("A2"));
        assert_eq!(group(1), Some("A"));
        assert_eq!(group(5), None);
        assert_eq!(group(2), None);
    }

    #[test]
    fn hostile_chains_roll_up_to_nothing() {
        let tree = hostile();
        for id in [10, 11, 12, 13] {
            assert_eq!(tree.roll_up(id, None), None);
        }
        assert_eq!(tree.roll_up(10, Some(1)), None);
        let deep = chain(40);
        let at_the_limit = i64::from(MAX_DEPTH) + 1;
        assert_eq!(deep.roll_up(at_the_limit, None).map(|u| u.id), Some(1));
        assert_eq!(deep.roll_up(at_the_limit + 1, None), None);
    }
}
