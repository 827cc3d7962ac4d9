//! `/saya`: the ASN's own pages, phone first. Everything here is about the signed-in person
//! only: the server functions take no NIP, so there is nobody else's record to ask for.

mod career;
mod data;
mod idp;
mod kotak;
mod training;

pub use career::CareerPage;
pub use data::{Completeness, MyDataPage};
pub use idp::{GoalList, MyIdpPage, PlanStatus};
pub use kotak::{Components, History, MyKotakPage};
pub use training::TrainingPage;

use crate::api::self_service::{CareerPath, KotakExplanation, MyData, MyIdp, TrainingProgress};
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::auth::request::as_myself;

#[cfg(feature = "ssr")]
use crate::services::self_service::this_year;

/// My kotak of the latest period, explained.
#[server(endpoint = "saya/kotak")]
pub async fn my_kotak() -> Result<KotakExplanation, AppError> {
    use crate::services::self_service::explanation;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(explanation::explain(own.person(), year).await?)
    })
    .await
}

/// My IDP of this year.
#[server(endpoint = "saya/idp")]
pub async fn idp_this_year() -> Result<MyIdp, AppError> {
    use crate::services::self_service::idp;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(MyIdp {
            year,
            plan: idp::plan(own.person(), year).await?,
        })
    })
    .await
}

/// Starts this year's IDP from my competency gaps and my kotak's recommendations.
#[server(endpoint = "saya/idp/mulai")]
pub async fn start_idp() -> Result<(), AppError> {
    use crate::services::self_service::idp;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::start(own, year).await?)
    })
    .await
}

/// Sets the activity of a goal of my IDP.
#[server(endpoint = "saya/idp/sasaran")]
pub async fn save_idp_goal(
    id: i64,
    metode: Option<String>,
    jp: Option<String>,
    tanggal_target: Option<String>,
    bukti: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::idp::ActivityInput;
    use crate::services::{clock, self_service::idp};
    let input = ActivityInput {
        method: metode.unwrap_or_default(),
        jp: jp.unwrap_or_default(),
        target_date: tanggal_target.unwrap_or_default(),
        evidence_url: bukti.unwrap_or_default(),
    };
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::save_goal(own, year, id, &input, clock::today()).await?)
    })
    .await
}

/// Adds a goal of my own to my IDP.
#[server(endpoint = "saya/idp/tambah")]
pub async fn add_idp_goal(
    sasaran: String,
    metode: String,
    jp: Option<String>,
    tanggal_target: String,
    bukti: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::idp::ActivityInput;
    use crate::services::{clock, self_service::idp};
    let input = ActivityInput {
        method: metode,
        jp: jp.unwrap_or_default(),
        target_date: tanggal_target,
        evidence_url: bukti.unwrap_or_default(),
    };
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::add_goal(own, year, &sasaran, &input, clock::today()).await?)
    })
    .await
}

/// Removes a goal from my IDP while it can be edited.
#[server(endpoint = "saya/idp/hapus")]
pub async fn remove_idp_goal(id: i64) -> Result<(), AppError> {
    use crate::services::self_service::idp;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::remove_goal(own, year, id).await?)
    })
    .await
}

/// Submits my IDP to my atasan, with a note for them if I write one.
#[server(endpoint = "saya/idp/ajukan")]
pub async fn submit_idp(catatan: Option<String>) -> Result<(), AppError> {
    use crate::services::self_service::idp;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::submit(own, year, catatan.as_deref().unwrap_or_default()).await?)
    })
    .await
}

/// Reopens my approved IDP to revise it, with the reason; it goes back to my atasan once
/// submitted again.
#[server(endpoint = "saya/idp/revisi")]
pub async fn revise_idp(alasan: String) -> Result<(), AppError> {
    use crate::services::self_service::idp;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::revise(own, year, &alasan).await?)
    })
    .await
}

/// My career path, assessed against the post with this code when one is chosen.
#[server(endpoint = "saya/karier")]
pub async fn my_career_path(jabatan: Option<String>) -> Result<CareerPath, AppError> {
    use crate::services::{clock, self_service::career};
    let target = jabatan.filter(|j| !j.trim().is_empty());
    as_myself(async |own| {
        Ok(career::career_path(
            own.person(),
            target.as_deref().map(str::trim),
            clock::today(),
        )
        .await?)
    })
    .await
}

/// Adds my competency gaps against the post with this code to my IDP of the period.
#[server(endpoint = "saya/karier/ke-idp")]
pub async fn gaps_to_idp(jabatan: String) -> Result<usize, AppError> {
    use crate::services::self_service::idp;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(idp::add_post_gaps(own, year, &jabatan).await?)
    })
    .await
}

/// My 20 JP of this year.
#[server(endpoint = "saya/pelatihan")]
pub async fn my_training() -> Result<TrainingProgress, AppError> {
    use crate::services::self_service::training;
    as_myself(async |own| {
        let year = this_year(own.person()).await?;
        Ok(training::progress(own.person(), year).await?)
    })
    .await
}

/// My data completeness and correction requests.
#[server(endpoint = "saya/data")]
pub async fn own_data() -> Result<MyData, AppError> {
    use crate::services::{clock, self_service::corrections};
    let lang = crate::i18n::request_lang();
    as_myself(async |own| Ok(corrections::my_data(own.person(), clock::today(), lang).await?)).await
}

/// Asks BKPSDM to correct part of my record.
#[server(endpoint = "saya/koreksi")]
pub async fn request_correction(
    jenis: String,
    nilai: Option<String>,
    tanggal: Option<String>,
    jp: Option<String>,
    penjelasan: String,
    bukti: String,
) -> Result<(), AppError> {
    use crate::domain::correction::RequestInput;
    use crate::services::{clock, self_service::corrections};
    let input = RequestInput {
        field: jenis,
        value: nilai.unwrap_or_default(),
        date: tanggal.unwrap_or_default(),
        jp: jp.unwrap_or_default(),
        explanation: penjelasan,
        evidence_url: bukti,
    };
    as_myself(async |own| {
        corrections::file(own, &input, clock::today()).await?;
        Ok(())
    })
    .await
}

/// The links between the pages of `/saya`.
#[component]
fn SayaNav(current: &'static str) -> impl IntoView {
    let lang = use_lang();
    let pages = [
        ("/saya", lang.pick("Kotak saya", "My box")),
        ("/saya/idp", "IDP"),
        ("/saya/karier", lang.pick("Jalur karier", "Career path")),
        ("/saya/pelatihan", "20 JP"),
        ("/saya/data", lang.pick("Data saya", "My data")),
    ];
    view! {
        <nav class="subnav" aria-label=lang.pick("Halaman saya", "My pages")>
            {pages
                .into_iter()
                .map(|(href, label)| {
                    let here = (href == current).then_some("page");
                    view! { <a href=href aria-current=here>{label}</a> }
                })
                .collect_view()}
        </nav>
    }
}
