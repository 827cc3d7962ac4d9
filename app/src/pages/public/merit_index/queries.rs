//! SQL for the public merit-index pages and download. Portable between SQLite and PostgreSQL.

use crate::api::merit_index::{Instansi, InstansiHistory, MeritScore};
use crate::domain::instansi::InstansiKind;
use crate::domain::merit_index::Framework;
use crate::error::AppError;
use crate::store::sql::placeholders;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, FromRow, Row};

struct InstansiRow {
    slug: String,
    name: String,
    kind: String,
    province: String,
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

impl TryFrom<InstansiRow> for Instansi {
    type Error = AppError;

    fn try_from(row: InstansiRow) -> Result<Self, AppError> {
        let kind = InstansiKind::from_code(&row.kind).ok_or_else(|| {
            tracing::error!(kind = %row.kind, slug = %row.slug, "unknown instansi kind in database");
            AppError::Internal
        })?;
        Ok(Instansi {
            slug: row.slug,
            name: row.name,
            kind,
            province: row.province,
        })
    }
}

struct ScoreRow {
    instansi: InstansiRow,
    year: i64,
    framework: String,
    score: f64,
    source: String,
    note: String,
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
pub async fn catalogue(pool: &AnyPool) -> Result<Vec<Instansi>, AppError> {
    sqlx::query_as::<_, InstansiRow>(
        "SELECT slug, name, kind, province FROM instansi i \
         WHERE EXISTS (SELECT 1 FROM merit_index_score s WHERE s.instansi_id = i.id) \
         ORDER BY province, kind, name",
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(Instansi::try_from)
    .collect()
}

/// The instansi `slug`, with or without published scores.
pub async fn instansi(pool: &AnyPool, slug: &str) -> Result<Option<Instansi>, AppError> {
    sqlx::query_as::<_, InstansiRow>(
        "SELECT slug, name, kind, province FROM instansi WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await?
    .map(Instansi::try_from)
    .transpose()
}

/// The histories of the given instansi, in the order the slugs are given; unknown slugs and
/// instansi without scores are left out.
pub async fn histories(pool: &AnyPool, slugs: &[String]) -> Result<Vec<InstansiHistory>, AppError> {
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
    let rows = query.fetch_all(pool).await?;
    let mut histories: Vec<InstansiHistory> = Vec::with_capacity(slugs.len());
    for row in rows {
        let framework = Framework::from_code(&row.framework).ok_or_else(|| {
            tracing::error!(framework = %row.framework, "unknown framework in database");
            AppError::Internal
        })?;
        let score = MeritScore {
            year: i32::try_from(row.year).map_err(|_| AppError::Internal)?,
            framework,
            score: row.score,
            source: row.source,
            note: row.note,
        };
        match histories
            .iter_mut()
            .find(|h| h.instansi.slug == row.instansi.slug)
        {
            Some(history) => history.scores.push(score),
            None => histories.push(InstansiHistory {
                instansi: Instansi::try_from(row.instansi)?,
                scores: vec![score],
            }),
        }
    }
    histories.sort_by_key(|h| slugs.iter().position(|s| *s == h.instansi.slug));
    Ok(histories)
}
