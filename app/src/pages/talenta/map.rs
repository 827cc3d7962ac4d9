//! `/talenta/peta`: the talent map. The filters (period, unit subtree, golongan, jenis
//! jabatan, jenis ASN) and the chosen kotak, search, order and page all live in the URL;
//! a kotak lists its people, a person opens their talent card, and a second period shows
//! who moved up and who moved down.

use super::nav::{filter_query, people_query, DownloadLinks, OfficeNav, Pager, PeopleSearch};
use super::widgets::{people_title, DistributionTable, FilterForm, MapGrid, PersonHeading};
use super::{compare_periods, get_talent_map, map_people};
use crate::api::talent::kotak_with_calibration;
use crate::api::talent_map::{
    Comparison, MapFilter, MapPerson, Moved, PeoplePage, PeopleQuery, SortKey, TalentMap,
};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::count::ORANG;
use crate::i18n::{filters, terms, use_lang};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// What the URL asks of the map page.
#[derive(Debug, Clone, PartialEq)]
struct MapRequest {
    people: PeopleQuery,
    banding: Option<i32>,
}

fn map_request(get: impl Fn(&str) -> Option<String>) -> MapRequest {
    let filter = MapFilter::from_params(&get);
    MapRequest {
        people: PeopleQuery {
            filter,
            kotak: get("kotak").and_then(|k| k.parse().ok()),
            cari: get("cari").filter(|c| !c.trim().is_empty()),
            urut: get("urut")
                .and_then(|u| SortKey::from_code(&u))
                .unwrap_or_default(),
            halaman: get("halaman").and_then(|h| h.parse().ok()).unwrap_or(1),
        },
        banding: get("banding").and_then(|b| b.parse().ok()),
    }
}

#[component]
pub fn TalentMapPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| query.with(|q| map_request(|key| q.get(key))));
    let map = Resource::new(move || request.get().people.filter, get_talent_map);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Peta talenta | Jenjang", "Talent map | Jenjang")/>
        <Loaded resource=map show=move |map| view! { <MapView map request/> }/>
    }
}

#[component]
fn MapView(map: TalentMap, request: Memo<MapRequest>) -> impl IntoView {
    let lang = use_lang();
    let filter = request.get_untracked().people.filter;
    let period = map.period;
    let description = filters::map_filter(&filter, &map.units, lang);
    let scope = if map.whole_instansi {
        lang.pick("Seluruh instansi", "The whole instansi")
    } else {
        lang.pick(
            "Unit kerja dalam lingkup tugas Anda",
            "The work units in your remit",
        )
    };
    let people = Resource::new(
        move || request.get().people,
        |query| async move {
            if query.kotak.is_some() || query.cari.is_some() {
                map_people(query).await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let comparison = Resource::new(
        move || (request.get().people.filter, request.get().banding),
        |(filter, banding)| async move {
            match banding {
                Some(dari) => compare_periods(filter, dari).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let selected = request.get_untracked().people.kotak;
    let link_filter = filter.clone();
    let link = move |kotak: u8| {
        format!(
            "/talenta/peta?{}#daftar",
            filter_query(&link_filter, &[("kotak", kotak.to_string())])
        )
    };
    view! {
        <h1>{format!("{} {}", lang.pick("Peta talenta", "Talent map of"), map.instansi)}</h1>
        <p class="pengantar">{match period {
            Some(p) => lang.pick(format!("{scope}, periode {p}: {description}."), format!("{scope}, period {p}: {description}.")),
            None => lang.pick(
                format!("{scope}: belum ada periode yang dipetakan."),
                format!("{scope}: no period mapped yet."),
            ),
        }}</p>
        <OfficeNav slug=map.slug.clone() here="/talenta/peta"/>
        <FilterForm slug=map.slug.clone() units=map.units.clone() filter=filter.clone()
            action="/talenta/peta".to_owned() periods=map.periods.clone() period compare=true
            banding=request.get_untracked().banding/>
        {period.map(|_| view! {
            <MapGrid map=map.clone() filter=filter.clone() selected link=link.clone()/>
            <DistributionTable per_kotak=map.per_kotak not_placed=map.not_placed
                caption=lang.pick(
                    format!("Sebaran 9 kotak, periode {}: {description}", period.unwrap_or_default()),
                    format!("9-box spread, period {}: {description}", period.unwrap_or_default()),
                )/>
            {(map.not_placed > 0).then(|| view! {
                <p>
                    <a href=format!("/talenta/belum-terpetakan?{}", filter_query(&filter, &[]))>{lang.pick(
                        format!("{} belum terpetakan: siapa, dan data apa yang belum ada ›", lang.count(map.not_placed, ORANG)),
                        format!("{} not yet mapped: who, and what data is missing ›", lang.count(map.not_placed, ORANG)),
                    )}</a>
                </p>
            })}
            <DownloadLinks dataset="peta" what=lang.pick("sebaran ini", "this spread").to_owned() query=filter_query(&filter, &[])/>
            <DownloadLinks dataset="pegawai"
                what=lang.pick(
                    "daftar semua pegawai terpetakan dengan filter ini",
                    "the list of everyone placed under these filters",
                ).to_owned()
                query=filter_query(&filter, &[])/>
        })}
        <Loaded resource=people show=move |page| page.map(|page| view! { <PeopleTable page request/> })/>
        <Loaded resource=comparison show=|c| c.map(|c| view! { <ComparisonView c/> })/>
    }
}

#[component]
fn PeopleTable(page: PeoplePage, request: Memo<MapRequest>) -> impl IntoView {
    let lang = use_lang();
    let query = request.get_untracked().people;
    let with = {
        let query = query.clone();
        move |extra: &[(&str, String)]| {
            format!("/talenta/peta?{}#daftar", people_query(&query, extra))
        }
    };
    let mut download_pairs: Vec<(&str, String)> = vec![("urut", query.urut.code().to_owned())];
    if let Some(k) = query.kotak {
        download_pairs.push(("kotak", k.to_string()));
    }
    if let Some(c) = &query.cari {
        download_pairs.push(("cari", c.clone()));
    }
    let download_query = filter_query(&query.filter, &download_pairs);
    let title = people_title(query.kotak, lang);
    let sort_links = {
        let with = with.clone();
        SortKey::ALL
            .into_iter()
            .map(|key| {
                let here = key == query.urut;
                view! {
                    <a href=with(&[("urut", key.code().to_owned())]) aria-current=here.then_some("true")>{terms::sort_key(key, lang)}</a>
                }
            })
            .collect_view()
    };
    let pager = {
        let with = with.clone();
        let urut = query.urut.code().to_owned();
        let link = move |h: u32| with(&[("urut", urut.clone()), ("halaman", h.to_string())]);
        view! { <Pager halaman=page.halaman pages=page.pages link/> }
    };
    view! {
        <section id="daftar">
            <h2>{format!("{title} ({})", lang.count(page.total, ORANG))}</h2>
            <PeopleSearch action="/talenta/peta".to_owned() filter=query.filter.clone()
                kotak=query.kotak cari=query.cari.clone()/>
            <p class="urutan">{lang.pick("Urutkan: ", "Order by: ")}{sort_links}</p>
            <DownloadLinks dataset="pegawai" what=lang.pick("daftar ini", "this list").to_owned() query=download_query/>
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{format!(
                        "{title}, {} {}",
                        lang.pick("diurutkan menurut", "ordered by"),
                        terms::sort_key(query.urut, lang).to_lowercase()
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Nama / NIP", "Name / NIP")}</th>
                            <th scope="col">{lang.pick("Unit kerja / jabatan", "Work unit / post")}</th>
                            <th scope="col">{lang.pick("Gol.", "Grade")}</th>
                            <th scope="col" class="angka">{lang.pick("Kinerja", "Performance")}</th>
                            <th scope="col" class="angka">{lang.pick("Potensial", "Potential")}</th>
                            <th scope="col" class="angka">{lang.pick("Kotak", "Box")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {page.people.into_iter().map(|p: MapPerson| view! {
                            <tr>
                                <PersonHeading nip=p.nip.clone() name=p.name.clone()/>
                                <td>{p.unit.clone().unwrap_or_default()}<span class="keterangan">{p.jabatan.clone().unwrap_or_default()}</span></td>
                                <td>{p.golongan.clone()}</td>
                                <td class="angka">{lang.score(p.kinerja)}</td>
                                <td class="angka">{lang.score(p.potensial)}</td>
                                <td class="angka">{kotak_with_calibration(p.kotak, p.calibrated_kotak)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {pager}
        </section>
    }
}

#[component]
fn ComparisonView(c: Comparison) -> impl IntoView {
    let lang = use_lang();
    let list = |title: String, people: Vec<Moved>| {
        view! {
            <h3>{title}</h3>
            {if people.is_empty() {
                Either::Left(view! { <p>{lang.pick("Tidak ada.", "None.")}</p> })
            } else {
                Either::Right(view! {
                    <ul class="pindah">
                        {people.into_iter().map(|m| view! {
                            <li>
                                <a href=format!("/pegawai/{}", m.nip)>{m.name.clone()}</a>
                                {format!(" ({}): {} {} → {}", m.unit.clone().unwrap_or_default(), lang.pick("kotak", "box"), m.from, m.to)}
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        }
    };
    let shown = c.shown;
    let capped = |total: i64| {
        if total > shown as i64 {
            lang.pick(
                format!(" — {shown} pertama ditampilkan"),
                format!(" — the first {shown} shown"),
            )
        } else {
            String::new()
        }
    };
    let (from, to, up, down) = (c.from, c.to, c.up_total, c.down_total);
    let (people_up, people_down, people_same) = (
        lang.count(up, ORANG),
        lang.count(down, ORANG),
        lang.count(c.same, ORANG),
    );
    view! {
        <section id="banding" class="kartu">
            <h2>{lang.pick(format!("Perbandingan periode {from} dengan {to}"), format!("Period {from} compared with {to}"))}</h2>
            <p>{lang.pick(
                format!("Naik kotak: {people_up} · turun: {people_down} · tetap: {people_same} (yang terpetakan di kedua periode)."),
                format!("Moved up: {people_up} · down: {people_down} · stayed: {people_same} (those placed in both periods)."),
            )}</p>
            {list(format!("{} ({up}){}", lang.pick("Naik kotak", "Moved up"), capped(up)), c.up)}
            {list(format!("{} ({down}){}", lang.pick("Turun kotak", "Moved down"), capped(down)), c.down)}
        </section>
    }
}
