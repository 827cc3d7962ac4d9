//! The talent office's own navigation, shown on each of its pages.

use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;

/// The office's pages, in the order of the work: overview, map, spread, pool, succession,
/// calibration, import, corrections, accounts, audit.
fn pages(lang: Lang) -> [(&'static str, &'static str); 10] {
    [
        ("/talenta", lang.pick("Ringkasan", "Overview")),
        ("/talenta/peta", lang.pick("Peta talenta", "Talent map")),
        ("/talenta/sebaran", lang.pick("Sebaran", "Spread")),
        (
            "/talenta/krs",
            lang.pick("Kelompok rencana suksesi", "Succession pool (KRS)"),
        ),
        ("/talenta/suksesi", lang.pick("Suksesi", "Succession")),
        (
            "/talenta/kalibrasi",
            lang.pick("Sesi kalibrasi", "Calibration sessions"),
        ),
        ("/talenta/impor", lang.pick("Impor data", "Data import")),
        (
            "/talenta/koreksi",
            lang.pick("Koreksi data", "Data corrections"),
        ),
        ("/akun", lang.pick("Akun dan peran", "Accounts and roles")),
        ("/talenta/audit", lang.pick("Log audit", "Audit log")),
    ]
}

/// `here` is the path of the page showing it.
#[component]
pub fn OfficeNav(slug: String, here: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="tautan-talenta" aria-label=lang.pick("Kantor talenta", "Talent office")>
            {pages(lang).into_iter().map(|(path, label)| {
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
    let lang = use_lang();
    view! {
        <p class="unduh">
            {format!("{} {what}: ", lang.pick("Unduh", "Download"))}
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
    let lang = use_lang();
    view! {
        <nav class="halaman" aria-label=lang.pick("Halaman daftar", "Pages of the list")>
            {(halaman > 1).then(|| view! { <a href=link(halaman - 1) rel="prev">{lang.pick("‹ Sebelumnya", "‹ Previous")}</a> })}
            <span>{lang.pick(format!("Halaman {halaman} dari {pages}"), format!("Page {halaman} of {pages}"))}</span>
            {(halaman < pages).then(|| view! { <a href=link(halaman + 1) rel="next">{lang.pick("Berikutnya ›", "Next ›")}</a> })}
        </nav>
    }
}
