//! The `jabatan` table and what BKPSDM sets for a post, `syarat_jabatan` (its requirements) and
//! `standar_kompetensi` (its competency standard), as the career path and succession read
//! them; with what a post's checklist reads of a candidate's own record (their grade and time
//! in post on `pegawai`, their serious sentences in `hukuman_disiplin`).

use super::{Conn, StoreError};
use crate::domain::calendar::Date;
use crate::domain::career::{PostLevel, Requirements};
use crate::domain::golongan::PnsGolongan;
use crate::domain::jabatan::{JenisJabatan, JenjangFungsional};
use crate::domain::nine_box::Kotak;
use crate::domain::scoring::Education;
use sqlx::any::AnyRow;
use sqlx::Row;

/// A post of the instansi as the career and succession pages need it.
pub(crate) struct Post {
    pub(crate) id: i64,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) unit: Option<String>,
    pub(crate) unit_id: Option<i64>,
    pub(crate) level: Option<PostLevel>,
    pub(crate) field: Option<String>,
    pub(crate) kritikal: bool,
    pub(crate) target: bool,
}

/// A row of [`POSTS`] as a [`Post`].
pub(crate) fn post(row: &AnyRow) -> Result<Post, sqlx::Error> {
    let jenis: String = row.try_get("jenis")?;
    let jenjang: Option<String> = row.try_get("jenjang")?;
    Ok(Post {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        unit: row.try_get("unit")?,
        unit_id: row.try_get("unit_kerja_id")?,
        level: JenisJabatan::parse(&jenis).ok().map(|jenis| PostLevel {
            jenis,
            jenjang: jenjang
                .as_deref()
                .and_then(|j| JenjangFungsional::parse(j).ok()),
        }),
        field: row.try_get("field")?,
        kritikal: row.try_get::<i64, _>("kritikal")? == 1,
        target: row.try_get::<i64, _>("target")? == 1,
    })
}

/// The posts with their unit (`jabatan j`, `unit_kerja u`), to be narrowed by a `WHERE`.
pub(crate) const POSTS: &str =
    "SELECT j.id, j.code, j.name, j.jenis, j.jenjang, j.field, j.unit_kerja_id, \
     CASE WHEN j.kritikal THEN 1 ELSE 0 END AS kritikal, \
     CASE WHEN j.target THEN 1 ELSE 0 END AS target, u.name AS unit \
     FROM jabatan j LEFT JOIN unit_kerja u ON u.id = j.unit_kerja_id";

/// Every post of the instansi, by name.
pub(crate) async fn of_instansi(
    conn: &mut Conn,
    instansi_id: i64,
) -> Result<Vec<Post>, StoreError> {
    Ok(
        sqlx::query(&format!("{POSTS} WHERE j.instansi_id = $1 ORDER BY j.name"))
            .bind(instansi_id)
            .fetch_all(conn)
            .await?
            .iter()
            .map(post)
            .collect::<Result<Vec<_>, _>>()?,
    )
}

/// The id of the post the pegawai holds, if any.
pub async fn held_by(conn: &mut Conn, pegawai_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT jabatan_id FROM pegawai WHERE id = $1")
            .bind(pegawai_id)
            .fetch_one(conn)
            .await?,
    )
}

/// The requirements BKPSDM set for the post, if it set any; a rule left out (or stored out
/// of range) keeps its value in `defaults`.
pub async fn requirements(
    conn: &mut Conn,
    jabatan_id: i64,
    defaults: &Requirements,
) -> Result<Option<Requirements>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT min_golongan, min_education, education_field, required_training, \
         min_years_in_post, allowed_kotak, min_jpm, hukdis_free_years FROM syarat_jabatan \
         WHERE jabatan_id = $1",
    )
    .bind(jabatan_id)
    .fetch_optional(conn)
    .await?
    else {
        return Ok(None);
    };
    let allowed: Option<String> = row.try_get("allowed_kotak")?;
    Ok(Some(Requirements {
        min_golongan: row
            .try_get::<Option<String>, _>("min_golongan")?
            .and_then(|g| PnsGolongan::parse(&g).ok()),
        min_education: row
            .try_get::<Option<String>, _>("min_education")?
            .and_then(|e| Education::parse(&e)),
        education_field: row.try_get("education_field")?,
        required_training: row.try_get("required_training")?,
        min_years_in_post: row.try_get("min_years_in_post")?,
        allowed_kotak: allowed.map_or_else(
            || defaults.allowed_kotak.clone(),
            |list| {
                list.split(',')
                    .filter_map(|k| k.trim().parse::<u8>().ok())
                    .filter_map(Kotak::from_number)
                    .map(Kotak::number)
                    .collect()
            },
        ),
        min_jpm: row.try_get("min_jpm")?,
        hukdis_free_years: u8::try_from(row.try_get::<i64, _>("hukdis_free_years")?)
            .unwrap_or(defaults.hukdis_free_years),
    }))
}

/// One competency of a post's standard against a person's latest assessment.
pub struct StandardLevel {
    /// The competency's stored code.
    pub kompetensi: String,
    pub required: u8,
    /// `None` when the latest assessment did not measure it (or there is none).
    pub attained: Option<u8>,
}

/// The post's competency standard against the person's latest assessment.
pub async fn standard_against_latest_assessment(
    conn: &mut Conn,
    pegawai_id: i64,
    jabatan_id: i64,
) -> Result<Vec<StandardLevel>, StoreError> {
    sqlx::query(
        "SELECT s.kompetensi, s.level AS required, (SELECT k.level FROM asesmen_kompetensi k \
         WHERE k.kompetensi = s.kompetensi AND k.asesmen_id = (SELECT a.id FROM asesmen a \
         WHERE a.pegawai_id = $1 ORDER BY a.assessed_on DESC LIMIT 1)) AS attained \
         FROM standar_kompetensi s WHERE s.jabatan_id = $2",
    )
    .bind(pegawai_id)
    .bind(jabatan_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|row| {
        Ok(StandardLevel {
            kompetensi: row.try_get("kompetensi")?,
            required: u8::try_from(row.try_get::<i64, _>("required")?).unwrap_or(5),
            attained: row
                .try_get::<Option<i64>, _>("attained")?
                .and_then(|l| u8::try_from(l).ok()),
        })
    })
    .collect()
}

/// What a post's checklist reads of a candidate on `pegawai`.
pub struct CandidateRecord {
    /// `pns` or `pppk`.
    pub kind: String,
    pub golongan: String,
    /// The start of the current post, as stored.
    pub tmt_jabatan: Option<String>,
}

/// What a post's checklist reads of the pegawai on their own row.
pub async fn candidate(conn: &mut Conn, pegawai_id: i64) -> Result<CandidateRecord, StoreError> {
    let person = sqlx::query("SELECT kind, golongan, tmt_jabatan FROM pegawai WHERE id = $1")
        .bind(pegawai_id)
        .fetch_one(conn)
        .await?;
    Ok(CandidateRecord {
        kind: person.try_get("kind")?,
        golongan: person.try_get("golongan")?,
        tmt_jabatan: person.try_get("tmt_jabatan")?,
    })
}

/// The start and (if over) end of the pegawai's hukdis sedang or berat; a row whose dates do
/// not read is left out.
pub async fn serious_sentences(
    conn: &mut Conn,
    pegawai_id: i64,
) -> Result<Vec<(Date, Option<Date>)>, StoreError> {
    Ok(sqlx::query(
        "SELECT tmt_start, tmt_end FROM hukuman_disiplin WHERE pegawai_id = $1 \
         AND level IN ('sedang', 'berat')",
    )
    .bind(pegawai_id)
    .fetch_all(conn)
    .await?
    .iter()
    .filter_map(|row| {
        let start = Date::parse(&row.try_get::<String, _>("tmt_start").ok()?)?;
        let end = row
            .try_get::<Option<String>, _>("tmt_end")
            .ok()?
            .as_deref()
            .and_then(Date::parse);
        Some((start, end))
    })
    .collect())
}
