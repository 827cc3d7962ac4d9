//! All configuration, from the environment or the command line, with defaults that make
//! `jenjang` work on a fresh checkout: an SQLite file under `data/`, served on port 3000.

use crate::checkpoints::Anchor;
use app::services::intake::SheetLimits;
use clap::Args;
use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address to serve on.
    #[arg(
        long,
        env = "LEPTOS_SITE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub site_addr: SocketAddr,

    /// `sqlite://path/to/file.db` (created on first start) or `postgres://user@host/db`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/jenjang.db",
        global = true
    )]
    pub database_url: String,

    /// Where `cargo xtask assets` put the compiled site (WASM, JS, CSS, public assets).
    #[arg(
        long,
        env = "LEPTOS_SITE_ROOT",
        default_value = "target/site",
        global = true
    )]
    pub site_root: String,

    /// Set when a reverse proxy in front appends the client's address to X-Forwarded-For:
    /// sign-in limits per address then count the client, not the proxy.
    #[arg(long, env = "JENJANG_TRUST_PROXY", global = true)]
    pub trust_proxy: bool,

    /// How many megabytes an imported XLSX file may hold once unpacked: its archive can
    /// inflate a thousandfold, so the upload limit alone does not bound memory.
    #[arg(
        long,
        env = "JENJANG_IMPORT_MAX_MB",
        default_value_t = 64,
        global = true
    )]
    pub import_max_mb: u64,

    /// How many cells an imported file may hold.
    #[arg(
        long,
        env = "JENJANG_IMPORT_MAX_CELLS",
        default_value_t = 1_000_000,
        global = true
    )]
    pub import_max_cells: usize,

    /// The key that signs the audit log's checkpoints: created on first use, never stored in
    /// the database. Keep it readable by the server's account only.
    #[arg(
        long,
        env = "JENJANG_AUDIT_KEY",
        default_value = "data/audit.key",
        global = true
    )]
    pub audit_key: PathBuf,

    /// Where the audit log's signed checkpoints are appended, outside the database.
    #[arg(
        long,
        env = "JENJANG_AUDIT_CHECKPOINTS",
        default_value = "data/audit-checkpoints.log",
        global = true
    )]
    pub audit_checkpoints: PathBuf,

    /// Seconds between checkpoints while serving: what was written since the last one can
    /// still be removed unseen by someone with database access.
    #[arg(
        long,
        env = "JENJANG_AUDIT_CHECKPOINT_SECONDS",
        default_value_t = 60,
        global = true
    )]
    pub audit_checkpoint_seconds: u64,
}

impl Config {
    /// Where the audit log's key and checkpoints are kept.
    pub fn anchor(&self) -> Anchor {
        Anchor {
            key: self.audit_key.clone(),
            checkpoints: self.audit_checkpoints.clone(),
        }
    }

    /// What an imported spreadsheet may hold, from the two settings above.
    pub fn sheet_limits(&self) -> SheetLimits {
        SheetLimits {
            uncompressed_bytes: self.import_max_mb.saturating_mul(1024 * 1024),
            cells: self.import_max_cells,
        }
    }

    pub fn leptos_options(&self) -> LeptosOptions {
        // The assets are named by their content when the build wrote the hash file beside
        // this binary (`cargo xtask assets`).
        let mut options = LeptosOptions::builder()
            .output_name("jenjang")
            .site_root(self.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(self.site_addr)
            .env(Env::PROD)
            .build();
        options.hash_files = app::assets::hash_file(&options.hash_file).is_some_and(|f| f.exists());
        options
    }
}
