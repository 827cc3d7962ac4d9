//! `/talenta/sebaran`: the filtered talent map spread per OPD and over the periods, and the
//! talent pool (kotak 7-9) per OPD. Each chart is drawn as SVG on the server and followed by
//! its table, so it reads without JavaScript and without seeing colours.

use super::get_distributions;
use super::nav::{filter_query, DownloadLinks, OfficeNav};
use super::widgets::{share, FilterForm};
use crate::api::talent_map::{Distributions, KotakCounts, MapFilter};
use crate::charts::distribution::{bars, stacked, BarRow, StackedRow};
use crate::charts::ChartError;
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::{filters, use_lang, Lang};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SpreadPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| MapFilter::from_params(|key| q.get(key))));
    let data = Resource::new(move || filter.get(), get_distributions);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Sebaran talenta | Jenjang", "Talent spread | Jenjang")/>
        <Loaded resource=data show=move |d| view! { <SpreadView d filter=filter.get_untracked()/> }/>
    }
}

/// A chart's SVG with its description, or the reason it could not be drawn.
fn figure(svg: Result<String, ChartError>, description: String) -> impl IntoView {
    let lang = use_lang();
    match svg {
        Ok(svg) => Either::Left(view! {
            // Drawn 640 px wide: on a phone it keeps that width (its 13 px labels stay
            // readable) and scrolls sideways inside its frame; the table beside it says the same.
            <div class="gulir-grafik" tabindex="0" role="group" aria-label=lang.pick("Grafik, dapat digeser ke samping", "Chart, scrolls sideways")>
                <div class="grafik-svg grafik-sebaran" role="img" aria-label=description inner_html=svg></div>
            </div>
        }),
        Err(error) => Either::Right(view! {
            <p class="pemberitahuan galat">{error.message(lang)}</p>
        }),
    }
}

fn stacked_rows(rows: &[KotakCounts]) -> Vec<StackedRow> {
    rows.iter()
        .map(|r| StackedRow {
            label: r.label.clone(),
            per_kotak: r.per_kotak,
        })
        .collect()
}

/// One row per group, one column per kotak (9 down to 1), the placed total and those not
/// placed: the table alternative of a stacked chart.
#[component]
fn CountsTable(rows: Vec<KotakCounts>, caption: String, first: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data ringkas">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        {(1..=9).rev().map(|k| view! { <th scope="col" class="angka">{format!("K{k}")}</th> }).collect_view()}
                        <th scope="col" class="angka">{placed_heading(lang)}</th>
                        <th scope="col" class="angka">{lang.pick("Belum", "Not yet")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.label.clone()}</th>
                            {(0..9).rev().map(|k| view! { <td class="angka">{r.per_kotak[k]}</td> }).collect_view()}
                            <td class="angka">{r.placed()}</td>
                            <td class="angka">{r.not_placed}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn placed_heading(lang: Lang) -> &'static str {
    lang.pick("Terpetakan", "Placed")
}

fn describe(rows: &[KotakCounts], lang: Lang) -> String {
    rows.iter()
        .map(|r| {
            let (placed, pool) = (r.placed(), share(r.talent_pool(), r.placed(), lang));
            lang.pick(
                format!("{}: {placed} terpetakan, kotak 7-9 {pool}", r.label),
                format!("{}: {placed} placed, boxes 7-9 {pool}", r.label),
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn SpreadView(d: Distributions, filter: MapFilter) -> impl IntoView {
    let lang = use_lang();
    let description = filters::map_filter(&filter, &d.units, lang);
    let grouping = filters::grouping(&d, lang);
    let period = d.period.map_or("—".to_owned(), |p| p.to_string());
    let pool_rows: Vec<BarRow> = d
        .by_unit
        .iter()
        .map(|r| BarRow {
            label: r.label.clone(),
            value: r.talent_pool(),
            total: r.placed(),
        })
        .collect();
    let by_unit_chart = figure(
        stacked(&stacked_rows(&d.by_unit), lang),
        format!(
            "{} {grouping}: {}",
            lang.pick("Sebaran kotak per", "Boxes per"),
            describe(&d.by_unit, lang)
        ),
    );
    let by_period_chart = figure(
        stacked(&stacked_rows(&d.by_period), lang),
        format!(
            "{}: {}",
            lang.pick("Sebaran kotak per periode", "Boxes per period"),
            describe(&d.by_period, lang)
        ),
    );
    let pool_text = pool_rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {}",
                r.label,
                r.value,
                lang.pick("dari", "of"),
                r.total
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let pool_chart = figure(
        bars(&pool_rows, lang),
        lang.pick(
            format!("Kotak 7-9 per {grouping}: {pool_text}"),
            format!("Boxes 7-9 per {grouping}: {pool_text}"),
        ),
    );
    let unit_heading = lang.pick("Unit kerja", "Work unit");
    view! {
        <h1>{format!("{} {}", lang.pick("Sebaran talenta", "Talent spread of"), d.instansi)}</h1>
        <p class="pengantar">{lang.pick(
            format!("Periode {period}: {description}. Tiap grafik diikuti tabel angkanya."),
            format!("Period {period}: {description}. Each chart is followed by its table of numbers."),
        )}</p>
        <OfficeNav slug=d.slug.clone() here="/talenta/sebaran"/>
        <FilterForm slug=d.slug.clone() units=d.units.clone() filter=filter.clone()
            action="/talenta/sebaran".to_owned() periods=d.periods.clone() period=d.period/>
        <section>
            <h2>{lang.pick(
                format!("Sebaran kotak per {grouping}, periode {period}"),
                format!("Boxes per {grouping}, period {period}"),
            )}</h2>
            {by_unit_chart}
            <CountsTable rows=d.by_unit.clone() caption=lang.pick(
                format!("Pegawai per kotak per {grouping}, periode {period}"),
                format!("Employees per box per {grouping}, period {period}"),
            ) first=unit_heading/>
            <DownloadLinks dataset="sebaran" what=lang.pick("tabel ini", "this table").to_owned() query=filter_query(&filter, &[])/>
        </section>
        <section>
            <h2>{lang.pick("Sebaran kotak antarperiode", "Boxes over the periods")}</h2>
            {by_period_chart}
            <CountsTable rows=d.by_period.clone()
                caption=lang.pick("Pegawai per kotak per periode", "Employees per box per period").to_owned()
                first=lang.pick("Periode", "Period")/>
        </section>
        <section>
            <h2>{lang.pick(
                format!("Kelompok rencana suksesi (kotak 7-9) per {grouping}, periode {period}"),
                format!("Succession pool (boxes 7-9) per {grouping}, period {period}"),
            )}</h2>
            {pool_chart}
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{lang.pick(
                        format!("Pegawai di kotak 7-9 per {grouping}"),
                        format!("Employees in boxes 7-9 per {grouping}"),
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{unit_heading}</th>
                            <th scope="col" class="angka">{lang.pick("Kotak 7-9", "Boxes 7-9")}</th>
                            <th scope="col" class="angka">{placed_heading(lang)}</th>
                            <th scope="col" class="angka">{lang.pick("Persentase", "Share")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {d.by_unit.iter().map(|r| view! {
                            <tr>
                                <th scope="row">{r.label.clone()}</th>
                                <td class="angka">{r.talent_pool()}</td>
                                <td class="angka">{r.placed()}</td>
                                <td class="angka">{share(r.talent_pool(), r.placed(), lang)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
