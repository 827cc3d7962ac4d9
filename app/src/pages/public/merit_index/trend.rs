//! `/indeks-merit`: the merit index of the selected instansi over the years.

use super::figure::TrendFigures;
use super::selector::InstansiSelector;
use super::table::MeritTable;
use super::{
    get_merit_overview, requested_selection, selection_query, MeritOverview, Ranking,
    SELECTION_PARAM,
};
use crate::components::loaded::Loaded;
use crate::format::decimal_id;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

/// The query parameter of the ranking's year.
const YEAR_PARAM: &str = "tahun";

#[component]
pub fn MeritTrendPage() -> impl IntoView {
    let query = use_query_map();
    let requested =
        Memo::new(move |_| query.with(|q| requested_selection(q.get_all(SELECTION_PARAM))));
    let year = Memo::new(move |_| {
        query.with(|q| q.get(YEAR_PARAM).and_then(|y| y.trim().parse::<i32>().ok()))
    });
    let overview = Resource::new(
        move || (requested.get(), year.get()),
        |(selection, tahun)| get_merit_overview(selection, tahun),
    );
    let selector_open = RwSignal::new(false);
    view! {
        <Title text="Indeks Sistem Merit per instansi | Jenjang"/>
        <h1>"Indeks Sistem Merit ASN per instansi"</h1>
        <p class="pengantar">
            "Skor Indeks Sistem Merit yang dipublikasikan untuk pemerintah provinsi, kabupaten dan kota, "
            "dari tahun ke tahun. Setiap titik menyebutkan sumber publikasinya. Tahun tanpa data "
            "dibiarkan kosong, tidak ditebak."
        </p>
        <Loaded resource=overview show=move |overview| view! { <Overview overview selector_open/> }/>
    }
}

#[component]
fn Overview(overview: MeritOverview, selector_open: RwSignal<bool>) -> impl IntoView {
    let MeritOverview {
        catalogue,
        selected,
        medians,
        ranking,
    } = overview;
    let slugs: Vec<String> = selected.iter().map(|h| h.instansi.slug.clone()).collect();
    let download = format!("/unduh/indeks-merit.csv?{}", selection_query(&slugs));
    let body = if selected.is_empty() {
        view! {
            <p class="pemberitahuan">
                "Belum ada instansi yang dipilih. Centang satu atau beberapa instansi di atas."
            </p>
        }
        .into_any()
    } else {
        view! {
            <TrendFigures histories=selected.clone() medians=medians.clone()/>
            <MeritTable histories=selected medians
                caption="Data grafik: skor Indeks Sistem Merit per instansi dan tahun, dengan median provinsinya"/>
            <p class="unduh">
                <a href=download download="indeks-merit.csv">"Unduh CSV"</a>
                " (data yang sama dengan tabel, termasuk sumber)"
            </p>
        }
        .into_any()
    };
    view! {
        <InstansiSelector catalogue selected=slugs.clone() open=selector_open/>
        {body}
        <RankingSection ranking slugs/>
    }
}

/// The ranking of a chosen year: a GET form that keeps the selection, then one table per
/// scale used that year.
#[component]
fn RankingSection(ranking: Ranking, slugs: Vec<String>) -> impl IntoView {
    let Ranking {
        years,
        year,
        tables,
    } = ranking;
    let tables = tables
        .into_iter()
        .map(|(framework, rows)| {
            let rows = rows
                .into_iter()
                .map(|r| {
                    let category = r.score.category().map(|c| c.display_name()).unwrap_or_default();
                    let median = r.province_median.map_or("—".to_owned(), |(m, n)| {
                        format!("{} ({n} instansi)", decimal_id(m, 2))
                    });
                    view! {
                        <tr>
                            <td class="angka">{r.rank}</td>
                            <th scope="row"><a href=format!("/indeks-merit/{}", r.instansi.slug)>{r.instansi.name.clone()}</a></th>
                            <td>{r.instansi.province.clone()}</td>
                            <td class="angka">{decimal_id(r.score.score, 2)}</td>
                            <td>{category}</td>
                            <td class="angka">{median}</td>
                            <td class="sumber">{r.score.source.clone()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="tabel-gulir" tabindex="0">
                    <table class="data">
                        <caption>{format!("Peringkat {} tahun {}", framework.title(), year.unwrap_or_default())}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="angka">"Peringkat"</th>
                                <th scope="col">"Instansi"</th>
                                <th scope="col">"Provinsi"</th>
                                <th scope="col" class="angka">"Skor"</th>
                                <th scope="col">"Kategori"</th>
                                <th scope="col" class="angka">"Median provinsi"</th>
                                <th scope="col">"Sumber"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="peringkat">
            <h2 id="peringkat">"Peringkat per tahun"</h2>
            <p>"Semua instansi yang skornya dipublikasikan pada tahun itu, dari yang tertinggi; skor yang sama berbagi peringkat. Median provinsi adalah nilai tengah skor instansi di provinsi yang sama pada tahun itu."</p>
            <Form method="GET" action="/indeks-merit" attr:class="cari">
                // An empty selection stays explicit (`instansi=`), as in the selector.
                {if slugs.is_empty() { vec![String::new()] } else { slugs }
                    .into_iter()
                    .map(|s| view! { <input type="hidden" name=SELECTION_PARAM value=s/> })
                    .collect_view()}
                <label for="tahun-peringkat">"Tahun"</label>
                <select name=YEAR_PARAM id="tahun-peringkat">
                    {years.into_iter().map(|y| view! {
                        <option value=y.to_string() selected=Some(y) == year>{y.to_string()}</option>
                    }).collect_view()}
                </select>
                <button type="submit">"Tampilkan peringkat"</button>
            </Form>
            {tables}
        </section>
    }
}
