//! The database: one pool per process over SQLite (embedded default) or PostgreSQL (scale),
//! chosen by the URL. Queries are written once in portable SQL against `sqlx::Any`; only the
//! schema is kept per engine (identity columns differ), in `migrations/<engine>/`.

use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::{AnyPool, Executor};
use std::borrow::Cow;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use thiserror::Error;

/// Each engine's migrations as `(version, description, SQL)`, listed by `build.rs` from
/// `migrations/<engine>/` and compiled into the binary.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

/// Migrations compiled into the binary, as sqlx's own folder source would read them: the
/// same versions, descriptions and SQL, hence the same checksums.
#[derive(Debug)]
struct Embedded(&'static [(i64, &'static str, &'static str)]);

/// What [`MigrationSource::resolve`] returns.
type Resolving = Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send>>;

impl MigrationSource<'static> for Embedded {
    fn resolve(self) -> Resolving {
        Box::pin(async move {
            Ok(self
                .0
                .iter()
                .map(|&(version, description, sql)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Error)]
pub enum DbError {
    #[error("DATABASE_URL harus diawali sqlite: atau postgres:, bukan \"{0}\"")]
    UnsupportedUrl(String),
    #[error("folder basis data {path} tidak dapat dibuat: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("tidak dapat terhubung ke basis data: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("migrasi basis data gagal: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl Engine {
    pub fn of(url: &str) -> Result<Engine, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Engine::Postgres)
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }

    async fn migrator(self) -> Result<Migrator, DbError> {
        let migrations = match self {
            Engine::Sqlite => embedded::SQLITE,
            Engine::Postgres => embedded::POSTGRES,
        };
        Ok(Migrator::new(Embedded(migrations)).await?)
    }

    /// SQLite serialises writers, and this machine class has 2 cores: a few connections
    /// serve reads in parallel (WAL) without queueing writers behind many idle ones.
    /// PostgreSQL handles more, but each connection costs it a process.
    fn max_connections(self) -> u32 {
        match self {
            Engine::Sqlite => 4,
            Engine::Postgres => 10,
        }
    }
}

/// An SQLite URL that creates its file when missing, after creating the file's folder.
fn prepare_sqlite_url(url: &str) -> Result<String, DbError> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if !path.is_empty() && path != ":memory:" {
        if let Some(dir) = Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|source| DbError::CreateDir {
                path: dir.display().to_string(),
                source,
            })?;
        }
    }
    Ok(if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Connects and brings the schema up to date.
pub async fn connect(url: &str) -> Result<AnyPool, DbError> {
    install_default_drivers();
    let engine = Engine::of(url)?;
    let url = match engine {
        Engine::Sqlite => prepare_sqlite_url(url)?,
        Engine::Postgres => url.to_owned(),
    };
    let pool = AnyPoolOptions::new()
        .max_connections(engine.max_connections())
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    // WAL lets readers run beside the writer; the busy timeout makes a writer
                    // wait for another instead of failing at once.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .map_err(DbError::Connect)?;
    engine.migrator().await?.run(&pool).await?;
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_embedded_migrations_are_the_folders_as_sqlx_reads_them() {
        for (engine, folder) in [(Engine::Sqlite, "sqlite"), (Engine::Postgres, "postgres")] {
            let embedded = engine.migrator().await.expect("embedded");
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("migrations")
                .join(folder);
            let read = Migrator::new(dir).await.expect("folder");
            let summary = |m: &Migrator| {
                m.iter()
                    .map(|m| (m.version, m.description.to_string(), m.checksum.to_vec()))
                    .collect::<Vec<_>>()
            };
            assert!(!summary(&embedded).is_empty());
            assert_eq!(summary(&embedded), summary(&read), "{folder}");
        }
    }

    #[test]
    fn engines_are_chosen_by_scheme() {
        assert_eq!(Engine::of("sqlite://data/x.db").ok(), Some(Engine::Sqlite));
        assert_eq!(
            Engine::of("postgres://postgres@127.0.0.1/x").ok(),
            Some(Engine::Postgres)
        );
        assert_eq!(Engine::of("postgresql://h/x").ok(), Some(Engine::Postgres));
        assert!(Engine::of("mysql://h/x").is_err());
    }

    #[test]
    fn sqlite_urls_create_missing_files() {
        assert_eq!(
            prepare_sqlite_url("sqlite::memory:").ok().as_deref(),
            Some("sqlite::memory:?mode=rwc")
        );
        assert_eq!(
            prepare_sqlite_url("sqlite://x.db?mode=ro").ok().as_deref(),
            Some("sqlite://x.db?mode=ro")
        );
    }
}
