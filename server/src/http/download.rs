//! `/unduh/indeks-merit.csv`: the merit-index figures of the same selection as the page, in
//! machine format (decimal point), with the source of every row.

use app::error::AppError;
use app::export::spreadsheet_safe;
use app::pages::public::merit_index::{
    queries, requested_selection, resolve_selection, SELECTION_PARAM,
};
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
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
