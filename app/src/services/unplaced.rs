//! The people of a period the 9-box does not hold, for BKPSDM to complete: everyone whose
//! inputs are incomplete, excluded by a disciplinary sentence or holding an invalid value,
//! with what is missing, counted per input and listed a page at a time.

use crate::api::talent_map::{UnplacedPage, UnplacedPerson, UnplacedQuery, UNPLACED_PAGE_SIZE};
use crate::auth::guard::InstansiScope;
use crate::domain::placement_note::{Stored, Unplaced};
use crate::domain::scoring::Component;
use crate::store::filter::{condition, page_count, periods, resolve_period, FilterError};
use crate::store::scoring::decode_reason;
use crate::store::unplaced;
use std::collections::HashMap;

use super::talent_map::unit_options;

/// Whether a person's reason names `component` as missing.
fn misses(reason: &Stored<Unplaced>, component: Component) -> bool {
    matches!(reason, Stored::Value(Unplaced::Incomplete(missing)) if missing.contains(&component))
}

/// One page of the unplaced the query selects, with how many miss each input.
pub async fn unplaced(
    scope: &InstansiScope<'_>,
    query: &UnplacedQuery,
) -> Result<UnplacedPage, FilterError> {
    let periods = periods(scope).await?;
    let period = resolve_period(&query.filter, &periods)?;
    let mut page = UnplacedPage {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        units: unit_options(scope).await?,
        periods,
        period,
        all: 0,
        missing: Vec::new(),
        excluded: 0,
        total: 0,
        halaman: 1,
        pages: 1,
        people: Vec::new(),
    };
    let Some(period) = period else {
        return Ok(page);
    };
    let mut c = condition(scope, &query.filter, period).await?;
    c.search(query.cari.as_deref());
    let all: Vec<(i64, Stored<Unplaced>)> = unplaced::reasons(scope, &c)
        .await?
        .into_iter()
        .map(|r| {
            (
                r.pegawai_id,
                r.reason
                    .map(decode_reason)
                    .unwrap_or(Stored::Text(String::new())),
            )
        })
        .collect();
    page.all = all.len() as i64;
    page.missing = Component::ALL
        .into_iter()
        .map(|component| {
            let n = all.iter().filter(|(_, r)| misses(r, component)).count();
            (component, n as i64)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    page.excluded = all
        .iter()
        .filter(|(_, r)| matches!(r, Stored::Value(Unplaced::Excluded { .. })))
        .count() as i64;
    let selected: Vec<&(i64, Stored<Unplaced>)> = all
        .iter()
        .filter(|(_, r)| query.kurang.is_none_or(|k| misses(r, k)))
        .collect();
    page.total = selected.len() as i64;
    page.pages = page_count(page.total, UNPLACED_PAGE_SIZE);
    page.halaman = query.halaman.clamp(1, page.pages);
    let start = (page.halaman as usize - 1) * UNPLACED_PAGE_SIZE as usize;
    let on_page: Vec<&(i64, Stored<Unplaced>)> = selected
        .into_iter()
        .skip(start)
        .take(UNPLACED_PAGE_SIZE as usize)
        .collect();
    let ids: Vec<i64> = on_page.iter().map(|(id, _)| *id).collect();
    let mut shown: HashMap<i64, unplaced::Shown> = unplaced::shown(scope, period, &ids)
        .await?
        .into_iter()
        .map(|s| (s.pegawai_id, s))
        .collect();
    page.people = on_page
        .into_iter()
        .filter_map(|(id, reason)| {
            shown.remove(id).map(|s| UnplacedPerson {
                nip: s.nip,
                name: s.name,
                unit: s.unit,
                golongan: s.golongan,
                reason: reason.clone(),
            })
        })
        .collect();
    Ok(page)
}
