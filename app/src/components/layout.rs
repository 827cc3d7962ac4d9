//! The frame around every page: skip link, header with navigation, footer.

use leptos::prelude::*;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <a class="lompat" href="#isi">"Langsung ke isi"</a>
        <header class="kepala">
            <a class="merek" href="/">"Jenjang"</a>
            <nav aria-label="Navigasi utama">
                <a href="/indeks-merit">"Indeks Merit"</a>
            </nav>
        </header>
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
