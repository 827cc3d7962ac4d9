//! Messages for things that went wrong, in Bahasa Indonesia, with the right HTTP status when
//! rendered on the server.

use crate::error::AppError;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Shows an error and, during server rendering, answers with the matching status code. A
/// visitor who is not signed in is sent to `/masuk` (and back afterwards); one who must change
/// their password, to `/akun/sandi`.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let error = error.respond();
    match error {
        AppError::NotFound => EitherOf4::A(view! { <NotFound/> }),
        AppError::Unauthenticated => {
            let location = use_location();
            let back = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            let path = format!("/masuk?kembali={}", crate::format::url_component(&back));
            EitherOf4::B(view! { <Redirect path/> })
        }
        AppError::PasswordChangeRequired => {
            EitherOf4::B(view! { <Redirect path="/akun/sandi".to_owned()/> })
        }
        AppError::Forbidden => EitherOf4::C(view! { <Refused/> }),
        error => EitherOf4::D(view! {
            <div class="pemberitahuan galat" role="alert">
                <p>{error.to_string()}</p>
            </div>
        }),
    }
}

/// The page for data the viewer may not see: it says so, and shows nothing else.
#[component]
pub fn Refused() -> impl IntoView {
    view! {
        <Title text="Akses ditolak | Jenjang"/>
        <h1>"Akses ditolak"</h1>
        <p class="pemberitahuan galat" role="alert">{AppError::Forbidden.to_string()}</p>
        <p>"Setiap ASN hanya dapat melihat datanya sendiri; atasan, BKPSDM dan komite talenta hanya data di lingkup tugasnya."</p>
        <p><a href="/saya">"Kembali ke data saya"</a></p>
    }
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
