//! The public methodology (`/metodologi`) as it travels from the server function to the
//! browser: the default scoring rules and the version each instansi scores with.

use crate::domain::scoring::ParameterSet;
use serde::{Deserialize, Serialize};

/// The rules an instansi scores with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiRules {
    pub slug: String,
    pub instansi: String,
    pub version: i64,
    pub adopted_at: String,
    pub rules: ParameterSet,
}

/// The methodology page: the default rules and the version in force in every instansi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Methodology {
    /// The default set, which an instansi adopts until it versions its own.
    pub reference: ParameterSet,
    pub instansi: Vec<InstansiRules>,
}
