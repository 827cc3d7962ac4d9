//! `jenjang audit verify`: walk the audit log's hash chain and check it against the signed
//! checkpoints kept outside the database; `jenjang audit checkpoint`: write one now.

use crate::checkpoints::{Anchor, CheckpointError};
use app::services::audit;
use sqlx::AnyPool;
use thiserror::Error;

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check that no entry was edited, removed or inserted since it was written, against the
    /// chain and the checkpoints.
    Verify,
    /// Sign the log's head into the checkpoint file now (the server does so at intervals).
    Checkpoint,
}

#[derive(Debug, Error)]
pub enum AuditCommandError {
    #[error("log audit rusak: {0} masalah ditemukan")]
    Broken(usize),
    #[error("basis data: {0}")]
    Database(#[from] app::store::StoreError),
    #[error("checkpoint: {0}")]
    Checkpoint(#[from] CheckpointError),
}

pub async fn run(
    pool: &AnyPool,
    command: &AuditCommand,
    anchor: &Anchor,
) -> Result<(), AuditCommandError> {
    match command {
        AuditCommand::Verify => {
            let verification = audit::verify(pool).await?;
            let (anchored, checkpoints) = anchor.verify(pool).await?;
            let problems: Vec<&String> = verification.problems.iter().chain(&anchored).collect();
            for problem in &problems {
                println!("RUSAK: {problem}");
            }
            if !problems.is_empty() {
                return Err(AuditCommandError::Broken(problems.len()));
            }
            if checkpoints == 0 {
                println!(
                    "PERINGATAN: belum ada checkpoint; tanpa checkpoint, penghapusan di akhir log \
                     oleh pemegang basis data tidak terlihat (jalankan `jenjang audit checkpoint` \
                     atau biarkan server menulisnya)"
                );
            }
            println!(
                "Log audit utuh: {} entri, hash terakhir {}, {} checkpoint cocok",
                verification.entries, verification.head, checkpoints
            );
            Ok(())
        }
        AuditCommand::Checkpoint => {
            let seq = anchor
                .checkpoint(pool, &app::services::clock::now_utc())
                .await?;
            println!("Checkpoint ditulis: entri {seq}");
            Ok(())
        }
    }
}
