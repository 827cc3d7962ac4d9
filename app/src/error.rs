//! The error every server function returns, and the error policy of the layers under it.
//!
//! - **Domain** (`domain/`): one `thiserror` enum per rule set (`ScoringError`, `NipError`,
//!   `CalibrationError`, …). Pure values that say which rule failed and with what; no I/O,
//!   no wording for a page.
//! - **Services** (`services/`, `auth/`): one enum per service (`IntakeError`,
//!   `AccountError`, `CalibrationServiceError`, …) wrapping the domain's errors and
//!   the store's `StoreError` (`store/`, the only layer that talks to the database). Each converts into [`AppError`] (`From`), which decides what a person
//!   may learn: a refused rule becomes [`AppError::BadRequest`] with its reason in the
//!   reader's language; a database or other internal failure is logged (`tracing`) with its
//!   cause and becomes [`AppError::Internal`], whose message says nothing of it.
//! - **Server functions and pages**: [`AppError`] only. Its [`AppError::message`] is all the
//!   browser ever sees, in the reader's language, with [`AppError::status`] as the HTTP
//!   status (a refusal is a 4xx, never a 200 with an error inside).
//! - **The server binary** (`server/`): each CLI command has its own enum, printed to the
//!   operator in Bahasa Indonesia; the HTTP layer answers with an `AppError`'s status and
//!   message, logging the cause.

use crate::i18n::count::MENIT;
use crate::i18n::Lang;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum AppError {
    NotFound,
    /// The detail says what was wrong, already in the reader's language
    /// ([`AppError::bad_request`]); it is the whole message.
    BadRequest(String),
    /// A request whose fields did not decode (a missing or malformed argument): no page
    /// form sends one, so its detail is the decoder's, after a sentence that says so.
    Malformed(String),
    Unauthenticated,
    Forbidden,
    /// Refused by the separation of duties; the detail says why, in the reader's language.
    SeparationOfDuties(String),
    /// The same message for an unknown user and a wrong password.
    InvalidCredentials,
    PasswordChangeRequired,
    /// Minutes to wait.
    TooManyAttempts(u32),
    /// More work of one kind (password checks) than the server takes at once: try again.
    Busy,
    Internal,
    Communication,
}

impl AppError {
    /// The message for a person, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::NotFound => lang
                .pick(
                    "Data yang diminta tidak ditemukan.",
                    "The requested data was not found.",
                )
                .to_owned(),
            AppError::BadRequest(detail) => as_sentence(detail),
            AppError::Malformed(detail) => lang.pick(
                format!("Permintaan tidak valid: {detail}"),
                format!("Invalid request: {detail}"),
            ),
            AppError::Unauthenticated => lang
                .pick("Silakan masuk terlebih dahulu.", "Please sign in first.")
                .to_owned(),
            AppError::Forbidden => lang
                .pick(
                    "Anda tidak berwenang membuka data ini.",
                    "You are not allowed to open this data.",
                )
                .to_owned(),
            AppError::SeparationOfDuties(detail) => detail.clone(),
            AppError::InvalidCredentials => lang
                .pick(
                    "NIP/nama pengguna atau kata sandi salah.",
                    "Wrong NIP/user name or password.",
                )
                .to_owned(),
            AppError::PasswordChangeRequired => lang
                .pick(
                    "Kata sandi Anda harus diganti sebelum melanjutkan.",
                    "You must change your password before going on.",
                )
                .to_owned(),
            AppError::TooManyAttempts(minutes) => {
                let minutes = lang.count(*minutes, MENIT);
                lang.pick(
                    format!("Terlalu banyak percobaan masuk. Coba lagi dalam {minutes}."),
                    format!("Too many sign-in attempts. Try again in {minutes}."),
                )
            }
            AppError::Busy => lang
                .pick(
                    "Server sedang melayani banyak permintaan masuk. Coba lagi sebentar lagi.",
                    "The server is handling many sign-ins right now. Please try again shortly.",
                )
                .to_owned(),
            AppError::Internal => lang
                .pick(
                    "Terjadi gangguan pada server. Silakan coba beberapa saat lagi.",
                    "The server ran into a problem. Please try again in a moment.",
                )
                .to_owned(),
            AppError::Communication => lang
                .pick(
                    "Gagal menghubungi server. Periksa koneksi Anda lalu coba lagi.",
                    "Could not reach the server. Check your connection and try again.",
                )
                .to_owned(),
        }
    }
}

/// A refusal's detail as a sentence of its own: a capital first letter and a full stop.
/// Details are also written as clauses for longer texts ("Baris 4: …"), so they may lack both.
fn as_sentence(detail: &str) -> String {
    let detail = detail.trim();
    let mut chars = detail.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut sentence: String = first.to_uppercase().chain(chars).collect();
    if !sentence.ends_with(['.', '!', '?']) {
        sentence.push('.');
    }
    sentence
}

/// In Bahasa Indonesia, the default language: for logs, data files and the office pages.
impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Id))
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => {
                AppError::Malformed(message)
            }
            // On the server, a JSON body that does not decode is the caller's mistake; in the
            // browser the same error means an answer that did not decode, which is ours.
            ServerFnErrorErr::Deserialization(message) if cfg!(feature = "ssr") => {
                AppError::Malformed(message)
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
            AppError::BadRequest(_) | AppError::Malformed(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated | AppError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden
            | AppError::PasswordChangeRequired
            | AppError::SeparationOfDuties(_) => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal | AppError::Communication => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A decision refused by the separation of duties, worded for the reader who asked.
    pub fn conflict(conflict: crate::domain::duties::Conflict) -> Self {
        AppError::SeparationOfDuties(crate::i18n::refusals::conflict(
            conflict,
            crate::i18n::request_lang(),
        ))
    }

    /// A bad request, its detail in the language of the reader who asked.
    pub fn bad_request(id: impl Into<String>, en: impl Into<String>) -> Self {
        Self::bad_request_in(crate::i18n::request_lang(), id, en)
    }

    /// A bad request, its detail in `lang`: for handlers outside Leptos, which read the
    /// language from the request's headers themselves.
    pub fn bad_request_in(lang: Lang, id: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::BadRequest(lang.pick(id.into(), en.into()))
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
impl From<crate::store::StoreError> for AppError {
    fn from(error: crate::store::StoreError) -> Self {
        if error.is_not_found() {
            return AppError::NotFound;
        }
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_reads_as_its_own_sentence_without_a_prefix() {
        let refused = AppError::BadRequest("kata sandi baru dan ulangannya berbeda".into());
        assert_eq!(
            refused.message(Lang::Id),
            "Kata sandi baru dan ulangannya berbeda."
        );
        let whole = AppError::BadRequest("Isi JP lebih dari 0.".into());
        assert_eq!(whole.message(Lang::En), "Isi JP lebih dari 0.");
        let malformed = AppError::Malformed("missing field `periode`".into());
        assert_eq!(
            malformed.message(Lang::En),
            "Invalid request: missing field `periode`"
        );
    }
}
