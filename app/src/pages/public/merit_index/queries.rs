//! The public merit-index reads: the store's rows (`store::merit_index`) as the pages' types,
//! with the histories of several instansi assembled from their scores.

use crate::api::merit_index::{Instansi, InstansiHistory, MeritScore};
use crate::domain::instansi::InstansiKind;
use crate::domain::merit_index::Framework;
use crate::error::AppError;
use crate::store::merit_index::{self, InstansiRow};
use crate::store::Pool;

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

/// Every instansi that has at least one published score, by province, kind and name.
pub async fn catalogue(pool: &Pool) -> Result<Vec<Instansi>, AppError> {
    merit_index::catalogue(pool)
        .await?
        .into_iter()
        .map(Instansi::try_from)
        .collect()
}

/// The instansi `slug`, with or without published scores.
pub async fn instansi(pool: &Pool, slug: &str) -> Result<Option<Instansi>, AppError> {
    merit_index::instansi(pool, slug)
        .await?
        .map(Instansi::try_from)
        .transpose()
}

/// The histories of the given instansi, in the order the slugs are given; unknown slugs and
/// instansi without scores are left out.
pub async fn histories(pool: &Pool, slugs: &[String]) -> Result<Vec<InstansiHistory>, AppError> {
    let rows = merit_index::scores(pool, slugs).await?;
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
