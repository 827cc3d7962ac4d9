//! The site as the server serves it (`target/site`): `public/` as it is, and under `pkg/` the
//! WASM, its JS and the stylesheet, each named by a hash of its content and stored beside its
//! brotli (quality 11) and gzip (level 9) forms, so the server sends files as they lie and
//! browsers may cache them for a year. The hashes go into `hash.txt` beside each server
//! binary the build may run (`target/release` for `make run` and `make bench`, `target/debug`
//! for the end-to-end tests), where Leptos (and the shell, for the stylesheet) read them.

use crate::wasm;
use crate::{io, BuildError, OUTPUT_NAME};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

pub fn build(root: &Path) -> Result<(), BuildError> {
    let built = wasm::build(root)?;
    let site = root.join("target/site");
    let pkg = site.join("pkg");
    if pkg.exists() {
        io(pkg.display(), std::fs::remove_dir_all(&pkg))?;
    }
    io(pkg.display(), std::fs::create_dir_all(&pkg))?;
    copy_dir(&root.join("public"), &site)?;
    if let Some(snippets) = &built.snippets {
        copy_dir(snippets, &pkg.join("snippets"))?;
    }
    let css = io("style/main.css", std::fs::read(root.join("style/main.css")))?;
    let mut hashes = String::new();
    for (kind, bytes) in [("js", &built.js), ("wasm", &built.wasm), ("css", &css)] {
        let hash = content_hash(bytes);
        let name = format!("{OUTPUT_NAME}.{hash}.{kind}");
        write_precompressed(&pkg.join(&name), bytes)?;
        println!("==> {name}: {} bytes", bytes.len());
        hashes.push_str(&format!("{kind}: {hash}\n"));
    }
    for profile in ["release", "debug"] {
        let dir = root.join("target").join(profile);
        io(dir.display(), std::fs::create_dir_all(&dir))?;
        let file = dir.join("hash.txt");
        io(file.display(), std::fs::write(&file, &hashes))?;
    }
    Ok(())
}

/// The first 16 hex digits of the content's SHA-256: a new name whenever it changes.
fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes `path`, `path.br` and `path.gz`.
fn write_precompressed(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    io(path.display(), std::fs::write(path, bytes))?;
    let mut br = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        io(
            "brotli",
            brotli::BrotliCompress(&mut &bytes[..], &mut br, &params),
        )?;
    }
    io(path.display(), std::fs::write(with_suffix(path, "br"), br))?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    io("gzip", gz.write_all(bytes))?;
    let gz = io("gzip", gz.finish())?;
    io(path.display(), std::fs::write(with_suffix(path, "gz"), gz))
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

/// Copies the files of `from` into `to`, folders included.
fn copy_dir(from: &Path, to: &Path) -> Result<(), BuildError> {
    io(to.display(), std::fs::create_dir_all(to))?;
    for entry in io(from.display(), std::fs::read_dir(from))? {
        let entry = io(from.display(), entry)?;
        let target = to.join(entry.file_name());
        if io(entry.path().display(), entry.file_type())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            io(target.display(), std::fs::copy(entry.path(), &target))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_follows_the_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"").len(), 16);
    }
}
