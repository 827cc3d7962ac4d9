//! The public talent picture of an instansi: its pegawai per OPD by kotak and by whether
//! they reached the JP target, and its mapped pegawai per period, each table through
//! disclosure control before it leaves this module. No person is ever read one by one.

use crate::api::talent_picture::{sum, PeriodDistribution, TalentPicture, NOT_MAPPED};
use crate::domain::disclosure::{protect_linked, protect_table, Disclosed, DisclosedTable};
use crate::error::AppError;
use crate::services::self_service::jp_target;
use crate::store::{self, units, Conn, Pool};
use std::collections::HashMap;

/// The row of pegawai without a unit kerja.
const WITHOUT_UNIT: &str = "Tanpa unit kerja";

/// The picture of the instansi `slug` in `period` (the newest when it is `None` or has no
/// placements), or `None` when the instansi is unknown or has mapped nobody yet.
pub async fn picture(
    pool: &Pool,
    slug: &str,
    period: Option<i32>,
) -> Result<Option<TalentPicture>, AppError> {
    let mut conn = store::acquire(pool).await?;
    let Some((instansi_id, instansi)) = store::talent_picture::instansi(&mut conn, slug).await?
    else {
        return Ok(None);
    };
    let by_period = per_period(&mut conn, instansi_id).await?;
    let periods: Vec<i32> = by_period.iter().map(|(p, _)| *p).collect();
    let Some(period) = period
        .filter(|p| periods.contains(p))
        .or(periods.first().copied())
    else {
        return Ok(None);
    };
    let target = jp_target(&mut conn, instansi_id).await?;
    let opd = per_opd(&mut conn, instansi_id, period, target).await?;
    let mut tables = protect_linked(&[&opd.by_kotak, &opd.by_training]).map_err(|e| {
        tracing::error!(error = %e, "talent picture tables disagree");
        AppError::Internal
    })?;
    let (Some(training), Some(kotak)) = (tables.pop(), tables.pop()) else {
        return Err(AppError::Internal);
    };
    let by_period = by_period
        .into_iter()
        .map(|(p, counts)| distribution(p, &counts, (p == period).then_some(&kotak)))
        .collect();
    Ok(Some(TalentPicture {
        slug: slug.to_owned(),
        instansi,
        period,
        periods,
        opd: opd.names,
        kotak,
        training,
        jp_target: target,
        by_period,
    }))
}

/// A period's distribution. The period shown per OPD takes the column totals of that table,
/// already protected with it; any other period is protected on its own.
fn distribution(
    period: i32,
    counts: &[u64; 9],
    per_opd: Option<&DisclosedTable>,
) -> PeriodDistribution {
    match per_opd {
        Some(table) => {
            let per_kotak = table.column_totals[..NOT_MAPPED].to_vec();
            let mapped = sum(&per_kotak).map_or(Disclosed::Hidden, Disclosed::Shown);
            PeriodDistribution {
                period,
                per_kotak,
                mapped,
            }
        }
        None => {
            let table = protect_table(&[counts.to_vec()]);
            PeriodDistribution {
                period,
                per_kotak: table.cells.into_iter().next().unwrap_or_default(),
                mapped: table.total,
            }
        }
    }
}

/// The instansi's mapped pegawai per period and kotak, newest period first.
async fn per_period(conn: &mut Conn, instansi_id: i64) -> Result<Vec<(i32, [u64; 9])>, AppError> {
    let mut periods: Vec<(i32, [u64; 9])> = Vec::new();
    for row in store::talent_picture::per_period(conn, instansi_id).await? {
        if periods.last().is_none_or(|(p, _)| *p != row.period) {
            periods.push((row.period, [0; 9]));
        }
        if let (Some((_, counts)), Some(k @ 1..=9)) = (periods.last_mut(), row.kotak) {
            counts[usize::from(k) - 1] += row.pegawai;
        }
    }
    Ok(periods)
}

/// One OPD's pegawai: by kotak (1-9, then not mapped) and by JP target reached (yes, no).
#[derive(Default)]
struct OpdCounts {
    by_kotak: [u64; 10],
    by_training: [u64; 2],
}

/// The OPD's names and, row for row, their counts.
struct PerOpd {
    names: Vec<String>,
    by_kotak: Vec<Vec<u64>>,
    by_training: Vec<Vec<u64>>,
}

/// Per OPD (the roots of the unit tree, by name; pegawai without a unit last): the pegawai
/// by kotak in `period` with the not mapped last, and by whether their JP in the period's
/// year reached `target`.
async fn per_opd(
    conn: &mut Conn,
    instansi_id: i64,
    period: i32,
    target: f64,
) -> Result<PerOpd, AppError> {
    let tree = units::tree(&mut *conn, instansi_id).await?;
    let mut groups: HashMap<Option<i64>, OpdCounts> = HashMap::new();
    for row in store::talent_picture::per_unit(conn, instansi_id, period, target).await? {
        let group = row
            .unit
            .and_then(|id| tree.roll_up(id, None))
            .map(|opd| opd.id);
        let n = row.pegawai;
        let counts = groups.entry(group).or_default();
        match row.kotak {
            Some(k @ 1..=9) => counts.by_kotak[usize::from(k) - 1] += n,
            _ => counts.by_kotak[NOT_MAPPED] += n,
        }
        counts.by_training[usize::from(!row.reached)] += n;
    }
    let name = |group: &Option<i64>| {
        group
            .and_then(|id| tree.get(id))
            .map_or(WITHOUT_UNIT.to_owned(), |opd| opd.name.clone())
    };
    let mut ordered: Vec<_> = groups.into_iter().collect();
    ordered.sort_by_key(|(group, _)| (group.is_none(), name(group)));
    Ok(PerOpd {
        names: ordered.iter().map(|(g, _)| name(g)).collect(),
        by_kotak: ordered.iter().map(|(_, c)| c.by_kotak.to_vec()).collect(),
        by_training: ordered
            .iter()
            .map(|(_, c)| c.by_training.to_vec())
            .collect(),
    })
}
