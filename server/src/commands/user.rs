//! `jenjang user add`: create an account from the command line, first of all the first
//! administrator (nobody can sign in to create it otherwise).

use app::auth::password::{self, PasswordError};
use app::domain::access::{Grant, Role};
use app::services::accounts::{self, AccountError, NewAccount};
use app::store;
use sqlx::AnyPool;
use thiserror::Error;

#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Create an account with one role. The password comes from JENJANG_PASSWORD; without it
    /// a temporary one is printed, to be changed at the first sign-in.
    Add(AddArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// pegawai, atasan, bkpsdm, komite, data_publik or admin.
    #[arg(long)]
    pub peran: String,
    /// The pegawai's NIP: they sign in with it and the account carries their name.
    #[arg(long)]
    pub nip: Option<String>,
    /// For staff without a NIP.
    #[arg(long)]
    pub nama_pengguna: Option<String>,
    #[arg(long)]
    pub nama: Option<String>,
    /// The instansi of the role (every role but data_publik and admin).
    #[arg(long)]
    pub instansi: Option<String>,
    /// Narrows the role to this unit kerja (by code) and the units under it.
    #[arg(long)]
    pub unit: Option<String>,
}

#[derive(Debug, Error)]
pub enum UserCommandError {
    #[error("peran \"{0}\" tidak dikenal (pegawai, atasan, bkpsdm, komite, data_publik, admin)")]
    UnknownRole(String),
    #[error("peran {0} memerlukan --instansi")]
    MissingInstansi(&'static str),
    #[error("instansi \"{0}\" tidak ditemukan")]
    UnknownInstansi(String),
    #[error("unit kerja \"{0}\" tidak ditemukan di instansi itu")]
    UnknownUnit(String),
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
    #[error("basis data: {0}")]
    Store(#[from] app::store::StoreError),
}

pub async fn run(pool: &AnyPool, command: &UserCommand) -> Result<(), UserCommandError> {
    match command {
        UserCommand::Add(args) => add(pool, args).await,
    }
}

async fn grant(pool: &AnyPool, args: &AddArgs) -> Result<Grant, UserCommandError> {
    let role = Role::from_code(&args.peran.to_lowercase())
        .ok_or_else(|| UserCommandError::UnknownRole(args.peran.clone()))?;
    if role.installation_wide() {
        return Ok(Grant {
            role,
            instansi_id: None,
            unit_kerja_id: None,
        });
    }
    let slug = args
        .instansi
        .as_deref()
        .ok_or(UserCommandError::MissingInstansi(role.code()))?;
    let instansi_id = store::instansi::id_by_slug(pool, slug)
        .await?
        .ok_or_else(|| UserCommandError::UnknownInstansi(slug.to_owned()))?;
    let unit_kerja_id = match &args.unit {
        Some(code) => Some(
            sqlx::query_scalar("SELECT id FROM unit_kerja WHERE instansi_id = $1 AND code = $2")
                .bind(instansi_id)
                .bind(code)
                .fetch_optional(pool)
                .await?
                .ok_or_else(|| UserCommandError::UnknownUnit(code.clone()))?,
        ),
        None => None,
    };
    Ok(Grant {
        role,
        instansi_id: Some(instansi_id),
        unit_kerja_id,
    })
}

async fn add(pool: &AnyPool, args: &AddArgs) -> Result<(), UserCommandError> {
    let grant = grant(pool, args).await?;
    let given = std::env::var("JENJANG_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty());
    let password = match &given {
        Some(password) => password.clone(),
        None => password::temporary()?,
    };
    let mut tx = pool.begin().await?;
    let account = accounts::create(
        &mut tx,
        &super::actor(),
        NewAccount {
            nip: args.nip.as_deref(),
            username: args.nama_pengguna.as_deref(),
            name: args.nama.as_deref(),
            password: &password,
            must_change_password: given.is_none(),
            grants: vec![grant],
        },
    )
    .await?;
    tx.commit().await?;
    println!(
        "Akun \"{}\" ({}) dibuat dengan peran {}.",
        account.username, account.name, args.peran
    );
    if given.is_none() {
        println!("Kata sandi sementara (wajib diganti saat pertama masuk): {password}");
    }
    Ok(())
}
