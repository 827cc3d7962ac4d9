//! The talent office's shared widgets: the filter form, the nine-box grid with its counts
//! and the distribution table, used by the map, the calibration board, the talent pool, the
//! spread and the overview.

use crate::api::talent_map::{MapFilter, TalentMap, UnitOption};
use crate::components::nine_box::{cell_class, NineBox};
use crate::domain::golongan::GolonganFilter;
use crate::domain::jabatan::JenisJabatan;
use crate::domain::nine_box::{axis_totals, Expectation, Kotak, Potential};
use crate::i18n::count::{ORANG, PEGAWAI};
use crate::i18n::{filters, terms, use_lang, Lang};
use leptos::prelude::*;
use leptos_router::components::Form;

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

/// The heading of a list of people: those of kotak `kotak`, or everyone placed.
pub fn people_title(kotak: Option<u8>, lang: Lang) -> String {
    match kotak {
        Some(k) => lang.pick(
            format!("Pegawai di kotak {k}"),
            format!("Employees in box {k}"),
        ),
        None => lang
            .pick("Pegawai terpetakan", "Employees placed")
            .to_owned(),
    }
}

/// Share of `n` in `total`, "12,5 %", or "—" when there is nobody.
pub fn share(n: i64, total: i64, lang: Lang) -> String {
    if total == 0 {
        "—".to_owned()
    } else {
        format!("{} %", lang.decimal(n as f64 * 100.0 / total as f64, 1))
    }
}

pub fn count(n: i64, lang: Lang) -> String {
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
            let people = lang.count(per_kotak[usize::from(k.number()) - 1], ORANG);
            let k = k.number();
            lang.pick(format!("kotak {k}: {people}"), format!("box {k}: {people}"))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let label = format!(
        "{}, {}: {boxes}",
        lang.pick("9 kotak manajemen talenta", "9-box talent grid"),
        filters::map_filter(&filter, &map.units, lang),
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
    let (placed_text, calibrated) = (lang.count(placed, PEGAWAI), count(map.calibrated, lang));
    let caption = lang.pick(
        format!("{placed_text} terpetakan; {calibrated} dikalibrasi komite. Sumbu Y: kinerja · Sumbu X: potensial · Kotak 7-9 (hijau): kelompok rencana suksesi."),
        format!("{placed_text} placed; {calibrated} calibrated by the committee. Y axis: performance · X axis: potential · Boxes 7-9 (green): the succession pool."),
    );
    view! {
        <div class="peta">
            <NineBox label caption
                cell=move |kotak: Kotak| {
                    let k = kotak.number();
                    let n = per_kotak[usize::from(k) - 1];
                    let here = selected == Some(k);
                    let (employees, percent) = (lang.count(n, PEGAWAI), share(n, placed, lang));
                    let cell_label = lang.pick(
                        format!("Kotak {k}: {employees}, {percent}"),
                        format!("Box {k}: {employees}, {percent}"),
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

/// A person's row heading in a list: their name, linked to their card, over their NIP.
#[component]
pub fn PersonHeading(nip: String, name: String) -> impl IntoView {
    view! {
        <th scope="row">
            <a href=format!("/pegawai/{nip}")>{name}</a>
            <span class="keterangan nip">{nip.clone()}</span>
        </th>
    }
}
