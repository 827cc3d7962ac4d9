//! The `merit_index_score` and `instansi` tables as the public merit-index pages read them:
//! the instansi with published scores, one instansi by slug, and the scores of some instansi.
//! Portable between SQLite and PostgreSQL.

use super::sql::placeholders;
use super::{Pool, StoreError};
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

/// An instansi as stored; its `kind` is an `InstansiKind` code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstansiRow {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub province: String,
}

impl FromRow<'_, AnyRow> for InstansiRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(InstansiRow {
            slug: row.try_get("slug")?,
            name: row.try_get("name")?,
            kind: row.try_get("kind")?,
            province: row.try_get("province")?,
        })
    }
}

/// A published score as stored, with its instansi; its `framework` is a `Framework` code.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub instansi: InstansiRow,
    pub year: i64,
    pub framework: String,
    pub score: f64,
    pub source: String,
    pub note: String,
}

impl FromRow<'_, AnyRow> for ScoreRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(ScoreRow {
            instansi: InstansiRow::from_row(row)?,
            year: row.try_get("year")?,
            framework: row.try_get("framework")?,
            score: row.try_get("score")?,
            source: row.try_get("source")?,
            note: row.try_get("note")?,
        })
    }
}

/// Every instansi that has at least one published score, by province, kind and name.
pub async fn catalogue(pool: &Pool) -> Result<Vec<InstansiRow>, StoreError> {
    sqlx::query_as::<_, InstansiRow>(
        "SELECT slug, name, kind, province FROM instansi i \
         WHERE EXISTS (SELECT 1 FROM merit_index_score s WHERE s.instansi_id = i.id) \
         ORDER BY province, kind, name",
    )
    .fetch_all(pool)
    .await
    .map_err(StoreError::from)
}

/// The instansi `slug`, with or without published scores.
pub async fn instansi(pool: &Pool, slug: &str) -> Result<Option<InstansiRow>, StoreError> {
    sqlx::query_as::<_, InstansiRow>(
        "SELECT slug, name, kind, province FROM instansi WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
    .map_err(StoreError::from)
}

/// The published scores of the instansi `slugs`, by framework and year; none for no slugs.
pub async fn scores(pool: &Pool, slugs: &[String]) -> Result<Vec<ScoreRow>, StoreError> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT i.slug, i.name, i.kind, i.province, s.year, s.framework, s.score, s.source, s.note \
         FROM merit_index_score s JOIN instansi i ON i.id = s.instansi_id \
         WHERE i.slug IN ({}) ORDER BY s.framework, s.year",
        placeholders(1, slugs.len())
    );
    let mut query = sqlx::query_as::<_, ScoreRow>(&sql);
    for slug in slugs {
        query = query.bind(slug);
    }
    query.fetch_all(pool).await.map_err(StoreError::from)
}
