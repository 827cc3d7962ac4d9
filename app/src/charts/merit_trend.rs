//! The merit-index trend chart: one line per instansi over the years, drawn over the shaded
//! categories of its framework. Only one framework per chart: the two scales never share an
//! axis. Colour is never the only difference: each instansi's points have their own shape,
//! repeated in the legend, and a reference line (a province's median) is dashed.

use super::{ChartError, PALETTE};
use crate::domain::merit_index::Framework;
use crate::i18n::{terms, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One line of the chart: an instansi and its (year, score) points, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendLine {
    pub label: String,
    pub points: Vec<(i32, f64)>,
    /// A reference line (a median): dashed, with no points of its own.
    pub dashed: bool,
}

/// The drawn chart and where each point landed, so the page can lay focusable, hoverable
/// markers with their details exactly over the drawn points.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub markers: Vec<Marker>,
}

/// A drawn point, as a percentage of the chart's width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub line: usize,
    pub point: usize,
    pub left_percent: f64,
    pub top_percent: f64,
}

/// The proportions of a drawing. SVG text scales with the picture, so a phone gets its own
/// narrower drawing (the page switches between the two with CSS) instead of a shrunken one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub width: u32,
    plot_height: u32,
    legend_columns: usize,
}

impl Layout {
    pub const WIDE: Layout = Layout {
        width: 760,
        plot_height: 430,
        legend_columns: 2,
    };
    pub const NARROW: Layout = Layout {
        width: 420,
        plot_height: 400,
        legend_columns: 1,
    };
}

const LEGEND_ROW: u32 = 26;
const FONT: &str = "sans-serif";

/// Pale tints for the category bands, lowest category first.
const BAND_TINTS: [(u8, u8, u8); 5] = [
    (251, 226, 222),
    (253, 240, 213),
    (231, 244, 228),
    (214, 236, 220),
    (200, 228, 236),
];

fn color((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The y range: the whole KASN scale, or the NISM scale stretched to the highest score.
fn y_range(framework: Framework, lines: &[TrendLine]) -> (f64, f64) {
    match framework {
        Framework::Kasn => (100.0, 400.0),
        Framework::Nism => {
            let highest = lines
                .iter()
                .flat_map(|l| l.points.iter().map(|p| p.1))
                .fold(1.2_f64, f64::max);
            (0.0, (highest * 1.1 * 10.0).ceil() / 10.0)
        }
    }
}

/// The year range with half a year of air on both sides, so no point sits on an axis.
fn x_range(lines: &[TrendLine]) -> (f64, f64, usize) {
    let years = lines.iter().flat_map(|l| l.points.iter().map(|p| p.0));
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    if first > last {
        return (2017.5, 2025.5, 8);
    }
    let span = usize::try_from(last - first).unwrap_or_default() + 1;
    (f64::from(first) - 0.5, f64::from(last) + 0.5, span)
}

/// The point shapes, in turn: with the colours they tell lines apart without colour vision.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
}

const SHAPES: [Shape; 4] = [
    Shape::Circle,
    Shape::Square,
    Shape::Triangle,
    Shape::Diamond,
];

/// Draws `shape` centred on the pixel `(x, y)` of `area`.
fn draw_shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    shape: Shape,
    style: ShapeStyle,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    match shape {
        Shape::Circle => area.draw(&Circle::new((x, y), 6, style))?,
        Shape::Square => area.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], style))?,
        Shape::Triangle => area.draw(&Polygon::new(
            vec![(x, y - 7), (x + 7, y + 5), (x - 7, y + 5)],
            style,
        ))?,
        Shape::Diamond => area.draw(&Polygon::new(
            vec![(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)],
            style,
        ))?,
    }
    Ok(())
}

pub fn render(
    framework: Framework,
    lines: &[TrendLine],
    layout: Layout,
    lang: Lang,
) -> Result<TrendChart, ChartError> {
    let Layout {
        width,
        plot_height,
        legend_columns,
    } = layout;
    let legend_rows = u32::try_from(lines.len().div_ceil(legend_columns)).unwrap_or(1);
    let height = plot_height + legend_rows * LEGEND_ROW + 12;
    let (x0, x1, years) = x_range(lines);
    let (y0, y1) = y_range(framework, lines);
    let mut svg = String::new();
    let mut markers = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let (plot_area, legend_area) = root.split_vertically(plot_height);
        let mut chart = ChartBuilder::on(&plot_area)
            .margin_top(16)
            .margin_right(24)
            .margin_left(8)
            .x_label_area_size(56)
            .y_label_area_size(72)
            .build_cartesian_2d(x0..x1, y0..y1)?;

        for (category, tint) in framework.categories().iter().zip(BAND_TINTS) {
            let upper = category.upper.unwrap_or(y1).min(y1);
            if category.lower >= y1 {
                continue;
            }
            chart.draw_series(std::iter::once(Rectangle::new(
                [(x0, category.lower.max(y0)), (x1, upper)],
                color(tint).filled(),
            )))?;
            let label = (FONT, 17)
                .into_font()
                .color(&RGBColor(60, 60, 60))
                .pos(Pos::new(HPos::Right, VPos::Top));
            chart.draw_series(std::iter::once(
                EmptyElement::at((x1, upper))
                    + Text::new(terms::merit_category(category, lang), (-8, 5), label),
            ))?;
        }

        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(BLACK.mix(0.12))
            .x_labels(years + 1)
            .x_label_formatter(&|year| {
                if year.fract() == 0.0 {
                    format!("{year:.0}")
                } else {
                    String::new()
                }
            })
            .y_labels(7)
            .y_label_formatter(&|score| lang.decimal(*score, 2))
            .x_desc(lang.pick("Tahun penilaian", "Year assessed"))
            .y_desc(match framework {
                Framework::Kasn => lang.pick("Skor indeks (100-400)", "Index score (100-400)"),
                Framework::Nism => lang.pick("Nilai indeks (0-1)", "Index value (0-1)"),
            })
            .label_style((FONT, 19))
            .axis_desc_style((FONT, 19))
            .draw()?;

        for (line_index, line) in lines.iter().enumerate() {
            let stroke = color(PALETTE[line_index % PALETTE.len()]);
            let points: Vec<(f64, f64)> = line
                .points
                .iter()
                .map(|&(year, score)| (f64::from(year), score))
                .collect();
            if line.dashed {
                chart.draw_series(DashedLineSeries::new(
                    points.iter().copied(),
                    10,
                    6,
                    stroke.stroke_width(3),
                ))?;
                // A short level bar at each value, so a year on its own still shows.
                for p in &points {
                    let (x, y) = chart.backend_coord(p);
                    root.draw(&PathElement::new(
                        vec![(x - 12, y), (x + 12, y)],
                        stroke.stroke_width(4),
                    ))?;
                }
                continue;
            }
            chart.draw_series(LineSeries::new(
                points.iter().copied(),
                stroke.stroke_width(3),
            ))?;
            let shape = SHAPES[line_index % SHAPES.len()];
            for (point_index, p) in points.iter().enumerate() {
                let (x, y) = chart.backend_coord(p);
                draw_shape(&root, (x, y), shape, stroke.filled())?;
                markers.push(Marker {
                    line: line_index,
                    point: point_index,
                    left_percent: f64::from(x) * 100.0 / f64::from(width),
                    top_percent: f64::from(y) * 100.0 / f64::from(height),
                });
            }
        }

        let columns = i32::try_from(legend_columns).unwrap_or(1);
        let column_width = i32::try_from(width).unwrap_or(760) / columns;
        for (line_index, line) in lines.iter().enumerate() {
            let stroke = color(PALETTE[line_index % PALETTE.len()]);
            let index = i32::try_from(line_index).unwrap_or_default();
            let (row, column) = (index / columns, index % columns);
            let x = 24 + column * column_width;
            let y = 14 + row * LEGEND_ROW as i32;
            if line.dashed {
                for dash in [x, x + 16] {
                    legend_area.draw(&PathElement::new(
                        vec![(dash, y), (dash + 10, y)],
                        stroke.stroke_width(3),
                    ))?;
                }
            } else {
                legend_area.draw(&PathElement::new(
                    vec![(x, y), (x + 28, y)],
                    stroke.stroke_width(3),
                ))?;
                let shape = SHAPES[line_index % SHAPES.len()];
                draw_shape(&legend_area, (x + 14, y), shape, stroke.filled())?;
            }
            legend_area.draw(&Text::new(
                line.label.clone(),
                (x + 38, y),
                TextStyle::from((FONT, 19).into_font()).pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        root.present()?;
    }
    Ok(TrendChart {
        svg,
        width,
        height,
        markers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The content of every `<text>` element, trimmed.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|chunk| {
                let content = chunk.split_once('>')?.1;
                Some(content.split_once("</text>")?.0.trim().to_owned())
            })
            .collect()
    }

    fn kaltim() -> Vec<TrendLine> {
        vec![
            TrendLine {
                label: "Provinsi Kalimantan Timur".into(),
                points: vec![(2018, 232.0), (2020, 240.0), (2022, 263.5), (2023, 271.0)],
                dashed: false,
            },
            TrendLine {
                label: "Kota Balikpapan".into(),
                points: vec![(2022, 266.0)],
                dashed: false,
            },
        ]
    }

    #[test]
    fn draws_bands_axes_legend_and_every_point() {
        let chart = render(Framework::Kasn, &kaltim(), Layout::WIDE, Lang::Id).expect("drawn");
        assert!(chart.svg.starts_with("<svg"));
        let texts = texts(&chart.svg);
        for text in [
            "I (Buruk)",
            "II (Kurang)",
            "III (Baik)",
            "IV (Sangat Baik)",
            "Tahun penilaian",
            "Skor indeks (100-400)",
            "Provinsi Kalimantan Timur",
            "Kota Balikpapan",
            "2018",
            "2023",
        ] {
            assert!(
                texts.iter().any(|t| t == text),
                "missing {text} in {texts:?}"
            );
        }
        // Only whole years are labelled.
        assert!(!texts.iter().any(|t| t.contains('.')), "{texts:?}");
        assert_eq!(chart.markers.len(), 5);
        assert!(chart
            .markers
            .iter()
            .all(|m| (0.0..=100.0).contains(&m.left_percent)
                && (0.0..=100.0).contains(&m.top_percent)));
    }

    #[test]
    fn markers_follow_years_and_scores() {
        let chart = render(Framework::Kasn, &kaltim(), Layout::WIDE, Lang::Id).expect("drawn");
        let kaltim: Vec<&Marker> = chart.markers.iter().filter(|m| m.line == 0).collect();
        // Later years are further right, higher scores higher up (smaller top).
        assert!(kaltim
            .windows(2)
            .all(|w| w[0].left_percent < w[1].left_percent));
        assert!(kaltim
            .windows(2)
            .all(|w| w[0].top_percent > w[1].top_percent));
        let balikpapan = chart.markers.iter().find(|m| m.line == 1).expect("marker");
        let kaltim_2022 = kaltim[2];
        assert!((balikpapan.left_percent - kaltim_2022.left_percent).abs() < 1e-9);
        assert!(balikpapan.top_percent < kaltim_2022.top_percent);
    }

    #[test]
    fn the_narrow_layout_stacks_the_legend() {
        let wide = render(Framework::Kasn, &kaltim(), Layout::WIDE, Lang::Id).expect("drawn");
        let narrow = render(Framework::Kasn, &kaltim(), Layout::NARROW, Lang::Id).expect("drawn");
        assert_eq!(narrow.width, 420);
        assert_eq!(narrow.height - 400, wide.height - 430 + LEGEND_ROW);
        assert!(narrow.svg.starts_with("<svg width=\"420\""));
    }

    #[test]
    fn the_legend_grows_with_the_lines() {
        let few = render(Framework::Kasn, &kaltim(), Layout::WIDE, Lang::Id).expect("drawn");
        let many_lines: Vec<TrendLine> = (0..7)
            .map(|i| TrendLine {
                label: format!("Instansi {i}"),
                points: vec![(2021, 250.0 + f64::from(i))],
                dashed: false,
            })
            .collect();
        let many = render(Framework::Kasn, &many_lines, Layout::WIDE, Lang::Id).expect("drawn");
        assert!(many.height > few.height);
    }

    #[test]
    fn nism_charts_use_their_own_scale_and_bands() {
        let line = TrendLine {
            label: "X".into(),
            points: vec![(2025, 0.72)],
            dashed: false,
        };
        let chart = render(Framework::Nism, &[line], Layout::NARROW, Lang::Id).expect("drawn");
        assert!(chart.svg.contains("Nilai indeks (0-1)"));
        assert!(chart.svg.contains("Menengah"));
        assert!(!chart.svg.contains("Sangat Baik"));
    }

    #[test]
    fn an_empty_chart_still_draws() {
        let chart = render(Framework::Kasn, &[], Layout::NARROW, Lang::Id).expect("drawn");
        assert!(chart.markers.is_empty());
        assert!(chart.svg.contains("Tahun penilaian"));
    }

    #[test]
    fn english_readers_get_english_axes_and_bands() {
        let chart = render(Framework::Kasn, &kaltim(), Layout::WIDE, Lang::En).expect("drawn");
        let texts = texts(&chart.svg);
        for text in ["IV (Very good)", "Year assessed", "Index score (100-400)"] {
            assert!(
                texts.iter().any(|t| t == text),
                "missing {text} in {texts:?}"
            );
        }
        assert!(!texts.iter().any(|t| t == "Tahun penilaian"));
    }

    #[test]
    fn lines_differ_by_shape_and_a_median_is_dashed_without_points() {
        let mut lines = kaltim();
        lines.push(TrendLine {
            label: "Median".into(),
            points: vec![(2018, 240.0), (2023, 270.0)],
            dashed: true,
        });
        let chart = render(Framework::Kasn, &lines, Layout::WIDE, Lang::Id).expect("drawn");
        // Kaltim's circles, then Balikpapan's squares; the median adds no marker.
        assert_eq!(chart.markers.len(), 5);
        assert!(chart.markers.iter().all(|m| m.line < 2));
        assert!(chart.svg.contains("<circle"));
        assert!(chart.svg.contains("<rect"));
        // Dashes are drawn as many short segments: more path pieces than a solid line.
        let solid = render(Framework::Kasn, &kaltim(), Layout::WIDE, Lang::Id).expect("drawn");
        assert!(
            chart.svg.matches("<polyline").count() > solid.svg.matches("<polyline").count() + 2
        );
    }

    #[test]
    fn a_median_of_a_single_year_still_shows() {
        let mut lines = kaltim();
        let without = render(Framework::Kasn, &lines, Layout::WIDE, Lang::Id).expect("drawn");
        lines.push(TrendLine {
            label: "Median".into(),
            points: vec![(2022, 266.0)],
            dashed: true,
        });
        let with = render(Framework::Kasn, &lines, Layout::WIDE, Lang::Id).expect("drawn");
        // Its level bar in the plot and its two dashes in the legend.
        assert_eq!(
            with.svg.matches("<polyline").count(),
            without.svg.matches("<polyline").count() + 3
        );
    }
}
