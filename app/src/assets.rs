//! The addresses of the built assets. `cargo xtask assets` names the stylesheet, the JS and
//! the WASM by a hash of their content (`/pkg/jenjang.<hash>.css`, …) and writes the hashes into
//! the file Leptos reads for the same purpose (`hash.txt` beside the server binary). Without
//! that file (a test build), the plain names.

use leptos::prelude::LeptosOptions;
use std::path::PathBuf;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asset {
    Css,
    Js,
    Wasm,
}

impl Asset {
    /// The extension, which is also the asset's key in the hash file.
    fn kind(self) -> &'static str {
        match self {
            Asset::Css => "css",
            Asset::Js => "js",
            Asset::Wasm => "wasm",
        }
    }
}

/// Where the build writes the hashes: the file `name` beside the server binary, where
/// Leptos' `HydrationScripts` reads them too.
pub fn hash_file(name: &str) -> Option<PathBuf> {
    Some(std::env::current_exe().ok()?.parent()?.join(name))
}

/// The hash of each asset, read once.
fn hashes(options: &LeptosOptions) -> &'static str {
    static HASHES: OnceLock<String> = OnceLock::new();
    HASHES.get_or_init(|| {
        hash_file(&options.hash_file)
            .and_then(|file| std::fs::read_to_string(file).ok())
            .unwrap_or_default()
    })
}

/// The content hash of `asset`, when the build wrote one.
fn hash(options: &LeptosOptions, asset: Asset) -> Option<&'static str> {
    hash_in(hashes(options), asset)
}

fn hash_in(hashes: &str, asset: Asset) -> Option<&str> {
    hashes.lines().find_map(|line| {
        let (kind, hash) = line.split_once(':')?;
        (kind.trim() == asset.kind()).then(|| hash.trim())
    })
}

/// The address of `asset` as built: hashed, or (without a hash file) the plain name.
pub fn href(options: &LeptosOptions, asset: Asset) -> String {
    let (pkg, name, kind) = (&options.site_pkg_dir, &options.output_name, asset.kind());
    match hash(options, asset) {
        Some(hash) => format!("/{pkg}/{name}.{hash}.{kind}"),
        None => format!("/{pkg}/{name}.{kind}"),
    }
}

/// The hashed address of `asset`, only when the build named it so.
pub fn hashed_href(options: &LeptosOptions, asset: Asset) -> Option<String> {
    hash(options, asset).map(|_| href(options, asset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_asset_finds_its_own_hash() {
        let file = "js: 5698bb937d86740a\nwasm: 316a8fc09d83013b\ncss: 0510517a51afe67e\n";
        assert_eq!(hash_in(file, Asset::Js), Some("5698bb937d86740a"));
        assert_eq!(hash_in(file, Asset::Wasm), Some("316a8fc09d83013b"));
        assert_eq!(hash_in(file, Asset::Css), Some("0510517a51afe67e"));
        assert_eq!(hash_in("", Asset::Css), None);
    }
}
