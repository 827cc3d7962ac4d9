//! The command line: `jenjang` (or `jenjang serve`) serves; `jenjang migrate` only prepares
//! the database.

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
}

#[derive(Debug, Error)]
pub enum CliError {
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error(transparent)]
    Seed(#[from] seed::SeedError),
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
        Command::Serve => {
            let addr = cli.config.site_addr;
            let state = AppState {
                leptos_options: cli.config.leptos_options(),
                pool,
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
            axum::serve(listener, http::router(state))
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
