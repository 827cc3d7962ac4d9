//! What a page with islands makes a phone download: the built WASM and its JS, as brotli,
//! the way the server sends them. Size is deterministic, so this is a check, not a bench.

use crate::{io, BuildError, OUTPUT_NAME};
use std::path::Path;

/// The most a page may ship in JS and WASM together, compressed (issue 22: 150 KB).
pub const BUDGET_BYTES: u64 = 150 * 1024;

pub fn check(root: &Path) -> Result<(), BuildError> {
    let pkg = root.join("target/site/pkg");
    let mut total = 0;
    for entry in io(pkg.display(), std::fs::read_dir(&pkg))? {
        let entry = io(pkg.display(), entry)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let shipped = name.starts_with(OUTPUT_NAME)
            && (name.ends_with(".wasm.br") || name.ends_with(".js.br"));
        if shipped {
            let size = io(&name, entry.metadata())?.len();
            println!("{name}: {size} bytes");
            total += size;
        }
    }
    if total == 0 {
        return Err(BuildError::Budget(format!(
            "no built WASM in {}: run `make release` first",
            pkg.display()
        )));
    }
    println!(
        "JS + WASM as brotli: {total} bytes ({:.1} KB), budget {} KB",
        total as f64 / 1024.0,
        BUDGET_BYTES / 1024
    );
    if total > BUDGET_BYTES {
        return Err(BuildError::Budget(format!(
            "the WASM and its JS are {total} bytes as brotli, over the budget of {BUDGET_BYTES}"
        )));
    }
    Ok(())
}
