//! Jenjang's build program, run as `cargo xtask <command>` (an alias in `.cargo/config.toml`).
//! `make build` runs `assets` beside the server's release build.
//!
//! - `assets`: the WASM (cargo, then the wasm-bindgen library at the version in Cargo.lock,
//!   then wasm-opt from npm's binaryen) and the site's assets, named by their content and
//!   stored beside their brotli and gzip forms. No tool is downloaded or compiled besides this
//!   program.
//! - `budget`: fails when the built WASM and its JS pass the size a cheap phone may pay.

mod assets;
mod budget;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The name every built asset starts with (`jenjang.<hash>.wasm`, …).
const OUTPUT_NAME: &str = "jenjang";

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("`{0}` failed ({1})")]
    Command(String, std::process::ExitStatus),
    #[error("wasm-bindgen: {0}")]
    Bindgen(String),
    #[error("{0}")]
    Budget(String),
    #[error("usage: cargo xtask <assets|budget>")]
    Usage,
}

/// Wraps an I/O error with what was being done.
pub fn io<T>(what: impl std::fmt::Display, result: std::io::Result<T>) -> Result<T, BuildError> {
    result.map_err(|error| BuildError::Io(what.to_string(), error))
}

/// The workspace root: the parent of this crate's folder.
fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Runs `cargo` with `args` in the workspace, inheriting its output; with `target_dir`, in
/// that target folder instead of `target/`.
pub fn cargo(root: &Path, args: &[&str], target_dir: Option<&Path>) -> Result<(), BuildError> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let line = format!("cargo {}", args.join(" "));
    println!("==> {line}");
    let mut command = Command::new(cargo);
    command.args(args).current_dir(root);
    if let Some(dir) = target_dir {
        command.env("CARGO_TARGET_DIR", dir);
    }
    let status = io(&line, command.status())?;
    if status.success() {
        Ok(())
    } else {
        Err(BuildError::Command(line, status))
    }
}

fn run(command: &str) -> Result<(), BuildError> {
    let root = root();
    match command {
        "assets" => assets::build(&root),
        "budget" => budget::check(&root),
        _ => Err(BuildError::Usage),
    }
}

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    match run(&command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
