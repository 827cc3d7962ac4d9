//! The `import_batch` table: one row per committed import (its file, the file's SHA-256, who
//! imported it and when, and its counts), which every row the import wrote names.

use crate::store::{Conn, StoreError};

/// A committed import to record.
pub struct NewBatch<'a> {
    pub instansi_id: i64,
    /// The kind of file, by its code.
    pub kind: &'a str,
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub importer: &'a str,
    pub imported_at: &'a str,
    pub rows_new: i64,
    pub rows_changed: i64,
    pub rows_unchanged: i64,
}

/// Records an import. Returns its id, for the rows it writes.
pub async fn insert(conn: &mut Conn, batch: &NewBatch<'_>) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO import_batch (instansi_id, kind, file_name, file_sha256, importer, \
         imported_at, rows_new, rows_changed, rows_unchanged) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(batch.instansi_id)
    .bind(batch.kind)
    .bind(batch.file_name)
    .bind(batch.file_sha256)
    .bind(batch.importer)
    .bind(batch.imported_at)
    .bind(batch.rows_new)
    .bind(batch.rows_changed)
    .bind(batch.rows_unchanged)
    .fetch_one(conn)
    .await?;
    Ok(id)
}
