//! `jenjang score --instansi SLUG --periode 2025`.

use super::UnknownInstansi;
use app::domain::access::Action;
use app::format::decimal_id;
use app::services::scoring::{score_instansi, ScoringServiceError, ScoringSummary};
use sqlx::AnyPool;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ScoreCommandError {
    #[error(transparent)]
    Instansi(#[from] UnknownInstansi),
    #[error(transparent)]
    Scoring(#[from] ScoringServiceError),
}

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    #[arg(long)]
    pub instansi: String,
    /// The yearly period, e.g. 2025.
    #[arg(long)]
    pub periode: i32,
}

fn count(n: usize) -> String {
    decimal_id(n as f64, 0)
}

fn print(summary: &ScoringSummary, instansi: &str, seconds: f64) {
    println!(
        "Pemetaan talenta {instansi} periode {} dengan parameter \"{}\" versi {}",
        summary.period, summary.parameter_name, summary.parameter_version
    );
    println!(
        "  {} pegawai: {} terpetakan, {} data belum lengkap, {} dikecualikan, {} data tidak sah",
        count(summary.pegawai),
        count(summary.placed),
        count(summary.incomplete),
        count(summary.excluded),
        count(summary.invalid)
    );
    for (index, n) in summary.per_kotak.iter().enumerate().rev() {
        println!("  kotak {}: {}", index + 1, count(*n));
    }
    if !summary.missing.is_empty() {
        println!("  Data yang belum ada:");
        for (component, n) in &summary.missing {
            println!("    {component}: {} orang", count(*n));
        }
    }
    if summary.new_snapshots == 0 {
        println!("Tidak ada perubahan: semua hasil sama dengan yang berlaku.");
    } else {
        println!("{} hasil baru disimpan.", count(summary.new_snapshots));
    }
    println!("Selesai dalam {seconds:.2} detik.");
}

pub async fn run(pool: &AnyPool, args: &ScoreArgs) -> Result<(), ScoreCommandError> {
    let started = std::time::Instant::now();
    let operator = super::operator(pool);
    let scope = super::instansi_scope(&operator, Action::ImportRecords, &args.instansi).await?;
    let summary = score_instansi(&scope, args.periode).await?;
    print(&summary, &args.instansi, started.elapsed().as_secs_f64());
    Ok(())
}
