//! `/indeks-merit`: the merit index of the selected instansi over the years.

use super::figure::TrendFigures;
use super::selector::InstansiSelector;
use super::table::{MeritDownloads, MeritTable};
use super::{
    get_merit_overview, median_text, requested_selection, selection_query, FILTER_PARAM,
    SELECTION_PARAM, YEAR_PARAM,
};
use crate::api::merit_index::{MeritOverview, Ranking, RankingTable};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

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
    let filter = Memo::new(move |_| query.with(|q| q.get(FILTER_PARAM).unwrap_or_default()));
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick(
            "Indeks Sistem Merit per instansi | Jenjang",
            "Merit System Index per instansi | Jenjang",
        )/>
        <h1>{lang.pick("Indeks Sistem Merit ASN per instansi", "ASN Merit System Index per instansi")}</h1>
        <p class="pengantar">{lang.pick(
            "Hasil Indeks Sistem Merit yang dipublikasikan untuk kementerian, lembaga, dan pemerintah provinsi, kabupaten dan kota, dari tahun ke tahun. Setiap titik menyebutkan sumber publikasinya. Tahun tanpa data dibiarkan kosong, tidak ditebak; hasil yang hanya menyebut kategori ada di tabel, bukan di grafik, median atau peringkat.",
            "The published Merit System Index results of ministries, agencies and provincial, regency and city governments, year by year. Every point names the publication it comes from. Years without data are left empty, never guessed; results that name only a category are in the table, never in the chart, a median or a ranking.",
        )}</p>
        <Loaded resource=overview show=move |overview| view! { <Overview overview filter=filter.get_untracked()/> }/>
    }
}

#[component]
fn Overview(overview: MeritOverview, filter: String) -> impl IntoView {
    let MeritOverview {
        catalogue,
        selected,
        medians,
        ranking,
    } = overview;
    let lang = use_lang();
    let slugs: Vec<String> = selected.iter().map(|h| h.instansi.slug.clone()).collect();
    let body = if selected.is_empty() {
        view! {
            <p class="pemberitahuan">{lang.pick(
                "Belum ada instansi yang dipilih. Pilih satu atau beberapa instansi di atas.",
                "No instansi is selected. Choose one or more instansi above.",
            )}</p>
        }
        .into_any()
    } else {
        view! {
            <TrendFigures histories=selected.clone() medians=medians.clone()/>
            <MeritTable histories=selected medians
                caption=lang.pick(
                    "Data grafik: skor Indeks Sistem Merit per instansi dan tahun, dengan median provinsinya",
                    "Chart data: Merit System Index score per instansi and year, with its province's median",
                )/>
            <MeritDownloads query=selection_query(&slugs)/>
        }
        .into_any()
    };
    view! {
        <InstansiSelector catalogue selected=slugs.clone() year=ranking.year filter/>
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
    let lang = use_lang();
    let tables = tables
        .into_iter()
        .map(|RankingTable { framework, body, rows }| {
            let rows = rows
                .into_iter()
                .map(|r| {
                    let category = r
                        .score
                        .category()
                        .map(|c| terms::merit_category(&c, lang))
                        .unwrap_or_default();
                    let median = r
                        .province_median
                        .map_or("—".to_owned(), |(m, n)| median_text(lang, m, n));
                    view! {
                        <tr>
                            <td class="angka">{r.rank}</td>
                            <th scope="row"><a href=format!("/indeks-merit/{}", r.instansi.slug)>{r.instansi.name.clone()}</a></th>
                            <td>{terms::province(&r.instansi.province, lang)}</td>
                            <td class="angka">{lang.score(r.score.score)}</td>
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
                        <caption>{
                            let (title, year, round) = (terms::framework_title(framework, lang), year.unwrap_or_default(), terms::body_round(body, lang));
                            lang.pick(format!("Peringkat {title} tahun {year}, {round}"), format!("Ranking, {title}, {year}, {round}"))
                        }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="angka">{lang.pick("Peringkat", "Rank")}</th>
                                <th scope="col">"Instansi"</th>
                                <th scope="col">{lang.pick("Provinsi", "Province")}</th>
                                <th scope="col" class="angka">{lang.pick("Skor", "Score")}</th>
                                <th scope="col">{lang.pick("Kategori", "Category")}</th>
                                <th scope="col" class="angka">{lang.pick("Median provinsi", "Province median")}</th>
                                <th scope="col">{lang.pick("Sumber", "Source")}</th>
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
            <h2 id="peringkat">{lang.pick("Peringkat per tahun", "Ranking by year")}</h2>
            <p>{lang.pick(
                "Semua instansi yang skornya dipublikasikan pada tahun itu, dari yang tertinggi, satu tabel per skala dan per penilaian (KASN atau BKN); skor yang sama berbagi peringkat. Hasil yang hanya menyebut kategori tidak diperingkat. Median provinsi adalah nilai tengah skor instansi di provinsi yang sama pada tahun dan penilaian itu.",
                "Every instansi with a score published that year, highest first, one table per scale and per assessment (KASN or BKN); equal scores share a rank. Results that name only a category are not ranked. The province median is the middle score of the instansi of the same province in that year and assessment.",
            )}</p>
            <Form method="GET" action="/indeks-merit" attr:class="cari">
                // An empty selection stays explicit (`instansi=`), as in the selector.
                {if slugs.is_empty() { vec![String::new()] } else { slugs }
                    .into_iter()
                    .map(|s| view! { <input type="hidden" name=SELECTION_PARAM value=s/> })
                    .collect_view()}
                <label for="tahun-peringkat">{lang.pick("Tahun", "Year")}</label>
                <select name=YEAR_PARAM id="tahun-peringkat">
                    {years.into_iter().map(|y| view! {
                        <option value=y.to_string() selected=Some(y) == year>{y.to_string()}</option>
                    }).collect_view()}
                </select>
                <button type="submit">{lang.pick("Tampilkan peringkat", "Show ranking")}</button>
            </Form>
            {tables}
        </section>
    }
}
