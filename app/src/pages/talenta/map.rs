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
use crate::format::{decimal_id, score};
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
    view! {
        <Title text="Peta talenta | Jenjang"/>
        <Loaded resource=map show=move |map| view! { <MapView map request/> }/>
    }
}

#[component]
fn MapView(map: TalentMap, request: Memo<MapRequest>) -> impl IntoView {
    let filter = request.get_untracked().people.filter;
    let period = map.period;
    let description = filter.describe(&map.units);
    let scope = if map.whole_instansi {
        "Seluruh instansi"
    } else {
        "Unit kerja dalam lingkup tugas Anda"
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
        <h1>{format!("Peta talenta {}", map.instansi)}</h1>
        <p class="pengantar">{match period {
            Some(p) => format!("{scope}, periode {p}: {description}."),
            None => format!("{scope}: belum ada periode yang dipetakan."),
        }}</p>
        <OfficeNav slug=map.slug.clone() here="/talenta/peta"/>
        <FilterForm slug=map.slug.clone() units=map.units.clone() filter=filter.clone()
            action="/talenta/peta".to_owned() periods=map.periods.clone() period compare=true
            banding=request.get_untracked().banding/>
        {period.map(|_| view! {
            <MapGrid map=map.clone() filter=filter.clone() selected link=link.clone()/>
            <DistributionTable per_kotak=map.per_kotak not_placed=map.not_placed
                caption=format!("Sebaran 9 kotak, periode {}: {description}", period.unwrap_or_default())/>
            <DownloadLinks dataset="peta" what="sebaran ini".to_owned() query=filter.query(&[])/>
            <DownloadLinks dataset="pegawai" what="daftar semua pegawai terpetakan dengan filter ini".to_owned()
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
    let current = period;
    let compared = compare.then(|| periods.clone());
    let chosen = move |value: Option<String>, option: &str| value.as_deref() == Some(option);
    view! {
        <Form method="GET" action=action attr:class="saring" attr:aria-label="Saring peta talenta">
            <input type="hidden" name="instansi" value=slug/>
            {(!periods.is_empty()).then(|| view! {
                <label>"Periode"
                    <select name="periode">
                        {periods.iter().map(|p| view! {
                            <option value=p.to_string() selected=Some(*p) == current>{p.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label>"Unit kerja (OPD)"
                <select name="unit">
                    <option value="">"Semua unit"</option>
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
            <label>"Golongan"
                <select name="golongan">
                    <option value="">"Semua golongan"</option>
                    {[("PNS per golongan", 0usize), ("PNS per ruang", 1), ("PPPK", 2)].into_iter().map(|(group, kind)| {
                        let options = GolonganFilter::all().filter(move |g| match g {
                            GolonganFilter::PnsGroup(_) => kind == 0,
                            GolonganFilter::Pns(_) => kind == 1,
                            GolonganFilter::Pppk(_) => kind == 2,
                        });
                        view! {
                            <optgroup label=group>
                                {options.map(|g| view! {
                                    <option value=g.code() selected=chosen(filter.golongan.clone(), &g.code())>{g.label()}</option>
                                }).collect_view()}
                            </optgroup>
                        }
                    }).collect_view()}
                </select>
            </label>
            <label>"Jenis jabatan"
                <select name="jabatan">
                    <option value="">"Semua jabatan"</option>
                    {JenisJabatan::ALL.into_iter().map(|j| view! {
                        <option value=j.code() selected=chosen(filter.jabatan.clone(), j.code())>{j.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>"Jenis ASN"
                <select name="asn">
                    <option value="">"PNS dan PPPK"</option>
                    <option value="pns" selected=chosen(filter.asn.clone(), "pns")>"PNS"</option>
                    <option value="pppk" selected=chosen(filter.asn.clone(), "pppk")>"PPPK"</option>
                </select>
            </label>
            {compared.map(|periods| view! {
                <label>"Bandingkan dengan periode"
                    <select name="banding">
                        <option value="">"Tidak dibandingkan"</option>
                        {periods.iter().filter(|p| Some(**p) != current).map(|p| view! {
                            <option value=p.to_string() selected=banding == Some(*p)>{p.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <button type="submit">"Terapkan"</button>
        </Form>
    }
}

/// Share of `n` in `total`, "12,5 %", or "—" when there is nobody.
pub(super) fn share(n: i64, total: i64) -> String {
    if total == 0 {
        "—".to_owned()
    } else {
        format!("{} %", decimal_id(n as f64 * 100.0 / total as f64, 1))
    }
}

/// The grid with counts and shares; each box links to its people and, with `on_drop`, takes
/// a person dropped on it.
#[component]
pub fn MapGrid<L>(
    map: TalentMap,
    filter: MapFilter,
    selected: Option<u8>,
    link: L,
    #[prop(optional)] on_drop: Option<Callback<u8>>,
) -> impl IntoView
where
    L: Fn(u8) -> String + Clone + Send + 'static,
{
    let per_kotak = map.per_kotak;
    let placed: i64 = per_kotak.iter().sum();
    let (kinerja, potential) = axis_totals(&per_kotak);
    let label = format!(
        "9 kotak manajemen talenta, {}: {}",
        filter.describe(&map.units),
        Kotak::all()
            .map(|k| format!(
                "kotak {} {} orang",
                k.number(),
                per_kotak[usize::from(k.number()) - 1]
            ))
            .collect::<Vec<_>>()
            .join(", ")
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
                    decimal_id(n as f64, 0),
                    share(n, placed)
                ))
                .collect::<Vec<_>>()
                .join(" · ")
        )
    };
    let kinerja_line = axis("Kinerja", Expectation::ALL.map(|e| e.label()), kinerja);
    let potential_line = axis("Potensial", Potential::ALL.map(|p| p.label()), potential);
    view! {
        <div class="peta">
            <NineBox label caption=format!("{} pegawai terpetakan; {} dikalibrasi komite. Sumbu Y: kinerja · Sumbu X: potensial · Kotak 7-9 (hijau): kelompok rencana suksesi.",
                decimal_id(placed as f64, 0), decimal_id(map.calibrated as f64, 0))
                cell=move |kotak: Kotak| {
                    let k = kotak.number();
                    let n = per_kotak[usize::from(k) - 1];
                    let here = selected == Some(k);
                    view! {
                        <a class=cell_class(kotak, here) href=link(k) aria-current=here.then_some("true")
                            aria-label=format!("Kotak {k}: {n} pegawai, {}", share(n, placed))
                            on:dragover=move |ev| if on_drop.is_some() { ev.prevent_default() }
                            on:drop=move |ev| if let Some(dropped) = on_drop {
                                ev.prevent_default();
                                dropped.run(k);
                            }>
                            <span class="nomor">{k}</span>
                            <span class="jumlah">{decimal_id(n as f64, 0)}</span>
                            <span class="persen">{share(n, placed)}</span>
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
    let placed: i64 = per_kotak.iter().sum();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Kotak"</th>
                        <th scope="col" class="angka">"Pegawai"</th>
                        <th scope="col" class="angka">"Persentase"</th>
                    </tr>
                </thead>
                <tbody>
                    {(1..=9usize).rev().map(|k| {
                        let n = per_kotak[k - 1];
                        view! {
                            <tr>
                                <th scope="row">{format!("Kotak {k}")}</th>
                                <td class="angka">{decimal_id(n as f64, 0)}</td>
                                <td class="angka">{share(n, placed)}</td>
                            </tr>
                        }
                    }).collect_view()}
                    <tr>
                        <th scope="row">"Belum terpetakan"</th>
                        <td class="angka">{decimal_id(not_placed as f64, 0)}</td>
                        <td class="angka">"—"</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn PeopleTable(page: PeoplePage, request: Memo<MapRequest>) -> impl IntoView {
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
        Some(k) => format!("Pegawai di kotak {k}"),
        None => "Pegawai terpetakan".to_owned(),
    };
    let sort_links = {
        let with = with.clone();
        SortKey::ALL
            .into_iter()
            .map(|key| {
                let here = key == query.urut;
                view! {
                    <a href=with(&[("urut", key.code().to_owned())]) aria-current=here.then_some("true")>{key.label()}</a>
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
            <h2>{format!("{title} ({} orang)", decimal_id(page.total as f64, 0))}</h2>
            <Form method="GET" action="/talenta/peta" attr:class="cari">
                {query.filter.pairs().into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                {query.kotak.map(|k| view! { <input type="hidden" name="kotak" value=k/> })}
                <label for="cari-pegawai">"Cari nama atau NIP"</label>
                <input id="cari-pegawai" name="cari" type="search" value=query.cari.clone().unwrap_or_default()/>
                <button type="submit">"Cari"</button>
            </Form>
            <p class="urutan">"Urutkan: "{sort_links}</p>
            <DownloadLinks dataset="pegawai" what="daftar ini".to_owned() query=download_query/>
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{format!("{title}, diurutkan menurut {}", query.urut.label().to_lowercase())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Nama / NIP"</th>
                            <th scope="col">"Unit kerja / jabatan"</th>
                            <th scope="col">"Gol."</th>
                            <th scope="col" class="angka">"Kinerja"</th>
                            <th scope="col" class="angka">"Potensial"</th>
                            <th scope="col" class="angka">"Kotak"</th>
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
                                <td class="angka">{score(p.kinerja)}</td>
                                <td class="angka">{score(p.potensial)}</td>
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
    let list = |title: String, people: Vec<Moved>| {
        view! {
            <h3>{title}</h3>
            {if people.is_empty() {
                Either::Left(view! { <p>"Tidak ada."</p> })
            } else {
                Either::Right(view! {
                    <ul class="pindah">
                        {people.into_iter().map(|m| view! {
                            <li>
                                <a href=format!("/pegawai/{}", m.nip)>{m.name.clone()}</a>
                                {format!(" ({}): kotak {} → {}", m.unit.clone().unwrap_or_default(), m.from, m.to)}
                            </li>
                        }).collect_view()}
                    </ul>
                })
            }}
        }
    };
    let capped = |total: i64| {
        if total > c.shown as i64 {
            format!(" — {} pertama ditampilkan", c.shown)
        } else {
            String::new()
        }
    };
    view! {
        <section id="banding" class="kartu">
            <h2>{format!("Perbandingan periode {} dengan {}", c.from, c.to)}</h2>
            <p>{format!(
                "Naik kotak: {} orang · turun: {} orang · tetap: {} orang (yang terpetakan di kedua periode).",
                c.up_total, c.down_total, c.same
            )}</p>
            {list(format!("Naik kotak ({}){}", c.up_total, capped(c.up_total)), c.up)}
            {list(format!("Turun kotak ({}){}", c.down_total, capped(c.down_total)), c.down)}
        </section>
    }
}
