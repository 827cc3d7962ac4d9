//! A merit-index trend chart for a set of histories: the plotters SVG plus a focusable,
//! hoverable marker over every point that tells instansi, year, score, category and source.
//! The markers are plain links styled by CSS, so they work before the WASM arrives.

use super::InstansiHistory;
use crate::charts::merit_trend::{self, TrendLine};
use crate::domain::merit_index::Framework;
use crate::format::decimal_id;
use leptos::prelude::*;

/// The chart of one framework: the histories' scores in other frameworks are left out.
#[component]
pub fn TrendFigure(framework: Framework, histories: Vec<InstansiHistory>) -> impl IntoView {
    let lines: Vec<TrendLine> = histories
        .iter()
        .map(|h| TrendLine {
            label: h.instansi.short_name().to_owned(),
            points: h
                .scores
                .iter()
                .filter(|s| s.framework == framework)
                .map(|s| (s.year, s.score))
                .collect(),
        })
        .collect();
    let chart = match merit_trend::render(framework, &lines) {
        Ok(chart) => chart,
        Err(error) => {
            return view! { <p class="pemberitahuan galat">{error.to_string()}</p> }.into_any();
        }
    };
    let scores_of = |line: usize| {
        histories[line]
            .scores
            .iter()
            .filter(|s| s.framework == framework)
            .collect::<Vec<_>>()
    };
    let markers = chart
        .markers
        .iter()
        .filter_map(|marker| {
            let history = &histories[marker.line];
            let score = *scores_of(marker.line).get(marker.point)?;
            let category = score
                .category()
                .map(|c| c.display_name())
                .unwrap_or_default();
            let value = decimal_id(score.score, 2);
            let label = format!(
                "{}, {}: skor {}, kategori {}. Sumber: {}",
                history.instansi.name, score.year, value, category, score.source
            );
            let side = if marker.left_percent > 60.0 {
                "titik kiri"
            } else {
                "titik"
            };
            let style = format!(
                "left:{:.3}%;top:{:.3}%",
                marker.left_percent, marker.top_percent
            );
            Some(view! {
                <a class=side style=style href=format!("/indeks-merit/{}", history.instansi.slug)
                    aria-label=label>
                    <span class="tip" aria-hidden="true">
                        <strong>{history.instansi.short_name().to_owned()}</strong>
                        <span>{format!("Tahun {}", score.year)}</span>
                        <span>{format!("Skor {value}")}</span>
                        <span>{format!("Kategori {category}")}</span>
                        <span class="sumber">{format!("Sumber: {}", score.source)}</span>
                    </span>
                </a>
            })
        })
        .collect_view();
    let ratio = format!("aspect-ratio: {} / {}", chart.width, chart.height);
    view! {
        <figure class="grafik">
            <figcaption>{framework.title()}</figcaption>
            <div class="grafik-gulir">
                <div class="grafik-kanvas" style=ratio>
                    <div class="grafik-svg" role="img"
                        aria-label=format!("Grafik tren {}; data lengkap ada di tabel di bawah.", framework.title())
                        inner_html=chart.svg></div>
                    {markers}
                </div>
            </div>
        </figure>
    }
    .into_any()
}
