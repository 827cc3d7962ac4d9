//! `jenjang audit verify`: walk the audit log's hash chain and report every break.

use app::services::audit;
use sqlx::AnyPool;
use thiserror::Error;

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check that no entry was edited, removed or inserted since it was written.
    Verify,
}

#[derive(Debug, Error)]
pub enum AuditCommandError {
    #[error("log audit rusak: {0} masalah ditemukan")]
    Broken(usize),
    #[error("basis data: {0}")]
    Database(#[from] app::store::StoreError),
}

pub async fn run(pool: &AnyPool, command: &AuditCommand) -> Result<(), AuditCommandError> {
    match command {
        AuditCommand::Verify => {
            let verification = audit::verify(pool).await?;
            for problem in &verification.problems {
                println!("RUSAK: {problem}");
            }
            if !verification.is_intact() {
                return Err(AuditCommandError::Broken(verification.problems.len()));
            }
            println!(
                "Log audit utuh: {} entri, hash terakhir {}",
                verification.entries, verification.head
            );
            Ok(())
        }
    }
}
