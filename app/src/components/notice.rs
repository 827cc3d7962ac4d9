//! Messages for things that went wrong, in Bahasa Indonesia, with the right HTTP status when
//! rendered on the server.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shows an error and, during server rendering, answers with the matching status code.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        use http::StatusCode;
        let status = match error {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal | AppError::Communication => StatusCode::INTERNAL_SERVER_ERROR,
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
    }
    if error == AppError::NotFound {
        return view! { <NotFound/> }.into_any();
    }
    view! {
        <div class="pemberitahuan galat" role="alert">
            <p>{error.to_string()}</p>
        </div>
    }
    .into_any()
}

/// The page for an address that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Halaman tidak ditemukan | Jenjang"/>
        <h1>"Halaman tidak ditemukan"</h1>
        <p>"Alamat yang Anda buka tidak ada atau sudah dipindahkan."</p>
        <p><a href="/indeks-merit">"Lihat Indeks Sistem Merit"</a></p>
    }
}
