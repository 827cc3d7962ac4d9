//! Indeks Sistem Merit, public: the trend of published scores by instansi
//! (`/indeks-merit`), one instansi's history (`/indeks-merit/{slug}`) and the CSV download
//! that honours the same selection.

mod detail;
mod figure;
#[cfg(feature = "ssr")]
pub mod queries;
mod selector;
mod table;
mod talent;
mod trend;

pub use detail::MeritDetailPage;
pub use trend::MeritTrendPage;

use crate::domain::instansi::InstansiKind;
use crate::domain::merit_index::{Framework, MeritCategory};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// The query parameter that carries the selected instansi slugs, repeated once per instansi.
pub const SELECTION_PARAM: &str = "instansi";

/// Without an explicit selection the page shows the instansi of this province: Jenjang's
/// first users are in Kalimantan Timur.
pub const DEFAULT_PROVINCE: &str = "Kalimantan Timur";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instansi {
    pub slug: String,
    pub name: String,
    pub kind: InstansiKind,
    pub province: String,
}

impl Instansi {
    /// The name without the "Pemerintah" every local government carries, for legends.
    pub fn short_name(&self) -> &str {
        self.name.strip_prefix("Pemerintah ").unwrap_or(&self.name)
    }
}

/// One published score with its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeritScore {
    pub year: i32,
    pub framework: Framework,
    pub score: f64,
    pub source: String,
    pub note: String,
}

impl MeritScore {
    /// The category follows from the score; stored data was validated on the way in.
    pub fn category(&self) -> Option<MeritCategory> {
        self.framework.categorize(self.score).ok()
    }
}

/// An instansi with its published scores, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiHistory {
    pub instansi: Instansi,
    pub scores: Vec<MeritScore>,
}

/// What the trend page needs: every instansi that has a score (for the selector) and the
/// histories of the selected ones, in catalogue order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeritOverview {
    pub catalogue: Vec<Instansi>,
    pub selected: Vec<InstansiHistory>,
}

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

#[server(endpoint = "indeks-merit", input = Json)]
pub async fn get_merit_overview(selection: Option<Vec<String>>) -> Result<MeritOverview, AppError> {
    let pool = crate::auth::guard::gate()?.public().clone();
    let catalogue = queries::catalogue(&pool).await?;
    let slugs = resolve_selection(selection.as_deref(), &catalogue);
    let selected = queries::histories(&pool, &slugs).await?;
    Ok(MeritOverview {
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

    #[test]
    fn short_names_drop_pemerintah() {
        assert_eq!(instansi("Kota Bontang", "x").short_name(), "Kota Bontang");
    }
}
