//! The ASN's own pages and what their atasan and BKPSDM do with them: the kotak explained,
//! the development plan, the career path, the 20 JP and data corrections.
//!
//! Every function takes a scope token from the guard (`auth::guard`); writes about oneself
//! take the [`OwnScope`](crate::auth::guard::OwnScope) only the viewer's own record gives.

pub mod career;
pub mod corrections;
pub mod explanation;
pub mod idp;
pub mod training;

use crate::auth::guard::PersonScope;
use crate::domain::calendar::Date;
use crate::domain::correction::CorrectionError;
use crate::domain::idp::IdpError;
use crate::error::AppError;
use crate::i18n::{refusals, request_lang};
use crate::services::audit::{self, Change};
use crate::store::{self, Conn, StoreError, Tx};
use serde_json::Value;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SelfServiceError {
    #[error(transparent)]
    Idp(#[from] IdpError),
    #[error(transparent)]
    Correction(#[from] CorrectionError),
    /// A refusal, in Bahasa Indonesia and in English.
    #[error("{0}")]
    Refused(&'static str, &'static str),
    #[error("data yang diminta tidak ditemukan")]
    NotFound,
    #[error(transparent)]
    Access(#[from] AppError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
    #[error("data tersimpan tidak dapat dibaca: {0}")]
    Corrupt(#[from] serde_json::Error),
}

/// "This year" on a page about an ASN (domain.md §10): their instansi's period in force, the
/// newest scored or opened, never past `today`'s year (a trial scoring of a later period moves
/// nobody's year); before any, the year of `today`. SKP, 20 JP and IDP follow it.
pub async fn period_in_force(
    conn: &mut Conn,
    instansi_id: i64,
    today: Date,
) -> Result<i32, SelfServiceError> {
    Ok(
        store::placements::newest_period(conn, instansi_id, today.year())
            .await?
            .unwrap_or(today.year()),
    )
}

/// The period in force for `scope`'s instansi today: the year the person's pages judge.
pub async fn this_year(scope: &PersonScope<'_>) -> Result<i32, SelfServiceError> {
    let mut conn = store::acquire(scope.pool()).await?;
    period_in_force(
        &mut conn,
        scope.instansi_id(),
        crate::services::clock::today(),
    )
    .await
}

impl From<SelfServiceError> for AppError {
    fn from(error: SelfServiceError) -> Self {
        match error {
            SelfServiceError::Idp(e) => {
                AppError::BadRequest(refusals::idp_error(&e, request_lang()))
            }
            SelfServiceError::Correction(e) => {
                AppError::BadRequest(refusals::correction_error(&e, request_lang()))
            }
            SelfServiceError::Refused(id, en) => AppError::bad_request(id, en),
            SelfServiceError::NotFound => AppError::NotFound,
            SelfServiceError::Access(e) => e,
            SelfServiceError::Database(e) => e.into(),
            SelfServiceError::Corrupt(e) => {
                tracing::error!(error = %e, "stored self-service data unreadable");
                AppError::Internal
            }
        }
    }
}

/// The audit entry of one self-service write.
struct Entry<'a> {
    action: &'a str,
    entity: &'a str,
    entity_id: i64,
    before: Option<Value>,
    after: Option<Value>,
    reason: Option<&'a str>,
}

impl<'a> Entry<'a> {
    fn new(action: &'a str, entity: &'a str, entity_id: i64) -> Self {
        Entry {
            action,
            entity,
            entity_id,
            before: None,
            after: None,
            reason: None,
        }
    }

    fn before(self, state: Value) -> Self {
        Entry {
            before: Some(state),
            ..self
        }
    }

    fn after(self, state: Value) -> Self {
        Entry {
            after: Some(state),
            ..self
        }
    }

    fn reason(self, reason: Option<&'a str>) -> Self {
        Entry { reason, ..self }
    }
}

/// Files `entry` in the audit log under the person's instansi, in the write's own
/// transaction, and commits both.
async fn commit(
    mut tx: Tx<'_>,
    scope: &PersonScope<'_>,
    entry: Entry<'_>,
) -> Result<(), SelfServiceError> {
    audit::record(
        &mut tx,
        Change {
            actor: &scope.actor(),
            instansi_id: Some(scope.instansi_id()),
            action: entry.action,
            entity: entry.entity,
            entity_id: Some(entry.entity_id.to_string()),
            before: entry.before,
            after: entry.after,
            reason: entry.reason,
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok(())
}

/// The yearly JP target of the instansi's parameter version in force, or of the default set
/// when it has none yet: what the 20 JP progress and the data completeness measure against.
pub(crate) async fn jp_target(conn: &mut Conn, instansi_id: i64) -> Result<f64, SelfServiceError> {
    Ok(crate::services::parameters::current(conn, instansi_id)
        .await?
        .map_or_else(crate::domain::scoring::ParameterSet::bkn_2025, |p| p.rules)
        .score_maps
        .jp_target)
}
