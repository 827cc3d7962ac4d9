//! People as others see them: `/pegawai/{nip}` for someone the viewer may see (their team, or
//! people in the scope of BKPSDM and the komite), `/tim` for an atasan's direct reports and
//! the plans they wait to decide, `/tim/idp/{nip}` for deciding one.

mod record;
mod review;
mod team;

pub use record::PersonRecordPage;
pub use review::ReportIdpPage;
pub use team::TeamPage;

use crate::api::self_service::{MyIdp, PendingIdp};
use crate::api::talent::PersonSummary;
use crate::api::talent_card::TalentCard;
#[cfg(feature = "ssr")]
use crate::auth::request::as_viewer;
use crate::error::AppError;
use leptos::prelude::*;

/// The talent card of the person with this NIP, or of the viewer when `nip` is `None`.
#[server(endpoint = "pegawai/rekam")]
pub async fn get_talent_card(nip: Option<String>) -> Result<TalentCard, AppError> {
    use crate::domain::access::Action;
    let lang = crate::i18n::request_lang();
    as_viewer(async |viewer| match nip.as_deref() {
        Some(nip) => {
            let scope = viewer.person(Action::ViewPerson, nip.trim()).await?;
            crate::services::talent_card::card(&scope, lang).await
        }
        None => {
            let own = viewer.own_person().await?;
            crate::services::talent_card::card(own.person(), lang).await
        }
    })
    .await
}

/// The viewer's direct reports, when they are an atasan.
#[server(endpoint = "pegawai/tim")]
pub async fn my_team() -> Result<Vec<PersonSummary>, AppError> {
    as_viewer(async |viewer| {
        let team = viewer.team()?;
        Ok(crate::services::people::team(&team).await?)
    })
    .await
}

/// The IDPs of the viewer's direct reports that wait for their decision.
#[server(endpoint = "tim/idp")]
pub async fn pending_idps() -> Result<Vec<PendingIdp>, AppError> {
    as_viewer(async |viewer| {
        let team = viewer.team()?;
        Ok(crate::store::idp::pending(&team).await?)
    })
    .await
}

/// A person's IDP of this year, for whoever may read their record (their atasan first).
#[server(endpoint = "tim/idp/rencana")]
pub async fn report_idp(nip: String) -> Result<MyIdp, AppError> {
    use crate::domain::access::Action;
    use crate::services::self_service::idp;
    as_viewer(async |viewer| {
        let scope = viewer.person(Action::ViewPerson, nip.trim()).await?;
        let year = idp::year_to_decide(&scope).await?;
        Ok(MyIdp {
            year,
            plan: idp::plan(&scope, year).await?,
        })
    })
    .await
}

/// The atasan approves (`keputusan = "setujui"`) or returns a report's submitted IDP.
#[server(endpoint = "tim/idp/putuskan")]
pub async fn decide_idp(
    nip: String,
    keputusan: String,
    komentar: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::access::Action;
    use crate::services::self_service::idp;
    let approve = match keputusan.as_str() {
        "setujui" => true,
        "kembalikan" => false,
        _ => {
            return Err(AppError::bad_request(
                "pilih setujui atau kembalikan.",
                "choose approve or return.",
            )
            .respond())
        }
    };
    as_viewer(async |viewer| {
        let report = viewer.person(Action::DecideIdp, nip.trim()).await?;
        let year = idp::year_to_decide(&report).await?;
        Ok(idp::decide(
            &report,
            year,
            approve,
            komentar.as_deref().unwrap_or_default(),
        )
        .await?)
    })
    .await
}
