//! The `unit_kerja` table: the unit tree of an instansi.

use super::StoreError;
use crate::api::talent_map::UnitOption;
use crate::auth::guard::InstansiScope;
use sqlx::{Any, Executor, Row};

/// The id of the unit with `code` in the instansi, if there is one.
pub async fn id_by_code<'c, E>(
    executor: E,
    instansi_id: i64,
    code: &str,
) -> Result<Option<i64>, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query_scalar("SELECT id FROM unit_kerja WHERE instansi_id = $1 AND code = $2")
        .bind(instansi_id)
        .bind(code)
        .fetch_optional(executor)
        .await
        .map_err(StoreError::from)
}

/// The instansi's unit tree in depth-first order, for the selector.
pub(crate) async fn options(scope: &InstansiScope<'_>) -> Result<Vec<UnitOption>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, parent_id, code, name FROM unit_kerja WHERE instansi_id = $1 ORDER BY name",
    )
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await?;
    let mut nodes = Vec::with_capacity(rows.len());
    for row in &rows {
        nodes.push((
            row.try_get::<i64, _>("id")?,
            row.try_get::<Option<i64>, _>("parent_id")?,
            row.try_get::<String, _>("code")?,
            row.try_get::<String, _>("name")?,
        ));
    }
    let mut out = Vec::with_capacity(nodes.len());
    // Depth-first: children of a unit follow it, by name.
    fn walk(
        nodes: &[(i64, Option<i64>, String, String)],
        parent: Option<i64>,
        depth: u8,
        out: &mut Vec<UnitOption>,
    ) {
        for (id, _, code, name) in nodes.iter().filter(|n| n.1 == parent) {
            out.push(UnitOption {
                code: code.clone(),
                name: name.clone(),
                depth,
            });
            if depth < 16 {
                walk(nodes, Some(*id), depth + 1, out);
            }
        }
    }
    walk(&nodes, None, 0, &mut out);
    Ok(out)
}
