//! The true counts a release freezes: an instansi's pegawai per OPD by kotak in force in the
//! period and by whether they reached the JP target in the period's year. Read from live rows
//! once, at publication; no person is ever read one by one.

use crate::domain::release::ReleaseCounts;
use crate::error::AppError;
use crate::services::self_service::jp_target;
use crate::store::{self, units, Conn};
use std::collections::HashMap;

/// The row of pegawai without a unit kerja.
const WITHOUT_UNIT: &str = "Tanpa unit kerja";

/// Columns of [`ReleaseCounts::kotak`]: kotak 1-9, then the not mapped.
const NOT_MAPPED: usize = 9;

/// One OPD's pegawai: by kotak (1-9, then not mapped) and by JP target reached (yes, no).
#[derive(Default)]
struct OpdCounts {
    by_kotak: [u64; 10],
    by_training: [u64; 2],
}

/// Per OPD (the roots of the unit tree, by name; pegawai without a unit last).
pub async fn of_period(
    conn: &mut Conn,
    instansi_id: i64,
    period: i32,
) -> Result<ReleaseCounts, AppError> {
    let target = jp_target(&mut *conn, instansi_id).await?;
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
    Ok(ReleaseCounts {
        opd: ordered.iter().map(|(g, _)| name(g)).collect(),
        kotak: ordered.iter().map(|(_, c)| c.by_kotak.to_vec()).collect(),
        training: ordered
            .iter()
            .map(|(_, c)| c.by_training.to_vec())
            .collect(),
        jp_target: target,
    })
}
