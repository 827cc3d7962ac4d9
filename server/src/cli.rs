//! The command line: `jenjang` (or `jenjang serve`) serves; `jenjang migrate` only prepares
//! the database; the other commands import, score and generate data (see `commands`).

use crate::commands::{
    audit, generate, import, merit_results, parameter, release, score, seed_demo, user,
};
use crate::config::Config;
use crate::{db, http, seed, state::AppState};
use axum::serve::ListenerExt;
use clap::{Parser, Subcommand};
use thiserror::Error;

#[derive(Debug, Parser)]
#[command(
    name = "jenjang",
    version,
    about = "Manajemen talenta dan transparansi sistem merit ASN"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate, load seed data and serve (the default).
    Serve,
    /// Migrate and load seed data, then exit.
    Migrate,
    /// Import a roster, assessment, SKP or training file (CSV or XLSX) into an instansi.
    Import(import::ImportArgs),
    /// Record, correct or import published merit-index results (`indeks-merit add`).
    #[command(subcommand)]
    IndeksMerit(merit_results::MeritCommand),
    /// Place every pegawai of an instansi in the 9-box for a period.
    Score(score::ScoreArgs),
    /// Publish a period's public release (`rilis`) and print its disclosure audit.
    Rilis(release::ReleaseArgs),
    /// Show an instansi's scoring-rule versions, or put a preset in force.
    Parameter(parameter::ParameterArgs),
    /// Create the synthetic demo instansi "Pemerintah Kota Balikpapan (demo)".
    SeedDemo,
    /// Generate national-scale synthetic pegawai through the bulk path.
    Generate(generate::GenerateArgs),
    /// Manage accounts (`user add` creates the first administrator).
    #[command(subcommand)]
    User(user::UserCommand),
    /// Check the audit log (`audit verify`).
    #[command(subcommand)]
    Audit(audit::AuditCommand),
}

#[derive(Debug, Error)]
pub enum CliError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error(transparent)]
    Seed(#[from] seed::SeedError),
    #[error(transparent)]
    Import(#[from] import::ImportCommandError),
    #[error(transparent)]
    MeritResults(#[from] merit_results::MeritCommandError),
    #[error(transparent)]
    Score(#[from] score::ScoreCommandError),
    #[error(transparent)]
    Release(#[from] release::ReleaseCommandError),
    #[error(transparent)]
    Parameter(#[from] parameter::ParameterCommandError),
    #[error(transparent)]
    SeedDemo(#[from] seed_demo::SeedDemoError),
    #[error(transparent)]
    Generate(#[from] generate::GenerateError),
    #[error(transparent)]
    User(#[from] user::UserCommandError),
    #[error(transparent)]
    Audit(#[from] audit::AuditCommandError),
    #[error("tidak dapat melayani di {addr}: {source}")]
    Serve {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    let pool = db::connect(&cli.config.database_url).await?;
    let report = seed::load_merit_index(&pool).await?;
    tracing::info!(
        instansi_added = report.instansi_added,
        scores_added = report.scores_added,
        "seed data loaded"
    );
    match cli.command.unwrap_or(Command::Serve) {
        Command::Migrate => Ok(()),
        Command::Import(args) => Ok(import::run(&pool, &args, cli.config.sheet_limits()).await?),
        Command::IndeksMerit(command) => {
            Ok(merit_results::run(&pool, &command, cli.config.sheet_limits()).await?)
        }
        Command::Score(args) => Ok(score::run(&pool, &args).await?),
        Command::Rilis(args) => Ok(release::run(&pool, &args).await?),
        Command::Parameter(args) => Ok(parameter::run(&pool, &args).await?),
        Command::SeedDemo => Ok(seed_demo::run(&pool).await?),
        Command::Generate(args) => Ok(generate::run(&pool, &cli.config.database_url, &args).await?),
        Command::User(command) => Ok(user::run(&pool, &command).await?),
        Command::Audit(command) => Ok(audit::run(&pool, &command, &cli.config.anchor()).await?),
        Command::Serve => {
            let addr = cli.config.site_addr;
            let pool_for_checkpoints = pool.clone();
            let state = AppState {
                trust_proxy: cli.config.trust_proxy,
                sheet_limits: cli.config.sheet_limits(),
                ..AppState::new(cli.config.leptos_options(), pool)
            };
            // Without TCP_NODELAY, a response whose headers and body leave in separate writes
            // (every static file) waits ~40 ms for a delayed ACK (measured by `make bench`).
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|source| CliError::Serve { addr, source })?
                .tap_io(|tcp| {
                    if let Err(error) = tcp.set_nodelay(true) {
                        tracing::warn!(%error, "TCP_NODELAY could not be set");
                    }
                });
            tracing::info!("Jenjang melayani di http://{addr}");
            crate::checkpoints::every(
                cli.config.anchor(),
                pool_for_checkpoints,
                cli.config.audit_checkpoint_seconds,
            );
            // Connection info gives the sign-in rate limit the client's address.
            let app =
                http::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown_signal())
                .await
                .map_err(|source| CliError::Serve { addr, source })
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM, so in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, only SIGTERM stops the server.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
