//! `jenjang import <jenis> FILE --instansi SLUG [--dry-run]`.

use app::domain::access::Action;
use app::format::decimal_id;
use app::services::intake::{
    import, ImportKind, ImportReport, ImportRequest, IntakeError, Mode, Progress, RowStatus,
    SheetLimits,
};
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::AnyPool;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// roster (daftar pegawai), asesmen, skp or pelatihan.
    #[arg(value_parser = parse_kind)]
    pub kind: ImportKind,
    /// A CSV (comma or semicolon) or XLSX file.
    pub file: PathBuf,
    /// The instansi's slug, e.g. kota-balikpapan-demo.
    #[arg(long)]
    pub instansi: String,
    /// Only show what would happen; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_kind(text: &str) -> Result<ImportKind, String> {
    ImportKind::from_code(text).ok_or_else(|| {
        let codes: Vec<&str> = ImportKind::ALL.iter().map(|k| k.code()).collect();
        format!("jenis impor harus salah satu dari: {}", codes.join(", "))
    })
}

#[derive(Debug, Error)]
pub enum ImportCommandError {
    #[error(transparent)]
    Read(#[from] super::UnreadableFile),
    #[error(transparent)]
    Instansi(#[from] super::UnknownInstansi),
    #[error(transparent)]
    Intake(#[from] IntakeError),
    #[error("tidak ada yang ditulis: {0} baris ditolak; perbaiki berkas lalu impor ulang")]
    Rejected(usize),
}

/// A progress bar on standard error, for files large enough to wait for.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: u64) {
        if total >= 200 {
            self.0.set_length(total);
            self.0.reset();
            self.0
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn advance(&self, done: u64) {
        self.0.set_position(done);
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn status_label(status: &RowStatus) -> &'static str {
    match status {
        RowStatus::New => "baru",
        RowStatus::Changed => "berubah",
        RowStatus::Unchanged => "tetap",
        RowStatus::Rejected(_) => "DITOLAK",
    }
}

fn print(report: &ImportReport, args: &ImportArgs) {
    let mode = if args.dry_run {
        " (uji coba: tidak ada yang ditulis)"
    } else {
        ""
    };
    println!(
        "Impor {} dari {} untuk {}{mode}",
        report.kind.label(),
        report.file_name,
        args.instansi
    );
    for row in report
        .rows
        .iter()
        .filter(|r| r.status != RowStatus::Unchanged)
    {
        match &row.status {
            RowStatus::Rejected(reason) => {
                println!(
                    "  baris {:>6}  {:<8} {}",
                    row.row,
                    status_label(&row.status),
                    reason.id
                );
            }
            status => {
                let person = row
                    .person
                    .as_ref()
                    .map(|name| format!("{name}, "))
                    .unwrap_or_default();
                println!(
                    "  baris {:>6}  {:<8} {person}{}",
                    row.row,
                    status_label(status),
                    row.key
                );
                for change in &row.changes {
                    println!(
                        "                          {}: {} → {}",
                        change.column, change.before, change.after
                    );
                }
            }
        }
    }
    let c = report.counts;
    super::say_unnamed_rejections(c.rejected, report.rejections().count());
    println!(
        "Ringkasan: {} baru, {} berubah, {} tetap, {} ditolak.",
        decimal_id(c.new as f64, 0),
        decimal_id(c.changed as f64, 0),
        decimal_id(c.unchanged as f64, 0),
        decimal_id(c.rejected as f64, 0)
    );
}

pub async fn run(
    pool: &AnyPool,
    args: &ImportArgs,
    limits: SheetLimits,
) -> Result<(), ImportCommandError> {
    let (bytes, file_name) = super::read_file(&args.file)?;
    let operator = super::operator(pool);
    let scope = super::instansi_scope(&operator, Action::ImportRecords, &args.instansi).await?;
    let bar = Bar(ProgressBar::hidden().with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} baris ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    ));
    let report = import(
        &scope,
        ImportRequest {
            kind: args.kind,
            file_name: &file_name,
            bytes: &bytes,
            limits,
            mode: if args.dry_run {
                Mode::DryRun
            } else {
                Mode::Commit
            },
        },
        &bar,
    )
    .await?;
    print(&report, args);
    // A dry run with rejected rows fails too, so a script checking a file before the real
    // import stops there.
    if report.counts.rejected > 0 {
        return Err(ImportCommandError::Rejected(report.counts.rejected));
    }
    if args.dry_run {
        return Ok(());
    }
    match report.batch_id {
        Some(batch) => println!("Tersimpan sebagai impor #{batch}."),
        None => println!("Tidak ada perubahan: tidak ada yang ditulis."),
    }
    Ok(())
}
