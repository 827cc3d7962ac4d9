//! The `rilis` table (frozen public releases) and what publishing a period reads about it:
//! whether it is scored, its open calibration sessions, and when its data last changed.

use super::{Conn, Pool, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A release as stored. `counts` (true counts, never served) is read only where a later
/// version is audited against it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRelease {
    pub id: i64,
    pub period: i32,
    pub version: i64,
    pub published_at: String,
    pub publisher_name: String,
    pub data_as_of: String,
    pub parameter_version: i64,
    pub note: String,
    /// JSON: what changed, the published tables, the audit.
    pub changes: String,
    pub tables: String,
    pub audit: String,
}

const COLUMNS: &str = "id, period, version, published_at, publisher_name, data_as_of, \
     parameter_version, note, changes, tables, audit";

fn release(row: &AnyRow) -> Result<StoredRelease, StoreError> {
    Ok(StoredRelease {
        id: row.try_get("id")?,
        period: i32::try_from(row.try_get::<i64, _>("period")?)
            .map_err(|_| StoreError::corrupt("period out of range"))?,
        version: row.try_get("version")?,
        published_at: row.try_get("published_at")?,
        publisher_name: row.try_get("publisher_name")?,
        data_as_of: row.try_get("data_as_of")?,
        parameter_version: row.try_get("parameter_version")?,
        note: row.try_get("note")?,
        changes: row.try_get("changes")?,
        tables: row.try_get("tables")?,
        audit: row.try_get("audit")?,
    })
}

/// A release to store.
pub struct NewRelease<'a> {
    pub instansi_id: i64,
    pub period: i32,
    pub version: i64,
    pub published_at: &'a str,
    pub published_by: &'a str,
    pub publisher_name: &'a str,
    pub data_as_of: &'a str,
    pub parameter_version: i64,
    pub note: &'a str,
    pub changes: &'a str,
    pub counts: &'a str,
    pub tables: &'a str,
    pub audit: &'a str,
}

pub async fn insert(conn: &mut Conn, new: &NewRelease<'_>) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "INSERT INTO rilis (instansi_id, period, version, published_at, published_by, \
         publisher_name, data_as_of, parameter_version, note, changes, counts, tables, audit) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(new.instansi_id)
    .bind(i64::from(new.period))
    .bind(new.version)
    .bind(new.published_at)
    .bind(new.published_by)
    .bind(new.publisher_name)
    .bind(new.data_as_of)
    .bind(new.parameter_version)
    .bind(new.note)
    .bind(new.changes)
    .bind(new.counts)
    .bind(new.tables)
    .bind(new.audit)
    .fetch_one(conn)
    .await?;
    Ok(row.try_get("id")?)
}

/// Every release of the instansi, newest period first, newest version first within it.
pub async fn of_instansi(
    conn: &mut Conn,
    instansi_id: i64,
) -> Result<Vec<StoredRelease>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM rilis WHERE instansi_id = $1 ORDER BY period DESC, version DESC"
    ))
    .bind(instansi_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(release).collect()
}

/// An instansi and its newest release: the newest version of its newest published period.
pub struct NewestRelease {
    pub slug: String,
    pub name: String,
    pub province: String,
    pub release: StoredRelease,
}

/// Every instansi's newest release, by province and name.
pub async fn newest_of_every_instansi(conn: &mut Conn) -> Result<Vec<NewestRelease>, StoreError> {
    let rows = sqlx::query(
        "SELECT i.slug, i.name AS instansi_name, i.province, r.id, r.period, r.version, \
         r.published_at, r.publisher_name, r.data_as_of, r.parameter_version, r.note, r.changes, \
         r.tables, r.audit FROM rilis r JOIN instansi i ON i.id = r.instansi_id \
         WHERE r.id = (SELECT q.id FROM rilis q WHERE q.instansi_id = r.instansi_id \
                       ORDER BY q.period DESC, q.version DESC LIMIT 1) \
         ORDER BY i.province, i.name",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(NewestRelease {
                slug: row.try_get("slug")?,
                name: row.try_get("instansi_name")?,
                province: row.try_get("province")?,
                release: release(row)?,
            })
        })
        .collect()
}

/// An earlier version of a period, as a later one is audited against it.
pub struct EarlierVersion {
    pub version: i64,
    pub parameter_version: i64,
    /// JSON: the true counts, and the tables it published.
    pub counts: String,
    pub tables: String,
}

/// Every version of the instansi's `period`, oldest first.
pub async fn earlier_of_period(
    conn: &mut Conn,
    instansi_id: i64,
    period: i32,
) -> Result<Vec<EarlierVersion>, StoreError> {
    let rows = sqlx::query(
        "SELECT version, parameter_version, counts, tables FROM rilis \
         WHERE instansi_id = $1 AND period = $2 ORDER BY version",
    )
    .bind(instansi_id)
    .bind(i64::from(period))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(EarlierVersion {
                version: row.try_get("version")?,
                parameter_version: row.try_get("parameter_version")?,
                counts: row.try_get("counts")?,
                tables: row.try_get("tables")?,
            })
        })
        .collect()
}

/// A number that grows whenever anything the public pages show is added: a release, a
/// merit-index result, a parameter version (all three append-only), so that a process that
/// keeps public pages knows they are stale.
pub async fn generation(pool: &Pool) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM rilis) \
         + (SELECT COALESCE(MAX(id), 0) FROM merit_index_score) \
         + (SELECT COALESCE(MAX(id), 0) FROM parameter_set) AS generation",
    )
    .fetch_one(pool)
    .await?;
    Ok(row.try_get("generation")?)
}

/// What publishing `period` depends on: placements in force, open sessions, versions, the
/// newest scoring or calibration, and the parameter version of the newest placement.
pub struct PeriodFacts {
    pub placements: u64,
    pub open_sessions: u64,
    pub versions: u64,
    pub data_as_of: Option<String>,
    pub parameter_version: Option<i64>,
}

pub async fn period_facts(
    conn: &mut Conn,
    instansi_id: i64,
    period: i32,
) -> Result<PeriodFacts, StoreError> {
    let period = i64::from(period);
    let row = sqlx::query(
        "SELECT \
           (SELECT COUNT(*) FROM placement_in_force WHERE instansi_id = $1 AND period = $2) \
             AS placements, \
           (SELECT COUNT(*) FROM sesi_kalibrasi WHERE instansi_id = $1 AND period = $2 \
             AND closed_at IS NULL) AS open_sessions, \
           (SELECT COUNT(*) FROM rilis WHERE instansi_id = $1 AND period = $2) AS versions, \
           (SELECT MAX(computed_at) FROM placement WHERE instansi_id = $1 AND period = $2) \
             AS scored_at, \
           (SELECT MAX(k.decided_at) FROM kalibrasi k JOIN sesi_kalibrasi s ON s.id = k.sesi_id \
             WHERE s.instansi_id = $1 AND k.period = $2) AS calibrated_at, \
           (SELECT s.version FROM placement p JOIN parameter_set s ON s.id = p.parameter_set_id \
             WHERE p.instansi_id = $1 AND p.period = $2 ORDER BY p.id DESC LIMIT 1) \
             AS parameter_version",
    )
    .bind(instansi_id)
    .bind(period)
    .fetch_one(conn)
    .await?;
    let count = |name: &str| -> Result<u64, StoreError> {
        u64::try_from(row.try_get::<i64, _>(name)?)
            .map_err(|_| StoreError::corrupt("negative count"))
    };
    let scored: Option<String> = row.try_get("scored_at")?;
    let calibrated: Option<String> = row.try_get("calibrated_at")?;
    Ok(PeriodFacts {
        placements: count("placements")?,
        open_sessions: count("open_sessions")?,
        versions: count("versions")?,
        data_as_of: scored.max(calibrated),
        parameter_version: row.try_get("parameter_version")?,
    })
}

/// The periods the instansi has placements in, newest first.
pub async fn scored_periods(conn: &mut Conn, instansi_id: i64) -> Result<Vec<i32>, StoreError> {
    let rows = sqlx::query(
        "SELECT DISTINCT period FROM placement WHERE instansi_id = $1 ORDER BY period DESC",
    )
    .bind(instansi_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            i32::try_from(row.try_get::<i64, _>("period")?)
                .map_err(|_| StoreError::corrupt("period out of range"))
        })
        .collect()
}
