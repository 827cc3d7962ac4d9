//! A merit-index trend chart for a set of histories: the plotters SVG plus a focusable,
//! hoverable marker over every point that tells instansi, year, body, score, category and
//! source. The markers are plain links styled by CSS, so they work before the WASM arrives.
//! Two drawings are sent, wide and narrow; CSS shows the one that fits the screen.
//!
//! Only scores are drawn (a category published alone has no place on the axis), and never
//! more lines than a reader can tell apart: the first instansi, then the provinces' medians,
//! up to [`MAX_LINES`]; a sentence under the chart says what only the table holds.

use crate::api::merit_index::{InstansiHistory, MeritScore, ProvinceMedian};
use crate::charts::merit_trend::{self, Layout, TrendLine};
use crate::charts::PALETTE;
use crate::domain::merit_index::Framework;
use crate::domain::merit_result::Body;
use crate::i18n::{terms, use_lang, Lang};
use leptos::prelude::*;

/// A province's median is drawn only for years with at least this many instansi: over one
/// it is that instansi's own score and would hide its line. The table lists every median.
const MIN_INSTANSI_FOR_MEDIAN_LINE: usize = 3;

/// The most lines one chart draws: one per colour, each with its own look.
pub const MAX_LINES: usize = PALETTE.len();

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
            histories.iter().any(|h| {
                h.scores
                    .iter()
                    .any(|s| s.framework == *f && s.score.is_some())
            })
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
    // The instansi with a score on this scale, each with those scores: a line each.
    let drawable: Vec<(&InstansiHistory, Vec<&MeritScore>)> = histories
        .iter()
        .map(|h| {
            let scores: Vec<&MeritScore> = h
                .scores
                .iter()
                .filter(|s| s.framework == framework && s.score.is_some())
                .collect();
            (h, scores)
        })
        .filter(|(_, scores)| !scores.is_empty())
        .collect();
    let median_lines: Vec<TrendLine> = medians
        .iter()
        .filter(|m| m.framework == framework)
        .map(|m| TrendLine {
            label: median_label(m, lang),
            points: m
                .points
                .iter()
                .filter(|(_, _, n)| *n >= MIN_INSTANSI_FOR_MEDIAN_LINE)
                .map(|(year, median, _)| (*year, *median))
                .collect(),
            dashed: true,
        })
        .filter(|line| !line.points.is_empty())
        .collect();
    let drawn = &drawable[..drawable.len().min(MAX_LINES)];
    let median_room = MAX_LINES - drawn.len();
    let (histories, scores): (Vec<&InstansiHistory>, Vec<Vec<&MeritScore>>) =
        drawn.iter().cloned().unzip();
    let lines: Vec<TrendLine> = histories
        .iter()
        .zip(&scores)
        .map(|(h, scores)| TrendLine {
            label: h.instansi.short_name().to_owned(),
            points: scores
                .iter()
                .filter_map(|s| Some((s.year, s.score?)))
                .collect(),
            dashed: false,
        })
        .chain(median_lines.iter().take(median_room).cloned())
        .collect();
    let left_out = left_out_note(
        drawable.len() - drawn.len(),
        median_lines.len().saturating_sub(median_room),
        lang,
    );
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
            {left_out.map(|text| view! { <p class="catatan-grafik">{text}</p> })}
        </figure>
    }
}

/// "Median Prov. Bali", "Median nasional (BKN)": a median line's name in the legend.
fn median_label(median: &ProvinceMedian, lang: Lang) -> String {
    let place = if median.province.trim().is_empty() {
        lang.pick("Median nasional", "National median").to_owned()
    } else {
        lang.pick(
            format!("Median Prov. {}", median.province),
            format!("Median, {} province", median.province),
        )
    };
    match median.body {
        Body::Kasn => place,
        Body::Bkn => format!("{place} ({})", median.body.code()),
    }
}

/// What the chart leaves to the table, when it leaves anything.
fn left_out_note(instansi: usize, medians: usize, lang: Lang) -> Option<String> {
    use crate::i18n::count::{GARIS_MEDIAN, INSTANSI};
    let most = MAX_LINES;
    match (instansi, medians) {
        (0, 0) => None,
        (0, medians) => {
            let medians = lang.count(medians, GARIS_MEDIAN);
            Some(lang.pick(
                format!("Grafik memuat paling banyak {most} garis; {medians} hanya ada di tabel di bawah."),
                format!("The chart draws at most {most} lines; {medians} are only in the table below."),
            ))
        }
        (instansi, _) => {
            let instansi = lang.count(instansi, INSTANSI);
            Some(lang.pick(
                format!("Grafik memuat paling banyak {most} garis: {most} instansi pertama yang dipilih. {instansi} lainnya dan median provinsinya hanya ada di tabel di bawah."),
                format!("The chart draws at most {most} lines: the first {most} instansi chosen. {instansi} more and the province medians are only in the table below."),
            ))
        }
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
    let value = super::score_text(score, lang);
    let (name, year, source) = (&history.instansi.name, score.year, &score.source);
    let body = score.body.code();
    let label = lang.pick(
        format!("{name}, {year} ({body}): skor {value}, kategori {category}. Sumber: {source}"),
        format!("{name}, {year} ({body}): score {value}, category {category}. Source: {source}"),
    );
    // Tooltips of points on the right open to the left, so they stay inside the chart.
    let class = if left > 60.0 { "titik kiri" } else { "titik" };
    view! {
        <a class=class style=format!("left:{left:.3}%;top:{top:.3}%")
            href=format!("/indeks-merit/{}", history.instansi.slug) aria-label=label>
            <span class="tip" aria-hidden="true">
                <strong>{history.instansi.short_name().to_owned()}</strong>
                <span>{lang.pick(format!("Tahun {year}, penilaian {body}"), format!("Year {year}, {body} assessment"))}</span>
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
