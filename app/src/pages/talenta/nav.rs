//! The talent office's own navigation, shown on each of its pages, and the URL queries its
//! links carry: the map's filters and the pool's query, encoded.

use crate::api::talent_map::{MapFilter, PeopleQuery};
use crate::api::talent_pool::PoolQuery;
use crate::format::url_component;
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use leptos_router::components::Form;

/// The office's pages, in the order of the work: overview, map, spread, pool, succession,
/// calibration, import, corrections, public releases, accounts, audit.
fn pages(lang: Lang) -> [(&'static str, &'static str); 11] {
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
        (
            "/talenta/rilis",
            lang.pick("Rilis publik", "Public releases"),
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

/// The filters as a URL query (`key=value` pairs, encoded), then `extra`.
pub fn filter_query(filter: &MapFilter, extra: &[(&str, String)]) -> String {
    let mut pairs: Vec<(&str, String)> = filter.pairs();
    pairs.extend(extra.iter().cloned());
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", url_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The pool's query as URL parameters (the filters, then the stage and search), with `extra`.
pub fn pool_query(query: &PoolQuery, extra: &[(&str, String)]) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(t) = &query.tahap {
        pairs.push(("tahap", t.clone()));
    }
    if let Some(c) = &query.cari {
        pairs.push(("cari", c.clone()));
    }
    pairs.extend(extra.iter().cloned());
    filter_query(&query.filter, &pairs)
}

/// A list of people's query as URL parameters (the filters, then the kotak and search), with
/// `extra`.
pub fn people_query(query: &PeopleQuery, extra: &[(&str, String)]) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(k) = query.kotak {
        pairs.push(("kotak", k.to_string()));
    }
    if let Some(c) = &query.cari {
        pairs.push(("cari", c.clone()));
    }
    pairs.extend(extra.iter().cloned());
    filter_query(&query.filter, &pairs)
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

/// The search for a name or NIP in a list of people (`action`), keeping the list's filters,
/// chosen kotak and any other choice of the list (`keep`) as hidden fields.
#[component]
pub fn PeopleSearch(
    action: String,
    filter: MapFilter,
    kotak: Option<u8>,
    cari: Option<String>,
    #[prop(optional)] keep: Vec<(&'static str, String)>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Form method="GET" action=action attr:class="cari">
            {filter.pairs().into_iter().map(|(name, value)| view! {
                <input type="hidden" name=name value=value/>
            }).collect_view()}
            {kotak.map(|k| view! { <input type="hidden" name="kotak" value=k/> })}
            {keep.into_iter().map(|(name, value)| view! {
                <input type="hidden" name=name value=value/>
            }).collect_view()}
            <label for="cari-pegawai">{lang.pick("Cari nama atau NIP", "Search a name or NIP")}</label>
            <input id="cari-pegawai" name="cari" type="search" value=cari.unwrap_or_default()/>
            <button type="submit">{lang.pick("Cari", "Search")}</button>
        </Form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_the_url() {
        let filter = MapFilter {
            instansi: Some("kota-x".into()),
            periode: Some(2025),
            unit: Some("DISKOMINFO".into()),
            golongan: Some("III/c".into()),
            jabatan: Some("fungsional".into()),
            asn: Some("pns".into()),
        };
        let query = filter_query(&filter, &[("kotak", "7".to_owned())]);
        assert_eq!(
            query,
            "instansi=kota-x&periode=2025&unit=DISKOMINFO&golongan=III/c&jabatan=fungsional&asn=pns&kotak=7"
        );
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let read = MapFilter::from_params(|key| {
            pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
        });
        assert_eq!(read, filter);
    }

    #[test]
    fn pool_queries_round_trip_through_the_url() {
        let query = PoolQuery {
            filter: MapFilter {
                instansi: Some("kota-balikpapan".into()),
                golongan: Some("III".into()),
                ..MapFilter::default()
            },
            tahap: Some("diverifikasi".into()),
            cari: Some("sari".into()),
            halaman: 2,
        };
        let url = pool_query(&query, &[("halaman", "2".into())]);
        let params: Vec<(String, String)> = url
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let read = PoolQuery::from_params(|key| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(read, query);
        assert_eq!(PoolQuery::from_params(|_| None).halaman, 1);
    }
}
