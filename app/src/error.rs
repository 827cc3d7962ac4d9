//! The error every server function returns. The browser only ever sees these messages, in
//! Bahasa Indonesia; causes (database errors and the like) are logged on the server and never
//! sent.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("Data yang diminta tidak ditemukan.")]
    NotFound,
    #[error("Permintaan tidak valid: {0}")]
    BadRequest(String),
    #[error("Silakan masuk terlebih dahulu.")]
    Unauthenticated,
    #[error("Anda tidak berwenang membuka data ini.")]
    Forbidden,
    /// The same message for an unknown user and a wrong password.
    #[error("NIP/nama pengguna atau kata sandi salah.")]
    InvalidCredentials,
    #[error("Kata sandi Anda harus diganti sebelum melanjutkan.")]
    PasswordChangeRequired,
    #[error("Terlalu banyak percobaan masuk. Coba lagi dalam {0} menit.")]
    TooManyAttempts(u32),
    #[error("Terjadi gangguan pada server. Silakan coba beberapa saat lagi.")]
    Internal,
    #[error("Gagal menghubungi server. Periksa koneksi Anda lalu coba lagi.")]
    Communication,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => {
                AppError::BadRequest(message)
            }
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Communication,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::PasswordChangeRequired => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal | AppError::Communication => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Sets this error's status on the response being built, for server functions and pages.
    pub fn respond(self) -> Self {
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(self.status());
        }
        self
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::RowNotFound => AppError::NotFound,
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}
