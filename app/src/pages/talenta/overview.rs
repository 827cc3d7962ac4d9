//! `/talenta`: the instansi (or the viewer's part of it) at a glance.

use super::get_instansi_overview;
use super::nav::OfficeNav;
use super::widgets::DistributionTable;
use crate::api::talent::InstansiOverview;
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::count::PEGAWAI;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let overview = Resource::new(move || instansi.get(), get_instansi_overview);
    view! {
        <Loaded resource=overview show=|overview| view! { <Overview overview/> }/>
    }
}

#[component]
fn Overview(overview: InstansiOverview) -> impl IntoView {
    let lang = use_lang();
    let scope = if overview.whole_instansi {
        lang.pick("Seluruh instansi", "The whole instansi")
    } else {
        lang.pick(
            "Unit kerja dalam lingkup tugas Anda",
            "The work units in your remit",
        )
    };
    let period = overview.period.map_or_else(
        || {
            lang.pick("belum ada periode yang dipetakan", "no period mapped yet")
                .to_owned()
        },
        |p| format!("{} {p}", lang.pick("periode", "period")),
    );
    let people = lang.count(overview.pegawai, PEGAWAI);
    view! {
        <PageTitle text=format!("{} {} | Jenjang", lang.pick("Talenta", "Talent"), overview.name)/>
        <h1>{overview.name.clone()}</h1>
        <p class="pengantar">{format!("{scope}: {people}; {period}.")}</p>
        <OfficeNav slug=overview.slug.clone() here="/talenta"/>
        <DistributionTable per_kotak=overview.per_kotak not_placed=overview.not_placed
            caption=lang.pick(format!("Sebaran 9 kotak, {period}"), format!("9-box spread, {period}"))/>
    }
}
