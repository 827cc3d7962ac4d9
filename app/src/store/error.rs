//! The store's one error type. It keeps sqlx's error for the log and answers the only
//! questions a service asks of a failed statement: did it break a unique constraint (someone
//! else wrote first), or was a row that had to exist missing.

use thiserror::Error;

#[derive(Debug, Error)]
#[error(transparent)]
pub struct StoreError(#[from] sqlx::Error);

impl StoreError {
    /// A stored value that does not decode into its type (an out-of-range number, an unknown
    /// code): the database holds something the application never writes.
    pub fn corrupt(what: impl Into<String>) -> Self {
        StoreError(sqlx::Error::Decode(what.into().into()))
    }

    /// The statement would have broken a unique constraint.
    pub fn is_unique_violation(&self) -> bool {
        matches!(&self.0, sqlx::Error::Database(e) if e.is_unique_violation())
    }

    /// A row the statement required was not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self.0, sqlx::Error::RowNotFound)
    }
}
