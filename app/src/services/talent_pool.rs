//! The talent pool (KRS): everyone whose kotak in force is 7-9 in a period is proposed; the
//! steps taken on a proposal (BKPSDM's verification, the komite's decision with its
//! reference) are rows of `krs`, each written in one transaction with its audit entry. The
//! rules are `domain::talent_pool`.

use crate::api::talent_pool::{PoolQuery, TalentPool, POOL_PAGE_SIZE};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::duties::Decision;
use crate::domain::talent_pool::{self, Langkah, PoolError, Proposal, Tahap};
use crate::error::AppError;
use crate::i18n::{refusals, Lang};
use crate::services::audit::{self, Change};
use crate::services::clock::now_utc;
use crate::services::talent_map::unit_options;
use crate::store::filter::{page_count, periods, resolve_period, FilterError, Page};
use crate::store::krs::{self, Step};
use crate::store::{self, StoreError};
use serde_json::json;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum TalentPoolError {
    #[error(transparent)]
    Rule(#[from] PoolError),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("Tahap \"{0}\" tidak dikenal.")]
    UnknownTahap(String),
    #[error("Pegawai dengan NIP ini tidak ada dalam pemetaan periode {0}.")]
    NotPlaced(i32),
    #[error("Usulan ini baru saja diubah orang lain; muat ulang halaman lalu coba lagi.")]
    Changed,
    #[error(transparent)]
    Access(#[from] AppError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

impl From<TalentPoolError> for AppError {
    fn from(error: TalentPoolError) -> Self {
        match error {
            TalentPoolError::Filter(e) => e.into(),
            TalentPoolError::Access(e) => e,
            TalentPoolError::Database(e) => e.into(),
            refused => AppError::bad_request(refused.to_string(), refused.english()),
        }
    }
}

impl TalentPoolError {
    /// The error in English; its `Display` is the Indonesian.
    fn english(&self) -> String {
        match self {
            TalentPoolError::Rule(e) => refusals::pool_error(e, Lang::En),
            TalentPoolError::Filter(e) => e.english(),
            TalentPoolError::UnknownTahap(code) => format!("Unknown stage \"{code}\"."),
            TalentPoolError::NotPlaced(period) => {
                format!("No employee with this NIP is mapped in {period}.")
            }
            TalentPoolError::Changed => {
                "Someone else has just changed this proposal; reload the page and try again."
                    .to_owned()
            }
            TalentPoolError::Access(e) => e.message(Lang::En),
            TalentPoolError::Database(_) => "A database error.".to_owned(),
        }
    }
}

type Result<T> = std::result::Result<T, TalentPoolError>;

/// One page of the pool of a period, with the count per stage.
pub async fn pool(scope: &InstansiScope<'_>, query: &PoolQuery) -> Result<TalentPool> {
    select_pool(scope, query, Some(POOL_PAGE_SIZE)).await
}

/// The whole pool the query selects, on one page (for downloads).
pub async fn whole_pool(scope: &InstansiScope<'_>, query: &PoolQuery) -> Result<TalentPool> {
    select_pool(scope, query, None).await
}

async fn select_pool(
    scope: &InstansiScope<'_>,
    query: &PoolQuery,
    page_size: Option<u32>,
) -> Result<TalentPool> {
    let tahap = match query.tahap.as_deref() {
        None => None,
        Some(code) => Some(
            Tahap::from_code(code).ok_or_else(|| TalentPoolError::UnknownTahap(code.to_owned()))?,
        ),
    };
    let periods = periods(scope).await?;
    let period = resolve_period(&query.filter, &periods)?;
    let mut pool = TalentPool {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        periods,
        period,
        units: unit_options(scope).await?,
        per_tahap: [0; 4],
        nasional: 0,
        total: 0,
        halaman: 1,
        pages: 1,
        members: Vec::new(),
        may_verify: scope.viewer_may(Action::MaintainRecords),
        may_decide: scope.viewer_may(Action::DecideTalentPool),
    };
    let Some(period) = period else {
        return Ok(pool);
    };
    let mut c = krs::proposals(scope, &query.filter, period, query.cari.as_deref()).await?;
    for row in krs::stage_counts(scope, &c).await? {
        if let Some(i) = Tahap::ALL.iter().position(|t| t.code() == row.tahap) {
            pool.per_tahap[i] = row.proposals;
        }
        pool.nasional += row.nasional;
    }
    if let Some(tahap) = tahap {
        krs::at_stage(&mut c, tahap);
    }
    pool.total = match tahap {
        Some(t) => pool.per_tahap[Tahap::ALL.iter().position(|x| *x == t).unwrap_or(0)],
        None => pool.per_tahap.iter().sum(),
    };
    let page = match page_size {
        Some(size) => {
            pool.pages = page_count(pool.total, size);
            pool.halaman = query.halaman.clamp(1, pool.pages);
            Some(Page {
                size,
                number: pool.halaman,
            })
        }
        None => None,
    };
    pool.members = krs::members(scope, &c, page).await?;
    Ok(pool)
}

/// The action a step needs: BKPSDM verifies, the komite decides.
pub fn action_for(langkah: Langkah) -> Action {
    match langkah {
        Langkah::Verifikasi => Action::MaintainRecords,
        Langkah::Tetapkan | Langkah::Tolak => Action::DecideTalentPool,
    }
}

/// Takes `langkah` on the proposal of the person with this NIP in `period`.
pub async fn step(
    scope: &InstansiScope<'_>,
    period: i32,
    nip: &str,
    langkah: Langkah,
    reference: &str,
    note: &str,
) -> Result<()> {
    scope.require(action_for(langkah))?;
    let mut tx = store::begin(scope.pool()).await?;
    // Only people in the scope's units: a unit-narrowed BKPSDM verifies its own.
    let proposal = krs::proposal(&mut tx, scope, nip, period)
        .await?
        .ok_or(TalentPoolError::NotPlaced(period))?;
    scope.not_about_myself(Decision::TalentPoolStep, proposal.pegawai_id)?;
    let before = proposal.tahap;
    let decision = talent_pool::take(
        Proposal {
            tahap: before,
            kotak: proposal.kotak,
        },
        langkah,
        reference,
        note,
    )?;
    let (actor, at) = (scope.actor(), now_utc());
    let by = (actor.as_str(), at.as_str());
    let step = Step {
        decision: &decision,
        verified: (langkah == Langkah::Verifikasi).then_some(by),
        decided: (langkah != Langkah::Verifikasi).then_some(by),
    };
    let kotak_number = step.kotak();
    let id = match proposal.krs_id {
        None => krs::insert(&mut tx, scope, proposal.pegawai_id, period, &step)
            .await
            .map_err(|e| {
                if e.is_unique_violation() {
                    // Someone took the first step on this proposal meanwhile.
                    TalentPoolError::Changed
                } else {
                    e.into()
                }
            })?,
        Some(id) => {
            // Only from the stage read above: a step taken meanwhile by someone else wins.
            if krs::update(&mut tx, id, before, &step).await? != 1 {
                return Err(TalentPoolError::Changed);
            }
            id
        }
    };
    audit::record(
        &mut tx,
        Change {
            actor: &actor,
            instansi_id: Some(scope.instansi_id()),
            action: &format!("krs.{}", langkah.code()),
            entity: "krs",
            entity_id: Some(id.to_string()),
            before: Some(json!({ "nip": nip.trim(), "periode": period, "tahap": before.code() })),
            after: Some(json!({
                "nip": nip.trim(),
                "periode": period,
                "tahap": decision.tahap.code(),
                "kotak": kotak_number,
                "nasional": decision.nasional,
                "nomor_keputusan": decision.reference,
            })),
            reason: decision.note.as_deref(),
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok(())
}
