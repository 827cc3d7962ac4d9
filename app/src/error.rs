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
