//! Succession's reads: the key posts of `jabatan` (kritikal or target) and every post of the
//! instansi, a post's holder in `pegawai` and its competency standard in
//! `standar_kompetensi`, and the candidates: the talent pool of a period in
//! `placement_calibrated` (kotak in force 7-9, not refused in `krs`) with each member's
//! latest levels in `asesmen` / `asesmen_kompetensi`.

use super::filter::kotak;
use super::posts::{post, Post, POSTS};
use super::{Conn, StoreError};
use crate::auth::guard::InstansiScope;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

/// The key posts (kritikal or target) in the scope's units, by name and code.
pub(crate) async fn key_posts(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
) -> Result<Vec<Post>, StoreError> {
    let sql = format!(
        "{POSTS} WHERE j.instansi_id = $1{} AND (j.kritikal OR j.target) ORDER BY j.name, j.code",
        scope.unit_filter("j.unit_kerja_id")
    );
    let posts = scope
        .query(&sql)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(post)
        .collect::<Result<_, _>>()?;
    Ok(posts)
}

/// Every post of the scope's instansi, whatever its unit.
pub(crate) async fn posts(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
) -> Result<Vec<Post>, StoreError> {
    let posts = sqlx::query(&format!("{POSTS} WHERE j.instansi_id = $1"))
        .bind(scope.instansi_id())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(post)
        .collect::<Result<_, _>>()?;
    Ok(posts)
}

/// A member of the talent pool, as the candidates' lists show them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PoolMember {
    pub(crate) pegawai_id: i64,
    pub(crate) nip: String,
    pub(crate) name: String,
    pub(crate) unit: Option<String>,
    pub(crate) unit_id: Option<i64>,
    /// The post they hold.
    pub(crate) jabatan_id: Option<i64>,
    pub(crate) jabatan: Option<String>,
    pub(crate) golongan: String,
    /// The kotak in force.
    pub(crate) kotak: Option<u8>,
    pub(crate) kinerja: Option<f64>,
    pub(crate) potensial: Option<f64>,
}

/// The talent pool of `period` in the scope's units: placed in kotak 7-9 and not refused by
/// the komite, by name and NIP.
pub(crate) async fn pool(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    period: i32,
) -> Result<Vec<PoolMember>, StoreError> {
    let n = 2 + scope.units().map_or(0, <[i64]>::len);
    let sql = format!(
        "SELECT p.id, p.nip, p.name, p.jabatan_id, p.unit_kerja_id, u.name AS unit, j.name AS jabatan, f.golongan, \
         f.final_kotak, f.kinerja, f.potensial FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id LEFT JOIN jabatan j ON j.id = p.jabatan_id \
         LEFT JOIN unit_kerja u ON u.id = p.unit_kerja_id \
         LEFT JOIN krs r ON r.pegawai_id = f.pegawai_id AND r.period = f.period \
         WHERE p.instansi_id = $1{} AND f.period = ${n} AND f.final_kotak >= 7 \
         AND (r.status IS NULL OR r.status <> 'ditolak') ORDER BY p.name, p.nip",
        scope.pegawai_filter()
    );
    let members = scope
        .query(&sql)
        .bind(i64::from(period))
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| {
            Ok(PoolMember {
                pegawai_id: row.try_get("id")?,
                nip: row.try_get("nip")?,
                name: row.try_get("name")?,
                unit: row.try_get("unit")?,
                unit_id: row.try_get("unit_kerja_id")?,
                jabatan_id: row.try_get("jabatan_id")?,
                jabatan: row.try_get("jabatan")?,
                golongan: row.try_get("golongan")?,
                kotak: kotak(row, "final_kotak")?,
                kinerja: row.try_get("kinerja")?,
                potensial: row.try_get("potensial")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(members)
}

/// The level attained per competency code in the pegawai's latest assessment.
pub(crate) async fn latest_levels(
    conn: &mut Conn,
    pegawai_id: i64,
) -> Result<HashMap<String, u8>, StoreError> {
    let levels = sqlx::query(
        "SELECT k.kompetensi, k.level FROM asesmen_kompetensi k WHERE k.asesmen_id = \
         (SELECT a.id FROM asesmen a WHERE a.pegawai_id = $1 ORDER BY a.assessed_on DESC LIMIT 1)",
    )
    .bind(pegawai_id)
    .fetch_all(conn)
    .await?;
    levels_of(&levels, 0)
}

/// (competency code, level) per row; a level out of range reads as `fallback`.
fn levels_of<C: FromIterator<(String, u8)>>(
    rows: &[AnyRow],
    fallback: u8,
) -> Result<C, StoreError> {
    Ok(rows
        .iter()
        .map(|r| {
            Ok((
                r.try_get::<String, _>("kompetensi")?,
                u8::try_from(r.try_get::<i64, _>("level")?).unwrap_or(fallback),
            ))
        })
        .collect::<Result<_, sqlx::Error>>()?)
}

/// The holder of a post, with their `kind` (`pns` or `pppk`), which says how their NIP reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HolderRow {
    pub(crate) nip: String,
    pub(crate) name: String,
    pub(crate) kind: String,
}

/// The holder of the post `jabatan_id` (the latest appointed), if any.
pub(crate) async fn holder(
    conn: &mut Conn,
    jabatan_id: i64,
) -> Result<Option<HolderRow>, StoreError> {
    let row = sqlx::query(
        "SELECT nip, name, kind FROM pegawai WHERE jabatan_id = $1 ORDER BY tmt_jabatan DESC, nip LIMIT 1",
    )
    .bind(jabatan_id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(HolderRow {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        kind: row.try_get("kind")?,
    }))
}

/// The competency standard of the post `jabatan_id`: the level required per competency code.
pub(crate) async fn standard(
    conn: &mut Conn,
    jabatan_id: i64,
) -> Result<Vec<(String, u8)>, StoreError> {
    let standard =
        sqlx::query("SELECT kompetensi, level FROM standar_kompetensi WHERE jabatan_id = $1")
            .bind(jabatan_id)
            .fetch_all(conn)
            .await?;
    levels_of(&standard, 5)
}
