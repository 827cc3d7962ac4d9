//! The komite's calibration sessions, as they travel from the server functions to the
//! browser: the sessions of an instansi, and one session with the moves decided in it.

use crate::domain::local_time::Zone;
use serde::{Deserialize, Serialize};

/// A calibration session as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionSummary {
    pub id: i64,
    pub name: String,
    pub period: i32,
    pub opened_by: String,
    pub opened_at: String,
    /// Set once the session is closed (and locked).
    pub closed_at: Option<String>,
    pub moves: i64,
}

/// The instansi's calibration sessions, open ones first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionList {
    pub instansi: String,
    pub slug: String,
    /// The instansi's time zone, in which its sessions' times are shown.
    pub zone: Zone,
    /// The periods scored, newest first: those a session can be opened for.
    pub periods: Vec<i32>,
    pub sessions: Vec<SessionSummary>,
    pub may_calibrate: bool,
}

/// One move of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoveLine {
    pub nip: String,
    pub name: String,
    pub unit: Option<String>,
    pub computed: u8,
    pub from: u8,
    pub to: u8,
    pub reason: String,
    pub decided_by: String,
    pub decided_at: String,
}

/// A session with its moves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub instansi: String,
    pub slug: String,
    /// The instansi's time zone, in which the session's times are shown.
    pub zone: Zone,
    pub summary: SessionSummary,
    pub moves: Vec<MoveLine>,
    /// The members present, once closed.
    pub members: Vec<String>,
    pub closed_by: Option<String>,
    /// The minutes' reference number, when one was given at closing.
    pub reference: Option<String>,
}
