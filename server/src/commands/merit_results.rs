//! `jenjang indeks-merit add|correct|import`: the published merit-index results, recorded at
//! the console through the same service and checks as the operator's web desk
//! (`services::merit_results`), as the console's operator (`cli:<login>`).

use app::api::intake::RowStatus;
use app::api::merit_results::ResultImportReport;
use app::domain::merit_result::Typed;
use app::error::AppError;
use app::format::decimal_id;
use app::services::intake::{Mode, SheetLimits};
use app::services::merit_results::{
    add, correct, import_file, CorrectionForm, FileRequest, MeritResultError,
};
use sqlx::AnyPool;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, clap::Subcommand)]
pub enum MeritCommand {
    /// Record a published result with its source and publication date.
    Add(AddArgs),
    /// Correct a result in force (by its id) with a reason: a new version.
    Correct(CorrectArgs),
    /// Import a CSV or XLSX file of results, all or nothing; --dry-run only checks it.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The instansi as the catalogue names it, e.g. "Pemerintah Kota Balikpapan".
    #[arg(long)]
    pub instansi: String,
    /// The year assessed.
    #[arg(long)]
    pub tahun: String,
    /// Who assessed: KASN or BKN.
    #[arg(long)]
    pub badan: String,
    /// KASN_100_400 or NISM_0_1.
    #[arg(long)]
    pub skala: String,
    #[arg(long)]
    pub skor: Option<String>,
    /// The published category; alone when no score was published.
    #[arg(long)]
    pub kategori: Option<String>,
    /// The source's address (https://…).
    #[arg(long)]
    pub sumber: String,
    /// The publication date, 2024-12-19 or 19/12/2024.
    #[arg(long)]
    pub tanggal: String,
    #[arg(long)]
    pub catatan: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CorrectArgs {
    /// The id of the result in force (the web desk lists it).
    pub id: i64,
    #[arg(long)]
    pub skor: Option<String>,
    #[arg(long)]
    pub kategori: Option<String>,
    #[arg(long)]
    pub sumber: String,
    #[arg(long)]
    pub tanggal: String,
    #[arg(long)]
    pub catatan: Option<String>,
    /// Why it is corrected (10 to 1000 characters); shown on the public pages.
    #[arg(long)]
    pub alasan: String,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A CSV (comma or semicolon) or XLSX file with the columns Instansi, Tahun, Badan,
    /// Skala, Sumber, Tanggal Publikasi and Skor, Kategori, Catatan.
    pub file: PathBuf,
    /// Only show what would happen; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Error)]
pub enum MeritCommandError {
    #[error(transparent)]
    Read(#[from] super::UnreadableFile),
    #[error("{0}")]
    Access(AppError),
    #[error("{0}")]
    Refused(#[from] MeritResultError),
    #[error("tidak ada yang ditulis: {0} baris ditolak; perbaiki berkas lalu impor ulang")]
    Rejected(usize),
}

pub async fn run(
    pool: &AnyPool,
    command: &MeritCommand,
    limits: SheetLimits,
) -> Result<(), MeritCommandError> {
    let operator = super::operator(pool);
    let scope = operator
        .merit_publisher()
        .map_err(MeritCommandError::Access)?;
    match command {
        MeritCommand::Add(args) => {
            let typed = Typed {
                instansi: &args.instansi,
                year: &args.tahun,
                body: &args.badan,
                framework: &args.skala,
                score: args.skor.as_deref().unwrap_or_default(),
                category: args.kategori.as_deref().unwrap_or_default(),
                source_url: &args.sumber,
                published_on: &args.tanggal,
                note: args.catatan.as_deref().unwrap_or_default(),
            };
            let id = add(&scope, &typed).await?;
            println!("Hasil dicatat dengan id {id}.");
        }
        MeritCommand::Correct(args) => {
            let form = CorrectionForm {
                score: args.skor.as_deref().unwrap_or_default(),
                category: args.kategori.as_deref().unwrap_or_default(),
                source_url: &args.sumber,
                published_on: &args.tanggal,
                note: args.catatan.as_deref().unwrap_or_default(),
                reason: &args.alasan,
            };
            let id = correct(&scope, args.id, &form).await?;
            println!(
                "Koreksi atas hasil {} dicatat sebagai versi baru dengan id {id}.",
                args.id
            );
        }
        MeritCommand::Import(args) => import(&scope, args, limits).await?,
    }
    Ok(())
}

async fn import(
    scope: &app::auth::guard::PublisherScope<'_>,
    args: &ImportArgs,
    limits: SheetLimits,
) -> Result<(), MeritCommandError> {
    let (bytes, file_name) = super::read_file(&args.file)?;
    let mode = if args.dry_run {
        Mode::DryRun
    } else {
        Mode::Commit
    };
    let report = import_file(
        scope,
        FileRequest {
            file_name: &file_name,
            bytes: &bytes,
            limits,
            mode,
        },
    )
    .await?;
    print(&report, args.dry_run);
    // As `jenjang import`: a dry run with rejected rows fails, so a script stops there.
    if report.counts.rejected > 0 {
        return Err(MeritCommandError::Rejected(report.counts.rejected));
    }
    if args.dry_run {
        return Ok(());
    }
    if report.written {
        println!("Tersimpan; tercatat di log audit.");
    } else {
        println!("Tidak ada hasil baru: tidak ada yang ditulis.");
    }
    Ok(())
}

fn print(report: &ResultImportReport, dry_run: bool) {
    let mode = if dry_run {
        " (uji coba: tidak ada yang ditulis)"
    } else {
        ""
    };
    println!(
        "Impor hasil Indeks Sistem Merit dari {}{mode}",
        report.file_name
    );
    for row in report
        .rows
        .iter()
        .filter(|r| r.status != RowStatus::Unchanged)
    {
        match &row.status {
            RowStatus::Rejected(reason) if row.key.is_empty() => {
                println!("  baris {:>6}  DITOLAK  {}", row.row, reason.id)
            }
            RowStatus::Rejected(reason) => {
                println!(
                    "  baris {:>6}  DITOLAK  {}: {}",
                    row.row, row.key, reason.id
                )
            }
            _ => println!("  baris {:>6}  baru     {}", row.row, row.key),
        }
    }
    let c = report.counts;
    super::say_unnamed_rejections(c.rejected, report.rejections().count());
    println!(
        "Ringkasan: {} baru, {} sudah tercatat, {} ditolak.",
        decimal_id(c.new as f64, 0),
        decimal_id(c.unchanged as f64, 0),
        decimal_id(c.rejected as f64, 0)
    );
}
