//! The `koreksi_data` table: correction requests and BKPSDM's decisions on them; with the parts
//! of a person's record that "data saya" shows and an accepted request changes (`pegawai`,
//! `riwayat_pendidikan`, `riwayat_pangkat`, `riwayat_jabatan`) and the counts its
//! completeness check reads (`skp`, `asesmen`).

use super::idp::small;
use super::{Conn, Pool, StoreError};
use crate::auth::guard::InstansiScope;
use crate::domain::calendar::Date;
use crate::domain::golongan::PnsGolongan;
use crate::domain::scoring::Education;
use sqlx::any::AnyRow;
use sqlx::Row;

/// A correction request as stored, with whose it is.
pub struct RequestRow {
    pub id: i64,
    pub nip: String,
    pub name: String,
    /// The field's stored code.
    pub field: String,
    pub current_value: String,
    pub proposal_text: String,
    pub explanation: String,
    pub evidence_url: String,
    /// The status's stored code.
    pub status: String,
    pub requested_at: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    pub decision_reason: Option<String>,
}

const REQUEST_COLUMNS: &str = "k.id, p.nip, p.name, k.field, k.current_value, k.proposal_text, \
     k.explanation, k.evidence_url, k.status, k.requested_at, k.decided_at, k.decided_by, \
     k.decision_reason";

fn request(row: &AnyRow) -> Result<RequestRow, StoreError> {
    Ok(RequestRow {
        id: row.try_get("id")?,
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        field: row.try_get("field")?,
        current_value: row.try_get("current_value")?,
        proposal_text: row.try_get("proposal_text")?,
        explanation: row.try_get("explanation")?,
        evidence_url: row.try_get("evidence_url")?,
        status: row.try_get("status")?,
        requested_at: row.try_get("requested_at")?,
        decided_at: row.try_get("decided_at")?,
        decided_by: row.try_get("decided_by")?,
        decision_reason: row.try_get("decision_reason")?,
    })
}

/// The person's requests, newest first.
pub async fn requests_of(conn: &mut Conn, pegawai_id: i64) -> Result<Vec<RequestRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {REQUEST_COLUMNS} FROM koreksi_data k JOIN pegawai p ON p.id = k.pegawai_id \
         WHERE k.pegawai_id = $1 ORDER BY k.id DESC"
    ))
    .bind(pegawai_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(request)
    .collect()
}

/// The requests of the people in scope: waiting ones first (oldest first), then the latest
/// decided.
pub async fn queue(scope: &InstansiScope<'_>) -> Result<Vec<RequestRow>, StoreError> {
    let filter = scope.pegawai_filter();
    scope
        .query(&format!(
            "SELECT {REQUEST_COLUMNS} FROM koreksi_data k JOIN pegawai p ON p.id = k.pegawai_id \
             WHERE p.instansi_id = $1{filter} \
             ORDER BY CASE WHEN k.status = 'diajukan' THEN 0 ELSE 1 END, \
             CASE WHEN k.status = 'diajukan' THEN k.id ELSE -k.id END LIMIT 200"
        ))
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(request)
        .collect()
}

/// How many of the person's requests wait for a decision.
pub async fn waiting(conn: &mut Conn, pegawai_id: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM koreksi_data WHERE pegawai_id = $1 AND status = 'diajukan'",
    )
    .bind(pegawai_id)
    .fetch_one(conn)
    .await?)
}

/// A correction request as it is filed.
pub struct NewRequest<'a> {
    pub pegawai_id: i64,
    /// The field's code.
    pub field: &'a str,
    /// The value on record, in words.
    pub current_value: &'a str,
    /// The proposal, as JSON.
    pub proposal: &'a str,
    /// The proposal, in words.
    pub proposal_text: &'a str,
    pub explanation: &'a str,
    pub evidence_url: &'a str,
    pub requested_at: &'a str,
}

/// Files a request, waiting for a decision; returns its id.
pub async fn insert_request(conn: &mut Conn, new: &NewRequest<'_>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO koreksi_data (pegawai_id, field, current_value, proposal, proposal_text, \
         explanation, evidence_url, status, requested_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'diajukan', $8) RETURNING id",
    )
    .bind(new.pegawai_id)
    .bind(new.field)
    .bind(new.current_value)
    .bind(new.proposal)
    .bind(new.proposal_text)
    .bind(new.explanation)
    .bind(new.evidence_url)
    .bind(new.requested_at)
    .fetch_one(conn)
    .await?)
}

/// The pegawai a request is about, if the request exists.
pub async fn subject_of(pool: &Pool, request_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT pegawai_id FROM koreksi_data WHERE id = $1")
            .bind(request_id)
            .fetch_optional(pool)
            .await?,
    )
}

/// What a decision reads of a request, as stored.
pub struct DecisionRow {
    /// The status's code.
    pub status: String,
    /// The proposal, as JSON.
    pub proposal: String,
    /// The field's code.
    pub field: String,
    pub current_value: String,
}

/// What a decision reads of the request.
pub async fn for_decision(conn: &mut Conn, request_id: i64) -> Result<DecisionRow, StoreError> {
    let row = sqlx::query(
        "SELECT status, proposal, field, current_value FROM koreksi_data WHERE id = $1",
    )
    .bind(request_id)
    .fetch_one(conn)
    .await?;
    Ok(DecisionRow {
        status: row.try_get("status")?,
        proposal: row.try_get("proposal")?,
        field: row.try_get("field")?,
        current_value: row.try_get("current_value")?,
    })
}

/// Records the decision on a request still waiting; returns the rows changed (none when it was
/// decided meanwhile).
pub async fn record_decision(
    conn: &mut Conn,
    request_id: i64,
    status: &str,
    decided_at: &str,
    decided_by: &str,
    reason: Option<&str>,
) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "UPDATE koreksi_data SET status = $1, decided_at = $2, decided_by = $3, \
         decision_reason = $4 WHERE id = $5 AND status = 'diajukan'",
    )
    .bind(status)
    .bind(decided_at)
    .bind(decided_by)
    .bind(reason)
    .bind(request_id)
    .execute(conn)
    .await?
    .rows_affected())
}

/// What a correction can change on the person's own row.
pub struct CorrectableRecord {
    pub golongan: String,
    pub tmt_golongan: Option<String>,
    pub tmt_jabatan: Option<String>,
}

/// The person's grade and its TMT, and the TMT of their post.
pub async fn correctable(
    conn: &mut Conn,
    pegawai_id: i64,
) -> Result<CorrectableRecord, StoreError> {
    let person =
        sqlx::query("SELECT golongan, tmt_golongan, tmt_jabatan FROM pegawai WHERE id = $1")
            .bind(pegawai_id)
            .fetch_one(conn)
            .await?;
    Ok(CorrectableRecord {
        golongan: person.try_get("golongan")?,
        tmt_golongan: person.try_get("tmt_golongan")?,
        tmt_jabatan: person.try_get("tmt_jabatan")?,
    })
}

/// Whether the pegawai is `pns` or `pppk`.
pub async fn kind_of(conn: &mut Conn, pegawai_id: i64) -> Result<String, StoreError> {
    Ok(sqlx::query_scalar("SELECT kind FROM pegawai WHERE id = $1")
        .bind(pegawai_id)
        .fetch_one(conn)
        .await?)
}

/// The highest education on record, with its field of study (levels that do not read are
/// passed over).
pub async fn highest_education(
    conn: &mut Conn,
    pegawai_id: i64,
) -> Result<Option<(Education, Option<String>)>, StoreError> {
    let rows = sqlx::query("SELECT level, field FROM riwayat_pendidikan WHERE pegawai_id = $1")
        .bind(pegawai_id)
        .fetch_all(conn)
        .await?;
    let mut best: Option<(Education, Option<String>)> = None;
    for row in rows {
        let level: String = row.try_get("level")?;
        if let Some(level) = Education::parse(&level) {
            if best.as_ref().is_none_or(|(b, _)| level > *b) {
                best = Some((level, row.try_get("field")?));
            }
        }
    }
    Ok(best)
}

/// The counts and dates the completeness of "data 9 box" is judged on.
pub struct CompletenessRow {
    pub education_records: usize,
    /// JP attained in the year asked for.
    pub jp_in_year: f64,
    /// The end of the validity of the latest assessment, as stored.
    pub assessment_valid_until: Option<String>,
}

/// The person's education records, their JP in `year` and how long their assessment holds.
pub async fn completeness(
    conn: &mut Conn,
    pegawai_id: i64,
    year: i32,
) -> Result<CompletenessRow, StoreError> {
    let facts = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM riwayat_pendidikan WHERE pegawai_id = $1) AS educations, \
         (SELECT COALESCE(SUM(jp), 0.0) FROM riwayat_pelatihan WHERE pegawai_id = $1 AND year = $2) \
         AS jp, (SELECT MAX(valid_until) FROM asesmen WHERE pegawai_id = $1) AS valid_until",
    )
    .bind(pegawai_id)
    .bind(i64::from(year))
    .fetch_one(conn)
    .await?;
    Ok(CompletenessRow {
        education_records: small(facts.try_get("educations")?)?,
        jp_in_year: facts.try_get("jp")?,
        assessment_valid_until: facts.try_get("valid_until")?,
    })
}

/// The years of the person's SKP.
pub async fn skp_years(conn: &mut Conn, pegawai_id: i64) -> Result<Vec<i32>, StoreError> {
    sqlx::query_scalar::<_, i64>("SELECT year FROM skp WHERE pegawai_id = $1")
        .bind(pegawai_id)
        .fetch_all(conn)
        .await?
        .into_iter()
        .map(small)
        .collect()
}

/// Records an education level, or its field of study when the level is on record.
pub async fn upsert_education(
    conn: &mut Conn,
    pegawai_id: i64,
    level: Education,
    field: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_pendidikan (pegawai_id, level, field) VALUES ($1, $2, $3) \
         ON CONFLICT (pegawai_id, level) DO UPDATE SET field = excluded.field",
    )
    .bind(pegawai_id)
    .bind(level.code())
    .bind(field)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a training, or its JP when it is on record with that start.
pub async fn upsert_training(
    conn: &mut Conn,
    pegawai_id: i64,
    name: &str,
    start: Date,
    jp: f64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_pelatihan (pegawai_id, name, start_date, year, jp) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (pegawai_id, name, start_date) DO UPDATE SET jp = excluded.jp",
    )
    .bind(pegawai_id)
    .bind(name)
    .bind(start.to_string())
    .bind(i64::from(start.year()))
    .bind(jp)
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets the person's grade and its TMT.
pub async fn set_golongan(
    conn: &mut Conn,
    pegawai_id: i64,
    golongan: PnsGolongan,
    tmt: Date,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE pegawai SET golongan = $1, tmt_golongan = $2 WHERE id = $3")
        .bind(golongan.code())
        .bind(tmt.to_string())
        .bind(pegawai_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records a grade in the person's rank history, or its TMT when it is there.
pub async fn upsert_rank(
    conn: &mut Conn,
    pegawai_id: i64,
    golongan: PnsGolongan,
    tmt: Date,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO riwayat_pangkat (pegawai_id, golongan, tmt) VALUES ($1, $2, $3) \
         ON CONFLICT (pegawai_id, golongan) DO UPDATE SET tmt = excluded.tmt",
    )
    .bind(pegawai_id)
    .bind(golongan.code())
    .bind(tmt.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets the TMT of the person's post.
pub async fn set_tmt_jabatan(
    conn: &mut Conn,
    pegawai_id: i64,
    tmt: Date,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE pegawai SET tmt_jabatan = $1 WHERE id = $2")
        .bind(tmt.to_string())
        .bind(pegawai_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets the start of the person's current post in their post history, the row the experience
/// component reads.
pub async fn set_current_post_start(
    conn: &mut Conn,
    pegawai_id: i64,
    start: Date,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE riwayat_jabatan SET tmt_start = $1 WHERE pegawai_id = $2 AND tmt_end IS NULL",
    )
    .bind(start.to_string())
    .bind(pegawai_id)
    .execute(conn)
    .await?;
    Ok(())
}
