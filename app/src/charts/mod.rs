//! Charts drawn with plotters into SVG text. The same functions run during server rendering
//! and in the browser, so a page with a chart is readable before (or without) the WASM.

pub mod distribution;
pub mod kotak_history;
pub mod merit_trend;

use crate::i18n::Lang;
use thiserror::Error;

#[derive(Debug, Error)]
#[error("grafik tidak dapat digambar: {0}")]
pub struct ChartError(String);

impl ChartError {
    /// For the reader, in their language (`Display` is Indonesian, for the log).
    pub fn message(&self, lang: Lang) -> String {
        lang.pick(
            self.to_string(),
            format!("the chart could not be drawn: {}", self.0),
        )
    }
}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError(error.to_string())
    }
}

/// Line colours, chosen to stay distinguishable for the common colour-vision deficiencies and
/// to contrast with the pale category bands behind them.
pub const PALETTE: [(u8, u8, u8); 8] = [
    (0, 90, 181),
    (220, 50, 32),
    (0, 128, 96),
    (117, 66, 160),
    (204, 121, 0),
    (120, 80, 40),
    (190, 40, 130),
    (60, 60, 60),
];
