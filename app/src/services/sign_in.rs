//! Signing in and out: the credentials checked within the rate limits, the session replaced,
//! the sign-in recorded in the audit log.

use crate::api::accounts::Me;
use crate::auth::guard::Gate;
use crate::auth::identity::normalise_username;
use crate::auth::password::{self, PasswordError};
use crate::auth::throttle::{self, Verdict};
use crate::auth::{me, session};
use crate::domain::access::Principal;
use crate::error::AppError;
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::store::{self, accounts};

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
    if username.chars().count() > throttle::MAX_USERNAME_CHARS {
        return Err(AppError::InvalidCredentials);
    }
    let pool = gate.sign_in_pool();
    if let Verdict::Wait(minutes) =
        throttle::reserve(pool, &username, address, clock::now_millis()).await?
    {
        return Err(AppError::TooManyAttempts(minutes));
    }
    let found = accounts::credentials(pool, &username).await?;
    let (account, hash) = found.unzip();
    let matches = match password::verify(typed_password, hash).await {
        Ok(matches) => matches,
        Err(PasswordError::Busy) => {
            throttle::not_checked(pool, &username, address).await?;
            return Err(AppError::Busy);
        }
        Err(error) => {
            tracing::error!(%error, "password verification failed");
            return Err(AppError::Internal);
        }
    };
    let Some(account) = account.filter(|_| matches) else {
        return Err(AppError::InvalidCredentials);
    };
    throttle::succeeded(pool, &username, address, clock::now_millis()).await?;
    let principal = Principal {
        pegawai_id: account.pegawai_id,
        grants: accounts::grants(pool, account.id).await?,
    };
    let mut tx = store::begin(pool).await?;
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
    store::commit(tx).await?;
    Ok((token, me(&account, &principal)))
}

/// Ends the viewer's session.
pub async fn sign_out(gate: &Gate, token: &str) -> Result<(), AppError> {
    let mut tx = store::begin(gate.sign_in_pool()).await?;
    session::revoke(&mut tx, token).await?;
    store::commit(tx).await?;
    Ok(())
}
