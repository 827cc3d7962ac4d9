//! Jenjang's server: configuration, the command line, the database wiring (pool, migrations,
//! seed data) and the HTTP router around the Leptos application.

pub mod checkpoints;
pub mod cli;
pub mod commands;
pub mod config;
pub mod db;
pub mod http;
pub mod seed;
pub mod state;
pub mod synthetic;
pub mod telemetry;
