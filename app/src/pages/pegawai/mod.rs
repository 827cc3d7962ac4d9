//! A person's talent record: `/saya` for oneself, `/pegawai/{nip}` for someone the viewer may
//! see (their team, or people in the scope of BKPSDM and the komite), and `/tim` for an
//! atasan's direct reports.

mod record;
mod team;

pub use record::{OwnRecordPage, PersonRecordPage};
pub use team::TeamPage;

use crate::error::AppError;
use crate::talent::{PersonSummary, TalentRecord};
use leptos::prelude::*;

/// The talent record of the person with this NIP, or of the viewer when `nip` is `None`.
#[server(endpoint = "pegawai/rekam")]
pub async fn get_talent_record(nip: Option<String>) -> Result<TalentRecord, AppError> {
    use crate::domain::access::Action;
    let gate = crate::auth::guard::gate()?;
    async {
        let viewer = gate.viewer().await?;
        let scope = match nip.as_deref() {
            Some(nip) => viewer.person(Action::ViewPerson, nip.trim()).await?,
            None => viewer.own_person().await?,
        };
        Ok(crate::services::people::talent_record(&scope).await?)
    }
    .await
    .map_err(AppError::respond)
}

/// The viewer's direct reports, when they are an atasan.
#[server(endpoint = "pegawai/tim")]
pub async fn my_team() -> Result<Vec<PersonSummary>, AppError> {
    let gate = crate::auth::guard::gate()?;
    async {
        let viewer = gate.viewer().await?;
        let team = viewer.team()?;
        Ok(crate::services::people::team(&team).await?)
    }
    .await
    .map_err(AppError::respond)
}
