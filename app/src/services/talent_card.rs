//! A person's talent card, for their atasan, BKPSDM and the komite: position, every score
//! component with its source, kotak history, recommendations, data completeness, and the
//! calibrations made, with the calibration controls where the viewer is the komite.

use crate::api::talent_card::{CalibrationOffer, TalentCard};
use crate::auth::guard::PersonScope;
use crate::domain::access::Action;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::services::clock::today;
use crate::services::{calibration, people, self_service};

/// The card, with the values on record written in `lang`.
pub async fn card(scope: &PersonScope<'_>, lang: Lang) -> Result<TalentCard, AppError> {
    let today = today();
    let record = people::talent_record(scope).await?;
    let year = self_service::this_year(scope).await?;
    let explanation = self_service::explanation::explain(scope, year).await?;
    let data = self_service::corrections::my_data(scope, today, lang).await?;
    let calibrations = calibration::of_person(scope.pool(), scope.pegawai_id()).await?;
    let latest = record
        .placements
        .first()
        .filter(|p| p.kotak.is_some())
        .map(|p| p.period);
    let calibration = match latest {
        Some(period) if scope.viewer_may_in_instansi(Action::Calibrate) => Some(CalibrationOffer {
            period,
            session: calibration::open_session(scope.pool(), scope.instansi_id(), period).await?,
        }),
        _ => None,
    };
    Ok(TalentCard {
        record,
        explanation,
        data,
        calibrations,
        calibration,
    })
}
