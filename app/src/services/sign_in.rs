//! Signing in and out: the credentials checked within the rate limits, the session replaced,
//! the sign-in recorded in the audit log.

use crate::api::accounts::Me;
use crate::auth::guard::Gate;
use crate::auth::identity::{self, normalise_username};
use crate::auth::{me, password, session};
use crate::domain::access::Principal;
use crate::error::AppError;
use crate::services::audit::{self, Change};
use std::time::Instant;

/// Checks the credentials (within the rate limits), replaces any session the browser
/// had with a new one, and records the sign-in. Returns the new session's token and
/// who signed in.
pub async fn sign_in(
    gate: &Gate,
    typed_username: &str,
    typed_password: String,
    address: &str,
    previous_token: Option<String>,
) -> Result<(String, Me), AppError> {
    let username = normalise_username(typed_username);
    let throttle = gate.throttle();
    if let Some(minutes) = throttle.blocked(&username, address, Instant::now()) {
        return Err(AppError::TooManyAttempts(minutes));
    }
    let pool = gate.sign_in_pool();
    let found = identity::credentials(pool, &username).await?;
    let (account, hash) = found.unzip();
    let matches = password::verify(typed_password, hash)
        .await
        .map_err(|error| {
            tracing::error!(%error, "password verification failed");
            AppError::Internal
        })?;
    let Some(account) = account.filter(|_| matches) else {
        throttle.fail(&username, address, Instant::now());
        return Err(AppError::InvalidCredentials);
    };
    throttle.succeed(&username);
    let principal = Principal {
        pegawai_id: account.pegawai_id,
        grants: identity::grants(pool, account.id).await?,
    };
    let mut tx = pool.begin().await?;
    if let Some(previous) = previous_token {
        session::revoke(&mut tx, &previous).await?;
    }
    let token = session::create(&mut tx, account.id)
        .await
        .map_err(|error| {
            tracing::error!(%error, "session not created");
            AppError::Internal
        })?;
    audit::record(
        &mut tx,
        Change {
            actor: &format!("akun:{}", account.username),
            instansi_id: principal.instansi_id(),
            action: "sesi.masuk",
            entity: "akun",
            entity_id: Some(account.username.clone()),
            before: None,
            after: Some(serde_json::json!({ "alamat": address })),
            reason: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok((token, me(&account, &principal)))
}

/// Ends the viewer's session.
pub async fn sign_out(gate: &Gate, token: &str) -> Result<(), AppError> {
    let mut tx = gate.sign_in_pool().begin().await?;
    session::revoke(&mut tx, token).await?;
    tx.commit().await?;
    Ok(())
}
