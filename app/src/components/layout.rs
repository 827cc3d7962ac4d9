//! The frame around every page: skip link, header with navigation, the language switch and the
//! signed-in person, footer.

use crate::components::outcome::PostForm;
use crate::format::page_address;
use crate::i18n::{switch_href, use_lang, Lang};
use crate::pages::akses::{current_account, SignOut};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="lompat" href="#isi">{lang.pick("Langsung ke isi", "Skip to content")}</a>
        <header class="kepala">
            <a class="merek" href="/">"Jenjang"</a>
            <nav aria-label=lang.pick("Navigasi utama", "Main navigation")>
                <a href="/indeks-merit">{lang.pick("Indeks Merit", "Merit Index")}</a>
                <a href="/metodologi">{lang.pick("Metodologi", "Methodology")}</a>
            </nav>
            <LanguageSwitch/>
            <AccountMenu/>
        </header>
    }
}

/// A link to the page being read in the other language. A full page load through
/// `/bahasa/{code}`, which remembers the choice and comes back here, query included.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let other = lang.pick(Lang::En, Lang::Id);
    let location = use_location();
    let href = move || {
        let page = page_address(&location.pathname.get(), &location.search.get());
        switch_href(other, &page)
    };
    view! {
        <a class="bahasa" href=href rel="external" hreflang=other.code() lang=other.code()>
            {other.native_name()}
        </a>
    }
}

/// "Masuk", or the signed-in person's name, home and "Keluar".
#[component]
fn AccountMenu() -> impl IntoView {
    let lang = use_lang();
    let me = Resource::new(|| (), |_| current_account());
    view! {
        <div class="akun-menu">
            <Transition>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(Some(me)) => Either::Left(view! {
                            <a href=me.home.clone()>{me.name.clone()}</a>
                            <PostForm<SignOut> id="keluar" class="sebaris">
                                <button type="submit" class="tautan">{lang.pick("Keluar", "Sign out")}</button>
                            </PostForm<SignOut>>
                        }),
                        _ => Either::Right(view! { <a href="/masuk">{lang.pick("Masuk", "Sign in")}</a> }),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="kaki">
            <p>
                {lang.pick(
                    "Jenjang: manajemen talenta dan transparansi sistem merit ASN. Angka publik berasal dari publikasi yang disebutkan sumbernya; halaman publik tidak pernah memuat data pribadi.",
                    "Jenjang: talent management and merit-system transparency for civil servants (ASN). Public figures come from the publications they cite; public pages never show personal data.",
                )}
            </p>
        </footer>
    }
}
