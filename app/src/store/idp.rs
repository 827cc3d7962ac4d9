//! The `idp` and `idp_item` tables: each person's development plan of a year and its goals,
//! how a goal stores where it came from and what it works on, and the competency gaps
//! (`asesmen_kompetensi` against `standar_kompetensi`) a new plan starts from.

use super::sql::actor_name;
use super::{Conn, Pool, StoreError};
use crate::api::self_service::{IdpGoal, PendingIdp, ThreadEntry};
use crate::auth::guard::TeamScope;
use crate::domain::idp::{Activity, IdpStatus, Method, Origin, ProposedGoal, ThreadKind};
use crate::domain::kompetensi::Kompetensi;
use crate::domain::scoring::Component;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

/// A stored year or level column as the small integer it is.
pub(super) fn small<T: TryFrom<i64>>(value: i64) -> Result<T, StoreError> {
    T::try_from(value).map_err(|_| StoreError::corrupt(format!("{value} out of range")))
}

/// How a goal stores the scoring component it works on: the variant's name.
fn component_code(component: Component) -> String {
    format!("{component:?}")
}

fn component_from_code(code: &str) -> Option<Component> {
    serde_json::from_value(code.into()).ok()
}

/// How a goal stores its origin: (origin, kompetensi, attained level, required level).
fn origin_columns(
    origin: Origin,
) -> (&'static str, Option<&'static str>, Option<i64>, Option<i64>) {
    match origin {
        Origin::Gap {
            kompetensi,
            attained,
            required,
        } => (
            "kesenjangan",
            Some(kompetensi.code()),
            Some(i64::from(attained)),
            Some(i64::from(required)),
        ),
        Origin::Recommendation(_) => ("rekomendasi", None, None, None),
        Origin::Own => ("pribadi", None, None, None),
    }
}

fn goal(row: &AnyRow) -> Result<IdpGoal, StoreError> {
    let kompetensi = row
        .try_get::<Option<String>, _>("kompetensi")?
        .as_deref()
        .and_then(Kompetensi::from_code);
    let level = |column: &str| -> Result<Option<u8>, StoreError> {
        row.try_get::<Option<i64>, _>(column)?
            .map(small)
            .transpose()
    };
    let gap = match (
        kompetensi,
        level("attained_level")?,
        level("required_level")?,
    ) {
        (Some(k), Some(attained), Some(required)) => Some((k, attained, required)),
        _ => None,
    };
    Ok(IdpGoal {
        id: row.try_get("id")?,
        origin: row.try_get("origin")?,
        goal: row.try_get("goal")?,
        gap,
        component: row
            .try_get::<Option<String>, _>("component")?
            .as_deref()
            .and_then(component_from_code),
        method: row
            .try_get::<Option<String>, _>("method")?
            .as_deref()
            .and_then(Method::from_code),
        jp: row.try_get("jp")?,
        target_date: row.try_get("target_date")?,
        evidence_url: row.try_get("evidence_url")?,
    })
}

/// The year of the person's newest plan waiting for their atasan, if one is.
pub async fn submitted_year(conn: &mut Conn, pegawai_id: i64) -> Result<Option<i32>, StoreError> {
    let year: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(year) FROM idp WHERE pegawai_id = $1 AND status = 'diajukan'",
    )
    .bind(pegawai_id)
    .fetch_one(conn)
    .await?;
    year.map(small).transpose()
}

/// The id and stored status of the person's plan for `year`, if they have one.
pub async fn header(
    conn: &mut Conn,
    pegawai_id: i64,
    year: i32,
) -> Result<Option<(i64, String)>, StoreError> {
    let Some(row) = sqlx::query("SELECT id, status FROM idp WHERE pegawai_id = $1 AND year = $2")
        .bind(pegawai_id)
        .bind(i64::from(year))
        .fetch_optional(conn)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some((row.try_get("id")?, row.try_get("status")?)))
}

/// A plan with whose it is and who decided it, as stored.
pub struct PlanRow {
    pub id: i64,
    pub nip: String,
    pub name: String,
    pub year: i32,
    pub status: String,
}

/// The person's plan for `year`, if started.
pub async fn plan(pool: &Pool, pegawai_id: i64, year: i32) -> Result<Option<PlanRow>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT i.id, i.year, i.status, p.nip, p.name \
         FROM idp i JOIN pegawai p ON p.id = i.pegawai_id \
         WHERE i.pegawai_id = $1 AND i.year = $2",
    )
    .bind(pegawai_id)
    .bind(i64::from(year))
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(PlanRow {
        id: row.try_get("id")?,
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        year: small(row.try_get("year")?)?,
        status: row.try_get("status")?,
    }))
}

/// The goals of a plan, in the order they were added.
pub async fn goals<'c, E>(executor: E, plan_id: i64) -> Result<Vec<IdpGoal>, StoreError>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query(
        "SELECT id, origin, goal, kompetensi, attained_level, required_level, component, \
         method, jp, target_date, evidence_url FROM idp_item WHERE idp_id = $1 ORDER BY id",
    )
    .bind(plan_id)
    .fetch_all(executor)
    .await?
    .iter()
    .map(goal)
    .collect()
}

/// The goals of the person's plan of `year` per component they work on: (component, goal id).
pub async fn goal_components(
    pool: &Pool,
    pegawai_id: i64,
    year: i32,
) -> Result<Vec<(Component, i64)>, StoreError> {
    Ok(sqlx::query(
        "SELECT g.component, g.id FROM idp_item g JOIN idp i ON i.id = g.idp_id \
         WHERE i.pegawai_id = $1 AND i.year = $2 AND g.component IS NOT NULL ORDER BY g.id",
    )
    .bind(pegawai_id)
    .bind(i64::from(year))
    .fetch_all(pool)
    .await?
    .iter()
    .filter_map(|row| {
        let code: String = row.try_get("component").ok()?;
        Some((
            component_from_code(&code)?,
            row.try_get::<i64, _>("id").ok()?,
        ))
    })
    .collect())
}

/// The competency gaps of the person's latest assessment: (competency, attained, required).
/// Where the assessment holds no required level, the standard of the person's post gives it.
pub async fn competency_gaps(
    conn: &mut Conn,
    pegawai_id: i64,
) -> Result<Vec<(Kompetensi, u8, u8)>, StoreError> {
    let rows = sqlx::query(
        "SELECT k.kompetensi, k.level, COALESCE(k.required_level, (SELECT s.level FROM \
         standar_kompetensi s JOIN pegawai p ON p.jabatan_id = s.jabatan_id \
         WHERE p.id = $1 AND s.kompetensi = k.kompetensi)) AS required_level \
         FROM asesmen_kompetensi k WHERE k.asesmen_id = (SELECT a.id FROM asesmen a \
         WHERE a.pegawai_id = $1 ORDER BY a.assessed_on DESC LIMIT 1)",
    )
    .bind(pegawai_id)
    .fetch_all(conn)
    .await?;
    let mut gaps = Vec::new();
    for row in rows {
        let code: String = row.try_get("kompetensi")?;
        let required: Option<i64> = row.try_get("required_level")?;
        if let (Some(k), Some(required)) = (Kompetensi::from_code(&code), required) {
            gaps.push((k, small(row.try_get("level")?)?, small(required)?));
        }
    }
    Ok(gaps)
}

/// Starts the person's plan for `year` as a draft; returns its id.
pub async fn insert_plan(
    conn: &mut Conn,
    pegawai_id: i64,
    year: i32,
    created_at: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO idp (pegawai_id, year, status, created_at) VALUES ($1, $2, 'draf', $3) \
         RETURNING id",
    )
    .bind(pegawai_id)
    .bind(i64::from(year))
    .bind(created_at)
    .fetch_one(conn)
    .await?)
}

/// Adds a goal proposed when the plan was started.
pub async fn insert_proposed_goal(
    conn: &mut Conn,
    plan_id: i64,
    proposed: &ProposedGoal,
) -> Result<(), StoreError> {
    let (origin, kompetensi, attained, required) = origin_columns(proposed.origin);
    sqlx::query(
        "INSERT INTO idp_item (idp_id, origin, kompetensi, attained_level, required_level, \
         component, goal, method) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(plan_id)
    .bind(origin)
    .bind(kompetensi)
    .bind(attained)
    .bind(required)
    .bind(proposed.component.map(component_code))
    .bind(&proposed.goal)
    .bind(proposed.method.map(Method::code))
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds a goal of the person's own with its activity; returns its id.
pub async fn insert_own_goal(
    conn: &mut Conn,
    plan_id: i64,
    goal: &str,
    activity: &Activity,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO idp_item (idp_id, origin, goal, method, jp, target_date, evidence_url) \
         VALUES ($1, 'pribadi', $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(plan_id)
    .bind(goal)
    .bind(activity.method.code())
    .bind(activity.jp)
    .bind(activity.target_date.to_string())
    .bind(&activity.evidence_url)
    .fetch_one(conn)
    .await?)
}

/// Sets the activity of the plan's goal `goal_id`; returns the rows changed (none when the
/// goal is not the plan's).
pub async fn set_activity(
    conn: &mut Conn,
    plan_id: i64,
    goal_id: i64,
    activity: &Activity,
) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "UPDATE idp_item SET method = $1, jp = $2, target_date = $3, evidence_url = $4 \
         WHERE id = $5 AND idp_id = $6",
    )
    .bind(activity.method.code())
    .bind(activity.jp)
    .bind(activity.target_date.to_string())
    .bind(&activity.evidence_url)
    .bind(goal_id)
    .bind(plan_id)
    .execute(conn)
    .await?
    .rows_affected())
}

/// Sets the evidence link of the plan's goal `goal_id`; returns the rows changed (none when
/// the goal is not the plan's).
pub async fn set_evidence(
    conn: &mut Conn,
    plan_id: i64,
    goal_id: i64,
    evidence_url: Option<&str>,
) -> Result<u64, StoreError> {
    Ok(
        sqlx::query("UPDATE idp_item SET evidence_url = $1 WHERE id = $2 AND idp_id = $3")
            .bind(evidence_url)
            .bind(goal_id)
            .bind(plan_id)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}

/// The text of the plan's goal `goal_id`, if it is the plan's.
pub async fn goal_text(
    conn: &mut Conn,
    plan_id: i64,
    goal_id: i64,
) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT goal FROM idp_item WHERE id = $1 AND idp_id = $2")
            .bind(goal_id)
            .bind(plan_id)
            .fetch_optional(conn)
            .await?,
    )
}

/// Removes a goal.
pub async fn delete_goal(conn: &mut Conn, goal_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM idp_item WHERE id = $1")
        .bind(goal_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every goal of the plan with whether its activity is planned (a method and a target date).
pub async fn goal_plans(conn: &mut Conn, plan_id: i64) -> Result<Vec<(String, bool)>, StoreError> {
    sqlx::query(
        "SELECT goal, CASE WHEN method IS NOT NULL AND target_date IS NOT NULL THEN 1 ELSE 0 END \
         AS planned FROM idp_item WHERE idp_id = $1 ORDER BY id",
    )
    .bind(plan_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|r| Ok((r.try_get("goal")?, r.try_get::<i64, _>("planned")? == 1)))
    .collect()
}

/// Moves `plan_id` from `from` to `to`, setting `columns` (`$2` to `$4`) to `values`; returns
/// the rows changed (none when someone changed the plan's status meanwhile).
async fn set_status(
    conn: &mut Conn,
    plan_id: i64,
    from: IdpStatus,
    to: IdpStatus,
    columns: &str,
    values: &[Option<String>],
) -> Result<u64, StoreError> {
    let sql = format!(
        "UPDATE idp SET status = $1, {columns} WHERE id = ${} AND status = ${}",
        values.len() + 2,
        values.len() + 3
    );
    let mut query = sqlx::query(&sql).bind(to.code());
    for value in values {
        query = query.bind(value);
    }
    Ok(query
        .bind(plan_id)
        .bind(from.code())
        .execute(conn)
        .await?
        .rows_affected())
}

/// Moves a plan from `from` to `to`, submitted at `submitted_at` (the decision cleared); returns
/// the rows changed.
pub async fn mark_submitted(
    conn: &mut Conn,
    plan_id: i64,
    from: IdpStatus,
    to: IdpStatus,
    submitted_at: String,
) -> Result<u64, StoreError> {
    set_status(
        conn,
        plan_id,
        from,
        to,
        "submitted_at = $2, decided_at = $3, decided_by = $4",
        &[Some(submitted_at), None, None],
    )
    .await
}

/// Moves an approved plan back to a draft for a revision (its submission and decision
/// cleared); returns the rows changed.
pub async fn mark_revised(
    conn: &mut Conn,
    plan_id: i64,
    from: IdpStatus,
    to: IdpStatus,
) -> Result<u64, StoreError> {
    set_status(
        conn,
        plan_id,
        from,
        to,
        "submitted_at = NULL, decided_at = NULL, decided_by = NULL",
        &[],
    )
    .await
}

/// Adds one entry to a plan's thread.
pub async fn add_to_thread(
    conn: &mut Conn,
    plan_id: i64,
    entry: &NewThreadEntry<'_>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO idp_catatan (idp_id, at, author, kind, text) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(plan_id)
    .bind(entry.at)
    .bind(entry.author)
    .bind(entry.kind.code())
    .bind(entry.text)
    .execute(conn)
    .await?;
    Ok(())
}

/// An entry of a plan's thread to write.
pub struct NewThreadEntry<'a> {
    pub at: &'a str,
    /// The actor (`akun:<username>`).
    pub author: &'a str,
    pub kind: ThreadKind,
    pub text: &'a str,
}

/// A plan's thread, oldest first, each author by name.
pub async fn thread(pool: &Pool, plan_id: i64) -> Result<Vec<ThreadEntry>, StoreError> {
    sqlx::query(concat!(
        "SELECT c.at, ",
        actor_name!("c.author"),
        " AS author, c.kind, c.text FROM idp_catatan c WHERE c.idp_id = $1 ORDER BY c.id"
    ))
    .bind(plan_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|row| {
        let kind: String = row.try_get("kind")?;
        Ok(ThreadEntry {
            at: row.try_get("at")?,
            author: row.try_get("author")?,
            kind: ThreadKind::from_code(&kind)
                .ok_or_else(|| StoreError::corrupt(format!("IDP thread kind {kind}")))?,
            text: row.try_get("text")?,
        })
    })
    .collect()
}

/// Moves a plan from `from` to `to`, decided at `decided_at` by `decided_by`; returns the rows
/// changed.
pub async fn mark_decided(
    conn: &mut Conn,
    plan_id: i64,
    from: IdpStatus,
    to: IdpStatus,
    decided_at: String,
    decided_by: String,
) -> Result<u64, StoreError> {
    set_status(
        conn,
        plan_id,
        from,
        to,
        "decided_at = $2, decided_by = $3",
        &[Some(decided_at), Some(decided_by)],
    )
    .await
}

/// The plans of the atasan's direct reports that wait for a decision.
pub async fn pending(team: &TeamScope<'_>) -> Result<Vec<PendingIdp>, StoreError> {
    let rows = sqlx::query(
        "SELECT p.nip, p.name, i.year, i.submitted_at, \
         (SELECT COUNT(*) FROM idp_item g WHERE g.idp_id = i.id) AS goals \
         FROM idp i JOIN pegawai p ON p.id = i.pegawai_id \
         WHERE p.atasan_id = $1 AND p.instansi_id = $2 AND i.status = 'diajukan' \
         ORDER BY i.submitted_at, p.name",
    )
    .bind(team.atasan_id())
    .bind(team.instansi_id())
    .fetch_all(team.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(PendingIdp {
                nip: row.try_get("nip")?,
                name: row.try_get("name")?,
                year: small(row.try_get("year")?)?,
                submitted_at: row.try_get("submitted_at")?,
                goals: row.try_get("goals")?,
            })
        })
        .collect()
}
