//! The SQL of the application, one module per group of tables (server only). Services
//! compose these reads and writes with the domain's rules; pages hold no SQL, and nothing
//! outside this module names sqlx: services hold a [`Pool`], a [`Conn`] or a [`Tx`] only to
//! hand it back to the store, so that several store calls share one transaction.

pub mod accounts;
pub mod audit;
pub mod calibration;
pub mod corrections;
mod error;
pub mod filter;
pub mod idp;
pub mod instansi;
pub mod intake;
pub mod krs;
pub mod merit_index;
pub mod merit_results;
pub mod parameters;
pub mod people;
pub mod placements;
pub mod posts;
pub mod releases;
pub mod scoring;
pub mod scoring_records;
pub mod sessions;
pub mod sign_in_attempts;
pub mod sql;
pub mod succession;
pub mod talent_map;
pub mod talent_picture;
pub mod training;
pub mod units;
pub mod unplaced;

pub use error::StoreError;

/// The process's one connection pool, over SQLite or PostgreSQL (`sqlx::Any`).
pub type Pool = sqlx::AnyPool;
/// One connection, or the connection of an open transaction (`&mut *tx`).
pub type Conn = sqlx::AnyConnection;
/// An open transaction: every write and its audit entry commit together or not at all.
pub type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

/// A connection of the pool, given back when dropped.
pub type PooledConn = sqlx::pool::PoolConnection<sqlx::Any>;

/// Takes a connection from the pool, for several reads in a row outside a transaction.
pub async fn acquire(pool: &Pool) -> Result<PooledConn, StoreError> {
    Ok(pool.acquire().await?)
}

/// Opens a transaction on the pool.
pub async fn begin(pool: &Pool) -> Result<Tx<'static>, StoreError> {
    Ok(pool.begin().await?)
}

/// Commits a transaction: its writes and their audit entries land together.
pub async fn commit(tx: Tx<'_>) -> Result<(), StoreError> {
    Ok(tx.commit().await?)
}
