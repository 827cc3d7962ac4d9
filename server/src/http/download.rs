//! The public downloads. `/unduh/indeks-merit.csv`: the merit-index figures of the same
//! selection as the page, in machine format (decimal point), with the source of every row.
//! `/unduh/talenta/{slug}.{csv,xlsx}`: an instansi's talent picture, the tables of its page
//! for the same period, after the same disclosure control.

use app::error::AppError;
use app::export::{spreadsheet_safe, Format};
use app::pages::public::merit_index::{
    queries, requested_selection, resolve_selection, SELECTION_PARAM,
};
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::AnyPool;

pub async fn merit_index_csv(State(pool): State<AnyPool>, RawQuery(query): RawQuery) -> Response {
    match render(&pool, query.as_deref().unwrap_or_default()).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"indeks-merit.csv\"",
                ),
            ],
            csv,
        )
            .into_response(),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

#[derive(Deserialize)]
pub struct PeriodQuery {
    periode: Option<String>,
}

pub async fn talent_picture(
    State(pool): State<AnyPool>,
    Path(file): Path<String>,
    Query(query): Query<PeriodQuery>,
) -> Response {
    let period = query.periode.and_then(|p| p.trim().parse().ok());
    match picture_file(&pool, &file, period).await {
        Ok((bytes, format)) => (
            [
                (header::CONTENT_TYPE, format.content_type().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"talenta-{file}\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => (error.status(), error.to_string()).into_response(),
    }
}

async fn picture_file(
    pool: &AnyPool,
    file: &str,
    period: Option<i32>,
) -> Result<(Vec<u8>, Format), AppError> {
    let (slug, format) = Format::of_file(file)
        .filter(|(slug, _)| app::domain::instansi::is_valid_slug(slug))
        .ok_or(AppError::NotFound)?;
    let picture = app::services::talent_picture::picture(pool, slug, period)
        .await?
        .ok_or(AppError::NotFound)?;
    let sheet = picture.sheet(&app::services::clock::now_utc());
    let bytes = sheet.render(format).map_err(|error| {
        tracing::error!(%error, "download failed");
        AppError::Internal
    })?;
    Ok((bytes, format))
}

/// The repeated `instansi` parameter of a raw query string, as the page reads it. An empty
/// `instansi=` still counts as present: it is an explicit empty selection.
fn selection_from(query: &str) -> Option<Vec<String>> {
    let values: Vec<String> = form_urlencoded::parse(query.as_bytes())
        .filter(|(key, _)| key == SELECTION_PARAM)
        .map(|(_, value)| value.into_owned())
        .collect();
    requested_selection((!values.is_empty()).then_some(values))
}

async fn render(pool: &AnyPool, query: &str) -> Result<String, AppError> {
    let catalogue = queries::catalogue(pool).await?;
    let slugs = resolve_selection(selection_from(query).as_deref(), &catalogue);
    let histories = queries::histories(pool, &slugs).await?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "instansi",
        "slug",
        "kind",
        "province",
        "year",
        "framework",
        "score",
        "category",
        "source",
        "note",
    ];
    let write_error = |error: csv::Error| {
        tracing::error!(%error, "csv export failed");
        AppError::Internal
    };
    writer.write_record(header).map_err(write_error)?;
    for history in &histories {
        let instansi = &history.instansi;
        for score in &history.scores {
            let category = score.category().map(|c| c.code).unwrap_or_default();
            let record = [
                instansi.name.as_str(),
                instansi.slug.as_str(),
                instansi.kind.code(),
                instansi.province.as_str(),
                &score.year.to_string(),
                score.framework.code(),
                &score.score.to_string(),
                category,
                score.source.as_str(),
                score.note.as_str(),
            ];
            writer
                .write_record(
                    record
                        .iter()
                        .map(|cell| spreadsheet_safe(cell).into_owned()),
                )
                .map_err(write_error)?;
        }
    }
    let bytes = writer.into_inner().map_err(|error| {
        tracing::error!(%error, "csv export failed");
        AppError::Internal
    })?;
    String::from_utf8(bytes).map_err(|_| AppError::Internal)
}

#[cfg(test)]
mod tests {
    use super::selection_from;

    #[test]
    fn the_repeated_parameter_is_read_like_the_page_reads_it() {
        assert_eq!(selection_from(""), None);
        assert_eq!(selection_from("instansi="), Some(vec![]));
        assert_eq!(
            selection_from("instansi=kota-bontang&x=1&instansi=kota%2Dbalikpapan"),
            Some(vec![
                "kota-bontang".to_owned(),
                "kota-balikpapan".to_owned()
            ])
        );
    }
}
