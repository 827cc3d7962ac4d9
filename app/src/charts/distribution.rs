//! How people spread over the 9-box, row by row (per OPD, per period): one 100 % bar per
//! row, split into the kotak from 1 to 9 with each segment's number written in it when it
//! fits, so the colours are never the only key. And the talent pool per OPD as plain bars.
//! Each row's label sits above its bar, so the same drawing reads on a phone.

use super::ChartError;
use crate::i18n::Lang;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One row of the stacked chart.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedRow {
    pub label: String,
    pub per_kotak: [i64; 9],
}

/// One row of the bar chart: the value and what it is out of.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub value: i64,
    pub total: i64,
}

pub const WIDTH: u32 = 640;
const MARGIN: i32 = 8;
const LABEL: i32 = 18;
const BAR: i32 = 20;
const ROW: i32 = LABEL + BAR + 10;
const LEGEND: i32 = 34;
const FONT: &str = "sans-serif";
const TEXT: RGBColor = RGBColor(27, 31, 36);
const BAR_COLOUR: RGBColor = RGBColor(11, 79, 108);

/// Kotak 1 to 9 from red through yellow to green (ColorBrewer RdYlGn), readable by the
/// common colour-vision deficiencies together with the numbers written on them.
pub const KOTAK_COLOURS: [RGBColor; 9] = [
    RGBColor(215, 48, 39),
    RGBColor(244, 109, 67),
    RGBColor(253, 174, 97),
    RGBColor(254, 224, 139),
    RGBColor(255, 255, 191),
    RGBColor(217, 239, 139),
    RGBColor(166, 217, 106),
    RGBColor(102, 189, 99),
    RGBColor(26, 152, 80),
];

/// Dark text on the pale colours, white on the dark ones.
fn ink(kotak: usize) -> RGBColor {
    if matches!(kotak, 0 | 8) {
        WHITE
    } else {
        TEXT
    }
}

fn height(rows: usize, legend: bool) -> u32 {
    let rows = i32::try_from(rows.max(1)).unwrap_or(i32::MAX / ROW);
    u32::try_from(2 * MARGIN + rows * ROW + if legend { LEGEND } else { 0 }).unwrap_or(u32::MAX)
}

/// The stacked 100 % bars, with the kotak legend on top. A row with nobody placed shows its
/// label and "tidak ada data".
pub fn stacked(rows: &[StackedRow], lang: Lang) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height(rows.len(), true)))
            .into_drawing_area();
        root.fill(&WHITE)?;
        let width = i32::try_from(WIDTH).unwrap_or(640) - 2 * MARGIN;
        let swatch = width / 9;
        let centre = Pos::new(HPos::Center, VPos::Center);
        root.draw(&Text::new(
            lang.pick("Kotak:", "Box:"),
            (MARGIN, MARGIN + 2),
            (FONT, 13).into_font().color(&TEXT),
        ))?;
        for (k, colour) in KOTAK_COLOURS.iter().enumerate() {
            let k32 = i32::try_from(k).unwrap_or(0);
            let x0 = MARGIN + 48 + k32 * (swatch - 5);
            root.draw(&Rectangle::new(
                [(x0, MARGIN), (x0 + swatch - 9, MARGIN + 20)],
                colour.filled(),
            ))?;
            root.draw(&Text::new(
                (k + 1).to_string(),
                (x0 + (swatch - 9) / 2, MARGIN + 10),
                (FONT, 13).into_font().color(&ink(k)).pos(centre),
            ))?;
        }
        for (i, row) in rows.iter().enumerate() {
            let top = MARGIN + LEGEND + i32::try_from(i).unwrap_or(0) * ROW;
            let total: i64 = row.per_kotak.iter().sum();
            root.draw(&Text::new(
                format!("{} ({})", row.label, lang.decimal(total as f64, 0)),
                (MARGIN, top),
                (FONT, 14).into_font().color(&TEXT),
            ))?;
            let bar_top = top + LABEL;
            if total == 0 {
                root.draw(&Text::new(
                    lang.pick("tidak ada data", "no data"),
                    (MARGIN, bar_top + 3),
                    (FONT, 13).into_font().color(&TEXT),
                ))?;
                continue;
            }
            let mut x = MARGIN;
            let mut drawn = 0i64;
            for (k, n) in row.per_kotak.iter().enumerate() {
                if *n == 0 {
                    continue;
                }
                drawn += n;
                // Ends from the running total, so rounding never leaves a gap at the end.
                let end = MARGIN + i32::try_from(drawn * i64::from(width) / total).unwrap_or(0);
                root.draw(&Rectangle::new(
                    [(x, bar_top), (end, bar_top + BAR)],
                    KOTAK_COLOURS[k].filled(),
                ))?;
                if end - x >= 16 {
                    root.draw(&Text::new(
                        (k + 1).to_string(),
                        ((x + end) / 2, bar_top + BAR / 2),
                        (FONT, 12).into_font().color(&ink(k)).pos(centre),
                    ))?;
                }
                x = end;
            }
        }
        root.present()?;
    }
    Ok(svg)
}

/// Plain bars scaled to the largest value, each with "value of total" written after it.
pub fn bars(rows: &[BarRow], lang: Lang) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height(rows.len(), false)))
            .into_drawing_area();
        root.fill(&WHITE)?;
        let width = i32::try_from(WIDTH).unwrap_or(640) - 2 * MARGIN - 110;
        let largest = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1);
        for (i, row) in rows.iter().enumerate() {
            let top = MARGIN + i32::try_from(i).unwrap_or(0) * ROW;
            root.draw(&Text::new(
                row.label.clone(),
                (MARGIN, top),
                (FONT, 14).into_font().color(&TEXT),
            ))?;
            let bar_top = top + LABEL;
            let end = MARGIN + i32::try_from(row.value * i64::from(width) / largest).unwrap_or(0);
            if row.value > 0 {
                root.draw(&Rectangle::new(
                    [(MARGIN, bar_top), (end.max(MARGIN + 2), bar_top + BAR)],
                    BAR_COLOUR.filled(),
                ))?;
            }
            root.draw(&Text::new(
                format!(
                    "{} {} {}",
                    lang.decimal(row.value as f64, 0),
                    lang.pick("dari", "of"),
                    lang.decimal(row.total as f64, 0)
                ),
                (end + 6, bar_top + BAR / 2),
                (FONT, 13)
                    .into_font()
                    .color(&TEXT)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
        root.present()?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kotak_with_people_gets_a_segment_and_its_number() {
        let svg = stacked(
            &[StackedRow {
                label: "Dinas Pendidikan".into(),
                per_kotak: [1, 0, 2, 0, 10, 0, 3, 4, 5],
            }],
            Lang::Id,
        )
        .expect("test input is valid");
        assert!(svg.contains("Dinas Pendidikan (25)"));
        // Legend swatches (9) plus one segment per kotak with people (6).
        assert_eq!(svg.matches("<rect").count(), 1 + 9 + 6, "{svg}");
        assert!(svg.contains("fill=\"#1A9850\"") || svg.contains("fill=\"#1a9850\""));
    }

    #[test]
    fn an_empty_row_says_so_instead_of_drawing() {
        let row = [StackedRow {
            label: "Kecamatan Kosong".into(),
            per_kotak: [0; 9],
        }];
        let svg = stacked(&row, Lang::Id).expect("test input is valid");
        assert!(svg.contains("tidak ada data"));
        assert_eq!(svg.matches("<rect").count(), 1 + 9);
        let svg = stacked(&row, Lang::En).expect("test input is valid");
        assert!(svg.contains("no data") && svg.contains("Box:"));
    }

    #[test]
    fn bars_scale_to_the_largest_and_state_their_totals() {
        let rows = [
            BarRow {
                label: "A".into(),
                value: 10,
                total: 40,
            },
            BarRow {
                label: "B".into(),
                value: 0,
                total: 5,
            },
        ];
        let svg = bars(&rows, Lang::Id).expect("test input is valid");
        assert!(svg.contains("10 dari 40"));
        assert!(svg.contains("0 dari 5"));
        // Background plus one bar: a zero draws none.
        assert_eq!(svg.matches("<rect").count(), 2);
        let svg = bars(&rows, Lang::En).expect("test input is valid");
        assert!(svg.contains("10 of 40"));
    }
}
