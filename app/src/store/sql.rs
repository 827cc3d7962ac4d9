//! SQL helpers shared by the store's modules: placeholders and a typed multi-row insert that
//! works on both engines.

use super::StoreError;
use sqlx::AnyConnection;

/// `$first, $first+1, ...` for `count` bind parameters: the placeholder style both SQLite and
/// PostgreSQL accept, for the `IN (...)` lists that sqlx cannot bind as one array on both.
pub fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The display name of the actor stored in `column` (`akun:{user name}`): the account's
/// name, else the actor as stored (`cli:{login}`), as an SQL expression for a `SELECT`.
macro_rules! actor_name {
    ($column:literal) => {
        concat!(
            "COALESCE((SELECT a.name FROM akun a WHERE a.username = SUBSTR(",
            $column,
            ", 6) AND ",
            $column,
            " LIKE 'akun:%'), ",
            $column,
            ")"
        )
    };
}
pub(crate) use actor_name;

/// A value for [`insert_rows`], typed even when NULL (PostgreSQL wants to know).
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
    Bool(bool),
}

impl From<i64> for SqlValue {
    fn from(value: i64) -> Self {
        SqlValue::Int(Some(value))
    }
}

impl From<f64> for SqlValue {
    fn from(value: f64) -> Self {
        SqlValue::Real(Some(value))
    }
}

impl From<String> for SqlValue {
    fn from(value: String) -> Self {
        SqlValue::Text(Some(value))
    }
}

impl From<&str> for SqlValue {
    fn from(value: &str) -> Self {
        SqlValue::Text(Some(value.to_owned()))
    }
}

impl From<bool> for SqlValue {
    fn from(value: bool) -> Self {
        SqlValue::Bool(value)
    }
}

impl From<Option<i64>> for SqlValue {
    fn from(value: Option<i64>) -> Self {
        SqlValue::Int(value)
    }
}

impl From<Option<f64>> for SqlValue {
    fn from(value: Option<f64>) -> Self {
        SqlValue::Real(value)
    }
}

impl From<Option<String>> for SqlValue {
    fn from(value: Option<String>) -> Self {
        SqlValue::Text(value)
    }
}

/// Bind parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535, and small
/// enough that the statement text stays modest.
const BINDS_PER_STATEMENT: usize = 8_000;

/// `INSERT INTO table (columns) VALUES (...), (...) suffix` for `rows` rows. SQLite looks a
/// numbered parameter up with a linear scan, which makes thousands of `$n` quadratic, so it
/// gets anonymous `?` parameters (`anonymous`, bound in order); PostgreSQL needs `$n`.
pub fn insert_sql(
    anonymous: bool,
    table: &str,
    columns: &[&str],
    rows: usize,
    suffix: &str,
) -> String {
    let width = columns.len();
    let tuples: Vec<String> = (0..rows)
        .map(|i| {
            if anonymous {
                format!("({})", vec!["?"; width].join(", "))
            } else {
                format!("({})", placeholders(i * width + 1, width))
            }
        })
        .collect();
    format!(
        "INSERT INTO {table} ({}) VALUES {} {suffix}",
        columns.join(", "),
        tuples.join(", ")
    )
}

/// A statement on either engine, with its bind parameters.
pub type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds `value` as the next parameter of `query`.
pub fn bind_value<'q>(query: AnyQuery<'q>, value: &'q SqlValue) -> AnyQuery<'q> {
    match value {
        SqlValue::Int(v) => query.bind(*v),
        SqlValue::Real(v) => query.bind(*v),
        SqlValue::Text(v) => query.bind(v.as_deref()),
        SqlValue::Bool(v) => query.bind(*v),
    }
}

fn bind_rows<'q>(sql: &'q str, rows: &'q [Vec<SqlValue>]) -> AnyQuery<'q> {
    // Not cached: sqlx 0.8.6's Any driver sends a NULL f64 to PostgreSQL as float4, so a
    // cached statement first run with a NULL there would refuse a later f64 value.
    rows.iter()
        .flatten()
        .fold(sqlx::query(sql).persistent(false), bind_value)
}

/// Rows per statement for rows of `width` values.
fn rows_per_statement(width: usize) -> usize {
    (BINDS_PER_STATEMENT / width.max(1)).max(1)
}

/// Inserts rows with multi-row `INSERT ... VALUES (...), (...)` statements: the batched path
/// both engines run (PostgreSQL's COPY is faster still, for generated national data). `suffix`
/// follows the VALUES list, e.g. an `ON CONFLICT` clause. Returns the rows affected.
pub async fn insert_rows(
    conn: &mut AnyConnection,
    table: &str,
    columns: &[&str],
    rows: &[Vec<SqlValue>],
    suffix: &str,
) -> Result<u64, StoreError> {
    let anonymous = conn.backend_name() == "SQLite";
    let mut affected = 0;
    for chunk in rows.chunks(rows_per_statement(columns.len())) {
        let sql = insert_sql(anonymous, table, columns, chunk.len(), suffix);
        affected += bind_rows(&sql, chunk)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    Ok(affected)
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered() {
        assert_eq!(super::placeholders(1, 3), "$1, $2, $3");
        assert_eq!(super::placeholders(4, 1), "$4");
        assert_eq!(super::placeholders(1, 0), "");
    }
}
