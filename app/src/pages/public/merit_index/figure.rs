//! A merit-index trend chart for a set of histories: the plotters SVG plus a focusable,
//! hoverable marker over every point that tells instansi, year, score, category and source.
//! The markers are plain links styled by CSS, so they work before the WASM arrives. Two
//! drawings are sent, wide and narrow; CSS shows the one that fits the screen.

use crate::api::merit_index::{InstansiHistory, MeritScore, ProvinceMedian};
use crate::charts::merit_trend::{self, Layout, TrendLine};
use crate::domain::merit_index::Framework;
use crate::i18n::{terms, use_lang, Lang};
use leptos::prelude::*;

/// A province's median is drawn only for years with at least this many instansi: over one
/// it is that instansi's own score and would hide its line. The table lists every median.
const MIN_INSTANSI_FOR_MEDIAN_LINE: usize = 3;

/// One chart per framework the histories have scores in: the two scales never share an axis.
#[component]
pub fn TrendFigures(
    histories: Vec<InstansiHistory>,
    /// Drawn as lines of their own, named "Median Prov. …", after the instansi, for the
    /// years with enough instansi behind them.
    #[prop(optional)]
    medians: Vec<ProvinceMedian>,
) -> impl IntoView {
    Framework::ALL
        .into_iter()
        .filter(|f| {
            histories
                .iter()
                .any(|h| h.scores.iter().any(|s| s.framework == *f))
        })
        .map(|framework| {
            view! { <TrendFigure framework histories=histories.clone() medians=medians.clone()/> }
        })
        .collect_view()
}

/// The chart of one framework: the histories' scores in other frameworks are left out.
#[component]
fn TrendFigure(
    framework: Framework,
    histories: Vec<InstansiHistory>,
    medians: Vec<ProvinceMedian>,
) -> impl IntoView {
    let lang = use_lang();
    let title = terms::framework_title(framework, lang);
    let scores: Vec<Vec<&MeritScore>> = histories
        .iter()
        .map(|h| {
            h.scores
                .iter()
                .filter(|s| s.framework == framework)
                .collect()
        })
        .collect();
    let lines: Vec<TrendLine> = histories
        .iter()
        .zip(&scores)
        .map(|(h, scores)| TrendLine {
            label: h.instansi.short_name().to_owned(),
            points: scores.iter().map(|s| (s.year, s.score)).collect(),
            dashed: false,
        })
        .chain(
            medians
                .iter()
                .filter(|m| m.framework == framework)
                .map(|m| TrendLine {
                    label: lang.pick(
                        format!("Median Prov. {}", m.province),
                        format!("Median, {} province", m.province),
                    ),
                    points: m
                        .points
                        .iter()
                        .filter(|(_, _, n)| *n >= MIN_INSTANSI_FOR_MEDIAN_LINE)
                        .map(|(year, median, _)| (*year, *median))
                        .collect(),
                    dashed: true,
                })
                .filter(|line| !line.points.is_empty()),
        )
        .collect();
    let description = lang.pick(
        format!("Grafik tren {title}; data lengkap ada di tabel di bawah."),
        format!("Trend chart of the {title}; the full data is in the table below."),
    );
    let canvases = [
        (Layout::WIDE, "grafik-kanvas lebar"),
        (Layout::NARROW, "grafik-kanvas sempit"),
    ]
    .into_iter()
    .map(
        |(layout, class)| match merit_trend::render(framework, &lines, layout, lang) {
            Ok(chart) => {
                let markers = chart
                    .markers
                    .iter()
                    .filter_map(|m| {
                        Some(point_marker(
                            lang,
                            histories.get(m.line)?,
                            scores.get(m.line)?.get(m.point)?,
                            m.left_percent,
                            m.top_percent,
                        ))
                    })
                    .collect_view();
                let ratio = format!("aspect-ratio: {} / {}", chart.width, chart.height);
                view! {
                    <div class=class style=ratio>
                        <div class="grafik-svg" role="img" aria-label=description.clone() inner_html=chart.svg></div>
                        {markers}
                    </div>
                }
                .into_any()
            }
            Err(error) => {
                log_chart_error(&error);
                view! {
                    <p class="pemberitahuan galat">
                        {lang.pick("Grafik tidak dapat digambar.", "The chart could not be drawn.")}
                    </p>
                }
                .into_any()
            }
        },
    )
    .collect_view();
    view! {
        <figure class="grafik">
            <figcaption>{title}</figcaption>
            {canvases}
        </figure>
    }
}

/// A link over one drawn point, leading to the instansi's history, with its details as a
/// tooltip on hover and keyboard focus.
fn point_marker(
    lang: Lang,
    history: &InstansiHistory,
    score: &MeritScore,
    left: f64,
    top: f64,
) -> impl IntoView {
    let category = score
        .category()
        .map(|c| terms::merit_category(&c, lang))
        .unwrap_or_default();
    let value = lang.decimal(score.score, 2);
    let (name, year, source) = (&history.instansi.name, score.year, &score.source);
    let label = lang.pick(
        format!("{name}, {year}: skor {value}, kategori {category}. Sumber: {source}"),
        format!("{name}, {year}: score {value}, category {category}. Source: {source}"),
    );
    // Tooltips of points on the right open to the left, so they stay inside the chart.
    let class = if left > 60.0 { "titik kiri" } else { "titik" };
    view! {
        <a class=class style=format!("left:{left:.3}%;top:{top:.3}%")
            href=format!("/indeks-merit/{}", history.instansi.slug) aria-label=label>
            <span class="tip" aria-hidden="true">
                <strong>{history.instansi.short_name().to_owned()}</strong>
                <span>{lang.pick(format!("Tahun {year}"), format!("Year {year}"))}</span>
                <span>{lang.pick(format!("Skor {value}"), format!("Score {value}"))}</span>
                <span>{lang.pick(format!("Kategori {category}"), format!("Category {category}"))}</span>
                <span class="sumber">{lang.pick(format!("Sumber: {source}"), format!("Source: {source}"))}</span>
            </span>
        </a>
    }
}

/// A chart that cannot be drawn is a bug: the reader gets a plain sentence, the log the cause.
fn log_chart_error(error: &crate::charts::ChartError) {
    #[cfg(feature = "ssr")]
    tracing::error!(%error, "merit-index chart not drawn");
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}
