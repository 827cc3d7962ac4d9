//! A person's path through the 9-box: one point per period at (potensial, kinerja), oldest to
//! newest joined by a line, over the grid the thresholds cut. Small enough for a phone.

use super::{ChartError, PALETTE};
use crate::domain::nine_box::Kotak;
use crate::i18n::Lang;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One placed period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    pub period: i32,
    pub potensial: f64,
    pub kinerja: f64,
}

pub const SIZE: u32 = 340;
const FONT: &str = "sans-serif";
const GRID: RGBColor = RGBColor(150, 150, 150);
const TALENT_POOL: RGBColor = RGBColor(214, 236, 220);

/// Draws the path; `high` and `middle` are the thresholds of the parameter version.
pub fn draw(
    points: &[PathPoint],
    high: f64,
    middle: f64,
    lang: Lang,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (SIZE, SIZE)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .margin_right(16)
            .x_label_area_size(34)
            .y_label_area_size(40)
            .build_cartesian_2d(0.0..100.0, 0.0..100.0)
            .map_err(ChartError::from)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .x_desc(lang.pick("Potensial", "Potential"))
            .y_desc(lang.pick("Kinerja", "Performance"))
            .label_style((FONT, 12))
            .axis_desc_style((FONT, 13))
            .draw()
            .map_err(ChartError::from)?;
        // The talent pool (kotak 7, 8, 9) shaded; then the threshold lines.
        let pool = [
            ((middle, high), (high, 100.0)),
            ((high, middle), (100.0, 100.0)),
        ];
        for ((x0, y0), (x1, y1)) in pool {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, y0), (x1, y1)],
                    TALENT_POOL.filled(),
                )))
                .map_err(ChartError::from)?;
        }
        for t in [middle, high] {
            chart
                .draw_series(LineSeries::new([(t, 0.0), (t, 100.0)], GRID))
                .map_err(ChartError::from)?;
            chart
                .draw_series(LineSeries::new([(0.0, t), (100.0, t)], GRID))
                .map_err(ChartError::from)?;
        }
        // Each cell's kotak number, faint, in its corner.
        let bands = [(0.0, middle), (middle, high), (high, 100.0)];
        let corner = Pos::new(HPos::Right, VPos::Top);
        for (k_index, (_, y1)) in bands.iter().enumerate() {
            for (p_index, (_, x1)) in bands.iter().enumerate() {
                let kotak = Kotak::all()
                    .find(|k| {
                        let (kinerja, potential) = k.categories();
                        kinerja as usize == k_index && potential as usize == p_index
                    })
                    .map_or(0, Kotak::number);
                chart
                    .draw_series(std::iter::once(Text::new(
                        kotak.to_string(),
                        (*x1 - 1.5, *y1 - 1.5),
                        (FONT, 13).into_font().color(&GRID).pos(corner),
                    )))
                    .map_err(ChartError::from)?;
            }
        }
        let (r, g, b) = PALETTE[0];
        let line = RGBColor(r, g, b);
        let coordinates: Vec<(f64, f64)> =
            points.iter().map(|p| (p.potensial, p.kinerja)).collect();
        chart
            .draw_series(LineSeries::new(coordinates.clone(), line.stroke_width(2)))
            .map_err(ChartError::from)?;
        let label = Pos::new(HPos::Left, VPos::Bottom);
        for (index, p) in points.iter().enumerate() {
            let newest = index + 1 == points.len();
            let size = if newest { 7 } else { 4 };
            chart
                .draw_series(std::iter::once(Circle::new(
                    (p.potensial, p.kinerja),
                    size,
                    line.filled(),
                )))
                .map_err(ChartError::from)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    p.period.to_string(),
                    (p.potensial + 1.5, p.kinerja + 1.5),
                    (FONT, 12).into_font().color(&BLACK).pos(label),
                )))
                .map_err(ChartError::from)?;
        }
        root.present()?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the drawing holds a text element reading exactly `text`.
    fn has_text(svg: &str, text: &str) -> bool {
        svg.contains(&format!(">\n{text}\n</text>"))
    }

    #[test]
    fn every_period_is_drawn_and_labelled() {
        let svg = draw(
            &[
                PathPoint {
                    period: 2024,
                    potensial: 70.0,
                    kinerja: 65.0,
                },
                PathPoint {
                    period: 2025,
                    potensial: 82.5,
                    kinerja: 77.0,
                },
            ],
            80.0,
            60.0,
            Lang::Id,
        )
        .expect("drawn");
        assert!(svg.starts_with("<svg"));
        assert!(has_text(&svg, "2024") && has_text(&svg, "2025"), "{svg}");
        assert_eq!(svg.matches("<circle").count(), 2);
        // The nine kotak numbers of the grid.
        for k in 1..=9 {
            assert!(has_text(&svg, &k.to_string()), "kotak {k}");
        }
        assert!(has_text(&svg, "Potensial") && has_text(&svg, "Kinerja"));
    }

    #[test]
    fn english_readers_get_english_axes() {
        let svg = draw(&[], 80.0, 60.0, Lang::En).expect("drawn");
        assert!(has_text(&svg, "Potential") && has_text(&svg, "Performance"));
        assert!(!has_text(&svg, "Kinerja"));
    }

    #[test]
    fn no_points_still_draws_the_grid() {
        let svg = draw(&[], 90.0, 78.0, Lang::Id).expect("drawn");
        assert_eq!(svg.matches("<circle").count(), 0);
        assert!(has_text(&svg, "9"));
    }
}
