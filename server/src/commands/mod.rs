//! The commands besides serving: each one a thin layer over an application service that
//! prints what happened in Bahasa Indonesia.

pub mod audit;
pub mod generate;
pub mod import;
pub mod merit_results;
pub mod parameter;
pub mod release;
pub mod score;
pub mod seed_demo;
pub mod user;

use app::auth::guard::{Gate, InstansiScope, Viewer};
use app::domain::access::Action;
use sqlx::AnyPool;

/// Who a command acts as, recorded with what it writes: `cli:<login>`.
pub fn actor() -> String {
    format!(
        "cli:{}",
        std::env::var("USER").unwrap_or_else(|_| "tanpa-nama".to_owned())
    )
}

/// A file named on the command line could not be read.
#[derive(Debug, thiserror::Error)]
#[error("berkas {path} tidak dapat dibaca: {source}")]
pub struct UnreadableFile {
    path: String,
    source: std::io::Error,
}

/// The bytes of a file named on the command line, and its name without its folders (what an
/// import report calls it).
pub fn read_file(path: &std::path::Path) -> Result<(Vec<u8>, String), UnreadableFile> {
    let bytes = std::fs::read(path).map_err(|source| UnreadableFile {
        path: path.display().to_string(),
        source,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, name))
}

/// After the rows a report names, how many rejected rows it does not (a report names the
/// first ones only).
pub fn say_unnamed_rejections(rejected: usize, named: usize) {
    if rejected > named {
        println!(
            "  ... dan {} baris ditolak lainnya (laporan mencantumkan {} yang pertama)",
            app::format::decimal_id((rejected - named) as f64, 0),
            app::format::decimal_id(named as f64, 0)
        );
    }
}

/// The operator at this console, as auth knows them (`Gate::operator`).
pub fn operator(pool: &AnyPool) -> Viewer {
    Gate::new(pool.clone(), false).operator(&actor())
}

#[derive(Debug, thiserror::Error)]
#[error("instansi \"{0}\" tidak ditemukan")]
pub struct UnknownInstansi(pub String);

/// The operator's scope over the instansi `slug` for `action`. The console has an
/// administrator's rights, so the only refusal is an instansi that does not exist.
pub async fn instansi_scope<'v>(
    operator: &'v Viewer,
    action: Action,
    slug: &str,
) -> Result<InstansiScope<'v>, UnknownInstansi> {
    operator
        .instansi(action, Some(slug))
        .await
        .map_err(|_| UnknownInstansi(slug.to_owned()))
}
