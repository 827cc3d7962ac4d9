//! `/data/indeks-merit`: the public-data operator's desk (and an administrator's). The merit
//! index results KASN and BKN publish are recorded here with their source and publication
//! date, corrected with a reason (a new version; the public pages mark it corrected), and
//! imported from a CSV checked first (a dry run) and saved all or nothing. Every form is a
//! plain form posting to one of the server functions below, which check who asks and hand
//! the work to `services::merit_results`.

mod forms;
mod import;
mod page;

pub use page::ResultsDeskPage;

use crate::api::merit_results::ResultsDesk;
use crate::error::AppError;
use leptos::prelude::*;

/// The query parameters of the desk: its filter, the result to correct, the import checked.
pub const FILTER_PARAM: &str = "cari";
pub const CORRECT_PARAM: &str = "koreksi";
pub const DRAFT_PARAM: &str = "draf";

/// What an import may hold once read: the server's limits (`JENJANG_IMPORT_MAX_*`).
#[cfg(feature = "ssr")]
fn sheet_limits() -> crate::services::intake::SheetLimits {
    use_context::<crate::services::intake::SheetLimits>().unwrap_or_default()
}

/// The results in force matching `cari`, the result to correct and the import checked.
#[server(endpoint = "data/indeks-merit")]
pub async fn get_results_desk(
    cari: Option<String>,
    koreksi: Option<i64>,
    draf: Option<i64>,
) -> Result<ResultsDesk, AppError> {
    crate::auth::request::as_viewer(async |viewer| {
        let scope = viewer.merit_publisher()?;
        let filter = cari.as_deref().unwrap_or_default();
        Ok(
            crate::services::merit_results::desk(&scope, filter, koreksi, draf, &sheet_limits())
                .await?,
        )
    })
    .await
}

/// Records a published result; its id.
#[server(endpoint = "data/indeks-merit/tambah")]
#[allow(clippy::too_many_arguments)]
pub async fn add_result(
    instansi: String,
    tahun: String,
    badan: String,
    skala: String,
    skor: Option<String>,
    kategori: Option<String>,
    sumber: String,
    tanggal: String,
    catatan: Option<String>,
) -> Result<i64, AppError> {
    use crate::domain::merit_result::Typed;
    crate::auth::request::as_viewer(async |viewer| {
        let scope = viewer.merit_publisher()?;
        let typed = Typed {
            instansi: &instansi,
            year: &tahun,
            body: &badan,
            framework: &skala,
            score: skor.as_deref().unwrap_or_default(),
            category: kategori.as_deref().unwrap_or_default(),
            source_url: &sumber,
            published_on: &tanggal,
            note: catatan.as_deref().unwrap_or_default(),
        };
        Ok(crate::services::merit_results::add(&scope, &typed).await?)
    })
    .await
}

/// Corrects the result in force `id` with a reason; the new version's id.
#[server(endpoint = "data/indeks-merit/koreksi")]
pub async fn correct_result(
    id: i64,
    skor: Option<String>,
    kategori: Option<String>,
    sumber: String,
    tanggal: String,
    catatan: Option<String>,
    alasan: String,
) -> Result<i64, AppError> {
    use crate::services::merit_results::{correct, CorrectionForm};
    crate::auth::request::as_viewer(async |viewer| {
        let scope = viewer.merit_publisher()?;
        let form = CorrectionForm {
            score: skor.as_deref().unwrap_or_default(),
            category: kategori.as_deref().unwrap_or_default(),
            source_url: &sumber,
            published_on: &tanggal,
            note: catatan.as_deref().unwrap_or_default(),
            reason: &alasan,
        };
        Ok(correct(&scope, id, &form).await?)
    })
    .await
}

/// Checks a pasted CSV without saving it (a dry run) and keeps it as a draft; the page then
/// shows the check, row by row.
#[server(endpoint = "data/indeks-merit/impor/uji")]
pub async fn check_import(nama_berkas: Option<String>, isi: String) -> Result<i64, AppError> {
    crate::auth::request::as_viewer(async |viewer| {
        let scope = viewer.merit_publisher()?;
        let name: String = nama_berkas
            .as_deref()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        let name = if name.trim().is_empty() {
            "tempelan.csv".to_owned()
        } else {
            name.trim().to_owned()
        };
        let id = crate::services::merit_results::stage_draft(&scope, &name, &isi, &sheet_limits())
            .await?;
        leptos_axum::redirect(&format!("/data/indeks-merit?{DRAFT_PARAM}={id}#impor"));
        Ok(id)
    })
    .await
}

/// Saves the checked draft `draf`, all or nothing; how many results it added.
#[server(endpoint = "data/indeks-merit/impor/simpan")]
pub async fn save_import(draf: i64) -> Result<usize, AppError> {
    crate::auth::request::as_viewer(async |viewer| {
        let scope = viewer.merit_publisher()?;
        let report =
            crate::services::merit_results::save_draft(&scope, draf, &sheet_limits()).await?;
        Ok(report.counts.new)
    })
    .await
}
