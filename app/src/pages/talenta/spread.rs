//! `/talenta/sebaran`: the filtered talent map spread per OPD and over the periods, and the
//! talent pool (kotak 7-9) per OPD. Each chart is drawn as SVG on the server and followed by
//! its table, so it reads without JavaScript and without seeing colours.

use super::get_distributions;
use super::map::{share, FilterForm};
use super::nav::{DownloadLinks, OfficeNav};
use crate::charts::distribution::{bars, stacked, BarRow, StackedRow};
use crate::charts::ChartError;
use crate::components::loaded::Loaded;
use crate::talent_map::{Distributions, KotakCounts, MapFilter};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SpreadPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| MapFilter::from_params(|key| q.get(key))));
    let data = Resource::new(move || filter.get(), get_distributions);
    view! {
        <Title text="Sebaran talenta | Jenjang"/>
        <Loaded resource=data show=move |d| view! { <SpreadView d filter=filter.get_untracked()/> }/>
    }
}

/// A chart's SVG with its description, or the reason it could not be drawn.
fn figure(svg: Result<String, ChartError>, description: String) -> impl IntoView {
    match svg {
        Ok(svg) => Either::Left(view! {
            <div class="grafik-svg grafik-sebaran" role="img" aria-label=description inner_html=svg></div>
        }),
        Err(error) => {
            Either::Right(view! { <p class="pemberitahuan galat">{error.to_string()}</p> })
        }
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
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data ringkas">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        {(1..=9).rev().map(|k| view! { <th scope="col" class="angka">{format!("K{k}")}</th> }).collect_view()}
                        <th scope="col" class="angka">"Terpetakan"</th>
                        <th scope="col" class="angka">"Belum"</th>
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

fn describe(rows: &[KotakCounts]) -> String {
    rows.iter()
        .map(|r| {
            format!(
                "{}: {} terpetakan, kotak 7-9 {}",
                r.label,
                r.placed(),
                share(r.talent_pool(), r.placed())
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn SpreadView(d: Distributions, filter: MapFilter) -> impl IntoView {
    let description = filter.describe(&d.units);
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
        stacked(&stacked_rows(&d.by_unit)),
        format!("Sebaran kotak per {}: {}", d.grouping, describe(&d.by_unit)),
    );
    let by_period_chart = figure(
        stacked(&stacked_rows(&d.by_period)),
        format!("Sebaran kotak per periode: {}", describe(&d.by_period)),
    );
    let pool_chart = figure(
        bars(&pool_rows),
        format!(
            "Kotak 7-9 per {}: {}",
            d.grouping,
            pool_rows
                .iter()
                .map(|r| format!("{} {} dari {}", r.label, r.value, r.total))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    );
    view! {
        <h1>{format!("Sebaran talenta {}", d.instansi)}</h1>
        <p class="pengantar">{format!("Periode {period}: {description}. Tiap grafik diikuti tabel angkanya.")}</p>
        <OfficeNav slug=d.slug.clone() here="/talenta/sebaran"/>
        <FilterForm slug=d.slug.clone() units=d.units.clone() filter=filter.clone()
            action="/talenta/sebaran".to_owned() periods=d.periods.clone() period=d.period/>
        <section>
            <h2>{format!("Sebaran kotak per {}, periode {period}", d.grouping)}</h2>
            {by_unit_chart}
            <CountsTable rows=d.by_unit.clone() caption=format!("Pegawai per kotak per {}, periode {period}", d.grouping) first="Unit kerja"/>
            <DownloadLinks dataset="sebaran" what="tabel ini".to_owned() query=filter.query(&[])/>
        </section>
        <section>
            <h2>"Sebaran kotak antarperiode"</h2>
            {by_period_chart}
            <CountsTable rows=d.by_period.clone() caption="Pegawai per kotak per periode".to_owned() first="Periode"/>
        </section>
        <section>
            <h2>{format!("Kelompok rencana suksesi (kotak 7-9) per {}, periode {period}", d.grouping)}</h2>
            {pool_chart}
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{format!("Pegawai di kotak 7-9 per {}", d.grouping)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Unit kerja"</th>
                            <th scope="col" class="angka">"Kotak 7-9"</th>
                            <th scope="col" class="angka">"Terpetakan"</th>
                            <th scope="col" class="angka">"Persentase"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {d.by_unit.iter().map(|r| view! {
                            <tr>
                                <th scope="row">{r.label.clone()}</th>
                                <td class="angka">{r.talent_pool()}</td>
                                <td class="angka">{r.placed()}</td>
                                <td class="angka">{share(r.talent_pool(), r.placed())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
