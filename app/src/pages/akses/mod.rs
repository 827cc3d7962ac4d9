//! Signing in and out, and changing one's password: `/masuk`, `/akun/sandi`.

mod change_password;
mod sign_in;

pub use change_password::ChangePasswordPage;
pub use sign_in::SignInPage;

use crate::api::accounts::Me;
use crate::error::AppError;
use leptos::prelude::*;

/// Who is signed in, or `None`.
#[server(endpoint = "akun/saya")]
pub async fn current_account() -> Result<Option<Me>, AppError> {
    let gate = crate::auth::guard::gate()?;
    Ok(gate
        .session()
        .await
        .map_err(AppError::respond)?
        .map(|viewer| viewer.me()))
}

/// Checks the credentials, starts a new session and sends the browser to its home page (or
/// back to the page that asked for a sign-in).
#[server(endpoint = "masuk")]
pub async fn sign_in(
    nama_pengguna: String,
    kata_sandi: String,
    kembali: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::guard;
    use crate::services::sign_in::sign_in;
    let gate = guard::gate()?;
    let previous = guard::session_token();
    let (token, me) = sign_in(
        &gate,
        &nama_pengguna,
        kata_sandi,
        &gate.client_address(),
        previous,
    )
    .await
    .map_err(AppError::respond)?;
    crate::auth::set_session_cookie(Some(&token));
    let target = if me.must_change_password {
        "/akun/sandi"
    } else {
        crate::auth::safe_return(kembali.as_deref()).unwrap_or(&me.home)
    };
    leptos_axum::redirect(target);
    Ok(())
}

/// Ends the session and returns to the public front page.
#[server(endpoint = "keluar")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::auth::guard;
    use crate::services::sign_in::sign_out;
    let gate = guard::gate()?;
    if let Some(token) = guard::session_token() {
        sign_out(&gate, &token).await.map_err(AppError::respond)?;
    }
    crate::auth::set_session_cookie(None);
    leptos_axum::redirect("/");
    Ok(())
}

/// Changes the signed-in person's password (also when a reset forces them to) and keeps
/// them signed in with a fresh session; every other session of the account ends.
#[server(endpoint = "akun/ganti-sandi")]
pub async fn change_password(
    sandi_lama: String,
    sandi_baru: String,
    sandi_ulang: String,
) -> Result<(), AppError> {
    use crate::auth::guard;
    let gate = guard::gate()?;
    let viewer = gate
        .session()
        .await?
        .ok_or(AppError::Unauthenticated)
        .map_err(AppError::respond)?;
    if sandi_baru != sandi_ulang {
        return Err(AppError::bad_request(
            "kata sandi baru dan ulangannya berbeda.",
            "the new password and its repetition differ.",
        )
        .respond());
    }
    let token = crate::services::accounts::change_own_password(&viewer, sandi_lama, &sandi_baru)
        .await
        .map_err(|error| AppError::from(error).respond())?;
    crate::auth::set_session_cookie(Some(&token));
    leptos_axum::redirect(&viewer.me().home);
    Ok(())
}
