//! A person's talent card, as it travels from the server functions to the browser: their
//! record, the explanation of their kotak, their data, their calibrations and what the komite
//! may still do with them.

use crate::api::calibration::{MoveLine, SessionSummary};
use crate::api::self_service::{KotakExplanation, MyData};
use crate::api::talent::TalentRecord;
use serde::{Deserialize, Serialize};

/// The calibration controls a talent card offers to the komite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CalibrationOffer {
    pub period: i32,
    /// The open session of that period, if any.
    pub session: Option<SessionSummary>,
}

/// A person's talent card: position, the explanation of their kotak, history, completeness,
/// calibrations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentCard {
    pub record: TalentRecord,
    pub explanation: KotakExplanation,
    pub data: MyData,
    /// Every calibration of the person, newest first.
    pub calibrations: Vec<MoveLine>,
    /// Present when the viewer may calibrate this person's latest placement.
    pub calibration: Option<CalibrationOffer>,
}
