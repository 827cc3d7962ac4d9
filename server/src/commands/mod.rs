//! The commands besides serving: each one a thin layer over an application service that
//! prints what happened in Bahasa Indonesia.

pub mod audit;
pub mod generate;
pub mod import;
pub mod parameter;
pub mod score;
pub mod seed_demo;
pub mod user;

/// Who a command acts as, recorded with what it writes: `cli:<login>`.
pub fn actor() -> String {
    format!(
        "cli:{}",
        std::env::var("USER").unwrap_or_else(|_| "tanpa-nama".to_owned())
    )
}
