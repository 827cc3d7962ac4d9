//! The `merit_index_score` and `instansi` tables as the merit-index pages read them: the
//! instansi with published results, one instansi by slug, and the results in force (the
//! `merit_result_current` view: the versions no correction replaced) with what each
//! correction replaced. Portable between SQLite and PostgreSQL. Writing results is
//! `store::merit_results`.

use super::sql::placeholders;
use super::{Conn, Pool, StoreError};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, FromRow, Row};

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

/// A published result as stored, with its instansi; `framework` is a `Framework` code,
/// `body` a `Body` code. The `previous_` columns are the value the correction replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub instansi: InstansiRow,
    pub id: i64,
    pub year: i64,
    pub framework: String,
    pub body: String,
    pub score: Option<f64>,
    pub category: Option<String>,
    pub source: String,
    pub source_url: Option<String>,
    pub published_on: Option<String>,
    pub note: String,
    pub version: i64,
    pub correction_reason: Option<String>,
    pub recorded_at: String,
    pub previous_score: Option<f64>,
    pub previous_category: Option<String>,
}

impl FromRow<'_, AnyRow> for ScoreRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(ScoreRow {
            instansi: InstansiRow::from_row(row)?,
            id: row.try_get("id")?,
            year: row.try_get("year")?,
            framework: row.try_get("framework")?,
            body: row.try_get("body")?,
            score: row.try_get("score")?,
            category: row.try_get("category")?,
            source: row.try_get("source")?,
            source_url: row.try_get("source_url")?,
            published_on: row.try_get("published_on")?,
            note: row.try_get("note")?,
            version: row.try_get("version")?,
            correction_reason: row.try_get("correction_reason")?,
            recorded_at: row.try_get("recorded_at")?,
            previous_score: row.try_get("previous_score")?,
            previous_category: row.try_get("previous_category")?,
        })
    }
}

/// The columns of a [`ScoreRow`] over `s`, its instansi `i` and the version it corrects `p`.
const RESULT_COLUMNS: &str = "i.slug, i.name, i.kind, i.province, s.id, s.year, s.framework, \
     s.body, s.score, s.category, s.source, s.source_url, s.published_on, s.note, s.version, \
     s.correction_reason, s.recorded_at, p.score AS previous_score, \
     p.category AS previous_category";

/// The results in force with their instansi and the version each corrects.
const CURRENT_RESULTS: &str = "FROM merit_result_current s \
     JOIN instansi i ON i.id = s.instansi_id \
     LEFT JOIN merit_index_score p ON p.id = s.corrects_id";

/// Every instansi that has at least one published result, by province, kind and name.
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

/// The instansi `slug`, with or without published results.
pub async fn instansi(pool: &Pool, slug: &str) -> Result<Option<InstansiRow>, StoreError> {
    sqlx::query_as::<_, InstansiRow>(
        "SELECT slug, name, kind, province FROM instansi WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(pool)
    .await
    .map_err(StoreError::from)
}

/// The results in force of the instansi `slugs`, by framework and year; none for no slugs.
pub async fn scores(pool: &Pool, slugs: &[String]) -> Result<Vec<ScoreRow>, StoreError> {
    if slugs.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {RESULT_COLUMNS} {CURRENT_RESULTS} WHERE i.slug IN ({}) \
         ORDER BY s.framework, s.year",
        placeholders(1, slugs.len())
    );
    let mut query = sqlx::query_as::<_, ScoreRow>(&sql);
    for slug in slugs {
        query = query.bind(slug);
    }
    query.fetch_all(pool).await.map_err(StoreError::from)
}

/// Every result in force, by instansi name, year and body: the operator's list.
pub async fn all_scores(pool: &Pool) -> Result<Vec<ScoreRow>, StoreError> {
    sqlx::query_as::<_, ScoreRow>(&format!(
        "SELECT {RESULT_COLUMNS} {CURRENT_RESULTS} ORDER BY i.name, s.year, s.body, s.framework"
    ))
    .fetch_all(pool)
    .await
    .map_err(StoreError::from)
}

/// The result in force with this id; `None` when there is no such row or a later version
/// replaced it.
pub async fn score_in_force<'c, E>(executor: E, id: i64) -> Result<Option<ScoreRow>, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query_as::<_, ScoreRow>(&format!(
        "SELECT {RESULT_COLUMNS} {CURRENT_RESULTS} WHERE s.id = $1"
    ))
    .bind(id)
    .fetch_optional(executor)
    .await
    .map_err(StoreError::from)
}

/// The version in force of the result that the version `id` belongs to (itself, or the
/// correction that replaced it): what the operator's correction form shows.
pub async fn in_force_of_result(pool: &Pool, id: i64) -> Result<Option<ScoreRow>, StoreError> {
    sqlx::query_as::<_, ScoreRow>(&format!(
        "SELECT {RESULT_COLUMNS} {CURRENT_RESULTS} WHERE EXISTS (SELECT 1 FROM merit_index_score o \
         WHERE o.id = $1 AND o.instansi_id = s.instansi_id AND o.year = s.year \
         AND o.body = s.body AND o.framework = s.framework)"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .map_err(StoreError::from)
}

/// Whether a result with this id was ever recorded (in force or corrected since).
pub async fn score_exists(conn: &mut Conn, id: i64) -> Result<bool, StoreError> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM merit_index_score WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(found.is_some())
}
