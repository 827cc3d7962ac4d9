//! Indeks Sistem Merit, public: the trend of published results by instansi
//! (`/indeks-merit`), one instansi's history (`/indeks-merit/{slug}`) and the CSV download
//! that honours the same selection. A category published without a score is shown as its
//! category and never enters a median or a ranking; KASN's and BKN's rounds of one year are
//! two results, kept apart.

mod detail;
mod figure;
#[cfg(feature = "ssr")]
pub mod queries;
mod selector;
mod stats;
mod table;
mod talent;
mod trend;

pub use detail::MeritDetailPage;
pub use stats::{province_medians, ranking};
pub use table::ResultSource;
pub use trend::MeritTrendPage;

use crate::api::merit_index::{Instansi, InstansiHistory, MeritOverview, MeritScore};
use crate::error::AppError;
use crate::export::{Cell, Sheet};
use crate::i18n::count::INSTANSI;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The query parameter that carries the selected instansi slugs, repeated once per instansi.
pub const SELECTION_PARAM: &str = "instansi";

/// The query parameter of the ranking's year.
pub const YEAR_PARAM: &str = "tahun";

/// The query parameter that narrows the selector's list of instansi.
pub const FILTER_PARAM: &str = "cari";

/// Without an explicit selection the page shows the instansi of this province: Jenjang's
/// first users are in Kalimantan Timur.
pub const DEFAULT_PROVINCE: &str = "Kalimantan Timur";

/// The slugs to show: those requested that exist (in catalogue order), or the default
/// province when the request named none at all. An explicit empty selection stays empty.
pub fn resolve_selection(requested: Option<&[String]>, catalogue: &[Instansi]) -> Vec<String> {
    catalogue
        .iter()
        .filter(|i| match requested {
            Some(slugs) => slugs.contains(&i.slug),
            None => i.province == DEFAULT_PROVINCE,
        })
        .map(|i| i.slug.clone())
        .collect()
}

/// The query string that reproduces a selection. An empty selection is written as
/// `instansi=` so that it does not fall back to the default.
pub fn selection_query(slugs: &[String]) -> String {
    if slugs.is_empty() {
        return format!("{SELECTION_PARAM}=");
    }
    slugs
        .iter()
        .map(|slug| format!("{SELECTION_PARAM}={slug}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The requested slugs from the repeated query parameter: `None` when it is absent, the
/// non-empty values otherwise.
pub fn requested_selection(values: Option<Vec<String>>) -> Option<Vec<String>> {
    values.map(|values| {
        values
            .into_iter()
            .filter(|v| !v.trim().is_empty())
            .collect()
    })
}

/// A result's score as the reader writes numbers, or "hanya kategori" for a category
/// published without a score.
pub fn score_text(score: &MeritScore, lang: Lang) -> String {
    match score.score {
        Some(value) => lang.decimal(value, 2),
        None => lang.pick("hanya kategori", "category only").to_owned(),
    }
}

/// "266,5 (3 instansi)": a province's median with the number of instansi behind it.
pub fn median_text(lang: Lang, median: f64, instansi: usize) -> String {
    format!(
        "{} ({})",
        lang.decimal(median, 2),
        lang.count(instansi, INSTANSI)
    )
}

/// The histories as a download: one row per published score in machine format (codes and a
/// decimal point), with what the file is, its years, its sources and when it was made, said in
/// the reader's language.
pub fn sheet(histories: &[InstansiHistory], generated_at: &str, lang: Lang) -> Sheet {
    let columns = [
        "instansi",
        "slug",
        "kind",
        "province",
        "year",
        "framework",
        "body",
        "score",
        "category",
        "source",
        "note",
        "source_url",
        "published_on",
        "correction_reason",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows: Vec<Vec<Cell>> = histories
        .iter()
        .flat_map(|h| h.scores.iter().map(move |s| (&h.instansi, s)))
        .map(|(instansi, score)| {
            vec![
                Cell::from(instansi.name.as_str()),
                Cell::from(instansi.slug.as_str()),
                Cell::from(instansi.kind.code()),
                Cell::from(instansi.province.as_str()),
                Cell::from(i64::from(score.year)),
                Cell::from(score.framework.code()),
                Cell::from(score.body.code()),
                Cell::from(score.score),
                Cell::from(score.category().map(|c| c.code)),
                Cell::from(score.source.as_str()),
                Cell::from(score.note.as_str()),
                Cell::from(score.source_url.as_deref()),
                Cell::from(score.published_on.as_deref()),
                Cell::from(score.correction.as_ref().map(|c| c.reason.as_str())),
            ]
        })
        .collect();
    let years: Vec<i32> = histories
        .iter()
        .flat_map(|h| h.scores.iter().map(|s| s.year))
        .collect();
    let period = match (years.iter().min(), years.iter().max()) {
        (Some(first), Some(last)) if first < last => format!("{first}-{last}"),
        (Some(year), _) => year.to_string(),
        _ => "-".to_owned(),
    };
    let names: Vec<&str> = histories.iter().map(|h| h.instansi.name.as_str()).collect();
    let about = [
        ("Instansi", names.join("; ")),
        (lang.pick("Tahun", "Years"), period),
        (
            lang.pick("Sumber", "Source"),
            lang.pick(
                "Publikasi yang disebutkan pada kolom source setiap baris",
                "The publication named in the source column of each row",
            )
            .to_owned(),
        ),
        (
            lang.pick("Skala", "Scales"),
            lang.pick(
                "KASN_100_400: skala 100-400 (kategori I-IV); NISM_0_1: skala 0-1. Dua skala tidak dibandingkan. Baris tanpa skor hanya memuat kategori yang dipublikasikan. Kolom body: KASN atau BKN, yang menilai.",
                "KASN_100_400: scale 100-400 (categories I-IV); NISM_0_1: scale 0-1. The two scales are never compared. A row without a score holds only the category published. Column body: KASN or BKN, who assessed.",
            )
            .to_owned(),
        ),
        (lang.pick("Dibuat", "Generated"), generated_at.to_owned()),
    ];
    Sheet {
        title: lang
            .pick(
                "Indeks Sistem Merit ASN per instansi",
                "ASN Merit System Index per instansi",
            )
            .to_owned(),
        about: about
            .into_iter()
            .map(|(label, value)| (label.to_owned(), value))
            .collect(),
        columns,
        rows,
    }
}

#[server(endpoint = "indeks-merit", input = Json)]
pub async fn get_merit_overview(
    selection: Option<Vec<String>>,
    tahun: Option<i32>,
) -> Result<MeritOverview, AppError> {
    let pool = crate::auth::guard::gate()?.public().clone();
    let catalogue = queries::catalogue(&pool).await?;
    let everyone: Vec<String> = catalogue.iter().map(|i| i.slug.clone()).collect();
    let all = queries::histories(&pool, &everyone).await?;
    let slugs = resolve_selection(selection.as_deref(), &catalogue);
    let selected: Vec<InstansiHistory> = all
        .iter()
        .filter(|h| slugs.contains(&h.instansi.slug))
        .cloned()
        .collect();
    let provinces: Vec<String> = selected
        .iter()
        .map(|h| h.instansi.province.clone())
        .collect();
    Ok(MeritOverview {
        medians: province_medians(&all, &provinces),
        ranking: ranking(&all, tahun),
        catalogue,
        selected,
    })
}

#[server(endpoint = "indeks-merit/instansi", input = Json)]
pub async fn get_instansi_history(slug: String) -> Result<InstansiHistory, AppError> {
    if !crate::domain::instansi::is_valid_slug(&slug) {
        return Err(AppError::NotFound);
    }
    let pool = crate::auth::guard::gate()?.public().clone();
    if let Some(history) = queries::histories(&pool, std::slice::from_ref(&slug))
        .await?
        .pop()
    {
        return Ok(history);
    }
    // An instansi that maps its ASN with Jenjang has a page before any score is published.
    queries::instansi(&pool, &slug)
        .await?
        .map(|instansi| InstansiHistory {
            instansi,
            scores: Vec::new(),
        })
        .ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instansi::InstansiKind;

    fn instansi(slug: &str, province: &str) -> Instansi {
        Instansi {
            slug: slug.into(),
            name: format!("Pemerintah {slug}"),
            kind: InstansiKind::Kota,
            province: province.into(),
        }
    }

    fn catalogue() -> Vec<Instansi> {
        vec![
            instansi("kota-bontang", "Kalimantan Timur"),
            instansi("provinsi-jawa-barat", "Jawa Barat"),
            instansi("kota-balikpapan", "Kalimantan Timur"),
        ]
    }

    #[test]
    fn no_selection_means_the_default_province() {
        assert_eq!(
            resolve_selection(None, &catalogue()),
            ["kota-bontang", "kota-balikpapan"]
        );
    }

    #[test]
    fn an_explicit_selection_keeps_catalogue_order_and_drops_unknown_slugs() {
        let requested = vec![
            "kota-balikpapan".to_owned(),
            "nope".to_owned(),
            "provinsi-jawa-barat".to_owned(),
        ];
        assert_eq!(
            resolve_selection(Some(&requested), &catalogue()),
            ["provinsi-jawa-barat", "kota-balikpapan"]
        );
        assert!(resolve_selection(Some(&[]), &catalogue()).is_empty());
    }

    #[test]
    fn selection_queries_round_trip_through_the_parameter() {
        assert_eq!(
            selection_query(&["a".into(), "b".into()]),
            "instansi=a&instansi=b"
        );
        assert_eq!(selection_query(&[]), "instansi=");
        assert_eq!(requested_selection(Some(vec![String::new()])), Some(vec![]));
        assert_eq!(requested_selection(None), None);
    }
}
