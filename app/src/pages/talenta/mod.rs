//! The talent office of an instansi, for BKPSDM and the komite talenta: `/talenta` (the
//! instansi at a glance), `/talenta/peta` (the talent map with its filters, kotak lists and
//! period comparison), `/talenta/kalibrasi` (the komite's calibration sessions),
//! `/talenta/audit` (its audit log) and `/talenta/koreksi` (the ASN's data-correction
//! requests, for BKPSDM). `?instansi=slug` chooses the instansi for
//! someone whose roles span several.

mod audit;
mod calibration;
mod corrections;
mod import;
mod map;
mod nav;
mod overview;
mod pool;
mod release;
mod spread;
mod succession;
mod unplaced;
mod widgets;

pub use audit::AuditPage;
pub use calibration::{CalibrateForm, CalibrationSessionPage, CalibrationSessionsPage};
pub use corrections::CorrectionsPage;
pub use import::ImportPage;
pub use map::TalentMapPage;
pub use overview::OverviewPage;
pub use pool::TalentPoolPage;
pub use release::ReleasePage;
pub use spread::SpreadPage;
pub use succession::{SuccessionPage, SuccessionPlanPage};
pub use unplaced::UnplacedListPage;

use crate::api::audit::AuditPageData;
use crate::api::calibration::{SessionList, SessionView};
use crate::api::intake::ImportTarget;
use crate::api::self_service::CorrectionView;
use crate::api::succession::{SuccessionOverview, SuccessionPlan};
use crate::api::talent::InstansiOverview;
use crate::api::talent_map::{
    Comparison, Distributions, MapFilter, PeoplePage, PeopleQuery, TalentMap, UnplacedPage,
    UnplacedQuery,
};
use crate::api::talent_pool::{PoolQuery, TalentPool};
#[cfg(feature = "ssr")]
use crate::auth::request::{as_viewer, in_instansi};
#[cfg(feature = "ssr")]
use crate::domain::access::Action;
use crate::error::AppError;
use leptos::prelude::*;

/// Headcount and 9-box distribution of the part of the instansi in the viewer's scope.
#[server(endpoint = "talenta/ringkasan")]
pub async fn get_instansi_overview(instansi: Option<String>) -> Result<InstansiOverview, AppError> {
    in_instansi(Action::ViewInstansi, instansi, async |scope| {
        Ok(crate::services::people::overview(scope).await?)
    })
    .await
}

/// How many entries a page of the audit log shows.
pub const AUDIT_PAGE_SIZE: i64 = 50;

/// The instansi's audit log, for BKPSDM and the komite of the whole instansi.
#[server(endpoint = "talenta/audit")]
pub async fn audit_log(
    instansi: Option<String>,
    sebelum: Option<i64>,
) -> Result<AuditPageData, AppError> {
    in_instansi(Action::ReadAudit, instansi, async |scope| {
        let mut entries = crate::store::audit::page(scope, sebelum, AUDIT_PAGE_SIZE + 1).await?;
        let older = (entries.len() as i64 > AUDIT_PAGE_SIZE)
            .then(|| entries.get(AUDIT_PAGE_SIZE as usize - 1).map(|e| e.seq))
            .flatten();
        entries.truncate(AUDIT_PAGE_SIZE as usize);
        let mut usernames: Vec<String> = entries
            .iter()
            .filter_map(|e| e.actor.strip_prefix("akun:").map(str::to_owned))
            .collect();
        usernames.sort();
        usernames.dedup();
        let actors = crate::store::audit::account_names(scope.pool(), &usernames).await?;
        Ok(AuditPageData {
            instansi: scope.name().to_owned(),
            slug: scope.slug().to_owned(),
            lines: entries,
            zone: scope.zone(),
            actors,
            older,
        })
    })
    .await
}

/// The correction requests of the people in the viewer's scope: waiting ones first.
#[server(endpoint = "talenta/koreksi")]
pub async fn correction_queue(instansi: Option<String>) -> Result<Vec<CorrectionView>, AppError> {
    in_instansi(Action::MaintainRecords, instansi, async |scope| {
        Ok(crate::services::self_service::corrections::queue(scope).await?)
    })
    .await
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
        _ => {
            return Err(AppError::bad_request(
                "pilih terima atau tolak.",
                "choose accept or reject.",
            )
            .respond())
        }
    };
    as_viewer(async |viewer| {
        crate::services::self_service::corrections::decide(
            viewer,
            id,
            accept,
            alasan.as_deref().unwrap_or_default(),
        )
        .await?;
        Ok(())
    })
    .await
}

/// The 9-box of the part of the instansi in the viewer's scope, with the filters applied.
#[server(endpoint = "talenta/peta")]
pub async fn get_talent_map(#[server(default)] filter: MapFilter) -> Result<TalentMap, AppError> {
    in_instansi(
        Action::ViewInstansi,
        filter.instansi.clone(),
        async |scope| Ok(crate::services::talent_map::map(scope, &filter).await?),
    )
    .await
}

/// One page of the people in a kotak of the filtered map.
#[server(endpoint = "talenta/peta/orang")]
pub async fn map_people(#[server(default)] query: PeopleQuery) -> Result<PeoplePage, AppError> {
    in_instansi(
        Action::ViewInstansi,
        query.filter.instansi.clone(),
        async |scope| Ok(crate::services::talent_map::people(scope, &query).await?),
    )
    .await
}

/// One page of the people of a period the 9-box does not hold, with what each lacks.
#[server(endpoint = "talenta/belum-terpetakan")]
pub async fn get_unplaced(
    #[server(default)] query: UnplacedQuery,
) -> Result<UnplacedPage, AppError> {
    in_instansi(
        Action::ViewInstansi,
        query.filter.instansi.clone(),
        async |scope| Ok(crate::services::unplaced::unplaced(scope, &query).await?),
    )
    .await
}

/// The filtered map spread per OPD (or the units under the chosen one) and per period.
#[server(endpoint = "talenta/sebaran")]
pub async fn get_distributions(
    #[server(default)] filter: MapFilter,
) -> Result<Distributions, AppError> {
    in_instansi(
        Action::ViewInstansi,
        filter.instansi.clone(),
        async |scope| Ok(crate::services::talent_map::distributions(scope, &filter).await?),
    )
    .await
}

/// Who moved up or down between period `dari` and the filter's period.
#[server(endpoint = "talenta/peta/banding")]
pub async fn compare_periods(
    #[server(default)] filter: MapFilter,
    dari: i32,
) -> Result<Comparison, AppError> {
    in_instansi(
        Action::ViewInstansi,
        filter.instansi.clone(),
        async |scope| Ok(crate::services::talent_map::compare(scope, &filter, dari).await?),
    )
    .await
}

/// The instansi's calibration sessions, for those who read the whole instansi.
#[server(endpoint = "talenta/kalibrasi")]
pub async fn calibration_sessions(instansi: Option<String>) -> Result<SessionList, AppError> {
    in_instansi(Action::ReadAudit, instansi, async |scope| {
        Ok(SessionList {
            instansi: scope.name().to_owned(),
            slug: scope.slug().to_owned(),
            zone: scope.zone(),
            periods: crate::store::filter::periods(scope).await?,
            sessions: crate::services::calibration::sessions(scope).await?,
            may_calibrate: scope.viewer_may(Action::Calibrate),
        })
    })
    .await
}

/// A session with its moves (and, once closed, the members present).
#[server(endpoint = "talenta/kalibrasi/sesi")]
pub async fn calibration_session(
    instansi: Option<String>,
    id: i64,
) -> Result<SessionView, AppError> {
    in_instansi(Action::ReadAudit, instansi, async |scope| {
        Ok(crate::services::calibration::session(scope, id).await?)
    })
    .await
}

/// The komite opens a session for a period; answers its id.
#[server(endpoint = "talenta/kalibrasi/buka")]
pub async fn open_calibration(
    instansi: Option<String>,
    periode: i32,
    nama: String,
) -> Result<i64, AppError> {
    in_instansi(Action::Calibrate, instansi, async |scope| {
        Ok(crate::services::calibration::open(scope, periode, &nama).await?)
    })
    .await
}

/// The komite moves a person to kotak `ke` in an open session, with a written reason.
#[server(endpoint = "talenta/kalibrasi/pindah")]
pub async fn calibrate(
    instansi: Option<String>,
    sesi: i64,
    nip: String,
    ke: u8,
    alasan: String,
) -> Result<(), AppError> {
    in_instansi(Action::Calibrate, instansi, async |scope| {
        Ok(crate::services::calibration::move_person(scope, sesi, &nip, ke, &alasan).await?)
    })
    .await
}

/// The komite closes a session with the members present (one per line) and, when the
/// secretariat has one, the minutes' reference number; it is then locked.
#[server(endpoint = "talenta/kalibrasi/tutup")]
pub async fn close_calibration(
    instansi: Option<String>,
    sesi: i64,
    anggota: String,
    #[server(default)] nomor: String,
) -> Result<(), AppError> {
    in_instansi(Action::Calibrate, instansi, async |scope| {
        Ok(crate::services::calibration::close(scope, sesi, &anggota, &nomor).await?)
    })
    .await
}

/// The talent pool (KRS) of a period: the proposals under the map's filters, one page.
#[server(endpoint = "talenta/krs")]
pub async fn get_talent_pool(#[server(default)] query: PoolQuery) -> Result<TalentPool, AppError> {
    in_instansi(
        Action::ViewInstansi,
        query.filter.instansi.clone(),
        async |scope| Ok(crate::services::talent_pool::pool(scope, &query).await?),
    )
    .await
}

/// A step on a person's KRS proposal: BKPSDM verifies (`langkah = "verifikasi"`), the komite
/// decides (`"tetapkan"` or `"tolak"`) under the decision reference `nomor`.
#[server(endpoint = "talenta/krs/langkah")]
pub async fn talent_pool_step(
    instansi: Option<String>,
    periode: i32,
    nip: String,
    langkah: String,
    nomor: Option<String>,
    catatan: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::talent_pool::Langkah;
    use crate::services::talent_pool::{action_for, step};
    // An unknown step is checked as the strictest, so that who asks is known before the
    // answer says what was wrong.
    let parsed = Langkah::from_code(&langkah);
    let action = parsed.map_or(Action::DecideTalentPool, action_for);
    in_instansi(action, instansi, async |scope| {
        let langkah = parsed.ok_or_else(|| {
            AppError::bad_request(
                "pilih verifikasi, tetapkan atau tolak.",
                "choose verify, confirm or reject.",
            )
        })?;
        Ok(step(
            scope,
            periode,
            &nip,
            langkah,
            nomor.as_deref().unwrap_or_default(),
            catatan.as_deref().unwrap_or_default(),
        )
        .await?)
    })
    .await
}

/// The key posts in the viewer's scope with their succession pipelines.
#[server(endpoint = "talenta/suksesi")]
pub async fn get_succession_overview(
    instansi: Option<String>,
) -> Result<SuccessionOverview, AppError> {
    in_instansi(Action::ViewInstansi, instansi, async |scope| {
        let today = crate::services::clock::today();
        Ok(crate::services::succession::overview(scope, today).await?)
    })
    .await
}

/// One key post's ranked candidates, with `banding` (up to three NIPs) side by side.
#[server(endpoint = "talenta/suksesi/jabatan")]
pub async fn get_succession_plan(
    instansi: Option<String>,
    kode: String,
    #[server(default)] banding: Vec<String>,
) -> Result<SuccessionPlan, AppError> {
    in_instansi(Action::ViewInstansi, instansi, async |scope| {
        let today = crate::services::clock::today();
        Ok(crate::services::succession::plan(scope, &kode, &banding, today).await?)
    })
    .await
}

/// Whether the viewer may import into the instansi, and which it is.
#[server(endpoint = "talenta/impor")]
pub async fn import_offer(instansi: Option<String>) -> Result<ImportTarget, AppError> {
    in_instansi(Action::ImportRecords, instansi, async |scope| {
        Ok(ImportTarget {
            instansi: scope.name().to_owned(),
            slug: scope.slug().to_owned(),
        })
    })
    .await
}
