//! The `akun` and `peran` tables: accounts, their password hashes and the roles they hold.
//!
//! Also the reads the scope guard (`auth::guard`) makes before it hands out a scope token:
//! the pegawai or instansi a request names, the ancestors of a unit (how far a unit grant
//! reaches), and the statement every instansi-wide read starts from, bound to its scope.

use super::sql::AnyQuery;
use super::{Conn, Pool, StoreError};
use crate::auth::guard::InstansiScope;
use crate::auth::identity::Account;
use crate::domain::access::{Grant, Role};
use crate::domain::unit_tree::MAX_DEPTH;
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

const ACCOUNT_COLUMNS: &str = "id, username, name, pegawai_id, \
     CASE WHEN must_change_password THEN 1 ELSE 0 END AS must_change";

fn account(row: &AnyRow) -> Result<Account, StoreError> {
    Ok(Account {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        name: row.try_get("name")?,
        pegawai_id: row.try_get("pegawai_id")?,
        must_change_password: row.try_get::<i64, _>("must_change")? != 0,
    })
}

/// An active account and its password hash, for signing in.
pub async fn credentials(
    pool: &Pool,
    username: &str,
) -> Result<Option<(Account, String)>, StoreError> {
    let Some(row) = sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS}, password_hash FROM akun WHERE username = $1 AND active"
    ))
    .bind(username)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some((account(&row)?, row.try_get("password_hash")?)))
}

/// An active account by id.
pub async fn load(pool: &Pool, akun_id: i64) -> Result<Option<Account>, StoreError> {
    sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM akun WHERE id = $1 AND active"
    ))
    .bind(akun_id)
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(account)
    .transpose()
}

/// The active account of the session whose token hashes to `token_hash`, unless the session
/// expired by `now`.
pub async fn of_session(
    pool: &Pool,
    token_hash: &str,
    now: &str,
) -> Result<Option<Account>, StoreError> {
    sqlx::query(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM akun WHERE active AND id = \
         (SELECT akun_id FROM sesi WHERE token_hash = $1 AND expires_at > $2)"
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(account)
    .transpose()
}

/// The province of a live session's instansi: its pegawai's, else its first grant's.
pub async fn province_of_session(
    pool: &Pool,
    token_hash: &str,
    now: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT i.province FROM sesi s JOIN akun a ON a.id = s.akun_id AND a.active \
         LEFT JOIN pegawai p ON p.id = a.pegawai_id \
         JOIN instansi i ON i.id = COALESCE(p.instansi_id, \
           (SELECT MIN(r.instansi_id) FROM peran r WHERE r.akun_id = a.id)) \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?)
}

/// The id of the active account with this user name, if there is one.
pub async fn active_id_by_username(pool: &Pool, username: &str) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM akun WHERE username = $1 AND active")
            .bind(username)
            .fetch_optional(pool)
            .await?,
    )
}

/// The id of the account with this user name, active or not.
pub async fn id_by_username(conn: &mut Conn, username: &str) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM akun WHERE username = $1")
            .bind(username)
            .fetch_optional(conn)
            .await?,
    )
}

/// The id of the pegawai's account, if they have one.
pub async fn id_by_pegawai(conn: &mut Conn, pegawai_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM akun WHERE pegawai_id = $1")
            .bind(pegawai_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// The pegawai an account is made for.
pub struct AccountHolder {
    pub id: i64,
    pub name: String,
    pub instansi_id: i64,
}

/// The pegawai with this NIP, for an account of their own.
pub async fn holder_by_nip(
    conn: &mut Conn,
    nip: &str,
) -> Result<Option<AccountHolder>, StoreError> {
    let Some(row) = sqlx::query("SELECT id, name, instansi_id FROM pegawai WHERE nip = $1")
        .bind(nip)
        .fetch_optional(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(AccountHolder {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        instansi_id: row.try_get("instansi_id")?,
    }))
}

/// Inserts an account and returns its id.
pub async fn insert(
    conn: &mut Conn,
    username: &str,
    name: &str,
    pegawai_id: Option<i64>,
    password_hash: &str,
    must_change_password: bool,
    created_at: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO akun (username, name, pegawai_id, password_hash, must_change_password, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(username)
    .bind(name)
    .bind(pegawai_id)
    .bind(password_hash)
    .bind(must_change_password)
    .bind(created_at)
    .fetch_one(conn)
    .await?)
}

/// Sets the account's password hash and whether it must be changed at the next sign-in.
pub async fn set_password_hash(
    conn: &mut Conn,
    akun_id: i64,
    password_hash: &str,
    must_change: bool,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE akun SET password_hash = $1, must_change_password = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(must_change)
        .bind(akun_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The roles an account holds. A role code the application does not know is a corrupt row.
pub async fn grants<'c, E>(executor: E, akun_id: i64) -> Result<Vec<Grant>, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query("SELECT role, instansi_id, unit_kerja_id FROM peran WHERE akun_id = $1 ORDER BY id")
        .bind(akun_id)
        .fetch_all(executor)
        .await?
        .iter()
        .map(|row| {
            let code: String = row.try_get("role")?;
            Ok(Grant {
                role: Role::from_code(&code)
                    .ok_or_else(|| StoreError::corrupt(format!("peran tak dikenal: {code}")))?,
                instansi_id: row.try_get("instansi_id")?,
                unit_kerja_id: row.try_get("unit_kerja_id")?,
            })
        })
        .collect()
}

/// Gives the account one more role.
pub async fn insert_grant(conn: &mut Conn, akun_id: i64, grant: &Grant) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO peran (akun_id, role, instansi_id, unit_kerja_id) VALUES ($1, $2, $3, $4)",
    )
    .bind(akun_id)
    .bind(grant.role.code())
    .bind(grant.instansi_id)
    .bind(grant.unit_kerja_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// An account as an account list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub username: String,
    pub name: String,
    pub nip: Option<String>,
    pub roles: Vec<Role>,
    pub must_change_password: bool,
}

/// A role held in the instansi, with the unit it is limited to (`None`: the whole instansi).
pub struct GrantSummary {
    pub username: String,
    pub role: Role,
    pub unit: Option<String>,
}

/// Every role held in the scope's instansi, with its unit's name.
pub async fn grants_in_instansi(
    scope: &InstansiScope<'_>,
) -> Result<Vec<GrantSummary>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.username, r.role, u.name AS unit FROM peran r JOIN akun a ON a.id = r.akun_id \
         LEFT JOIN unit_kerja u ON u.id = r.unit_kerja_id WHERE r.instansi_id = $1 \
         ORDER BY a.username, r.role",
    )
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await?;
    let mut grants = Vec::with_capacity(rows.len());
    for row in rows {
        let code: String = row.try_get("role")?;
        if let Some(role) = Role::from_code(&code) {
            grants.push(GrantSummary {
                username: row.try_get("username")?,
                role,
                unit: row.try_get("unit")?,
            });
        }
    }
    Ok(grants)
}

/// The accounts of the part of an instansi in scope: those of its pegawai, and staff
/// accounts without a pegawai that hold a role there (listed only to whole-instansi scopes).
pub async fn in_instansi(scope: &InstansiScope<'_>) -> Result<Vec<AccountSummary>, StoreError> {
    let filter = scope.pegawai_filter();
    let staff = if scope.units().is_none() {
        " OR (a.pegawai_id IS NULL AND EXISTS \
         (SELECT 1 FROM peran r WHERE r.akun_id = a.id AND r.instansi_id = $1))"
    } else {
        ""
    };
    let sql = format!(
        "SELECT a.username, a.name, p.nip, \
         CASE WHEN a.must_change_password THEN 1 ELSE 0 END AS must_change, \
         (SELECT string_agg(r.role, ',') FROM peran r WHERE r.akun_id = a.id) AS roles \
         FROM akun a LEFT JOIN pegawai p ON p.id = a.pegawai_id \
         WHERE a.active AND ((p.instansi_id = $1{filter}){staff}) \
         ORDER BY a.name, a.username"
    );
    scope
        .query(&sql)
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(|row| {
            let roles: Option<String> = row.try_get("roles")?;
            let mut roles: Vec<Role> = roles
                .unwrap_or_default()
                .split(',')
                .filter_map(Role::from_code)
                .collect();
            roles.sort();
            roles.dedup();
            Ok(AccountSummary {
                username: row.try_get("username")?,
                name: row.try_get("name")?,
                nip: row.try_get("nip")?,
                roles,
                must_change_password: row.try_get::<i64, _>("must_change")? != 0,
            })
        })
        .collect()
}

/// The id of the pegawai with this NIP, if there is one.
pub async fn pegawai_id_by_nip(pool: &Pool, nip: &str) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar("SELECT id FROM pegawai WHERE nip = $1")
        .bind(nip)
        .fetch_optional(pool)
        .await?)
}

/// Where a pegawai stands, for an access check on them.
pub struct PersonPlace {
    pub instansi_id: i64,
    pub unit_kerja_id: Option<i64>,
    pub atasan_id: Option<i64>,
}

/// Where the pegawai with this id stands, if there is one.
pub async fn person_place(pool: &Pool, pegawai_id: i64) -> Result<Option<PersonPlace>, StoreError> {
    let Some(row) =
        sqlx::query("SELECT instansi_id, unit_kerja_id, atasan_id FROM pegawai WHERE id = $1")
            .bind(pegawai_id)
            .fetch_optional(pool)
            .await?
    else {
        return Ok(None);
    };
    Ok(Some(PersonPlace {
        instansi_id: row.try_get("instansi_id")?,
        unit_kerja_id: row.try_get("unit_kerja_id")?,
        atasan_id: row.try_get("atasan_id")?,
    }))
}

/// An instansi as a scope names it.
pub struct InstansiName {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub province: String,
}

fn instansi_name(row: Option<AnyRow>) -> Result<Option<InstansiName>, StoreError> {
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(InstansiName {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        province: row.try_get("province")?,
    }))
}

/// The instansi with this slug, if there is one.
pub async fn instansi_by_slug(pool: &Pool, slug: &str) -> Result<Option<InstansiName>, StoreError> {
    instansi_name(
        sqlx::query("SELECT id, slug, name, province FROM instansi WHERE slug = $1")
            .bind(slug)
            .fetch_optional(pool)
            .await?,
    )
}

/// The instansi with id `first`; without one, the first instansi by name that has pegawai.
pub async fn first_instansi(
    pool: &Pool,
    first: Option<i64>,
) -> Result<Option<InstansiName>, StoreError> {
    instansi_name(
        sqlx::query(
            "SELECT id, slug, name, province FROM instansi WHERE id = $1 OR ($1 IS NULL AND \
             EXISTS (SELECT 1 FROM pegawai p WHERE p.instansi_id = instansi.id)) \
             ORDER BY name LIMIT 1",
        )
        .bind(first)
        .fetch_optional(pool)
        .await?,
    )
}

/// A unit and its ancestors, nearest first, at most [`MAX_DEPTH`] levels up.
pub async fn ancestors(pool: &Pool, unit: i64) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(&format!(
        "WITH RECURSIVE up (id, parent_id, depth) AS ( \
         SELECT id, parent_id, 0 FROM unit_kerja WHERE id = $1 \
         UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM unit_kerja u JOIN up ON u.id = up.parent_id \
         WHERE up.depth < {MAX_DEPTH}) SELECT id FROM up ORDER BY depth"
    ))
    .bind(unit)
    .fetch_all(pool)
    .await?)
}

/// `sql` with the scope's instansi bound as `$1` and the roots of its unit subtrees from `$2`
/// (see [`InstansiScope::query`]); further binds follow them.
pub fn scoped<'q>(scope: &InstansiScope<'_>, sql: &'q str) -> AnyQuery<'q> {
    let mut query = sqlx::query(sql).bind(scope.instansi_id());
    for root in scope.units().unwrap_or_default() {
        query = query.bind(*root);
    }
    query
}
