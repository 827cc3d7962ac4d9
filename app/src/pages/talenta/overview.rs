//! `/talenta`: the instansi (or the viewer's part of it) at a glance.

use super::get_instansi_overview;
use super::map::DistributionTable;
use super::nav::OfficeNav;
use crate::components::loaded::Loaded;
use crate::format::decimal_id;
use crate::talent::InstansiOverview;
use leptos::prelude::*;
use leptos_meta::Title;
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
    let scope = if overview.whole_instansi {
        "Seluruh instansi".to_owned()
    } else {
        "Unit kerja dalam lingkup tugas Anda".to_owned()
    };
    let period = overview.period.map_or_else(
        || "belum ada periode yang dipetakan".to_owned(),
        |p| format!("periode {p}"),
    );
    view! {
        <Title text=format!("Talenta {} | Jenjang", overview.name)/>
        <h1>{overview.name.clone()}</h1>
        <p class="pengantar">{format!("{scope}: {} pegawai; {period}.", decimal_id(overview.pegawai as f64, 0))}</p>
        <OfficeNav slug=overview.slug.clone() here="/talenta"/>
        <DistributionTable per_kotak=overview.per_kotak not_placed=overview.not_placed
            caption=format!("Sebaran 9 kotak, {period}")/>
    }
}
