//! The frame around every page: skip link, header with navigation and the signed-in person,
//! footer.

use crate::pages::akses::{current_account, SignOut};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="lompat" href="#isi">"Langsung ke isi"</a>
        <header class="kepala">
            <a class="merek" href="/">"Jenjang"</a>
            <nav aria-label="Navigasi utama">
                <a href="/indeks-merit">"Indeks Merit"</a>
                <a href="/metodologi">"Metodologi"</a>
            </nav>
            <AccountMenu/>
        </header>
    }
}

/// "Masuk", or the signed-in person's name, home and "Keluar". Asked again on every
/// navigation, so that signing in or out shows at once.
#[component]
fn AccountMenu() -> impl IntoView {
    let location = use_location();
    let me = Resource::new(move || location.pathname.get(), |_| current_account());
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <div class="akun-menu">
            <Transition>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => Either::Left(view! {
                            <a href=me.home.clone()>{me.name.clone()}</a>
                            <ActionForm action=sign_out attr:class="sebaris">
                                <button type="submit" class="tautan">"Keluar"</button>
                            </ActionForm>
                        }),
                        _ => Either::Right(view! { <a href="/masuk">"Masuk"</a> }),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="kaki">
            <p>
                "Jenjang: manajemen talenta dan transparansi sistem merit ASN. "
                "Angka publik berasal dari publikasi yang disebutkan sumbernya; halaman publik tidak pernah memuat data pribadi."
            </p>
        </footer>
    }
}
