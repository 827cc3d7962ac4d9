//! The talent office of an instansi, for BKPSDM and the komite talenta: `/talenta` (the
//! instansi at a glance), `/talenta/audit` (its audit log) and `/talenta/koreksi` (the
//! ASN's data-correction requests, for BKPSDM). `?instansi=slug` chooses the instansi for
//! someone whose roles span several.

mod audit;
mod corrections;
mod overview;

pub use audit::AuditPage;
pub use corrections::CorrectionsPage;
pub use overview::OverviewPage;

use crate::error::AppError;
use crate::self_service::CorrectionView;
use crate::talent::{AuditEntry, InstansiOverview};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Headcount and 9-box distribution of the part of the instansi in the viewer's scope.
#[server(endpoint = "talenta/ringkasan")]
pub async fn get_instansi_overview(instansi: Option<String>) -> Result<InstansiOverview, AppError> {
    use crate::domain::access::Action;
    let gate = crate::auth::guard::gate()?;
    async {
        let viewer = gate.viewer().await?;
        let scope = viewer
            .instansi(Action::ViewInstansi, instansi.as_deref())
            .await?;
        Ok(crate::services::people::overview(&scope).await?)
    }
    .await
    .map_err(AppError::respond)
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPageData {
    pub instansi: String,
    pub slug: String,
    pub lines: Vec<AuditEntry>,
    /// Where the next (older) page starts, if there is one.
    pub older: Option<i64>,
}

pub const AUDIT_PAGE_SIZE: i64 = 50;

/// The instansi's audit log, for BKPSDM and the komite of the whole instansi.
#[server(endpoint = "talenta/audit")]
pub async fn audit_log(
    instansi: Option<String>,
    sebelum: Option<i64>,
) -> Result<AuditPageData, AppError> {
    use crate::domain::access::Action;
    let gate = crate::auth::guard::gate()?;
    async {
        let viewer = gate.viewer().await?;
        let scope = viewer
            .instansi(Action::ReadAudit, instansi.as_deref())
            .await?;
        let entries = crate::services::audit::page(&scope, sebelum, AUDIT_PAGE_SIZE + 1).await?;
        let older = (entries.len() as i64 > AUDIT_PAGE_SIZE)
            .then(|| entries.get(AUDIT_PAGE_SIZE as usize - 1).map(|e| e.seq))
            .flatten();
        Ok(AuditPageData {
            instansi: scope.name().to_owned(),
            slug: scope.slug().to_owned(),
            lines: entries.into_iter().take(AUDIT_PAGE_SIZE as usize).collect(),
            older,
        })
    }
    .await
    .map_err(AppError::respond)
}

/// The correction requests of the people in the viewer's scope: waiting ones first.
#[server(endpoint = "talenta/koreksi")]
pub async fn correction_queue(instansi: Option<String>) -> Result<Vec<CorrectionView>, AppError> {
    use crate::domain::access::Action;
    let gate = crate::auth::guard::gate()?;
    async {
        let viewer = gate.viewer().await?;
        let scope = viewer
            .instansi(Action::MaintainRecords, instansi.as_deref())
            .await?;
        Ok(crate::services::self_service::corrections::queue(&scope).await?)
    }
    .await
    .map_err(AppError::respond)
}

/// BKPSDM accepts (`keputusan = "terima"`, which updates the record) or rejects a request.
#[server(endpoint = "talenta/koreksi/putuskan")]
pub async fn decide_correction(
    id: i64,
    keputusan: String,
    alasan: Option<String>,
) -> Result<(), AppError> {
    let accept = match keputusan.as_str() {
        "terima" => true,
        "tolak" => false,
        _ => return Err(AppError::BadRequest("Pilih terima atau tolak.".into())),
    };
    let gate = crate::auth::guard::gate()?;
    async {
        let viewer = gate.viewer().await?;
        crate::services::self_service::corrections::decide(
            &viewer,
            id,
            accept,
            alasan.as_deref().unwrap_or_default(),
        )
        .await?;
        Ok(())
    }
    .await
    .map_err(AppError::respond)
}
