//! The talent map's reads over `placement_calibrated f`, `pegawai p`, `jabatan j` and
//! `unit_kerja u`: the people a filter's [`Condition`] selects counted per kotak, listed one
//! page at a time, and paired with their placement of an earlier period.

use super::filter::{condition, kotak, limit, Condition, FilterError, Page};
use super::StoreError;
use crate::api::talent_map::{MapFilter, MapPerson, SortKey};
use crate::auth::guard::InstansiScope;
use sqlx::Row;

const FROM: &str = "FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
     LEFT JOIN jabatan j ON j.id = f.jabatan_id WHERE f.instansi_id = $1";

/// What [`kotak_counts`] groups the people by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountsBy {
    /// Their period: one group, the condition's period.
    Period,
    /// Their unit kerja.
    Unit,
}

/// How many people of one group sit in one kotak that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KotakCount {
    /// The group: its period or its unit's id.
    pub(crate) group: Option<i64>,
    /// The kotak that counts (calibrated, else computed); `None` when not placed.
    pub(crate) kotak: Option<u8>,
    /// How many of them a calibration moved.
    pub(crate) moved: i64,
    pub(crate) people: i64,
}

/// The people `c` selects, counted per group and kotak that counts.
pub(crate) async fn kotak_counts(
    scope: &InstansiScope<'_>,
    c: &Condition,
    by: CountsBy,
) -> Result<Vec<KotakCount>, StoreError> {
    let group = match by {
        CountsBy::Period => "f.period",
        CountsBy::Unit => "f.unit_kerja_id",
    };
    let sql = format!(
        "SELECT {group} AS grp, f.final_kotak AS kotak, \
         SUM(CASE WHEN f.calibrated_kotak IS NOT NULL AND f.calibrated_kotak <> f.kotak THEN 1 ELSE 0 END) AS moved, \
         COUNT(*) AS n {FROM}{} GROUP BY {group}, f.final_kotak",
        c.sql
    );
    let rows = c.bind(scope.query(&sql)).fetch_all(scope.pool()).await?;
    let counts = rows
        .iter()
        .map(|row| {
            Ok(KotakCount {
                group: row.try_get("grp")?,
                kotak: kotak(row, "kotak")?,
                moved: row.try_get("moved")?,
                people: row.try_get("n")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(counts)
}

/// The condition of the people `filter` selects in `period` who are placed (in kotak
/// `in_kotak`, when given) and whose name or NIP contains `cari`.
pub(crate) async fn placed(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
    period: i32,
    in_kotak: Option<u8>,
    cari: Option<&str>,
) -> Result<Condition, FilterError> {
    let mut c = condition(scope, filter, period).await?;
    match in_kotak {
        Some(k) => c.push(" AND f.final_kotak = {}", i64::from(k)),
        None => c.sql.push_str(" AND f.final_kotak IS NOT NULL"),
    }
    c.search(cari);
    Ok(c)
}

/// How many people `c` selects.
pub(crate) async fn count(scope: &InstansiScope<'_>, c: &Condition) -> Result<i64, StoreError> {
    Ok(
        c.bind(scope.query(&format!("SELECT COUNT(*) AS n {FROM}{}", c.sql)))
            .fetch_one(scope.pool())
            .await?
            .try_get("n")?,
    )
}

/// The people `c` selects in the order `urut`, on `page` (all of them for `None`).
pub(crate) async fn people(
    scope: &InstansiScope<'_>,
    c: &Condition,
    urut: SortKey,
    page: Option<Page>,
) -> Result<Vec<MapPerson>, StoreError> {
    let order = match urut {
        SortKey::Nama => "p.name, p.nip",
        SortKey::Nip => "p.nip",
        SortKey::Unit => "u.name, p.name, p.nip",
        SortKey::Kinerja => "f.kinerja DESC, p.name, p.nip",
        SortKey::Potensial => "f.potensial DESC, p.name, p.nip",
    };
    let paging = limit(page);
    let sql = format!(
        "SELECT p.nip, p.name, f.golongan, u.name AS unit, j.name AS jabatan, f.kinerja, \
         f.potensial, f.kotak, f.calibrated_kotak \
         FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
         LEFT JOIN jabatan j ON j.id = f.jabatan_id LEFT JOIN unit_kerja u ON u.id = f.unit_kerja_id \
         WHERE f.instansi_id = $1{} ORDER BY {order}{paging}",
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
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(people)
}

/// A person placed in two periods, with the kotak that counts in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placements {
    pub(crate) nip: String,
    pub(crate) name: String,
    pub(crate) unit: Option<String>,
    /// In the earlier period.
    pub(crate) from: Option<u8>,
    /// In the condition's period.
    pub(crate) to: Option<u8>,
}

/// The people `c` selects who were also placed in period `from`, the largest rise first.
pub(crate) async fn placed_in_both(
    scope: &InstansiScope<'_>,
    mut c: Condition,
    from: i32,
) -> Result<Vec<Placements>, StoreError> {
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
    let placements = c
        .bind(scope.query(&sql))
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(Placements {
                nip: row.try_get("nip")?,
                name: row.try_get("name")?,
                unit: row.try_get("unit")?,
                from: kotak(row, "from_kotak")?,
                to: kotak(row, "to_kotak")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(placements)
}
