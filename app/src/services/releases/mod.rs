//! Releases ("rilis", domain.md §11): BKPSDM publishes a period once it is scored and every
//! calibration session of it is closed. The tables are computed once from live rows, protected
//! and audited against every earlier version of the period, and stored frozen with their true
//! counts. Everything public about an instansi's ASN reads releases only.

pub mod counts;
pub mod national;

use crate::api::talent_picture::{
    sum, AuditedCell, PeriodDistribution, PeriodOffer, ReleaseInfo, ReleaseOffice, ReleaseTables,
    TalentPicture, NOT_MAPPED,
};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::disclosure::{
    protect_release, Audited, Disclosed, DisclosedTable, DisclosureError, Earlier, Linked, Member,
};
use crate::domain::local_time::Zone;
use crate::domain::release::{self, check_ready, NotReady, PeriodState, ReleaseCounts};
use crate::error::AppError;
use crate::i18n::refusals;
use crate::services::audit::{self, Change};
use crate::services::clock::now_utc;
use crate::store::releases::{NewRelease, StoredRelease};
use crate::store::{self, Pool, StoreError};
use serde_json::json;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReleaseError {
    #[error(transparent)]
    NotReady(#[from] NotReady),
    #[error(transparent)]
    Disclosure(#[from] DisclosureError),
    /// Someone else published the same version a moment ago.
    #[error("versi ini baru saja diterbitkan orang lain")]
    Concurrent,
    #[error(transparent)]
    Access(#[from] AppError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
    #[error("rilis tersimpan tidak dapat dibaca: {0}")]
    Corrupt(#[from] serde_json::Error),
}

impl From<ReleaseError> for AppError {
    fn from(error: ReleaseError) -> Self {
        match error {
            ReleaseError::NotReady(e) => {
                AppError::BadRequest(refusals::release_not_ready(&e, crate::i18n::request_lang()))
            }
            ReleaseError::Disclosure(DisclosureError::Exposed {
                publication,
                member,
            }) => AppError::BadRequest(refusals::release_exposed(
                publication,
                &member,
                crate::i18n::request_lang(),
            )),
            ReleaseError::Concurrent => AppError::bad_request(
                "Versi ini baru saja diterbitkan orang lain. Muat ulang halaman.",
                "Someone else has just published this version. Reload the page.",
            ),
            ReleaseError::Access(e) => e,
            ReleaseError::Database(e) => e.into(),
            ReleaseError::Disclosure(e) => {
                tracing::error!(error = %e, "release could not be protected");
                AppError::Internal
            }
            ReleaseError::Corrupt(e) => {
                tracing::error!(error = %e, "stored release unreadable");
                AppError::Internal
            }
        }
    }
}

type Result<T> = std::result::Result<T, ReleaseError>;

/// A published version and the audit of every "<5" it and earlier versions show.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    pub release: ReleaseInfo,
    pub audit: Vec<AuditedCell>,
}

/// Publishes the scope's `period`: a new version, with `note` saying why when it is not the
/// first. One transaction with its audit entry.
pub async fn publish(scope: &InstansiScope<'_>, period: i32, note: &str) -> Result<Publication> {
    scope.require(Action::PublishRelease)?;
    let instansi_id = scope.instansi_id();
    let note = note.trim();
    let mut tx = store::begin(scope.pool()).await?;
    let facts = store::releases::period_facts(&mut tx, instansi_id, period).await?;
    check_ready(
        PeriodState {
            period,
            placements: facts.placements,
            open_sessions: facts.open_sessions,
            versions: facts.versions,
        },
        note,
    )?;
    let counts = counts::of_period(&mut tx, instansi_id, period).await?;
    let earlier = store::releases::earlier_of_period(&mut tx, instansi_id, period)
        .await?
        .into_iter()
        .map(|e| {
            Ok((
                serde_json::from_str::<ReleaseCounts>(&e.counts)?,
                serde_json::from_str::<ReleaseTables>(&e.tables)?,
                e.version,
                e.parameter_version,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    let (protected, audited) = protect(&counts, &earlier)?;
    let parameter_version = facts.parameter_version.unwrap_or(0);
    let changes = release::changes(
        earlier
            .last()
            .map(|(_, t, _, p)| (&t.opd[..], published_kotak(t), *p)),
        (
            &protected.opd[..],
            published_kotak(&protected),
            parameter_version,
        ),
    );
    let info = ReleaseInfo {
        period,
        version: i64::try_from(facts.versions).unwrap_or(i64::MAX) + 1,
        published_at: now_utc(),
        publisher: scope.viewer_name().to_owned(),
        data_as_of: facts.data_as_of.unwrap_or_else(now_utc),
        parameter_version,
        note: note.to_owned(),
        changes,
    };
    let versions: Vec<i64> = earlier.iter().map(|(_, _, v, _)| *v).collect();
    let audit: Vec<AuditedCell> = audit_cells(&audited, &versions);
    let actor = scope.actor();
    let id = store::releases::insert(
        &mut tx,
        &NewRelease {
            instansi_id,
            period,
            version: info.version,
            published_at: &info.published_at,
            published_by: &actor,
            publisher_name: &info.publisher,
            data_as_of: &info.data_as_of,
            parameter_version,
            note,
            changes: &serde_json::to_string(&info.changes)?,
            counts: &serde_json::to_string(&counts)?,
            tables: &serde_json::to_string(&protected)?,
            audit: &serde_json::to_string(&audit)?,
        },
    )
    .await
    .map_err(|e| {
        if e.is_unique_violation() {
            ReleaseError::Concurrent
        } else {
            e.into()
        }
    })?;
    audit::record(
        &mut tx,
        Change {
            actor: &actor,
            instansi_id: Some(instansi_id),
            action: "rilis.terbit",
            entity: "rilis",
            entity_id: Some(id.to_string()),
            before: None,
            after: Some(json!({
                "periode": period,
                "versi": info.version,
                "versi_parameter": parameter_version,
                "data_per": info.data_as_of,
            })),
            reason: (!note.is_empty()).then_some(note),
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok(Publication {
        release: info,
        audit,
    })
}

/// Whether the newest version of `period` already reflects its data: same newest scoring or
/// calibration, same parameter version. `false` when nothing is published yet.
pub async fn is_current(scope: &InstansiScope<'_>, period: i32) -> Result<bool> {
    scope.require(Action::PublishRelease)?;
    let instansi_id = scope.instansi_id();
    let mut conn = store::acquire(scope.pool()).await?;
    let facts = store::releases::period_facts(&mut conn, instansi_id, period).await?;
    let releases = store::releases::of_instansi(&mut conn, instansi_id).await?;
    Ok(releases
        .iter()
        .find(|r| r.period == period)
        .is_some_and(|newest| {
            Some(&newest.data_as_of) == facts.data_as_of.as_ref()
                && Some(newest.parameter_version) == facts.parameter_version
        }))
}

/// An earlier version: its counts, what it published, its version and parameter version.
type EarlierVersion = (ReleaseCounts, ReleaseTables, i64, i64);

/// The period's tables protected against themselves and every earlier version, and the
/// audit of every "<5" in them all.
fn protect(
    counts: &ReleaseCounts,
    earlier: &[EarlierVersion],
) -> Result<(ReleaseTables, Vec<Audited>)> {
    let tables: Vec<[&[Vec<u64>]; 2]> = earlier
        .iter()
        .map(|(c, _, _, _)| [&c.kotak[..], &c.training[..]])
        .collect();
    let published: Vec<[DisclosedTable; 2]> = earlier
        .iter()
        .map(|(_, t, _, _)| [t.kotak.clone(), t.training.clone()])
        .collect();
    let earlier: Vec<Earlier<'_>> = earlier
        .iter()
        .zip(&tables)
        .zip(&published)
        .map(|(((c, _, _, _), tables), published)| Earlier {
            counts: Linked {
                rows: &c.opd,
                tables,
            },
            published,
        })
        .collect();
    let protected = protect_release(
        Linked {
            rows: &counts.opd,
            tables: &[&counts.kotak, &counts.training],
        },
        &earlier,
    )?;
    let mut tables = protected.tables;
    let (Some(training), Some(kotak)) = (tables.pop(), tables.pop()) else {
        return Err(ReleaseError::Access(AppError::Internal));
    };
    let tables = ReleaseTables {
        opd: counts.opd.clone(),
        kotak,
        training,
        jp_target: counts.jp_target,
    };
    Ok((tables, protected.audit))
}

/// The instansi-wide kotak 1-9 totals a release publishes.
pub(crate) fn published_kotak(tables: &ReleaseTables) -> &[Disclosed] {
    tables
        .kotak
        .column_totals
        .get(..NOT_MAPPED)
        .unwrap_or_default()
}

/// The audit in the terms of the tables: which OPD, table and column.
fn audit_cells(audit: &[Audited], versions: &[i64]) -> Vec<AuditedCell> {
    audit
        .iter()
        .map(|a| {
            let (opd, table, column) = match &a.member {
                Member::Cell { table, row, column } => {
                    (Some(row.clone()), Some(*table), Some(*column))
                }
                Member::RowTotal { row } => (Some(row.clone()), None, None),
                Member::ColumnTotal { table, column } => (None, Some(*table), Some(*column)),
                Member::Total => (None, None, None),
            };
            AuditedCell {
                earlier_version: a.publication.and_then(|i| versions.get(i).copied()),
                opd,
                table,
                column,
                smallest: a.smallest,
                largest: a.largest,
            }
        })
        .collect()
}

/// The release as the public sees it.
fn info(release: &StoredRelease) -> Result<ReleaseInfo> {
    Ok(ReleaseInfo {
        period: release.period,
        version: release.version,
        published_at: release.published_at.clone(),
        publisher: release.publisher_name.clone(),
        data_as_of: release.data_as_of.clone(),
        parameter_version: release.parameter_version,
        note: release.note.clone(),
        changes: serde_json::from_str(&release.changes)?,
    })
}

/// The public picture of the instansi `slug`: `period` (the newest published when `None` or
/// unpublished) in `version` (the newest when `None` or unknown), or `None` when the
/// instansi is unknown or has published nothing.
pub async fn picture(
    pool: &Pool,
    slug: &str,
    period: Option<i32>,
    version: Option<i64>,
) -> Result<Option<TalentPicture>> {
    let mut conn = store::acquire(pool).await?;
    let Some(store::talent_picture::PictureInstansi {
        id: instansi_id,
        name: instansi,
        province,
    }) = store::talent_picture::instansi(&mut conn, slug).await?
    else {
        return Ok(None);
    };
    let releases = store::releases::of_instansi(&mut conn, instansi_id).await?;
    let mut periods: Vec<i32> = releases.iter().map(|r| r.period).collect();
    periods.dedup();
    let Some(period) = period
        .filter(|p| periods.contains(p))
        .or(periods.first().copied())
    else {
        return Ok(None);
    };
    let of_period: Vec<&StoredRelease> = releases.iter().filter(|r| r.period == period).collect();
    let Some(shown) = version
        .and_then(|v| of_period.iter().find(|r| r.version == v))
        .or(of_period.first())
    else {
        return Ok(None);
    };
    let tables: ReleaseTables = serde_json::from_str(&shown.tables)?;
    let mut by_period = Vec::with_capacity(periods.len());
    for p in &periods {
        // The period shown as the version shown; every other as its newest version.
        let release = match *p == period {
            true => Some(*shown),
            false => releases.iter().find(|r| r.period == *p),
        };
        if let Some(release) = release {
            let release: ReleaseTables = serde_json::from_str(&release.tables)?;
            let per_kotak = published_kotak(&release).to_vec();
            let mapped = Disclosed::derived(sum(&per_kotak));
            by_period.push(PeriodDistribution {
                period: *p,
                per_kotak,
                mapped,
            });
        }
    }
    Ok(Some(TalentPicture {
        slug: slug.to_owned(),
        instansi,
        zone: Zone::of_province(&province),
        period,
        periods,
        release: info(shown)?,
        versions: of_period.iter().map(|r| info(r)).collect::<Result<_>>()?,
        opd: tables.opd,
        kotak: tables.kotak,
        training: tables.training,
        jp_target: tables.jp_target,
        by_period,
    }))
}

/// The publisher's page: every scored period with what stands in its way and its versions.
pub async fn office(scope: &InstansiScope<'_>) -> Result<ReleaseOffice> {
    scope.require(Action::PublishRelease)?;
    let instansi_id = scope.instansi_id();
    let mut conn = store::acquire(scope.pool()).await?;
    let releases = store::releases::of_instansi(&mut conn, instansi_id).await?;
    let mut periods = Vec::new();
    for period in store::releases::scored_periods(&mut conn, instansi_id).await? {
        let facts = store::releases::period_facts(&mut conn, instansi_id, period).await?;
        let of_period: Vec<&StoredRelease> =
            releases.iter().filter(|r| r.period == period).collect();
        let audit = match of_period.first() {
            Some(newest) => serde_json::from_str(&newest.audit)?,
            None => Vec::new(),
        };
        periods.push(PeriodOffer {
            period,
            placements: facts.placements,
            open_sessions: facts.open_sessions,
            versions: of_period.iter().map(|r| info(r)).collect::<Result<_>>()?,
            audit,
        });
    }
    Ok(ReleaseOffice {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        periods,
    })
}
