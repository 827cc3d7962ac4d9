//! The roster as the intake stores it: `pegawai` with its `riwayat_pangkat`,
//! `riwayat_jabatan` and `riwayat_pendidikan` lines, and each person's atasan.

use super::context::JabatanRef;
use crate::domain::calendar::Date;
use crate::domain::scoring::Education;
use crate::store::{Conn, StoreError};
use sqlx::Row;
use std::collections::HashMap;

/// One pegawai as a roster row gives them, and as the intake compares them with the stored.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    pub nip: String,
    /// `pns` or `pppk`.
    pub kind: &'static str,
    pub name: String,
    /// `L` or `P`.
    pub gender: &'static str,
    pub birth_date: Date,
    pub tmt_asn: Date,
    pub golongan: String,
    pub tmt_golongan: Option<Date>,
    pub jabatan_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub tmt_jabatan: Option<Date>,
    pub retirement_date: Option<Date>,
    /// The highest education, with its field.
    pub education: Option<(Education, Option<String>)>,
    pub atasan_nip: Option<String>,
}

fn kind_code(kind: &str) -> &'static str {
    if kind == "pppk" {
        "pppk"
    } else {
        "pns"
    }
}

fn date_text(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn stored_date(text: Option<String>) -> Option<Date> {
    text.as_deref().and_then(Date::parse)
}

/// The instansi's pegawai as stored, each with their highest education on record.
pub async fn stored(conn: &mut Conn, instansi_id: i64) -> Result<Vec<RosterRow>, StoreError> {
    let mut education: HashMap<i64, (Education, Option<String>)> = HashMap::new();
    for row in sqlx::query(
        "SELECT e.pegawai_id, e.level, e.field FROM riwayat_pendidikan e \
         JOIN pegawai p ON p.id = e.pegawai_id WHERE p.instansi_id = $1",
    )
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?
    {
        let level: String = row.try_get("level")?;
        let Some(level) = Education::parse(&level) else {
            continue;
        };
        let entry = (level, row.try_get::<Option<String>, _>("field")?);
        education
            .entry(row.try_get("pegawai_id")?)
            .and_modify(|e| {
                if entry.0 > e.0 {
                    *e = entry.clone();
                }
            })
            .or_insert(entry);
    }
    let rows = sqlx::query(
        "SELECT p.id, p.nip, p.kind, p.name, p.gender, p.birth_date, p.tmt_asn, p.golongan, \
         p.tmt_golongan, p.jabatan_id, p.unit_kerja_id, p.tmt_jabatan, p.retirement_date, \
         a.nip AS atasan_nip \
         FROM pegawai p LEFT JOIN pegawai a ON a.id = p.atasan_id WHERE p.instansi_id = $1",
    )
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut people = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.try_get("id")?;
        let gender: String = row.try_get("gender")?;
        people.push(RosterRow {
            nip: row.try_get("nip")?,
            kind: kind_code(&row.try_get::<String, _>("kind")?),
            name: row.try_get("name")?,
            gender: if gender == "P" { "P" } else { "L" },
            birth_date: stored_date(row.try_get("birth_date")?).unwrap_or(Date::end_of_year(1900)),
            tmt_asn: stored_date(row.try_get("tmt_asn")?).unwrap_or(Date::end_of_year(1900)),
            golongan: row.try_get("golongan")?,
            tmt_golongan: stored_date(row.try_get("tmt_golongan")?),
            jabatan_id: row.try_get("jabatan_id")?,
            unit_id: row.try_get("unit_kerja_id")?,
            tmt_jabatan: stored_date(row.try_get("tmt_jabatan")?),
            retirement_date: stored_date(row.try_get("retirement_date")?),
            education: education.remove(&id),
            atasan_nip: row.try_get("atasan_nip")?,
        });
    }
    Ok(people)
}

/// Adds or updates the pegawai of `row` (by NIP) in the instansi, from line `source_row` of
/// batch `batch_id`. Returns their id.
pub async fn upsert_pegawai(
    conn: &mut Conn,
    instansi_id: i64,
    row: &RosterRow,
    batch_id: i64,
    source_row: i64,
) -> Result<i64, StoreError> {
    let pegawai_id: i64 = sqlx::query_scalar(
        "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, \
         golongan, tmt_golongan, jabatan_id, unit_kerja_id, tmt_jabatan, retirement_date, \
         import_batch_id, source_row) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         ON CONFLICT (nip) DO UPDATE SET kind = excluded.kind, name = excluded.name, \
         gender = excluded.gender, birth_date = excluded.birth_date, \
         tmt_asn = excluded.tmt_asn, golongan = excluded.golongan, \
         tmt_golongan = excluded.tmt_golongan, jabatan_id = excluded.jabatan_id, \
         unit_kerja_id = excluded.unit_kerja_id, tmt_jabatan = excluded.tmt_jabatan, \
         retirement_date = excluded.retirement_date, \
         import_batch_id = excluded.import_batch_id, source_row = excluded.source_row \
         RETURNING id",
    )
    .bind(instansi_id)
    .bind(&row.nip)
    .bind(row.kind)
    .bind(&row.name)
    .bind(row.gender)
    .bind(row.birth_date.to_string())
    .bind(row.tmt_asn.to_string())
    .bind(&row.golongan)
    .bind(date_text(row.tmt_golongan))
    .bind(row.jabatan_id)
    .bind(row.unit_id)
    .bind(date_text(row.tmt_jabatan))
    .bind(date_text(row.retirement_date))
    .bind(batch_id)
    .bind(source_row)
    .fetch_one(conn)
    .await?;
    Ok(pegawai_id)
}

/// Records the golongan of `row` in the pegawai's rank history, keeping a known TMT when the
/// row has none.
pub async fn upsert_pangkat(
    conn: &mut Conn,
    pegawai_id: i64,
    row: &RosterRow,
    batch_id: i64,
    source_row: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_pangkat (pegawai_id, golongan, tmt, import_batch_id, source_row) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pegawai_id, golongan) DO UPDATE SET \
         tmt = COALESCE(excluded.tmt, riwayat_pangkat.tmt)",
    )
    .bind(pegawai_id)
    .bind(&row.golongan)
    .bind(date_text(row.tmt_golongan))
    .bind(batch_id)
    .bind(source_row)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records that the pegawai took up `jabatan` on `start`, in their post history.
pub async fn upsert_post_history(
    conn: &mut Conn,
    pegawai_id: i64,
    jabatan: &JabatanRef,
    start: Date,
    batch_id: i64,
    source_row: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_jabatan (pegawai_id, jabatan_id, jabatan_name, tmt_start, \
         import_batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (pegawai_id, tmt_start) DO UPDATE SET \
         jabatan_id = excluded.jabatan_id, jabatan_name = excluded.jabatan_name",
    )
    .bind(pegawai_id)
    .bind(jabatan.id)
    .bind(&jabatan.name)
    .bind(start.to_string())
    .bind(batch_id)
    .bind(source_row)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records the pegawai's education at `level`, keeping a known field when `field` is unset.
pub async fn upsert_education(
    conn: &mut Conn,
    pegawai_id: i64,
    level: Education,
    field: Option<&str>,
    batch_id: i64,
    source_row: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_pendidikan (pegawai_id, level, field, import_batch_id, \
         source_row) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pegawai_id, level) \
         DO UPDATE SET field = COALESCE(excluded.field, riwayat_pendidikan.field), \
         import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
    )
    .bind(pegawai_id)
    .bind(level.code())
    .bind(field)
    .bind(batch_id)
    .bind(source_row)
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes the pegawai with NIP `atasan_nip` the atasan of the one with `nip`.
pub async fn set_atasan(conn: &mut Conn, nip: &str, atasan_nip: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE pegawai SET atasan_id = (SELECT id FROM pegawai WHERE nip = $1) \
         WHERE nip = $2",
    )
    .bind(atasan_nip)
    .bind(nip)
    .execute(conn)
    .await?;
    Ok(())
}
