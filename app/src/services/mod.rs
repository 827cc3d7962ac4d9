//! Server-side services: the work behind server functions and command-line commands, over the
//! database. Server functions and commands stay thin: they check who asks, call a service and
//! map its errors.

pub mod accounts;
pub mod audit;
pub mod calibration;
pub mod clock;
pub mod downloads;
pub mod intake;
pub mod merit_results;
pub mod parameters;
pub mod people;
pub mod releases;
pub mod scoring;
pub mod self_service;
pub mod sign_in;
pub mod succession;
pub mod talent_card;
pub mod talent_map;
pub mod talent_pool;
pub mod unplaced;
