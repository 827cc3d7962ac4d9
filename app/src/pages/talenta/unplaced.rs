//! `/talenta/belum-terpetakan`: the people of a period the 9-box does not hold, with what
//! each lacks, so that BKPSDM can complete their data. Counted per missing input (each count
//! a link that lists only those), searchable, a page at a time; each person links to their
//! card. The filters are the talent map's and live in the URL.

use super::get_unplaced;
use super::nav::{filter_query, OfficeNav, Pager, PeopleSearch};
use super::widgets::{FilterForm, PersonHeading};
use crate::api::talent_map::{UnplacedPage, UnplacedPerson, UnplacedQuery};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::domain::scoring::Component;
use crate::i18n::count::ORANG;
use crate::i18n::{filters, notes, terms, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn UnplacedListPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| query.with(|q| UnplacedQuery::from_params(|key| q.get(key))));
    let page = Resource::new(move || request.get(), get_unplaced);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Belum terpetakan | Jenjang", "Not yet mapped | Jenjang")/>
        <Loaded resource=page show=move |page| view! { <UnplacedView page query=request.get_untracked()/> }/>
    }
}

/// The page's address for a missing input (or all) and a page number, keeping the filters
/// and the search.
fn address(query: &UnplacedQuery, kurang: Option<Component>, halaman: u32) -> String {
    let mut extra: Vec<(&str, String)> = Vec::new();
    if let Some(component) = kurang {
        extra.push(("kurang", component.code().to_owned()));
    }
    if let Some(cari) = &query.cari {
        extra.push(("cari", cari.clone()));
    }
    if halaman > 1 {
        extra.push(("halaman", halaman.to_string()));
    }
    format!(
        "/talenta/belum-terpetakan?{}#daftar",
        filter_query(&query.filter, &extra)
    )
}

#[component]
fn UnplacedView(page: UnplacedPage, query: UnplacedQuery) -> impl IntoView {
    let lang = use_lang();
    let description = filters::map_filter(&query.filter, &page.units, lang);
    let intro = match page.period {
        Some(p) => lang.pick(
            format!("Periode {p}: {description}. Pegawai di sini tidak masuk 9 kotak karena datanya belum lengkap, karena hukuman disiplin, atau karena ada nilai yang tidak sah. Lengkapi datanya (impor atau koreksi), lalu jalankan pemetaan lagi."),
            format!("Period {p}: {description}. The employees here are not in the 9-box because their data is incomplete, because of a disciplinary sentence, or because a value is invalid. Complete their data (import or correction), then run the mapping again."),
        ),
        None => lang
            .pick("Belum ada periode yang dipetakan.", "No period mapped yet.")
            .to_owned(),
    };
    view! {
        <h1>{lang.pick(format!("Belum terpetakan: {}", page.instansi), format!("Not yet mapped: {}", page.instansi))}</h1>
        <p class="pengantar">{intro}</p>
        <OfficeNav slug=page.slug.clone() here="/talenta/peta"/>
        <FilterForm slug=page.slug.clone() units=page.units.clone() filter=query.filter.clone()
            action="/talenta/belum-terpetakan".to_owned() periods=page.periods.clone() period=page.period/>
        {page.period.map(|_| view! { <MissingInputs page=page.clone() query=query.clone()/> })}
        {page.period.map(|_| view! { <UnplacedList page=page.clone() query=query.clone()/> })}
    }
}

/// How many lack each input, each a link to those people.
#[component]
fn MissingInputs(page: UnplacedPage, query: UnplacedQuery) -> impl IntoView {
    let lang = use_lang();
    let everyone = lang.count(page.all, ORANG);
    let chosen = query.kurang;
    view! {
        <section class="kartu" aria-labelledby="judul-kurang">
            <h2 id="judul-kurang">{lang.pick(format!("Yang belum ada ({everyone} belum terpetakan)"), format!("What is missing ({everyone} not yet mapped)"))}</h2>
            <ul class="kurang">
                <li><a href=address(&query, None, 1) aria-current=chosen.is_none().then_some("true")>{lang.pick("Semua", "Everyone")}</a></li>
                {page.missing.iter().map(|(component, n)| {
                    let here = chosen == Some(*component);
                    view! {
                        <li>
                            <a href=address(&query, Some(*component), 1) aria-current=here.then_some("true")>
                                {format!("{}: {}", terms::component(*component, lang), lang.count(*n, ORANG))}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(page.excluded > 0).then(|| view! {
                <p>{lang.pick(
                    format!("Dikecualikan dari pemetaan karena hukuman disiplin: {}.", lang.count(page.excluded, ORANG)),
                    format!("Excluded from the mapping because of a disciplinary sentence: {}.", lang.count(page.excluded, ORANG)),
                )}</p>
            })}
        </section>
    }
}

#[component]
fn UnplacedList(page: UnplacedPage, query: UnplacedQuery) -> impl IntoView {
    let lang = use_lang();
    let title = match query.kurang {
        Some(component) => lang.pick(
            format!(
                "Belum ada {}",
                lower_first(terms::component(component, lang))
            ),
            format!("Missing {}", lower_first(terms::component(component, lang))),
        ),
        None => lang
            .pick("Pegawai belum terpetakan", "Employees not yet mapped")
            .to_owned(),
    };
    let pager = {
        let query = query.clone();
        let link = move |h: u32| address(&query, query.kurang, h);
        view! { <Pager halaman=page.halaman pages=page.pages link/> }
    };
    view! {
        <section id="daftar">
            <h2>{format!("{title} ({})", lang.count(page.total, ORANG))}</h2>
            <PeopleSearch action="/talenta/belum-terpetakan".to_owned() filter=query.filter.clone()
                kotak=None cari=query.cari.clone()
                keep=query.kurang.map(|k| vec![("kurang", k.code().to_owned())]).unwrap_or_default()/>
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{title.clone()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Nama / NIP", "Name / NIP")}</th>
                            <th scope="col">{lang.pick("Unit kerja", "Work unit")}</th>
                            <th scope="col">{lang.pick("Gol.", "Grade")}</th>
                            <th scope="col">{lang.pick("Yang belum ada / alasan", "What is missing / why")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {page.people.into_iter().map(|p: UnplacedPerson| view! {
                            <tr>
                                <PersonHeading nip=p.nip.clone() name=p.name.clone()/>
                                <td>{p.unit.clone().unwrap_or_default()}</td>
                                <td>{p.golongan.clone()}</td>
                                <td>{notes::unplaced(&p.reason, lang)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {pager}
        </section>
    }
}

/// `text` with its first letter in lower case, the rest as written ("(JP)" stays).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
