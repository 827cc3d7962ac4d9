//! The talent office's own navigation, shown on each of its pages.

use leptos::prelude::*;

/// The office's pages, in the order of the work: overview, map, spread, pool, succession,
/// calibration, import, corrections, accounts, audit. `here` is the path of the page
/// showing it.
const PAGES: [(&str, &str); 10] = [
    ("/talenta", "Ringkasan"),
    ("/talenta/peta", "Peta talenta"),
    ("/talenta/sebaran", "Sebaran"),
    ("/talenta/krs", "Kelompok rencana suksesi"),
    ("/talenta/suksesi", "Suksesi"),
    ("/talenta/kalibrasi", "Sesi kalibrasi"),
    ("/talenta/impor", "Impor data"),
    ("/talenta/koreksi", "Koreksi data"),
    ("/akun", "Akun dan peran"),
    ("/talenta/audit", "Log audit"),
];

#[component]
pub fn OfficeNav(slug: String, here: &'static str) -> impl IntoView {
    view! {
        <nav class="tautan-talenta" aria-label="Kantor talenta">
            {PAGES.into_iter().map(|(path, label)| {
                let current = path == here;
                view! {
                    <a href=format!("{path}?instansi={slug}") aria-current=current.then_some("page")>{label}</a>
                }
            }).collect_view()}
        </nav>
    }
}

/// Links to download `dataset` as CSV and XLSX with the page's URL parameters `query`.
#[component]
pub fn DownloadLinks(dataset: &'static str, what: String, query: String) -> impl IntoView {
    let href = move |extension: &str| format!("/talenta/unduh/{dataset}.{extension}?{query}");
    view! {
        <p class="unduh">
            {format!("Unduh {what}: ")}
            <a href=href("csv") download="">"CSV"</a>
            " · "
            <a href=href("xlsx") download="">"XLSX"</a>
        </p>
    }
}

/// "‹ Sebelumnya · Halaman n dari m · Berikutnya ›" for a paged list; `link` gives a page's
/// URL.
#[component]
pub fn Pager<L>(halaman: u32, pages: u32, link: L) -> impl IntoView
where
    L: Fn(u32) -> String + 'static,
{
    view! {
        <nav class="halaman" aria-label="Halaman daftar">
            {(halaman > 1).then(|| view! { <a href=link(halaman - 1) rel="prev">"‹ Sebelumnya"</a> })}
            <span>{format!("Halaman {halaman} dari {pages}")}</span>
            {(halaman < pages).then(|| view! { <a href=link(halaman + 1) rel="next">"Berikutnya ›"</a> })}
        </nav>
    }
}
