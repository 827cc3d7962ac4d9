//! Reading people's talent records. Every function takes a scope token from the guard
//! (`auth::guard`): the check that the viewer may see this person, team or part of an
//! instansi happened before the token existed.

use crate::api::talent::{InstansiOverview, PersonSummary, TalentRecord};
use crate::auth::guard::{InstansiScope, PersonScope, TeamScope};
use crate::store::people;
use crate::store::StoreError;

/// A person's record and their placements in force, newest period first.
pub async fn talent_record(scope: &PersonScope<'_>) -> Result<TalentRecord, StoreError> {
    let (person, instansi) = people::person(scope).await?;
    let placements = people::placements(scope).await?;
    Ok(TalentRecord {
        person,
        instansi,
        placements,
    })
}

/// An atasan's direct reports, by name.
pub async fn team(scope: &TeamScope<'_>) -> Result<Vec<PersonSummary>, StoreError> {
    people::team(scope).await
}

/// Headcount and 9-box distribution of the latest scored period, for the part of the
/// instansi in scope.
pub async fn overview(scope: &InstansiScope<'_>) -> Result<InstansiOverview, StoreError> {
    let pegawai = people::headcount(scope).await?;
    let distribution = people::distribution(scope).await?;
    let mut overview = InstansiOverview {
        slug: scope.slug().to_owned(),
        name: scope.name().to_owned(),
        whole_instansi: scope.units().is_none(),
        pegawai,
        period: None,
        per_kotak: [0; 9],
        not_placed: 0,
    };
    for count in distribution {
        overview.period = i32::try_from(count.period).ok();
        match count.kotak.and_then(|k| usize::try_from(k).ok()) {
            Some(k @ 1..=9) => overview.per_kotak[k - 1] += count.n,
            _ => overview.not_placed += count.n,
        }
    }
    Ok(overview)
}
