//! Every type that crosses the wire: what the server functions take and return, one module
//! per area. They are plain data over the domain's values (`domain/`) and serde, compiled into
//! the server and the WASM alike, so an island reads what a server function sent. Wording
//! them for a reader is `i18n/`; filling them is `services/`.

pub mod accounts;
pub mod audit;
pub mod calibration;
pub mod intake;
pub mod merit_index;
pub mod merit_results;
pub mod methodology;
pub mod national_picture;
pub mod self_service;
pub mod succession;
pub mod talent;
pub mod talent_card;
pub mod talent_map;
pub mod talent_picture;
pub mod talent_pool;
