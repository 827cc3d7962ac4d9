//! Writing merit-index results: a new version of a result (the first, or a correction), the
//! results in force by key, the instansi catalogue by name, and the imports an operator
//! checked on the web and may then save (`merit_import`). Rows of `merit_index_score` are
//! never updated or deleted (the database refuses it); `store::merit_index` reads them.

use super::sql::actor_name;
use super::{Conn, Pool, StoreError};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

/// One version of a result to write; codes as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct NewVersion<'a> {
    pub instansi_id: i64,
    pub year: i32,
    pub framework: &'a str,
    pub body: &'a str,
    pub score: Option<f64>,
    pub category: Option<&'a str>,
    pub source: &'a str,
    pub source_url: Option<&'a str>,
    pub published_on: Option<&'a str>,
    pub note: &'a str,
    /// 1 for a new result; the corrected version's plus one for a correction.
    pub version: i64,
    pub corrects_id: Option<i64>,
    pub correction_reason: Option<&'a str>,
    pub recorded_by: &'a str,
    pub recorded_by_akun_id: Option<i64>,
    pub recorded_at: &'a str,
}

/// Writes `row` unless its result already has that version (someone wrote it first, or a
/// seed row is already there): the new row's id, or `None`.
pub async fn insert_version(
    conn: &mut Conn,
    row: &NewVersion<'_>,
) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO merit_index_score (instansi_id, year, framework, body, score, category, \
         source, source_url, published_on, note, version, corrects_id, correction_reason, \
         recorded_by, recorded_by_akun_id, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
         ON CONFLICT (instansi_id, year, body, framework, version) DO NOTHING RETURNING id",
    )
    .bind(row.instansi_id)
    .bind(i64::from(row.year))
    .bind(row.framework)
    .bind(row.body)
    .bind(row.score)
    .bind(row.category)
    .bind(row.source)
    .bind(row.source_url)
    .bind(row.published_on)
    .bind(row.note)
    .bind(row.version)
    .bind(row.corrects_id)
    .bind(row.correction_reason)
    .bind(row.recorded_by)
    .bind(row.recorded_by_akun_id)
    .bind(row.recorded_at)
    .fetch_optional(conn)
    .await?)
}

/// A result in force by its key (instansi, year, body, scale), with its value.
#[derive(Debug, Clone, PartialEq)]
pub struct InForce {
    pub id: i64,
    pub instansi_id: i64,
    pub year: i64,
    pub framework: String,
    pub body: String,
    pub score: Option<f64>,
    pub category: Option<String>,
}

impl FromRow<'_, AnyRow> for InForce {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(InForce {
            id: row.try_get("id")?,
            instansi_id: row.try_get("instansi_id")?,
            year: row.try_get("year")?,
            framework: row.try_get("framework")?,
            body: row.try_get("body")?,
            score: row.try_get("score")?,
            category: row.try_get("category")?,
        })
    }
}

/// Every result in force by key, to check a whole file against in one read.
pub async fn in_force(conn: &mut Conn) -> Result<Vec<InForce>, StoreError> {
    sqlx::query_as::<_, InForce>(
        "SELECT id, instansi_id, year, framework, body, score, category FROM merit_result_current",
    )
    .fetch_all(conn)
    .await
    .map_err(StoreError::from)
}

/// Every instansi of the catalogue: id and name, by name.
pub async fn instansi_names(conn: &mut Conn) -> Result<Vec<(i64, String)>, StoreError> {
    let rows = sqlx::query("SELECT id, name FROM instansi ORDER BY name")
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|row| -> Result<(i64, String), StoreError> {
            Ok((row.try_get("id")?, row.try_get("name")?))
        })
        .collect()
}

/// An import checked on the web, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRow {
    pub id: i64,
    pub file_name: String,
    pub file_sha256: String,
    pub content: String,
    pub staged_by: String,
    pub staged_at: String,
    pub committed_at: Option<String>,
}

impl FromRow<'_, AnyRow> for DraftRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(DraftRow {
            id: row.try_get("id")?,
            file_name: row.try_get("file_name")?,
            file_sha256: row.try_get("file_sha256")?,
            content: row.try_get("content")?,
            staged_by: row.try_get("staged_by")?,
            staged_at: row.try_get("staged_at")?,
            committed_at: row.try_get("committed_at")?,
        })
    }
}

/// Keeps a checked file; its id.
pub async fn insert_draft(
    conn: &mut Conn,
    file_name: &str,
    file_sha256: &str,
    content: &str,
    staged_by: &str,
    staged_at: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO merit_import (file_name, file_sha256, content, staged_by, staged_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(file_name)
    .bind(file_sha256)
    .bind(content)
    .bind(staged_by)
    .bind(staged_at)
    .fetch_one(conn)
    .await?)
}

/// Forgets the checked files never saved that were checked before `before` (a time stamp).
pub async fn prune_drafts(conn: &mut Conn, before: &str) -> Result<u64, StoreError> {
    Ok(
        sqlx::query("DELETE FROM merit_import WHERE committed_at IS NULL AND staged_at < $1")
            .bind(before)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

/// The checked file with this id.
pub async fn draft(pool: &Pool, id: i64) -> Result<Option<DraftRow>, StoreError> {
    // Who checked it, by the account's name.
    sqlx::query_as::<_, DraftRow>(concat!(
        "SELECT id, file_name, file_sha256, content, ",
        actor_name!("staged_by"),
        " AS staged_by, staged_at, committed_at FROM merit_import WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(StoreError::from)
}

/// Marks the checked file saved, unless it already was: whether this call marked it.
pub async fn mark_committed(conn: &mut Conn, id: i64, at: &str) -> Result<bool, StoreError> {
    let marked = sqlx::query(
        "UPDATE merit_import SET committed_at = $1 WHERE id = $2 AND committed_at IS NULL",
    )
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(marked == 1)
}
