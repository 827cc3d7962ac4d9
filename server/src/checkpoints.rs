//! Signed checkpoints of the audit log, kept outside the database.
//!
//! The chain in `audit_log` shows an entry edited or removed in the middle, but its hashes
//! have no secret and its head lives in the same database: someone with write access to the
//! database can delete the last entries and move the head back, wipe the log, or edit an
//! entry and hash everything after it again, and the chain alone still looks whole. So the
//! server appends, at intervals and on `jenjang audit checkpoint`, a line to a file outside
//! the database: the head's seq and hash and the time, signed with HMAC-SHA-256 under a key
//! that is created once (a file of its own, permission 0600) and never stored in the
//! database. `jenjang audit verify` then also checks that every checkpoint's entry is still
//! there with the same hash and that the log has not shrunk below the last checkpoint.
//!
//! Threat model (also in the README): an operator with database access and without the key
//! and checkpoint files can no longer hide any change made before the last checkpoint; what
//! was written after it (at most one interval) can still be removed unseen. Someone who holds
//! the server's files as well as the database can forge everything: keep the key and the
//! checkpoints under another account, or copy the checkpoint file elsewhere as it grows.

use app::digest::hmac_sha256_hex;
use app::store::{audit, Pool, StoreError};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CheckpointError {
    #[error("berkas {path}: {source}")]
    File {
        path: String,
        source: std::io::Error,
    },
    #[error("kunci checkpoint {0} rusak: harus 64 digit heksadesimal")]
    BadKey(String),
    #[error("tanda tangan tidak dapat dibuat")]
    Sign,
    #[error("basis data: {0}")]
    Store(#[from] StoreError),
}

/// Where the key and the checkpoints are kept.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub key: PathBuf,
    pub checkpoints: PathBuf,
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> CheckpointError + '_ {
    move |source| CheckpointError::File {
        path: path.display().to_string(),
        source,
    }
}

impl Anchor {
    /// The signing key, created on first use (32 random bytes, readable by the owner only)
    /// when `create`; verifying never creates one.
    fn key(&self, create: bool) -> Result<Vec<u8>, CheckpointError> {
        let path = &self.key;
        if create && !path.exists() {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(file_error(dir))?;
            }
            let key: [u8; 32] =
                app::auth::password::random_bytes().map_err(|_| CheckpointError::Sign)?;
            let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .map_err(file_error(path))?;
            file.write_all(hex.as_bytes()).map_err(file_error(path))?;
        }
        let text = std::fs::read_to_string(path).map_err(file_error(path))?;
        let text = text.trim();
        let valid = text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit());
        if !valid {
            return Err(CheckpointError::BadKey(path.display().to_string()));
        }
        Ok(text.as_bytes().to_vec())
    }

    /// Appends a signed checkpoint of the log's head, unless the last one already names it.
    /// Returns the seq checkpointed.
    pub async fn checkpoint(&self, pool: &Pool, now: &str) -> Result<i64, CheckpointError> {
        let key = self.key(true)?;
        let (seq, hash) = audit::head(pool).await?;
        if self.read()?.last().is_some_and(|last| last.seq == seq) {
            return Ok(seq);
        }
        let body = format!("{seq}\t{hash}\t{now}");
        let mac = hmac_sha256_hex(&key, body.as_bytes()).map_err(|_| CheckpointError::Sign)?;
        if let Some(dir) = self
            .checkpoints
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(file_error(dir))?;
        }
        let mut file = OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .open(&self.checkpoints)
            .map_err(file_error(&self.checkpoints))?;
        writeln!(file, "{body}\t{mac}").map_err(file_error(&self.checkpoints))?;
        Ok(seq)
    }

    /// The checkpoints written so far (none when the file does not exist yet).
    fn read(&self) -> Result<Vec<Checkpoint>, CheckpointError> {
        let path = &self.checkpoints;
        let file = match File::open(path) {
            Ok(file) => file,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(error) => return Err(file_error(path)(error)),
        };
        BufReader::new(file)
            .lines()
            .enumerate()
            .map(|(n, line)| {
                line.map(|text| Checkpoint::parse(n + 1, &text))
                    .map_err(file_error(path))
            })
            .collect()
    }

    /// What is wrong with the log against its checkpoints, in Bahasa Indonesia (empty when
    /// nothing is), and how many checkpoints were checked (none before the first is written).
    pub async fn verify(&self, pool: &Pool) -> Result<(Vec<String>, usize), CheckpointError> {
        let checkpoints = self.read()?;
        if checkpoints.is_empty() {
            return Ok((Vec::new(), 0));
        }
        let key = self.key(false)?;
        let mut problems = Vec::new();
        let (head, _) = audit::head(pool).await?;
        for c in &checkpoints {
            let signed =
                hmac_sha256_hex(&key, c.body.as_bytes()).map_err(|_| CheckpointError::Sign)?;
            if c.mac != signed {
                problems.push(format!(
                    "checkpoint baris {}: tanda tangannya tidak sah (berkas checkpoint diubah)",
                    c.line
                ));
                continue;
            }
            match audit::hash_at(pool, c.seq).await? {
                None => problems.push(format!(
                    "entri {} yang tercatat di checkpoint {} tidak ada lagi: log dihapus atau dipotong",
                    c.seq, c.at
                )),
                Some(hash) if hash != c.hash => problems.push(format!(
                    "entri {} berbeda dari checkpoint {}: log diubah lalu di-hash ulang",
                    c.seq, c.at
                )),
                Some(_) => {}
            }
            if c.seq > head {
                problems.push(format!(
                    "kepala log (entri {head}) di belakang checkpoint {} (entri {}): entri di akhir log dihapus",
                    c.at, c.seq
                ));
            }
        }
        Ok((problems, checkpoints.len()))
    }
}

/// One line of the checkpoint file: `seq<TAB>hash<TAB>at<TAB>mac`.
#[derive(Debug)]
struct Checkpoint {
    line: usize,
    seq: i64,
    hash: String,
    at: String,
    /// What the mac signs: the line without it.
    body: String,
    mac: String,
}

impl Checkpoint {
    /// A line that does not parse keeps an impossible seq and no mac, so that verifying
    /// reports it as forged.
    fn parse(line: usize, text: &str) -> Checkpoint {
        let (body, mac) = text.rsplit_once('\t').unwrap_or((text, ""));
        let mut fields = body.split('\t');
        let seq = fields.next().and_then(|s| s.parse().ok()).unwrap_or(-1);
        let hash = fields.next().unwrap_or_default().to_owned();
        let at = fields.next().unwrap_or_default().to_owned();
        Checkpoint {
            line,
            seq,
            hash,
            at,
            body: body.to_owned(),
            mac: mac.to_owned(),
        }
    }
}

/// Checkpoints the log every `seconds` while the server runs.
pub fn every(anchor: Anchor, pool: Pool, seconds: u64) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(std::time::Duration::from_secs(seconds.max(1)));
        loop {
            ticks.tick().await;
            if let Err(error) = anchor
                .checkpoint(&pool, &app::services::clock::now_utc())
                .await
            {
                tracing::error!(%error, "audit checkpoint not written");
            }
        }
    });
}
