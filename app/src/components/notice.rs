//! Messages for things that went wrong, in the reader's language, with the right HTTP status when
//! rendered on the server.

use crate::components::page_title::PageTitle;
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

/// Shows an error and, during server rendering, answers with the matching status code. A
/// visitor who is not signed in is sent to `/masuk` (and back afterwards); one who must change
/// their password, to `/akun/sandi`.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let lang = use_lang();
    #[cfg(feature = "ssr")]
    let error = error.respond();
    match error {
        AppError::NotFound => EitherOf4::A(view! { <NotFound/> }),
        AppError::Unauthenticated => {
            let location = use_location();
            let back = crate::format::page_address(
                &location.pathname.get_untracked(),
                &location.search.get_untracked(),
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
                <p>{error.message(lang)}</p>
            </div>
        }),
    }
}

/// The page for data the viewer may not see: it says so, and shows nothing else.
#[component]
pub fn Refused() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Akses ditolak | Jenjang", "Access refused | Jenjang")/>
        <h1>{lang.pick("Akses ditolak", "Access refused")}</h1>
        <p class="pemberitahuan galat" role="alert">{AppError::Forbidden.message(lang)}</p>
        <p>{lang.pick(
            "Setiap ASN hanya dapat melihat datanya sendiri; atasan, BKPSDM dan komite talenta hanya data di lingkup tugasnya.",
            "Every ASN sees only their own data; supervisors, BKPSDM and the talent committee only the data within their remit.",
        )}</p>
        <p><a href="/saya">{lang.pick("Kembali ke data saya", "Back to my data")}</a></p>
    }
}

/// The page for an address that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Halaman tidak ditemukan | Jenjang", "Page not found | Jenjang")/>
        <h1>{lang.pick("Halaman tidak ditemukan", "Page not found")}</h1>
        <p>{lang.pick(
            "Alamat yang Anda buka tidak ada atau sudah dipindahkan.",
            "The address you opened does not exist or has moved.",
        )}</p>
        <p><a href="/indeks-merit">{lang.pick("Lihat Indeks Sistem Merit", "See the Merit System Index")}</a></p>
    }
}
