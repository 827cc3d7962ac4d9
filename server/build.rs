//! Lists the schema migrations of each engine (`migrations/<engine>/<version>_<name>.sql`) into
//! `$OUT_DIR/migrations.rs`, so that the binary carries them (`db::connect` runs them) without
//! sqlx's `migrate!` macro, whose proc-macro would compile the whole sqlx stack, SQLite's C
//! sources included, a second time for the build host.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not when it was compiled: a build script compiled for one
    // checkout is reused by another that shares the target folder.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("migrations");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::new();
    for (engine, constant) in [("sqlite", "SQLITE"), ("postgres", "POSTGRES")] {
        let dir = root.join(engine);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "sql"))
            .collect();
        files.sort();
        let _ = writeln!(out, "pub const {constant}: &[(i64, &str, &str)] = &[");
        for path in files {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_else(|| panic!("{}: not UTF-8", path.display()));
            // Only what `db::Embedded` runs: forward migrations inside a transaction.
            assert!(
                !stem.ends_with(".up") && !stem.ends_with(".down"),
                "{stem}.sql: reversible migrations are not supported"
            );
            let sql = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                !sql.trim_start().starts_with("-- no-transaction"),
                "{stem}.sql: every migration runs in a transaction"
            );
            let (version, name) = stem
                .split_once('_')
                .unwrap_or_else(|| panic!("{stem}: not <version>_<name>.sql"));
            let version: i64 = version
                .parse()
                .unwrap_or_else(|_| panic!("{stem}: the version is not a number"));
            // The description sqlx's own migration source gives the same file.
            let description = name.replace('_', " ");
            let _ = writeln!(
                out,
                "    ({version}, {description:?}, include_str!({:?})),",
                path.display().to_string()
            );
        }
        let _ = writeln!(out, "];");
    }
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("migrations.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
