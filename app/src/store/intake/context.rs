//! What the intake checks a file's rows against, read from `pegawai`, `jabatan` with its
//! `standar_kompetensi`, and `unit_kerja`: the instansi's people, posts and units, and which
//! NIPs belong to another instansi.

use crate::domain::jabatan::{JenisJabatan, JenjangFungsional};
use crate::domain::kompetensi::Kompetensi;
use crate::store::sql::placeholders;
use crate::store::{Conn, StoreError};
use sqlx::Row;
use std::collections::{HashMap, HashSet};

/// A pegawai of the instansi.
#[derive(Debug, Clone)]
pub struct PegawaiRef {
    pub id: i64,
    pub name: String,
    pub jabatan_id: Option<i64>,
}

/// A post of the instansi.
#[derive(Debug, Clone)]
pub struct JabatanRef {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub jenis: JenisJabatan,
    pub jenjang: Option<JenjangFungsional>,
    /// The competency standard: required level per competency.
    pub standard: Vec<(Kompetensi, u8)>,
}

/// A unit of the instansi.
#[derive(Debug, Clone)]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// The instansi's pegawai by NIP.
pub async fn pegawai(
    conn: &mut Conn,
    instansi_id: i64,
) -> Result<HashMap<String, PegawaiRef>, StoreError> {
    let pegawai =
        sqlx::query("SELECT nip, id, name, jabatan_id FROM pegawai WHERE instansi_id = $1")
            .bind(instansi_id)
            .fetch_all(conn)
            .await?
            .into_iter()
            .map(|row| {
                Ok((
                    row.try_get::<String, _>("nip")?,
                    PegawaiRef {
                        id: row.try_get("id")?,
                        name: row.try_get("name")?,
                        jabatan_id: row.try_get("jabatan_id")?,
                    },
                ))
            })
            .collect::<Result<HashMap<_, _>, sqlx::Error>>()?;
    Ok(pegawai)
}

/// Which of `nips` (as digits) belong to a pegawai of another instansi.
pub async fn foreign_nips(
    conn: &mut Conn,
    instansi_id: i64,
    nips: &[String],
) -> Result<HashSet<String>, StoreError> {
    let mut foreign = HashSet::new();
    for chunk in nips.chunks(500) {
        let sql = format!(
            "SELECT nip FROM pegawai WHERE instansi_id <> $1 AND nip IN ({})",
            placeholders(2, chunk.len())
        );
        let mut query = sqlx::query_scalar::<_, String>(&sql).bind(instansi_id);
        for nip in chunk {
            query = query.bind(nip);
        }
        foreign.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(foreign)
}

/// The instansi's posts, each with its competency standard. A post of an unknown kind is
/// left out, as is a standard's line with an unknown competency or level.
pub async fn posts(conn: &mut Conn, instansi_id: i64) -> Result<Vec<JabatanRef>, StoreError> {
    let mut standards: HashMap<i64, Vec<(Kompetensi, u8)>> = HashMap::new();
    for row in sqlx::query(
        "SELECT s.jabatan_id, s.kompetensi, s.level FROM standar_kompetensi s \
         JOIN jabatan j ON j.id = s.jabatan_id WHERE j.instansi_id = $1",
    )
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?
    {
        let code: String = row.try_get("kompetensi")?;
        let level: i64 = row.try_get("level")?;
        if let (Some(kompetensi), Ok(required)) =
            (Kompetensi::from_code(&code), u8::try_from(level))
        {
            standards
                .entry(row.try_get("jabatan_id")?)
                .or_default()
                .push((kompetensi, required));
        }
    }
    let mut jabatan = Vec::new();
    for row in
        sqlx::query("SELECT id, code, name, jenis, jenjang FROM jabatan WHERE instansi_id = $1")
            .bind(instansi_id)
            .fetch_all(&mut *conn)
            .await?
    {
        let id: i64 = row.try_get("id")?;
        let jenis: String = row.try_get("jenis")?;
        let jenjang: Option<String> = row.try_get("jenjang")?;
        let Ok(jenis) = JenisJabatan::parse(&jenis) else {
            continue;
        };
        jabatan.push(JabatanRef {
            id,
            code: row.try_get("code")?,
            name: row.try_get("name")?,
            jenis,
            jenjang: jenjang.and_then(|j| JenjangFungsional::parse(&j).ok()),
            standard: standards.remove(&id).unwrap_or_default(),
        });
    }
    Ok(jabatan)
}

/// The instansi's units.
pub async fn units(conn: &mut Conn, instansi_id: i64) -> Result<Vec<UnitRef>, StoreError> {
    let units = sqlx::query("SELECT id, code, name FROM unit_kerja WHERE instansi_id = $1")
        .bind(instansi_id)
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(|row| {
            Ok(UnitRef {
                id: row.try_get("id")?,
                code: row.try_get("code")?,
                name: row.try_get("name")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(units)
}
