//! `/indeks-merit`: the merit index of the selected instansi over the years.

use super::figure::TrendFigures;
use super::selector::InstansiSelector;
use super::table::MeritTable;
use super::{
    get_merit_overview, requested_selection, selection_query, MeritOverview, SELECTION_PARAM,
};
use crate::components::loaded::Loaded;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn MeritTrendPage() -> impl IntoView {
    let query = use_query_map();
    let requested =
        Memo::new(move |_| query.with(|q| requested_selection(q.get_all(SELECTION_PARAM))));
    let overview = Resource::new(move || requested.get(), get_merit_overview);
    let selector_open = RwSignal::new(false);
    view! {
        <Title text="Indeks Sistem Merit per instansi | Jenjang"/>
        <h1>"Indeks Sistem Merit ASN per instansi"</h1>
        <p class="pengantar">
            "Skor Indeks Sistem Merit yang dipublikasikan untuk pemerintah provinsi, kabupaten dan kota, "
            "dari tahun ke tahun. Setiap titik menyebutkan sumber publikasinya. Tahun tanpa data "
            "dibiarkan kosong, tidak ditebak."
        </p>
        <Loaded resource=overview show=move |overview| view! { <Overview overview selector_open/> }/>
    }
}

#[component]
fn Overview(overview: MeritOverview, selector_open: RwSignal<bool>) -> impl IntoView {
    let MeritOverview {
        catalogue,
        selected,
    } = overview;
    let slugs: Vec<String> = selected.iter().map(|h| h.instansi.slug.clone()).collect();
    let download = format!("/unduh/indeks-merit.csv?{}", selection_query(&slugs));
    let body = if selected.is_empty() {
        view! {
            <p class="pemberitahuan">
                "Belum ada instansi yang dipilih. Centang satu atau beberapa instansi di atas."
            </p>
        }
        .into_any()
    } else {
        view! {
            <TrendFigures histories=selected.clone()/>
            <MeritTable histories=selected caption="Data grafik: skor Indeks Sistem Merit per instansi dan tahun"/>
            <p class="unduh">
                <a href=download download="indeks-merit.csv">"Unduh CSV"</a>
                " (data yang sama dengan tabel, termasuk sumber)"
            </p>
        }
        .into_any()
    };
    view! {
        <InstansiSelector catalogue selected=slugs open=selector_open/>
        {body}
    }
}
