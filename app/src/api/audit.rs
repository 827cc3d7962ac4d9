//! The audit log as it travels from the server functions to the browser: its entries, and
//! the page of them the talent office reads. Writing and verifying the chain is
//! `services::audit`.

use crate::domain::local_time::Zone;
use serde::{Deserialize, Serialize};

/// One audit-log entry. Its hash covers every other field and its predecessor's hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: i64,
    /// UTC, ISO 8601.
    pub at: String,
    pub actor: String,
    pub instansi_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    /// JSON, when the change had a state before.
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPageData {
    pub instansi: String,
    pub slug: String,
    pub lines: Vec<AuditEntry>,
    /// The instansi's time zone, in which the entries' times are shown.
    pub zone: Zone,
    /// The names of the accounts that acted on this page: (user name, name).
    pub actors: Vec<(String, String)>,
    /// Where the next (older) page starts, if there is one.
    pub older: Option<i64>,
}
