//! The public downloads. `/unduh/indeks-merit.{csv,xlsx}`: the merit-index figures of the same
//! selection as the page, in machine format (decimal point), with the source of every row and
//! the lines that say what the file is in the reader's language.
//! `/unduh/talenta/{slug}.{csv,xlsx}`: an instansi's talent picture, the tables of its page
//! for the same period, after the same disclosure control.

use app::error::AppError;
use app::export::{ExportError, Format};
use app::i18n::Lang;
use app::pages::public::merit_index::{
    queries, requested_selection, resolve_selection, sheet, SELECTION_PARAM,
};
use app::services::downloads::{national_sheet, picture_sheet};
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sqlx::AnyPool;

/// `/unduh/indeks-merit.{csv,xlsx}`.
pub async fn merit_index(
    format: Format,
    State(pool): State<AnyPool>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let lang = Lang::from_headers(&headers);
    let file = merit_index_file(&pool, query.as_deref().unwrap_or_default(), format, lang).await;
    let name = match format {
        Format::Csv => "indeks-merit.csv",
        Format::Xlsx => "indeks-merit.xlsx",
    };
    attachment(file, format, name, lang)
}

/// The file as a download named `name`, or the error in the reader's language.
fn attachment(file: Result<Vec<u8>, AppError>, format: Format, name: &str, lang: Lang) -> Response {
    match file {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, format.content_type().to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => (error.status(), error.message(lang)).into_response(),
    }
}

fn export_failed(error: ExportError) -> AppError {
    tracing::error!(%error, "download failed");
    AppError::Internal
}

#[derive(Deserialize)]
pub struct PeriodQuery {
    periode: Option<String>,
    versi: Option<String>,
}

pub async fn talent_picture(
    State(pool): State<AnyPool>,
    Path(file): Path<String>,
    headers: HeaderMap,
    Query(query): Query<PeriodQuery>,
) -> Response {
    let lang = Lang::from_headers(&headers);
    let period = query.periode.and_then(|p| p.trim().parse().ok());
    let version = query.versi.and_then(|v| v.trim().parse().ok());
    let Some((slug, format)) =
        Format::of_file(&file).filter(|(slug, _)| app::domain::instansi::is_valid_slug(slug))
    else {
        return attachment(Err(AppError::NotFound), Format::Csv, &file, lang);
    };
    let picture = app::services::releases::picture(&pool, slug, period, version)
        .await
        .map_err(AppError::from)
        .and_then(|p| p.ok_or(AppError::NotFound));
    // Each version of each period is its own file.
    let name = match &picture {
        Ok(p) => format!(
            "talenta-{slug}-{}-versi-{}.{}",
            p.period,
            p.release.version,
            extension(format)
        ),
        Err(_) => format!("talenta-{file}"),
    };
    let bytes = picture.and_then(|p| {
        picture_sheet(&p, lang)
            .render(format)
            .map_err(export_failed)
    });
    attachment(bytes, format, &name, lang)
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Csv => "csv",
        Format::Xlsx => "xlsx",
    }
}

#[derive(Deserialize)]
pub struct ProvinceQuery {
    provinsi: Option<String>,
}

/// `/unduh/nasional.{csv,xlsx}`, optionally `?provinsi=…`: the national or provincial table.
pub async fn national(
    format: Format,
    State(pool): State<AnyPool>,
    headers: HeaderMap,
    Query(query): Query<ProvinceQuery>,
) -> Response {
    let lang = Lang::from_headers(&headers);
    let province = query.provinsi.filter(|p| !p.is_empty());
    let bytes = national_file(&pool, format, province.as_deref(), lang).await;
    let name = match &province {
        Some(p) if app::domain::instansi::is_valid_slug(p) => format!("talenta-{p}"),
        _ => "talenta-nasional".to_owned(),
    };
    attachment(
        bytes,
        format,
        &format!("{name}.{}", extension(format)),
        lang,
    )
}

async fn national_file(
    pool: &AnyPool,
    format: Format,
    province: Option<&str>,
    lang: Lang,
) -> Result<Vec<u8>, AppError> {
    if province.is_some_and(|p| !app::domain::instansi::is_valid_slug(p)) {
        return Err(AppError::NotFound);
    }
    let picture = app::services::releases::national::picture(pool, province)
        .await?
        .ok_or(AppError::NotFound)?;
    national_sheet(&picture, lang)
        .render(format)
        .map_err(export_failed)
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

async fn merit_index_file(
    pool: &AnyPool,
    query: &str,
    format: Format,
    lang: Lang,
) -> Result<Vec<u8>, AppError> {
    let catalogue = queries::catalogue(pool).await?;
    let slugs = resolve_selection(selection_from(query).as_deref(), &catalogue);
    let histories = queries::histories(pool, &slugs).await?;
    sheet(&histories, &app::services::clock::now_utc(), lang)
        .render(format)
        .map_err(export_failed)
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
