//! The talent map: the 9-box of the part of an instansi a viewer may read, filtered by
//! period, unit subtree, golongan, jenis jabatan and jenis ASN; the people in a kotak; and
//! who moved between two periods. Counts use the kotak that counts (calibrated, else
//! computed); lists show both.

use crate::api::talent_map::{
    Comparison, Distributions, KotakCounts, MapFilter, Moved, PeoplePage, PeopleQuery, TalentMap,
    UnitOption, PEOPLE_PAGE_SIZE,
};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::calibration::Movement;
use crate::domain::unit_tree::{Unit, UnitTree};
use crate::store::filter::{condition, page_count, periods, resolve_period, FilterError, Page};
use crate::store::talent_map::CountsBy;
use crate::store::{self, units, StoreError};

/// The 9-box counts of the filtered part of the instansi.
pub async fn map(scope: &InstansiScope<'_>, filter: &MapFilter) -> Result<TalentMap, FilterError> {
    let periods = periods(scope).await?;
    let period = resolve_period(filter, &periods)?;
    let mut map = TalentMap {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        whole_instansi: scope.units().is_none(),
        periods,
        period,
        per_kotak: [0; 9],
        calibrated: 0,
        not_placed: 0,
        units: unit_options(scope).await?,
        may_calibrate: scope.viewer_may(Action::Calibrate),
    };
    let Some(period) = period else {
        return Ok(map);
    };
    for (_, counts, moved) in counts(scope, filter, period, CountsBy::Period).await? {
        map.per_kotak = counts.per_kotak;
        map.not_placed = counts.not_placed;
        map.calibrated = moved;
    }
    Ok(map)
}

/// The instansi's units for the filter's selector, in the tree's depth-first order.
pub(crate) async fn unit_options(scope: &InstansiScope<'_>) -> Result<Vec<UnitOption>, StoreError> {
    Ok(options(
        &units::tree(scope.pool(), scope.instansi_id()).await?,
    ))
}

/// The units in the scope's remit (all of them for a whole-instansi scope, else those at or
/// under its units), depth first: what a role may be limited to by this viewer.
pub(crate) async fn units_in_remit(
    scope: &InstansiScope<'_>,
) -> Result<Vec<UnitOption>, StoreError> {
    let tree = units::tree(scope.pool(), scope.instansi_id()).await?;
    let Some(roots) = scope.units() else {
        return Ok(options(&tree));
    };
    Ok(tree
        .depth_first()
        .into_iter()
        .filter(|(unit, _)| tree.ancestors(unit.id).any(|a| roots.contains(&a.id)))
        .map(|(unit, depth)| option(unit, depth))
        .collect())
}

fn option(unit: &Unit, depth: u8) -> UnitOption {
    UnitOption {
        code: unit.code.clone(),
        name: unit.name.clone(),
        depth,
    }
}

/// The selector's options: the units of `tree` depth first, with their depth.
fn options(tree: &UnitTree) -> Vec<UnitOption> {
    tree.depth_first()
        .into_iter()
        .map(|(unit, depth)| option(unit, depth))
        .collect()
}

/// The filtered counts of `period` per group (one group, keyed by the period, when grouped
/// by period): the group's value, its counts, and how many a calibration moved.
async fn counts(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
    period: i32,
    by: CountsBy,
) -> Result<Vec<(Option<i64>, KotakCounts, i64)>, FilterError> {
    let c = condition(scope, filter, period).await?;
    let mut groups: Vec<(Option<i64>, KotakCounts, i64)> = Vec::new();
    for row in store::talent_map::kotak_counts(scope, &c, by).await? {
        let index = match groups.iter().position(|(k, _, _)| *k == row.group) {
            Some(i) => i,
            None => {
                groups.push((
                    row.group,
                    KotakCounts {
                        label: String::new(),
                        per_kotak: [0; 9],
                        not_placed: 0,
                    },
                    0,
                ));
                groups.len() - 1
            }
        };
        let (_, counts, moved) = &mut groups[index];
        *moved += row.moved;
        match row.kotak.map(usize::from) {
            Some(k @ 1..=9) => counts.per_kotak[k - 1] += row.people,
            _ => counts.not_placed += row.people,
        }
    }
    if groups.is_empty() && by == CountsBy::Period {
        groups.push((
            None,
            KotakCounts {
                label: String::new(),
                per_kotak: [0; 9],
                not_placed: 0,
            },
            0,
        ));
    }
    Ok(groups)
}

/// The filtered map per unit in its period and per period: the units are the OPD (the roots
/// of the unit tree), or the units right under the filter's unit.
pub async fn distributions(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
) -> Result<Distributions, FilterError> {
    let periods = periods(scope).await?;
    let period = resolve_period(filter, &periods)?;
    let tree = units::tree(scope.pool(), scope.instansi_id()).await?;
    let chosen = filter.unit.as_deref().and_then(|code| tree.by_code(code));
    let grouped_under = chosen.map(|u| u.name.clone());
    // The group of a unit: the unit right under the chosen one it lies in (or the chosen one
    // itself), or its OPD.
    let under = chosen.map(|u| u.id);
    let mut by_unit: Vec<KotakCounts> = Vec::new();
    if let Some(period) = period {
        let mut grouped: Vec<(&Unit, KotakCounts)> = Vec::new();
        for (unit, counts, _) in counts(scope, filter, period, CountsBy::Unit).await? {
            let Some(group) = unit.and_then(|id| tree.roll_up(id, under)) else {
                continue;
            };
            match grouped.iter_mut().find(|(g, _)| g.id == group.id) {
                Some((_, total)) => {
                    for k in 0..9 {
                        total.per_kotak[k] += counts.per_kotak[k];
                    }
                    total.not_placed += counts.not_placed;
                }
                None => grouped.push((group, counts)),
            }
        }
        for (group, mut counts) in grouped {
            counts.label = group.name.clone();
            by_unit.push(counts);
        }
        by_unit.sort_by(|a, b| a.label.cmp(&b.label));
    }
    let mut by_period = Vec::with_capacity(periods.len());
    for p in periods.iter().rev() {
        for (_, mut counts, _) in counts(scope, filter, *p, CountsBy::Period).await? {
            counts.label = p.to_string();
            by_period.push(counts);
        }
    }
    Ok(Distributions {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        units: options(&tree),
        periods,
        period,
        grouped_under,
        by_unit,
        by_period,
    })
}

/// One page of the people in a kotak (or every placed person), searched and ordered.
pub async fn people(
    scope: &InstansiScope<'_>,
    query: &PeopleQuery,
) -> Result<PeoplePage, FilterError> {
    select_people(scope, query, Some(PEOPLE_PAGE_SIZE)).await
}

/// Every person the query selects, in its order, on one page (for downloads).
pub async fn every_person(
    scope: &InstansiScope<'_>,
    query: &PeopleQuery,
) -> Result<PeoplePage, FilterError> {
    select_people(scope, query, None).await
}

async fn select_people(
    scope: &InstansiScope<'_>,
    query: &PeopleQuery,
    page_size: Option<u32>,
) -> Result<PeoplePage, FilterError> {
    let periods = periods(scope).await?;
    let empty = PeoplePage {
        total: 0,
        halaman: 1,
        pages: 1,
        people: Vec::new(),
    };
    let Some(period) = resolve_period(&query.filter, &periods)? else {
        return Ok(empty);
    };
    let c = store::talent_map::placed(
        scope,
        &query.filter,
        period,
        query.kotak,
        query.cari.as_deref(),
    )
    .await?;
    let total = store::talent_map::count(scope, &c).await?;
    let (pages, halaman, page) = match page_size {
        Some(size) => {
            let pages = page_count(total, size);
            let halaman = query.halaman.clamp(1, pages);
            (
                pages,
                halaman,
                Some(Page {
                    size,
                    number: halaman,
                }),
            )
        }
        None => (1, 1, None),
    };
    let people = store::talent_map::people(scope, &c, query.urut, page).await?;
    Ok(PeoplePage {
        total,
        halaman,
        pages,
        people,
    })
}

/// How many people each comparison list shows.
pub const COMPARISON_SHOWN: usize = 200;

/// Who moved up and down between period `from` and the filter's period, among the people
/// the filter selects in the later period.
pub async fn compare(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
    from: i32,
) -> Result<Comparison, FilterError> {
    let periods = periods(scope).await?;
    let to = resolve_period(filter, &periods)?.ok_or(FilterError::UnknownPeriod(from))?;
    if !periods.contains(&from) {
        return Err(FilterError::UnknownPeriod(from));
    }
    let c = condition(scope, filter, to).await?;
    let placements = store::talent_map::placed_in_both(scope, c, from).await?;
    let mut comparison = Comparison {
        from,
        to,
        up: Vec::new(),
        down: Vec::new(),
        same: 0,
        shown: COMPARISON_SHOWN,
        up_total: 0,
        down_total: 0,
    };
    for row in placements {
        let (Some(before), Some(after)) = (row.from, row.to) else {
            continue;
        };
        let moved = Moved {
            nip: row.nip,
            name: row.name,
            unit: row.unit,
            from: before,
            to: after,
        };
        match Movement::between(before, after) {
            Movement::Naik => comparison.up.push(moved),
            Movement::Turun => comparison.down.push(moved),
            Movement::Tetap => comparison.same += 1,
        }
    }
    // Rows come largest rise first, so the falls come smallest first: turn them round.
    comparison.down.reverse();
    comparison.up_total = comparison.up.len() as i64;
    comparison.down_total = comparison.down.len() as i64;
    comparison.up.truncate(COMPARISON_SHOWN);
    comparison.down.truncate(COMPARISON_SHOWN);
    Ok(comparison)
}
