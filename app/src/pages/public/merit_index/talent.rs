//! The talent-management picture on `/indeks-merit/{slug}` for an instansi that maps its ASN
//! with Jenjang: pegawai mapped, the 9-box per OPD and per period, the talent pool and the
//! 20 JP attainment. Every number arrives already through disclosure control.

use crate::components::loaded::Loaded;
use crate::domain::disclosure::{Disclosed, MIN_COUNT, MIN_PEOPLE_FOR_AVERAGE};
use crate::error::AppError;
use crate::format::decimal_id;
use crate::talent_picture::{share, sum, TalentPicture, NOT_MAPPED};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "indeks-merit/talenta")]
pub async fn get_talent_picture(
    slug: String,
    periode: Option<i32>,
) -> Result<Option<TalentPicture>, AppError> {
    if !crate::domain::instansi::is_valid_slug(&slug) {
        return Err(AppError::NotFound);
    }
    let pool = crate::auth::guard::gate()?.public().clone();
    crate::services::talent_picture::picture(&pool, &slug, periode).await
}

/// The section, or nothing when the instansi does not map its ASN with Jenjang.
#[component]
pub fn TalentPictureSection(slug: String) -> impl IntoView {
    let query = use_query_map();
    let period = Memo::new(move |_| {
        query.with(|q| q.get("periode").and_then(|p| p.trim().parse::<i32>().ok()))
    });
    let picture = Resource::new(
        move || (slug.clone(), period.get()),
        |(slug, periode)| get_talent_picture(slug, periode),
    );
    view! { <Loaded resource=picture show=maybe_picture/> }
}

fn maybe_picture(picture: Option<TalentPicture>) -> impl IntoView {
    picture.map(|picture| view! { <Picture picture/> })
}

fn percent(part: Disclosed, whole: Disclosed) -> String {
    share(part, whole).map_or("—".to_owned(), |p| format!("{} %", decimal_id(p, 1)))
}

fn published(n: Option<u64>) -> String {
    n.map_or("–".to_owned(), |n| Disclosed::Shown(n).text())
}

#[component]
fn Picture(picture: TalentPicture) -> impl IntoView {
    let totals = &picture.kotak.column_totals;
    let mapped = totals.get(..NOT_MAPPED).and_then(sum);
    let pool = totals.get(6..9).and_then(sum);
    let reached = picture
        .training
        .column_totals
        .first()
        .copied()
        .unwrap_or(Disclosed::Hidden);
    let everyone = picture.kotak.total;
    let summary = format!(
        "Periode {}: {} pegawai; {} dipetakan ke 9 kotak ({}); {} di kelompok rencana suksesi (kotak 7-9); {} mencapai {} JP pengembangan kompetensi ({}).",
        picture.period,
        everyone.text(),
        published(mapped),
        percent(mapped.map_or(Disclosed::Hidden, Disclosed::Shown), everyone),
        published(pool),
        reached.text(),
        decimal_id(picture.jp_target, 0),
        percent(reached, everyone),
    );
    let periods = picture.periods.clone();
    let current = picture.period;
    view! {
        <section class="gambaran-talenta" aria-labelledby="gambaran-talenta">
            <h2 id="gambaran-talenta">"Gambaran manajemen talenta"</h2>
            <p>{summary}</p>
            <p class="keterangan">{format!(
                "Hanya angka agregat. Jumlah 1-{} orang ditampilkan sebagai \"<{MIN_COUNT}\", dan angka lain yang dapat dipakai untuk menghitungnya disamarkan (\"–\"). Persentase hanya untuk {MIN_PEOPLE_FOR_AVERAGE} orang atau lebih.",
                MIN_COUNT - 1
            )}</p>
            <Form method="GET" action=format!("/indeks-merit/{}", picture.slug) attr:class="cari">
                <label for="periode-talenta">"Periode"</label>
                <select name="periode" id="periode-talenta">
                    {periods.into_iter().map(|p| view! {
                        <option value=p.to_string() selected=p == current>{p.to_string()}</option>
                    }).collect_view()}
                </select>
                <button type="submit">"Tampilkan"</button>
            </Form>
            <PerOpd picture=picture.clone()/>
            <Training picture=picture.clone()/>
            <PerPeriod picture=picture.clone()/>
            <p class="unduh">
                {format!("Unduh tabel periode {current}: ")}
                <a href=format!("/unduh/talenta/{}.csv?periode={current}", picture.slug) download>"CSV"</a>
                " "
                <a href=format!("/unduh/talenta/{}.xlsx?periode={current}", picture.slug) download>"XLSX"</a>
            </p>
        </section>
    }
}

fn kotak_headers() -> impl IntoView {
    (1..=9)
        .map(|k| view! { <th scope="col" class="angka"><abbr title=format!("kotak {k}")>{format!("K{k}")}</abbr></th> })
        .collect_view()
}

fn cells(counts: &[Disclosed]) -> impl IntoView {
    counts
        .iter()
        .map(|c| view! { <td class="angka">{c.text()}</td> })
        .collect_view()
}

#[component]
fn PerOpd(picture: TalentPicture) -> impl IntoView {
    let rows = picture
        .opd
        .iter()
        .zip(&picture.kotak.cells)
        .zip(&picture.kotak.row_totals)
        .enumerate()
        .map(|(r, ((name, row), total))| {
            let total = *total;
            let mapped = picture.mapped(r);
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="angka">{total.text()}</td>
                    <td class="angka">{published(mapped)}</td>
                    <td class="angka">{percent(mapped.map_or(Disclosed::Hidden, Disclosed::Shown), total)}</td>
                    {cells(row.get(..NOT_MAPPED).unwrap_or_default())}
                    <td class="angka">{published(picture.pool(r))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{format!("Sebaran 9 kotak per perangkat daerah, periode {}", picture.period)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Perangkat daerah"</th>
                        <th scope="col" class="angka">"Pegawai"</th>
                        <th scope="col" class="angka">"Dipetakan"</th>
                        <th scope="col" class="angka">"% dipetakan"</th>
                        {kotak_headers()}
                        <th scope="col" class="angka">"KRS (7-9)"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Training(picture: TalentPicture) -> impl IntoView {
    let rows = picture
        .opd
        .iter()
        .zip(&picture.training.cells)
        .zip(&picture.training.row_totals)
        .map(|((name, row), total)| {
            let reached = row.first().copied().unwrap_or(Disclosed::Hidden);
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="angka">{total.text()}</td>
                    {cells(row)}
                    <td class="angka">{percent(reached, *total)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{format!(
                    "Capaian {} JP pengembangan kompetensi per perangkat daerah, tahun {}",
                    decimal_id(picture.jp_target, 0),
                    picture.period
                )}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Perangkat daerah"</th>
                        <th scope="col" class="angka">"Pegawai"</th>
                        <th scope="col" class="angka">"Mencapai"</th>
                        <th scope="col" class="angka">"Belum mencapai"</th>
                        <th scope="col" class="angka">"% mencapai"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn PerPeriod(picture: TalentPicture) -> impl IntoView {
    let rows = picture
        .by_period
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row">{d.period.to_string()}</th>
                    <td class="angka">{d.mapped.text()}</td>
                    {cells(&d.per_kotak)}
                    <td class="angka">{published(d.per_kotak.get(6..9).and_then(sum))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>"Sebaran 9 kotak per periode, seluruh instansi"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Periode"</th>
                        <th scope="col" class="angka">"Dipetakan"</th>
                        {kotak_headers()}
                        <th scope="col" class="angka">"KRS (7-9)"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
