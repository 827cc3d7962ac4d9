//! `/indeks-merit/{slug}`: one instansi's published merit-index history with its sources.

use super::figure::TrendFigures;
use super::table::MeritTable;
use super::talent::TalentPictureSection;
use super::{get_instansi_history, Instansi, InstansiHistory};
use crate::components::loaded::Loaded;
use crate::domain::instansi::InstansiKind;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MeritDetailPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let history = Resource::new(move || slug.get(), get_instansi_history);
    view! {
        <p class="remah"><a href="/indeks-merit">"← Semua instansi"</a></p>
        <Loaded resource=history show=|history| view! { <History history/> }/>
    }
}

#[component]
fn History(history: InstansiHistory) -> impl IntoView {
    let instansi = history.instansi.clone();
    let caption = format!("Riwayat Indeks Sistem Merit {}", instansi.name);
    let scores = if history.scores.is_empty() {
        Either::Left(view! {
            <p class="pemberitahuan">
                "Belum ada skor Indeks Sistem Merit yang dipublikasikan untuk instansi ini."
            </p>
        })
    } else {
        Either::Right(view! {
            <TrendFigures histories=vec![history.clone()]/>
            <MeritTable histories=vec![history] caption single_instansi=true/>
            <p class="unduh">
                <a href=format!("/unduh/indeks-merit.csv?instansi={}", instansi.slug) download="indeks-merit.csv">
                    "Unduh CSV"
                </a>
            </p>
        })
    };
    view! {
        <Title text=format!("{} — Indeks Sistem Merit | Jenjang", instansi.name)/>
        <h1>{instansi.name.clone()}</h1>
        <p class="pengantar">
            {where_it_is(&instansi)}
            "Skor yang dipublikasikan beserta sumbernya, dan gambaran manajemen talenta bila instansi ini memetakan ASN-nya dengan Jenjang."
        </p>
        {scores}
        <TalentPictureSection slug=instansi.slug.clone()/>
    }
}

/// "Kota di Provinsi Kalimantan Timur. ", or just "Pemerintah provinsi. " for a province.
fn where_it_is(instansi: &Instansi) -> String {
    match instansi.kind {
        InstansiKind::Provinsi => "Pemerintah provinsi. ".to_owned(),
        kind => format!("{} di Provinsi {}. ", kind.label(), instansi.province),
    }
}
