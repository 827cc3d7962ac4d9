//! The public talent picture of an instansi: its pegawai per OPD by kotak and by whether
//! they reached the JP target, and its mapped pegawai per period, each table through
//! disclosure control before it leaves this module. No person is ever read one by one.

use crate::api::talent_picture::{sum, PeriodDistribution, TalentPicture, NOT_MAPPED};
use crate::domain::disclosure::{protect_linked, protect_table, Disclosed, DisclosedTable};
use crate::error::AppError;
use crate::services::self_service::jp_target;
use crate::store::filter::kotak;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool, Row};
use std::collections::HashMap;

/// The row of pegawai without a unit kerja.
const WITHOUT_UNIT: &str = "Tanpa unit kerja";

/// The picture of the instansi `slug` in `period` (the newest when it is `None` or has no
/// placements), or `None` when the instansi is unknown or has mapped nobody yet.
pub async fn picture(
    pool: &AnyPool,
    slug: &str,
    period: Option<i32>,
) -> Result<Option<TalentPicture>, AppError> {
    let mut conn = pool.acquire().await?;
    let Some((instansi_id, instansi)) =
        sqlx::query("SELECT id, name FROM instansi WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *conn)
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get::<i64, _>("id")?, r.try_get("name")?)))
            .transpose()?
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
async fn per_period(
    conn: &mut AnyConnection,
    instansi_id: i64,
) -> Result<Vec<(i32, [u64; 9])>, AppError> {
    let rows = sqlx::query(
        "SELECT f.period, f.final_kotak AS kotak, COUNT(*) AS n FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id \
         WHERE p.instansi_id = $1 AND f.final_kotak IS NOT NULL \
         GROUP BY f.period, f.final_kotak ORDER BY f.period DESC",
    )
    .bind(instansi_id)
    .fetch_all(conn)
    .await?;
    let mut periods: Vec<(i32, [u64; 9])> = Vec::new();
    for row in rows {
        let period =
            i32::try_from(row.try_get::<i64, _>("period")?).map_err(|_| AppError::Internal)?;
        if periods.last().is_none_or(|(p, _)| *p != period) {
            periods.push((period, [0; 9]));
        }
        if let (Some((_, counts)), Some(k @ 1..=9)) = (periods.last_mut(), kotak(&row, "kotak")?) {
            counts[usize::from(k) - 1] += count(&row)?;
        }
    }
    Ok(periods)
}

fn count(row: &AnyRow) -> Result<u64, AppError> {
    u64::try_from(row.try_get::<i64, _>("n")?).map_err(|_| AppError::Internal)
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
    conn: &mut AnyConnection,
    instansi_id: i64,
    period: i32,
    target: f64,
) -> Result<PerOpd, AppError> {
    let tree: HashMap<i64, (Option<i64>, String)> =
        sqlx::query("SELECT id, parent_id, name FROM unit_kerja WHERE instansi_id = $1")
            .bind(instansi_id)
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.try_get("id")?,
                    (r.try_get("parent_id")?, r.try_get("name")?),
                ))
            })
            .collect::<Result<_, sqlx::Error>>()?;
    let root = |mut id: i64| -> Option<i64> {
        for _ in 0..=tree.len() {
            match tree.get(&id)? {
                (Some(parent), _) => id = *parent,
                (None, _) => return Some(id),
            }
        }
        None
    };
    let rows = sqlx::query(
        "SELECT p.unit_kerja_id AS unit, f.final_kotak AS kotak, t.reached, COUNT(*) AS n \
         FROM pegawai p \
         LEFT JOIN placement_calibrated f ON f.pegawai_id = p.id AND f.period = $1 \
         LEFT JOIN (SELECT pegawai_id, CAST(CASE WHEN SUM(jp) >= $2 THEN 1 ELSE 0 END AS BIGINT) \
                    AS reached FROM riwayat_pelatihan WHERE year = $3 GROUP BY pegawai_id) t \
           ON t.pegawai_id = p.id \
         WHERE p.instansi_id = $4 GROUP BY p.unit_kerja_id, f.final_kotak, t.reached",
    )
    .bind(i64::from(period))
    .bind(target)
    .bind(i64::from(period))
    .bind(instansi_id)
    .fetch_all(conn)
    .await?;
    let mut groups: HashMap<Option<i64>, OpdCounts> = HashMap::new();
    for row in rows {
        let group = row.try_get::<Option<i64>, _>("unit")?.and_then(root);
        let n = count(&row)?;
        let counts = groups.entry(group).or_default();
        match kotak(&row, "kotak")? {
            Some(k @ 1..=9) => counts.by_kotak[usize::from(k) - 1] += n,
            _ => counts.by_kotak[NOT_MAPPED] += n,
        }
        let reached = row.try_get::<Option<i64>, _>("reached")? == Some(1);
        counts.by_training[usize::from(!reached)] += n;
    }
    let name = |group: &Option<i64>| {
        group
            .and_then(|id| tree.get(&id))
            .map_or(WITHOUT_UNIT.to_owned(), |(_, name)| name.clone())
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
