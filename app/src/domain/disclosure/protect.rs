//! Protection of linked tables before publication: primary suppression of counts of 1-4, a
//! quick pass over single lines, then the linear-programming audit over everything published.

use super::audit::{Bounds, SolverFailed, System, Unprotectable};
use super::layout::{row_sums, Layout, Member};
use super::{DisclosedTable, UnequalRows, MIN_COUNT};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An upper bound that stands for "no upper bound" in [`gives_away`]'s sums.
const UNBOUNDED: i64 = i64::MAX / 4;

/// What a reader knows of a hidden count from how it is shown: "<5" is 1 to 4, "–" is 5 or
/// more.
fn bounds(value: u64) -> (i64, i64) {
    if value < MIN_COUNT {
        (1, MIN_COUNT as i64 - 1)
    } else {
        (MIN_COUNT as i64, UNBOUNDED)
    }
}

/// Whether a line (its parts, then its total) gives a hidden member away: with the shown
/// members and the bounds of the hidden ones, some hidden member can take one value only (a
/// line that hides a single member always does), or the hidden parts under a shown total add
/// up to 1-4 people, itself a small count.
pub(super) fn gives_away(line: &[usize], values: &[u64], hidden: &[bool]) -> bool {
    let Some((&total, parts)) = line.split_last() else {
        return false;
    };
    // Each member with its sign in "parts - total = 0".
    let signed: Vec<(usize, i64)> = parts.iter().map(|m| (*m, 1)).chain([(total, -1)]).collect();
    let unknown: Vec<(usize, i64)> = signed.iter().copied().filter(|(m, _)| hidden[*m]).collect();
    if unknown.is_empty() {
        return false;
    }
    // The signed sum of the hidden members, as the shown ones give it.
    let known: i64 = -signed
        .iter()
        .filter(|(m, _)| !hidden[*m])
        .map(|(m, sign)| sign * values[*m] as i64)
        .sum::<i64>();
    if !hidden[total] && (1..MIN_COUNT as i64).contains(&known) {
        return true;
    }
    unknown.iter().any(|(member, sign)| {
        // The range of the other hidden members' signed sum.
        let (mut low, mut high) = (0_i64, 0_i64);
        for (other, other_sign) in unknown.iter().filter(|(o, _)| o != member) {
            let (lo, hi) = bounds(values[*other]);
            if *other_sign > 0 {
                low += lo;
                high = high.saturating_add(hi);
            } else {
                low = low.saturating_sub(hi);
                high -= lo;
            }
        }
        let (a, b) = (known.saturating_sub(high), known.saturating_sub(low));
        let (from, to) = if *sign > 0 {
            (a, b)
        } else {
            (b.saturating_neg(), a.saturating_neg())
        };
        let (lo, hi) = bounds(values[*member]);
        from.max(lo) >= to.min(hi)
    })
}

/// Tables that count the same people of the same named rows by different traits (the
/// kotak of each OPD's pegawai, and whether they reached 20 JP): protected together, since a
/// total hidden in one and shown in the other would undo the protection. Each row must sum to
/// the same total in every table.
#[derive(Debug, Clone, Copy)]
pub struct Linked<'a> {
    pub rows: &'a [String],
    pub tables: &'a [&'a [Vec<u64>]],
}

/// An earlier publication of linked tables: their counts, and what was shown of them.
#[derive(Debug, Clone, Copy)]
pub struct Earlier<'a> {
    pub counts: Linked<'a>,
    pub published: &'a [DisclosedTable],
}

/// What everything published allows one count of 1-4 to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audited {
    /// `None` for the publication being protected, else the index of the earlier one.
    pub publication: Option<usize>,
    pub member: Member,
    pub smallest: f64,
    /// `None` when nothing published bounds it.
    pub largest: Option<f64>,
}

/// Protected tables, with the audit of every count of 1-4 in them and in the earlier
/// publications they were protected against.
#[derive(Debug, Clone, PartialEq)]
pub struct Protected {
    pub tables: Vec<DisclosedTable>,
    pub audit: Vec<Audited>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DisclosureError {
    #[error(transparent)]
    UnequalRows(#[from] UnequalRows),
    #[error(transparent)]
    Solver(#[from] SolverFailed),
    /// A count that earlier publications give away whatever is withheld now.
    #[error(
        "{member:?} (publikasi {publication:?}) sudah dapat dihitung dari publikasi sebelumnya"
    )]
    Exposed {
        publication: Option<usize>,
        member: Member,
    },
}

/// Protects a table of counts (`counts[row][column]`; short rows count as zeros).
pub fn protect_table(counts: &[Vec<u64>]) -> Result<DisclosedTable, DisclosureError> {
    let mut tables = protect_linked(&[counts])?;
    Ok(tables.swap_remove(0))
}

/// Protects linked tables over unnamed rows, with nothing published before them.
pub fn protect_linked(tables: &[&[Vec<u64>]]) -> Result<Vec<DisclosedTable>, DisclosureError> {
    let rows: Vec<String> = (0..tables.first().map_or(0, |t| t.len()))
        .map(|r| r.to_string())
        .collect();
    Ok(protect_release(
        Linked {
            rows: &rows,
            tables,
        },
        &[],
    )?
    .tables)
}

/// Protects `new` against itself and every earlier publication (domain.md §11).
///
/// Primary suppression withholds every count of 1-4. A quick pass over single lines then
/// withholds what any one row, column or margin would give away ([`gives_away`]). Last, the
/// audit solves, by linear programming over all the tables, their margins and the earlier
/// publications, the smallest and largest value of each count of 1-4, and withholds further
/// figures of `new` until each could be 0 and could be 5 or more. Earlier publications are
/// tied to `new` wherever a figure (same table, row and column) has the same count in both:
/// an attacker who guesses that it did not change gains nothing.
pub fn protect_release(
    new: Linked<'_>,
    earlier: &[Earlier<'_>],
) -> Result<Protected, DisclosureError> {
    let layout = Layout::new(new.tables, new.rows, &linked_row_sums(new.tables)?);
    let mut values = layout.values.clone();
    let mut lines = layout.lines.clone();
    let mut hidden: Vec<bool> = values.iter().map(|v| (1..MIN_COUNT).contains(v)).collect();
    let mut may_hide = vec![true; values.len()];
    let mut owners: Vec<(Option<usize>, usize)> = (0..values.len()).map(|m| (None, m)).collect();
    let key_index: HashMap<&Member, usize> = layout
        .keys
        .iter()
        .enumerate()
        .map(|(m, key)| (key, m))
        .collect();
    let earlier_layouts = earlier
        .iter()
        .map(|e| {
            let sums = linked_row_sums(e.counts.tables)?;
            Ok(Layout::new(e.counts.tables, e.counts.rows, &sums))
        })
        .collect::<Result<Vec<_>, DisclosureError>>()?;
    // Each earlier figure whose count is unchanged is the same unknown as the new one: one
    // class. Solving over classes keeps the programs the size of one version.
    let mut class_of: Vec<usize> = (0..values.len()).collect();
    for (index, (e, old)) in earlier.iter().zip(&earlier_layouts).enumerate() {
        let offset = values.len();
        values.extend(&old.values);
        lines.extend(
            old.lines
                .iter()
                .map(|line| line.iter().map(|m| m + offset).collect()),
        );
        hidden.extend(old.hidden_in(e.published));
        may_hide.extend(std::iter::repeat_n(false, old.values.len()));
        owners.extend((0..old.values.len()).map(|m| (Some(index), m)));
        for (m, key) in old.keys.iter().enumerate() {
            let same = key_index
                .get(key)
                .filter(|now| layout.values[**now] == old.values[m]);
            class_of.push(same.copied().unwrap_or(offset + m));
        }
    }
    let classes = Classes::new(&class_of, &values, &lines, &hidden, &may_hide);
    let system = System::new(&classes.values, &classes.lines);
    let mut class_hidden = classes.hidden.clone();
    let audited = loop {
        line_pass(
            &classes.values,
            &classes.lines,
            &mut class_hidden,
            &classes.may_hide,
        );
        let audited = system.secure(&mut class_hidden, &classes.may_hide);
        let again = line_pass(
            &classes.values,
            &classes.lines,
            &mut class_hidden,
            &classes.may_hide,
        );
        if audited.is_err() || !again {
            break audited;
        }
    };
    let describe = |member: usize| {
        let (publication, m) = owners[member];
        let keys = publication.map_or(&layout.keys, |i| &earlier_layouts[i].keys);
        (publication, keys[m].clone())
    };
    let audited = audited.map_err(|e| match e {
        Unprotectable::Solver(e) => DisclosureError::Solver(e),
        Unprotectable::Exposed { member, .. } => {
            let (publication, member) = describe(classes.members[member][0]);
            DisclosureError::Exposed {
                publication,
                member,
            }
        }
    })?;
    let audit = audited
        .into_iter()
        .flat_map(|(class, bounds)| classes.members[class].iter().map(move |m| (*m, bounds)))
        .map(|(member, bounds)| {
            let (publication, member) = describe(member);
            Audited {
                publication,
                member,
                smallest: bounds.smallest,
                largest: bounds.largest.is_finite().then_some(bounds.largest),
            }
        })
        .collect();
    let hidden: Vec<bool> = (0..layout.values.len())
        .map(|m| class_hidden[classes.index[m]])
        .collect();
    Ok(Protected {
        tables: layout.disclose(&hidden),
        audit,
    })
}

/// Members that must be the same unknown, solved as one. A class is withheld when every
/// member is: an earlier figure withheld then and shown now is shown. It may be withheld
/// further only when no member was already published.
struct Classes {
    /// Each member's class.
    index: Vec<usize>,
    members: Vec<Vec<usize>>,
    values: Vec<u64>,
    lines: Vec<Vec<usize>>,
    hidden: Vec<bool>,
    may_hide: Vec<bool>,
}

impl Classes {
    fn new(
        class_of: &[usize],
        values: &[u64],
        lines: &[Vec<usize>],
        hidden: &[bool],
        may_hide: &[bool],
    ) -> Classes {
        let mut slot = vec![usize::MAX; class_of.len()];
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut index = Vec::with_capacity(class_of.len());
        for &class in class_of {
            if slot[class] == usize::MAX {
                slot[class] = members.len();
                members.push(Vec::new());
            }
            index.push(slot[class]);
        }
        for (m, &c) in index.iter().enumerate() {
            members[c].push(m);
        }
        let published = |m: &usize| !may_hide[*m];
        let class_hidden = members
            .iter()
            .map(|ms| match ms.iter().any(published) {
                // An earlier figure decides: withheld only if it was withheld every time.
                true => ms.iter().filter(|m| published(m)).all(|m| hidden[*m]),
                false => ms.iter().all(|m| hidden[*m]),
            })
            .collect();
        let class_may_hide = members
            .iter()
            .map(|ms| {
                ms.iter().any(|m| may_hide[*m]) && ms.iter().all(|m| may_hide[*m] || hidden[*m])
            })
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        let class_lines = lines
            .iter()
            .map(|line| line.iter().map(|m| index[*m]).collect::<Vec<usize>>())
            .filter(|line| seen.insert(line.clone()))
            .collect();
        Classes {
            values: members.iter().map(|ms| values[ms[0]]).collect(),
            index,
            members,
            lines: class_lines,
            hidden: class_hidden,
            may_hide: class_may_hide,
        }
    }
}

/// Re-solves a publication from what it shows: the bounds of each of its withheld counts of
/// 1-4, for anyone who wants to check a release without trusting how it was made.
pub fn audit_published(
    counts: Linked<'_>,
    published: &[DisclosedTable],
) -> Result<Vec<(Member, Bounds)>, DisclosureError> {
    let layout = Layout::new(counts.tables, counts.rows, &linked_row_sums(counts.tables)?);
    let hidden = layout.hidden_in(published);
    let system = System::new(&layout.values, &layout.lines);
    (0..layout.values.len())
        .filter(|m| (1..MIN_COUNT).contains(&layout.values[*m]))
        .map(|m| Ok((layout.keys[m].clone(), system.bounds(m, &hidden)?)))
        .collect()
}

/// The rows' totals, the same in every table.
fn linked_row_sums(tables: &[&[Vec<u64>]]) -> Result<Vec<u64>, UnequalRows> {
    let sums = tables.first().map(|t| row_sums(t)).unwrap_or_default();
    for table in tables {
        let other = row_sums(table);
        if let Some(row) = (0..sums.len().max(other.len()))
            .find(|r| sums.get(*r).copied().unwrap_or(0) != other.get(*r).copied().unwrap_or(0))
        {
            return Err(UnequalRows { row });
        }
    }
    Ok(sums)
}

/// As long as some line gives a withheld member away ([`gives_away`]: a single withheld
/// member, two "<5" that must both be 1, withheld parts adding up to 1-4), withholds the
/// smallest non-zero member still shown on that line that may be withheld. Cheap, and it
/// leaves the linear programs little to add; run again after them, it leaves no withheld
/// figure that one line gives back. Returns whether it withheld anything.
pub(super) fn line_pass(
    values: &[u64],
    lines: &[Vec<usize>],
    hidden: &mut [bool],
    may_hide: &[bool],
) -> bool {
    let mut any = false;
    let mut changed = true;
    while changed {
        changed = false;
        for line in lines {
            if !gives_away(line, values, hidden) {
                continue;
            }
            let complement = line
                .iter()
                .filter(|m| !hidden[**m] && may_hide[**m] && values[**m] > 0)
                .min_by_key(|m| (values[**m], **m));
            if let Some(member) = complement {
                hidden[*member] = true;
                changed = true;
                any = true;
            }
        }
    }
    any
}
