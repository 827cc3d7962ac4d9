//! `/indeks-merit/{slug}`: one instansi's published merit-index history with its sources.

use super::figure::TrendFigures;
use super::table::{MeritDownloads, MeritTable};
use super::talent::TalentPictureSection;
use super::{get_instansi_history, selection_query};
use crate::api::merit_index::{Instansi, InstansiHistory};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::domain::instansi::InstansiKind;
use crate::i18n::{terms, use_lang, Lang};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn MeritDetailPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let history = Resource::new(move || slug.get(), get_instansi_history);
    let lang = use_lang();
    view! {
        <p class="remah"><a href="/indeks-merit">{lang.pick("← Semua instansi", "← All instansi")}</a></p>
        <Loaded resource=history show=|history| view! { <History history/> }/>
    }
}

#[component]
fn History(history: InstansiHistory) -> impl IntoView {
    let lang = use_lang();
    let instansi = history.instansi.clone();
    let caption = lang.pick(
        format!("Riwayat Indeks Sistem Merit {}", instansi.name),
        format!("Merit System Index history of {}", instansi.name),
    );
    let scores = if history.scores.is_empty() {
        Either::Left(view! {
            <p class="pemberitahuan">{lang.pick(
                "Belum ada skor Indeks Sistem Merit yang dipublikasikan untuk instansi ini.",
                "No Merit System Index score has been published for this instansi yet.",
            )}</p>
        })
    } else {
        Either::Right(view! {
            <TrendFigures histories=vec![history.clone()]/>
            <MeritTable histories=vec![history] caption single_instansi=true/>
            <MeritDownloads query=selection_query(std::slice::from_ref(&instansi.slug))/>
        })
    };
    view! {
        <PageTitle text=lang.pick(
            format!("{} — Indeks Sistem Merit | Jenjang", instansi.name),
            format!("{} — Merit System Index | Jenjang", instansi.name),
        )/>
        <h1>{instansi.name.clone()}</h1>
        <p class="pengantar">
            {where_it_is(&instansi, lang)}
            {lang.pick(
                "Hasil yang dipublikasikan beserta sumbernya (hasil yang dikoreksi menyebutkan alasannya), dan gambaran manajemen talenta bila instansi ini memetakan ASN-nya dengan Jenjang.",
                "Published results with their sources (a corrected result says why), and the talent-management picture when this instansi maps its ASN with Jenjang.",
            )}
        </p>
        {scores}
        <TalentPictureSection slug=instansi.slug.clone()/>
    }
}

/// "Kota di Provinsi Kalimantan Timur. ", just "Pemerintah provinsi. " for a province, or
/// "Kementerian tingkat nasional. " for an instansi with no province.
fn where_it_is(instansi: &Instansi, lang: Lang) -> String {
    let province = &instansi.province;
    match instansi.kind {
        InstansiKind::Provinsi => lang
            .pick("Pemerintah provinsi. ", "A provincial government. ")
            .to_owned(),
        kind if province.trim().is_empty() => {
            let kind = terms::instansi_kind(kind, lang);
            lang.pick(
                format!("{kind} tingkat nasional. "),
                format!("{kind}, national. "),
            )
        }
        kind => {
            let kind = terms::instansi_kind(kind, lang);
            lang.pick(
                format!("{kind} di Provinsi {province}. "),
                format!("{kind} in the province of {province}. "),
            )
        }
    }
}
