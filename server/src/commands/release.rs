//! `jenjang rilis --instansi SLUG --periode 2025 [--catatan "..."]`: publishes the period's
//! public release and prints its disclosure audit: for every "<5" cell, the smallest and
//! largest value linear programming derives from everything published.

use super::UnknownInstansi;
use app::domain::access::Action;
use app::i18n::releases::audited_cell;
use app::i18n::Lang;
use app::services::releases::{is_current, publish, Publication, ReleaseError};
use sqlx::AnyPool;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ReleaseCommandError {
    #[error(transparent)]
    Instansi(#[from] UnknownInstansi),
    #[error(transparent)]
    Release(#[from] ReleaseError),
}

#[derive(Debug, clap::Args)]
pub struct ReleaseArgs {
    #[arg(long)]
    pub instansi: String,
    /// The yearly period, e.g. 2025.
    #[arg(long)]
    pub periode: i32,
    /// Why the period is published again (required from the second version on).
    #[arg(long, default_value = "")]
    pub catatan: String,
    /// Publish only when the data or parameters changed since the newest version.
    #[arg(long)]
    pub bila_berubah: bool,
}

fn print(publication: &Publication, instansi: &str, seconds: f64) {
    let release = &publication.release;
    println!(
        "Rilis {instansi} periode {} versi {} diterbitkan (data per {}, parameter versi {}).",
        release.period, release.version, release.data_as_of, release.parameter_version
    );
    println!(
        "Audit pengungkapan: {} sel \"<5\"; untuk tiap sel, nilai terkecil dan terbesar yang dapat diturunkan dari semua yang terbit:",
        publication.audit.len()
    );
    for cell in &publication.audit {
        let largest = cell
            .largest
            .map_or("tak terbatas".to_owned(), |l| format!("{l:.0}"));
        println!(
            "  {}: {:.0} .. {largest}",
            audited_cell(cell, Lang::Id),
            cell.smallest
        );
    }
    println!("Selesai dalam {seconds:.2} detik.");
}

pub async fn run(pool: &AnyPool, args: &ReleaseArgs) -> Result<(), ReleaseCommandError> {
    let started = std::time::Instant::now();
    let operator = super::operator(pool);
    let scope = super::instansi_scope(&operator, Action::PublishRelease, &args.instansi).await?;
    if args.bila_berubah && is_current(&scope, args.periode).await? {
        println!(
            "Rilis {} periode {} sudah memuat data terbaru; tidak diterbitkan ulang.",
            args.instansi, args.periode
        );
        return Ok(());
    }
    let publication = publish(&scope, args.periode, &args.catatan).await?;
    print(
        &publication,
        &args.instansi,
        started.elapsed().as_secs_f64(),
    );
    Ok(())
}
