//! The public merit-index reads: the store's rows (`store::merit_index`) as the pages' types
//! (`services::merit_results` turns a row into them), with the histories of several instansi
//! assembled from their results in force.

use crate::api::merit_index::{Instansi, InstansiHistory};
use crate::error::AppError;
use crate::services::merit_results::{desk_line, instansi_of};
use crate::store::merit_index;
use crate::store::Pool;

/// Every instansi that has at least one published result, by province, kind and name.
pub async fn catalogue(pool: &Pool) -> Result<Vec<Instansi>, AppError> {
    Ok(merit_index::catalogue(pool)
        .await?
        .into_iter()
        .map(instansi_of)
        .collect::<Result<_, _>>()?)
}

/// The instansi `slug`, with or without published results.
pub async fn instansi(pool: &Pool, slug: &str) -> Result<Option<Instansi>, AppError> {
    Ok(merit_index::instansi(pool, slug)
        .await?
        .map(instansi_of)
        .transpose()?)
}

/// The histories of the given instansi, in the order the slugs are given, each by scale,
/// year and body (KASN's round of a year before BKN's); unknown slugs and instansi without
/// results are left out.
pub async fn histories(pool: &Pool, slugs: &[String]) -> Result<Vec<InstansiHistory>, AppError> {
    let rows = merit_index::scores(pool, slugs).await?;
    let mut histories: Vec<InstansiHistory> = Vec::with_capacity(slugs.len());
    for row in rows {
        let line = desk_line(row)?;
        match histories
            .iter_mut()
            .find(|h| h.instansi.slug == line.instansi.slug)
        {
            Some(history) => history.scores.push(line.result),
            None => histories.push(InstansiHistory {
                instansi: line.instansi,
                scores: vec![line.result],
            }),
        }
    }
    for history in &mut histories {
        history
            .scores
            .sort_by_key(|s| (s.framework, s.year, s.body));
    }
    histories.sort_by_key(|h| slugs.iter().position(|s| *s == h.instansi.slug));
    Ok(histories)
}
