//! The `jenjang` binary: parse the command line and hand over to the library.

use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    jenjang::telemetry::init();
    let cli = jenjang::cli::Cli::parse();
    match jenjang::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            eprintln!("jenjang: {error}");
            ExitCode::FAILURE
        }
    }
}
