//! `/talenta/peta`: the talent map. The filters (period, unit subtree, golongan, jenis
//! jabatan, jenis ASN) and the chosen kotak, search, order and page all live in the URL;
//! a kotak lists its people, a person opens their talent card, and a second period shows
//! who moved up and who moved down.

use super::nav::{DownloadLinks, OfficeNav, Pager};
use super::{compare_periods, get_talent_map, map_people};
use crate::components::loaded::Loaded;
use crate::components::nine_box::{cell_class, NineBox};
use crate::domain::golongan::GolonganFilter;
use crate::domain::jabatan::JenisJabatan;
use crate::domain::nine_box::{axis_totals, Expectation, Kotak, Potential};
use crate::i18n::{terms, use_lang, Lang};
use crate::talent::kotak_with_calibration;
use crate::talent_map::{
    Comparison, MapFilter, MapPerson, Moved, PeoplePage, PeopleQuery, SortKey, TalentMap,
    UnitOption,
};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
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
        <Title text=lang.pick("Peta talenta | Jenjang", "Talent map | Jenjang")/>
        <Loaded resource=map show=move |map| view! { <MapView map request/> }/>
    }
}

#[component]
fn MapView(map: TalentMap, request: Memo<MapRequest>) -> impl IntoView {
    let lang = use_lang();
    let filter = request.get_untracked().people.filter;
    let period = map.period;
    let description = filter.describe(&map.units, lang);
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
            link_filter.query(&[("kotak", kotak.to_string())])
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
            <DownloadLinks dataset="peta" what=lang.pick("sebaran ini", "this spread").to_owned() query=filter.query(&[])/>
            <DownloadLinks dataset="pegawai"
                what=lang.pick(
                    "daftar semua pegawai terpetakan dengan filter ini",
                    "the list of everyone placed under these filters",
                ).to_owned()
                query=filter.query(&[])/>
        })}
        <Loaded resource=people show=move |page| page.map(|page| view! { <PeopleTable page request/> })/>
        <Loaded resource=comparison show=|c| c.map(|c| view! { <ComparisonView c/> })/>
    }
}

/// The filter form: a GET form, so the filters land in the URL (and work without JavaScript).
#[component]
pub fn FilterForm(
    slug: String,
    units: Vec<UnitOption>,
    filter: MapFilter,
    action: String,
    /// The periods to choose from (none where the period is fixed, as in a session) and the
    /// one shown.
    #[prop(optional)]
    periods: Vec<i32>,
    #[prop(default = None)] period: Option<i32>,
    /// Offer the comparison with another period (the map page), and the one chosen.
    #[prop(optional)]
    compare: bool,
    #[prop(default = None)] banding: Option<i32>,
) -> impl IntoView {
    let lang = use_lang();
    let current = period;
    let compared = compare.then(|| periods.clone());
    let chosen = move |value: Option<String>, option: &str| value.as_deref() == Some(option);
    view! {
        <Form method="GET" action=action attr:class="saring" attr:aria-label=lang.pick("Saring peta talenta", "Filter the talent map")>
            <input type="hidden" name="instansi" value=slug/>
            {(!periods.is_empty()).then(|| view! {
                <label>{lang.pick("Periode", "Period")}
                    <select name="periode">
                        {periods.iter().map(|p| view! {
                            <option value=p.to_string() selected=Some(*p) == current>{p.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label>{lang.pick("Unit kerja (OPD)", "Work unit (OPD)")}
                <select name="unit">
                    <option value="">{lang.pick("Semua unit", "All units")}</option>
                    {units.iter().map(|u| {
                        let indent = "\u{a0}\u{a0}".repeat(usize::from(u.depth));
                        view! {
                            <option value=u.code.clone() selected=chosen(filter.unit.clone(), &u.code)>
                                {format!("{indent}{}", u.name)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <label>{lang.pick("Golongan", "Grade (golongan)")}
                <select name="golongan">
                    <option value="">{lang.pick("Semua golongan", "All grades")}</option>
                    {[
                        (lang.pick("PNS per golongan", "PNS by golongan"), 0usize),
                        (lang.pick("PNS per ruang", "PNS by ruang"), 1),
                        ("PPPK", 2),
                    ].into_iter().map(|(group, kind)| {
                        let options = GolonganFilter::all().filter(move |g| match g {
                            GolonganFilter::PnsGroup(_) => kind == 0,
                            GolonganFilter::Pns(_) => kind == 1,
                            GolonganFilter::Pppk(_) => kind == 2,
                        });
                        view! {
                            <optgroup label=group>
                                {options.map(|g| view! {
                                    <option value=g.code() selected=chosen(filter.golongan.clone(), &g.code())>{terms::golongan_filter(g, lang)}</option>
                                }).collect_view()}
                            </optgroup>
                        }
                    }).collect_view()}
                </select>
            </label>
            <label>{lang.pick("Jenis jabatan", "Kind of post")}
                <select name="jabatan">
                    <option value="">{lang.pick("Semua jabatan", "All posts")}</option>
                    {JenisJabatan::ALL.into_iter().map(|j| view! {
                        <option value=j.code() selected=chosen(filter.jabatan.clone(), j.code())>{j.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{lang.pick("Jenis ASN", "Kind of ASN")}
                <select name="asn">
                    <option value="">{lang.pick("PNS dan PPPK", "PNS and PPPK")}</option>
                    <option value="pns" selected=chosen(filter.asn.clone(), "pns")>"PNS"</option>
                    <option value="pppk" selected=chosen(filter.asn.clone(), "pppk")>"PPPK"</option>
                </select>
            </label>
            {compared.map(|periods| view! {
                <label>{lang.pick("Bandingkan dengan periode", "Compare with the period")}
                    <select name="banding">
                        <option value="">{lang.pick("Tidak dibandingkan", "No comparison")}</option>
                        {periods.iter().filter(|p| Some(**p) != current).map(|p| view! {
                            <option value=p.to_string() selected=banding == Some(*p)>{p.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <button type="submit">{lang.pick("Terapkan", "Apply")}</button>
        </Form>
    }
}

/// Share of `n` in `total`, "12,5 %", or "—" when there is nobody.
pub(super) fn share(n: i64, total: i64, lang: Lang) -> String {
    if total == 0 {
        "—".to_owned()
    } else {
        format!("{} %", lang.decimal(n as f64 * 100.0 / total as f64, 1))
    }
}

fn count(n: i64, lang: Lang) -> String {
    lang.decimal(n as f64, 0)
}

/// The grid with counts and shares; each box links to its people and names its number in
/// `data-kotak`, where a calibration board takes a person dropped on it.
#[component]
pub fn MapGrid<L>(map: TalentMap, filter: MapFilter, selected: Option<u8>, link: L) -> impl IntoView
where
    L: Fn(u8) -> String + Clone + Send + 'static,
{
    let lang = use_lang();
    let per_kotak = map.per_kotak;
    let placed: i64 = per_kotak.iter().sum();
    let (kinerja, potential) = axis_totals(&per_kotak);
    let boxes = Kotak::all()
        .map(|k| {
            let (k, n) = (k.number(), per_kotak[usize::from(k.number()) - 1]);
            lang.pick(
                format!("kotak {k} {n} orang"),
                format!("box {k} {n} people"),
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!(
        "{}, {}: {boxes}",
        lang.pick("9 kotak manajemen talenta", "9-box talent grid"),
        filter.describe(&map.units, lang),
    );
    let axis = |title: &str, labels: [&str; 3], totals: [i64; 3]| {
        format!(
            "{title}: {}",
            labels
                .iter()
                .zip(totals)
                .rev()
                .map(|(l, n)| format!(
                    "{} {} ({})",
                    l.to_lowercase(),
                    count(n, lang),
                    share(n, placed, lang)
                ))
                .collect::<Vec<_>>()
                .join(" · ")
        )
    };
    let kinerja_line = axis(
        lang.pick("Kinerja", "Performance"),
        Expectation::ALL.map(|e| terms::expectation(e, lang)),
        kinerja,
    );
    let potential_line = axis(
        lang.pick("Potensial", "Potential"),
        Potential::ALL.map(|p| terms::potential(p, lang)),
        potential,
    );
    let (placed_text, calibrated) = (count(placed, lang), count(map.calibrated, lang));
    let caption = lang.pick(
        format!("{placed_text} pegawai terpetakan; {calibrated} dikalibrasi komite. Sumbu Y: kinerja · Sumbu X: potensial · Kotak 7-9 (hijau): kelompok rencana suksesi."),
        format!("{placed_text} employees placed; {calibrated} calibrated by the committee. Y axis: performance · X axis: potential · Boxes 7-9 (green): the succession pool."),
    );
    view! {
        <div class="peta">
            <NineBox label caption
                cell=move |kotak: Kotak| {
                    let k = kotak.number();
                    let n = per_kotak[usize::from(k) - 1];
                    let here = selected == Some(k);
                    let cell_label = lang.pick(
                        format!("Kotak {k}: {n} pegawai, {}", share(n, placed, lang)),
                        format!("Box {k}: {n} employees, {}", share(n, placed, lang)),
                    );
                    view! {
                        <a class=cell_class(kotak, here) href=link(k) aria-current=here.then_some("true")
                            aria-label=cell_label data-kotak=k>
                            <span class="nomor">{k}</span>
                            <span class="jumlah">{count(n, lang)}</span>
                            <span class="persen">{share(n, placed, lang)}</span>
                        </a>
                    }
                }/>
            <p class="sumbu">{kinerja_line}</p>
            <p class="sumbu">{potential_line}</p>
        </div>
    }
}

/// The distribution as a table: the grid's text alternative.
#[component]
pub fn DistributionTable(per_kotak: [i64; 9], not_placed: i64, caption: String) -> impl IntoView {
    let lang = use_lang();
    let placed: i64 = per_kotak.iter().sum();
    let kotak = lang.pick("Kotak", "Box");
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{kotak}</th>
                        <th scope="col" class="angka">{lang.pick("Pegawai", "Employees")}</th>
                        <th scope="col" class="angka">{lang.pick("Persentase", "Share")}</th>
                    </tr>
                </thead>
                <tbody>
                    {(1..=9usize).rev().map(|k| {
                        let n = per_kotak[k - 1];
                        view! {
                            <tr>
                                <th scope="row">{format!("{kotak} {k}")}</th>
                                <td class="angka">{count(n, lang)}</td>
                                <td class="angka">{share(n, placed, lang)}</td>
                            </tr>
                        }
                    }).collect_view()}
                    <tr>
                        <th scope="row">{lang.pick("Belum terpetakan", "Not placed")}</th>
                        <td class="angka">{count(not_placed, lang)}</td>
                        <td class="angka">"—"</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn PeopleTable(page: PeoplePage, request: Memo<MapRequest>) -> impl IntoView {
    let lang = use_lang();
    let query = request.get_untracked().people;
    let with = {
        let query = query.clone();
        move |extra: &[(&str, String)]| {
            let mut pairs: Vec<(&str, String)> = Vec::new();
            if let Some(k) = query.kotak {
                pairs.push(("kotak", k.to_string()));
            }
            if let Some(c) = &query.cari {
                pairs.push(("cari", c.clone()));
            }
            pairs.extend(extra.iter().cloned());
            format!("/talenta/peta?{}#daftar", query.filter.query(&pairs))
        }
    };
    let mut download_pairs: Vec<(&str, String)> = vec![("urut", query.urut.code().to_owned())];
    if let Some(k) = query.kotak {
        download_pairs.push(("kotak", k.to_string()));
    }
    if let Some(c) = &query.cari {
        download_pairs.push(("cari", c.clone()));
    }
    let download_query = query.filter.query(&download_pairs);
    let title = match query.kotak {
        Some(k) => lang.pick(
            format!("Pegawai di kotak {k}"),
            format!("Employees in box {k}"),
        ),
        None => lang
            .pick("Pegawai terpetakan", "Employees placed")
            .to_owned(),
    };
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
            <h2>{format!("{title} ({} {})", count(page.total, lang), lang.pick("orang", "people"))}</h2>
            <Form method="GET" action="/talenta/peta" attr:class="cari">
                {query.filter.pairs().into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                {query.kotak.map(|k| view! { <input type="hidden" name="kotak" value=k/> })}
                <label for="cari-pegawai">{lang.pick("Cari nama atau NIP", "Search a name or NIP")}</label>
                <input id="cari-pegawai" name="cari" type="search" value=query.cari.clone().unwrap_or_default()/>
                <button type="submit">{lang.pick("Cari", "Search")}</button>
            </Form>
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
                                <th scope="row">
                                    <a href=format!("/pegawai/{}", p.nip)>{p.name.clone()}</a>
                                    <span class="keterangan nip">{p.nip.clone()}</span>
                                </th>
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
    let (from, to, up, down, same) = (c.from, c.to, c.up_total, c.down_total, c.same);
    view! {
        <section id="banding" class="kartu">
            <h2>{lang.pick(format!("Perbandingan periode {from} dengan {to}"), format!("Period {from} compared with {to}"))}</h2>
            <p>{lang.pick(
                format!("Naik kotak: {up} orang · turun: {down} orang · tetap: {same} orang (yang terpetakan di kedua periode)."),
                format!("Moved up: {up} people · down: {down} people · stayed: {same} people (those placed in both periods)."),
            )}</p>
            {list(format!("{} ({up}){}", lang.pick("Naik kotak", "Moved up"), capped(up)), c.up)}
            {list(format!("{} ({down}){}", lang.pick("Turun kotak", "Moved down"), capped(down)), c.down)}
        </section>
    }
}
