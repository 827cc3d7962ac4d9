//! `jenjang parameter --instansi SLUG --preset bkn-2025|jpm-90-78`: puts a preset set of
//! scoring rules in force as a new version (stored versions are never edited).

use app::domain::scoring::ParameterSet;
use app::services::parameters::{adopt, history, ParameterStoreError};
use app::store;
use sqlx::AnyPool;
use thiserror::Error;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Preset {
    /// Weights and 80/60 thresholds of domain.md §4.
    #[value(name = "bkn-2025")]
    Bkn2025,
    /// The same weights with the 90/78 thresholds of the JPM convention.
    #[value(name = "jpm-90-78")]
    Jpm9078,
}

#[derive(Debug, clap::Args)]
pub struct ParameterArgs {
    #[arg(long)]
    pub instansi: String,
    /// Put this preset in force; without it, list the versions.
    #[arg(long, value_enum)]
    pub preset: Option<Preset>,
}

#[derive(Debug, Error)]
pub enum ParameterCommandError {
    #[error("instansi \"{0}\" tidak ditemukan")]
    UnknownInstansi(String),
    #[error(transparent)]
    Store(#[from] ParameterStoreError),
}

impl From<store::StoreError> for ParameterCommandError {
    fn from(error: store::StoreError) -> Self {
        ParameterCommandError::Store(error.into())
    }
}

pub async fn run(pool: &AnyPool, args: &ParameterArgs) -> Result<(), ParameterCommandError> {
    let mut tx = store::begin(pool).await?;
    let instansi_id = store::instansi::id_by_slug(&mut *tx, &args.instansi)
        .await?
        .ok_or_else(|| ParameterCommandError::UnknownInstansi(args.instansi.clone()))?;
    if let Some(preset) = args.preset {
        let rules = match preset {
            Preset::Bkn2025 => ParameterSet::bkn_2025(),
            Preset::Jpm9078 => ParameterSet::jpm_90_78(),
        };
        let stored = adopt(&mut tx, instansi_id, &rules, &super::actor()).await?;
        println!(
            "Berlaku: \"{}\" versi {} (sejak {}, oleh {})",
            stored.rules.name, stored.version, stored.created_at, stored.created_by
        );
    }
    for version in history(&mut tx, instansi_id).await? {
        println!(
            "  versi {}: \"{}\", ambang {}/{}, dibuat {} oleh {}",
            version.version,
            version.rules.name,
            version.rules.thresholds.high,
            version.rules.thresholds.middle,
            version.created_at,
            version.created_by
        );
    }
    store::commit(tx).await?;
    Ok(())
}
