//! The SQL of the application, one module per group of tables (server only). Services
//! compose these reads and writes with the domain's rules; pages hold no SQL.

pub mod filter;
pub mod instansi;
pub mod scoring_records;
pub mod units;
