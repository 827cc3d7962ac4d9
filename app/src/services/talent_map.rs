//! The talent map: the 9-box of the part of an instansi a viewer may read, filtered by
//! period, unit subtree, golongan, jenis jabatan and jenis ASN; the people in a kotak; and
//! who moved between two periods. Counts use the kotak that counts (calibrated, else
//! computed); lists show both.

use crate::api::talent_map::{
    Comparison, Distributions, KotakCounts, MapFilter, MapPerson, Moved, PeoplePage, PeopleQuery,
    SortKey, TalentMap, PEOPLE_PAGE_SIZE,
};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::calibration::Movement;
use crate::store::filter::{condition, kotak, page_count, periods, resolve_period, FilterError};
use crate::store::units;
use sqlx::Row;

const FROM: &str = "FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
     LEFT JOIN jabatan j ON j.id = f.jabatan_id WHERE f.instansi_id = $1";

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
        units: units::options(scope).await?,
        may_calibrate: scope.viewer_may(Action::Calibrate),
    };
    let Some(period) = period else {
        return Ok(map);
    };
    for (_, counts, moved) in counts(scope, filter, period, None).await? {
        map.per_kotak = counts.per_kotak;
        map.not_placed = counts.not_placed;
        map.calibrated = moved;
    }
    Ok(map)
}

/// The filtered counts of `period` per value of `group_by` (a column; one group, keyed by
/// the period, when `None`): the group's value, its counts, and how many a calibration
/// moved.
async fn counts(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
    period: i32,
    group_by: Option<&str>,
) -> Result<Vec<(Option<i64>, KotakCounts, i64)>, FilterError> {
    let c = condition(scope, filter, period).await?;
    let group = group_by.unwrap_or("f.period");
    let sql = format!(
        "SELECT {group} AS grp, f.final_kotak AS kotak, \
         SUM(CASE WHEN f.calibrated_kotak IS NOT NULL AND f.calibrated_kotak <> f.kotak THEN 1 ELSE 0 END) AS moved, \
         COUNT(*) AS n {FROM}{} GROUP BY {group}, f.final_kotak",
        c.sql
    );
    let rows = c.bind(scope.query(&sql)).fetch_all(scope.pool()).await?;
    let mut groups: Vec<(Option<i64>, KotakCounts, i64)> = Vec::new();
    for row in rows {
        let key: Option<i64> = row.try_get("grp")?;
        let index = match groups.iter().position(|(k, _, _)| *k == key) {
            Some(i) => i,
            None => {
                groups.push((
                    key,
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
        let n: i64 = row.try_get("n")?;
        *moved += row.try_get::<i64, _>("moved")?;
        match kotak(&row, "kotak")?.map(usize::from) {
            Some(k @ 1..=9) => counts.per_kotak[k - 1] += n,
            _ => counts.not_placed += n,
        }
    }
    if groups.is_empty() && group_by.is_none() {
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
    let tree: Vec<(i64, Option<i64>, String, String)> =
        sqlx::query("SELECT id, parent_id, code, name FROM unit_kerja WHERE instansi_id = $1")
            .bind(scope.instansi_id())
            .fetch_all(scope.pool())
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    r.try_get("parent_id")?,
                    r.try_get("code")?,
                    r.try_get("name")?,
                ))
            })
            .collect::<Result<_, sqlx::Error>>()?;
    let chosen = filter
        .unit
        .as_ref()
        .and_then(|code| tree.iter().find(|u| &u.2 == code));
    let grouped_under = chosen.map(|u| u.3.clone());
    // The group of a unit: itself if it is one, else its nearest ancestor that is.
    let is_group = |id: i64, parent: Option<i64>| match chosen {
        Some(c) => id == c.0 || parent == Some(c.0),
        None => parent.is_none(),
    };
    let group_of = |mut id: i64| -> Option<i64> {
        for _ in 0..32 {
            let unit = tree.iter().find(|u| u.0 == id)?;
            if is_group(unit.0, unit.1) {
                return Some(unit.0);
            }
            id = unit.1?;
        }
        None
    };
    let mut by_unit: Vec<KotakCounts> = Vec::new();
    if let Some(period) = period {
        let mut grouped: Vec<(i64, KotakCounts)> = Vec::new();
        for (unit, counts, _) in counts(scope, filter, period, Some("f.unit_kerja_id")).await? {
            let Some(group) = unit.and_then(group_of) else {
                continue;
            };
            match grouped.iter_mut().find(|(g, _)| *g == group) {
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
            counts.label = tree
                .iter()
                .find(|u| u.0 == group)
                .map(|u| u.3.clone())
                .unwrap_or_default();
            by_unit.push(counts);
        }
        by_unit.sort_by(|a, b| a.label.cmp(&b.label));
    }
    let mut by_period = Vec::with_capacity(periods.len());
    for p in periods.iter().rev() {
        for (_, mut counts, _) in counts(scope, filter, *p, None).await? {
            counts.label = p.to_string();
            by_period.push(counts);
        }
    }
    Ok(Distributions {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        units: units::options(scope).await?,
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
    let mut c = condition(scope, &query.filter, period).await?;
    match query.kotak {
        Some(k) => c.push(" AND f.final_kotak = {}", i64::from(k)),
        None => c.sql.push_str(" AND f.final_kotak IS NOT NULL"),
    }
    c.search(query.cari.as_deref());
    let total: i64 = c
        .bind(scope.query(&format!("SELECT COUNT(*) AS n {FROM}{}", c.sql)))
        .fetch_one(scope.pool())
        .await?
        .try_get("n")?;
    let (pages, halaman, limit) = match page_size {
        Some(size) => {
            let pages = page_count(total, size);
            let halaman = query.halaman.clamp(1, pages);
            (
                pages,
                halaman,
                format!(" LIMIT {size} OFFSET {}", (halaman - 1) * size),
            )
        }
        None => (1, 1, String::new()),
    };
    let order = match query.urut {
        SortKey::Nama => "p.name, p.nip",
        SortKey::Nip => "p.nip",
        SortKey::Unit => "u.name, p.name, p.nip",
        SortKey::Kinerja => "f.kinerja DESC, p.name, p.nip",
        SortKey::Potensial => "f.potensial DESC, p.name, p.nip",
    };
    let sql = format!(
        "SELECT p.nip, p.name, f.golongan, u.name AS unit, j.name AS jabatan, f.kinerja, \
         f.potensial, f.kotak, f.calibrated_kotak \
         FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
         LEFT JOIN jabatan j ON j.id = f.jabatan_id LEFT JOIN unit_kerja u ON u.id = f.unit_kerja_id \
         WHERE f.instansi_id = $1{} ORDER BY {order}{limit}",
        c.sql
    );
    let people = c
        .bind(scope.query(&sql))
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(MapPerson {
                nip: row.try_get("nip")?,
                name: row.try_get("name")?,
                unit: row.try_get("unit")?,
                jabatan: row.try_get("jabatan")?,
                golongan: row.try_get("golongan")?,
                kinerja: row.try_get("kinerja")?,
                potensial: row.try_get("potensial")?,
                kotak: kotak(row, "kotak")?,
                calibrated_kotak: kotak(row, "calibrated_kotak")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
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
    let mut c = condition(scope, filter, to).await?;
    let earlier = c.next();
    c.binds.push(i64::from(from).into());
    let sql = format!(
        "SELECT p.nip, p.name, u.name AS unit, e.final_kotak AS from_kotak, f.final_kotak AS to_kotak \
         FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
         LEFT JOIN jabatan j ON j.id = f.jabatan_id LEFT JOIN unit_kerja u ON u.id = f.unit_kerja_id \
         JOIN placement_calibrated e ON e.pegawai_id = f.pegawai_id AND e.period = ${earlier} \
         WHERE f.instansi_id = $1{} AND f.final_kotak IS NOT NULL AND e.final_kotak IS NOT NULL \
         ORDER BY f.final_kotak - e.final_kotak DESC, p.name, p.nip",
        c.sql
    );
    let rows = c.bind(scope.query(&sql)).fetch_all(scope.pool()).await?;
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
    for row in rows {
        let (Some(before), Some(after)) = (kotak(&row, "from_kotak")?, kotak(&row, "to_kotak")?)
        else {
            continue;
        };
        let moved = Moved {
            nip: row.try_get("nip")?,
            name: row.try_get("name")?,
            unit: row.try_get("unit")?,
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
