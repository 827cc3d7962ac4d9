//! The IDP: started from the person's competency gaps and kotak, edited and submitted by the
//! person, approved or returned by their atasan. Every write is one transaction with its
//! audit entry; a status change only applies to the status it was decided on.

use super::{commit, component_code, component_from_code, small, Entry, SelfServiceError};
use crate::api::self_service::{IdpGoal, IdpView, PendingIdp};
use crate::auth::guard::{OwnScope, PersonScope, TeamScope};
use crate::domain::access::Action;
use crate::domain::calendar::Date;
use crate::domain::idp::{
    self, proposed_goals, ActivityInput, GoalState, IdpError, IdpStatus, Method, Origin,
};
use crate::domain::kompetensi::Kompetensi;
use crate::domain::nine_box::Kotak;
use crate::services::clock;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

fn goal(row: &AnyRow) -> Result<IdpGoal, sqlx::Error> {
    Ok(IdpGoal {
        id: row.try_get("id")?,
        origin: row.try_get("origin")?,
        goal: row.try_get("goal")?,
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

/// The plan's id and status, if the person has one for `year`.
async fn header(
    conn: &mut AnyConnection,
    pegawai_id: i64,
    year: i32,
) -> Result<Option<(i64, IdpStatus)>, SelfServiceError> {
    let row = sqlx::query("SELECT id, status FROM idp WHERE pegawai_id = $1 AND year = $2")
        .bind(pegawai_id)
        .bind(i64::from(year))
        .fetch_optional(conn)
        .await?;
    row.map(|row| {
        let status: String = row.try_get("status")?;
        let status = IdpStatus::from_code(&status).ok_or(SelfServiceError::NotFound)?;
        Ok((row.try_get("id")?, status))
    })
    .transpose()
}

/// A person's plan for `year`, if started.
pub async fn plan(scope: &PersonScope<'_>, year: i32) -> Result<Option<IdpView>, SelfServiceError> {
    let pool = scope.pool();
    let Some(row) = sqlx::query(
        "SELECT i.id, i.year, i.status, i.submitted_at, i.decided_at, \
         COALESCE(a.name, i.decided_by) AS decided_by, i.comment, p.nip, p.name \
         FROM idp i JOIN pegawai p ON p.id = i.pegawai_id \
         LEFT JOIN akun a ON i.decided_by = 'akun:' || a.username \
         WHERE i.pegawai_id = $1 AND i.year = $2",
    )
    .bind(scope.pegawai_id())
    .bind(i64::from(year))
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let goals = sqlx::query(
        "SELECT id, origin, goal, component, method, jp, target_date, evidence_url \
         FROM idp_item WHERE idp_id = $1 ORDER BY id",
    )
    .bind(row.try_get::<i64, _>("id")?)
    .fetch_all(pool)
    .await?
    .iter()
    .map(goal)
    .collect::<Result<Vec<_>, _>>()?;
    let status: String = row.try_get("status")?;
    Ok(Some(IdpView {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        year: small(row.try_get("year")?)?,
        status: IdpStatus::from_code(&status).ok_or(SelfServiceError::NotFound)?,
        submitted_at: row.try_get("submitted_at")?,
        decided_at: row.try_get("decided_at")?,
        decided_by: row.try_get("decided_by")?,
        comment: row.try_get("comment")?,
        goals,
    }))
}

/// The competency gaps of the person's latest assessment: (competency, attained, required).
/// Where the assessment holds no required level, the standard of the person's post gives it.
async fn gaps(
    conn: &mut AnyConnection,
    pegawai_id: i64,
) -> Result<Vec<(Kompetensi, u8, u8)>, SelfServiceError> {
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

/// Starts the person's plan for `year` with the goals their gaps and kotak propose.
pub async fn start(own: &OwnScope<'_>, year: i32) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = scope.pool().begin().await?;
    if header(&mut tx, scope.pegawai_id(), year).await?.is_some() {
        return Err(SelfServiceError::Refused(
            "IDP tahun ini sudah dibuat.",
            "This year's IDP has already been made.",
        ));
    }
    let kotak: Option<i64> = sqlx::query_scalar(
        "SELECT final_kotak FROM placement_calibrated WHERE pegawai_id = $1 \
         ORDER BY period DESC LIMIT 1",
    )
    .bind(scope.pegawai_id())
    .fetch_optional(&mut *tx)
    .await?
    .flatten();
    let kotak = kotak
        .and_then(|k| u8::try_from(k).ok())
        .and_then(Kotak::from_number);
    let goals = proposed_goals(&gaps(&mut tx, scope.pegawai_id()).await?, kotak);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO idp (pegawai_id, year, status, created_at) VALUES ($1, $2, 'draf', $3) \
         RETURNING id",
    )
    .bind(scope.pegawai_id())
    .bind(i64::from(year))
    .bind(clock::now_utc())
    .fetch_one(&mut *tx)
    .await?;
    for g in &goals {
        let (origin, kompetensi, attained, required) = origin_columns(g.origin);
        sqlx::query(
            "INSERT INTO idp_item (idp_id, origin, kompetensi, attained_level, required_level, \
             component, goal, method) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(origin)
        .bind(kompetensi)
        .bind(attained)
        .bind(required)
        .bind(g.component.map(component_code))
        .bind(&g.goal)
        .bind(g.method.map(Method::code))
        .execute(&mut *tx)
        .await?;
    }
    commit(
        tx,
        scope,
        Entry::new("idp.mulai", "idp", id).after(json!({ "tahun": year, "sasaran": goals.len() })),
    )
    .await
}

/// The person's plan of `year` as it stands, for a write: its id and status.
async fn own_plan(
    conn: &mut AnyConnection,
    own: &OwnScope<'_>,
    year: i32,
) -> Result<(i64, IdpStatus), SelfServiceError> {
    header(conn, own.person().pegawai_id(), year)
        .await?
        .ok_or(SelfServiceError::Refused(
            "Buat IDP tahun ini terlebih dahulu.",
            "Draw up this year's IDP first.",
        ))
}

/// A goal is changed only within the plan it belongs to: anything else is not found.
fn one_goal(result: &sqlx::any::AnyQueryResult) -> Result<(), SelfServiceError> {
    if result.rows_affected() == 1 {
        Ok(())
    } else {
        Err(SelfServiceError::NotFound)
    }
}

/// Sets a goal's activity. While the plan can be edited, everything; once approved, only the
/// evidence link.
pub async fn save_goal(
    own: &OwnScope<'_>,
    year: i32,
    goal_id: i64,
    input: &ActivityInput,
    today: Date,
) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = scope.pool().begin().await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    let after = if status.editable() {
        let activity = input.validate(today)?;
        let updated = sqlx::query(
            "UPDATE idp_item SET method = $1, jp = $2, target_date = $3, evidence_url = $4 \
             WHERE id = $5 AND idp_id = $6",
        )
        .bind(activity.method.code())
        .bind(activity.jp)
        .bind(activity.target_date.to_string())
        .bind(&activity.evidence_url)
        .bind(goal_id)
        .bind(plan_id)
        .execute(&mut *tx)
        .await?;
        one_goal(&updated)?;
        json!({
            "metode": activity.method.code(),
            "jp": activity.jp,
            "target": activity.target_date.to_string(),
            "bukti": activity.evidence_url,
        })
    } else if status.accepts_evidence() {
        let evidence = idp::evidence_url(&input.evidence_url)?;
        let updated =
            sqlx::query("UPDATE idp_item SET evidence_url = $1 WHERE id = $2 AND idp_id = $3")
                .bind(&evidence)
                .bind(goal_id)
                .bind(plan_id)
                .execute(&mut *tx)
                .await?;
        one_goal(&updated)?;
        json!({ "bukti": evidence })
    } else {
        return Err(IdpError::Locked(status).into());
    };
    commit(
        tx,
        scope,
        Entry::new("idp.sasaran.ubah", "idp_item", goal_id).after(after),
    )
    .await
}

/// Adds a goal of the person's own, with its activity.
pub async fn add_goal(
    own: &OwnScope<'_>,
    year: i32,
    text: &str,
    input: &ActivityInput,
    today: Date,
) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let goal = idp::goal_text(text)?;
    let activity = input.validate(today)?;
    let mut tx = scope.pool().begin().await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    if !status.editable() {
        return Err(IdpError::Locked(status).into());
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO idp_item (idp_id, origin, goal, method, jp, target_date, evidence_url) \
         VALUES ($1, 'pribadi', $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(plan_id)
    .bind(&goal)
    .bind(activity.method.code())
    .bind(activity.jp)
    .bind(activity.target_date.to_string())
    .bind(&activity.evidence_url)
    .fetch_one(&mut *tx)
    .await?;
    commit(
        tx,
        scope,
        Entry::new("idp.sasaran.tambah", "idp_item", id)
            .after(json!({ "sasaran": goal, "metode": activity.method.code() })),
    )
    .await
}

/// Removes a goal while the plan can be edited.
pub async fn remove_goal(
    own: &OwnScope<'_>,
    year: i32,
    goal_id: i64,
) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = scope.pool().begin().await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    if !status.editable() {
        return Err(IdpError::Locked(status).into());
    }
    let text: String =
        sqlx::query_scalar("SELECT goal FROM idp_item WHERE id = $1 AND idp_id = $2")
            .bind(goal_id)
            .bind(plan_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(SelfServiceError::NotFound)?;
    sqlx::query("DELETE FROM idp_item WHERE id = $1")
        .bind(goal_id)
        .execute(&mut *tx)
        .await?;
    commit(
        tx,
        scope,
        Entry::new("idp.sasaran.hapus", "idp_item", goal_id).before(json!({ "sasaran": text })),
    )
    .await
}

/// Moves `plan_id` from `from` to `to`, or fails if someone changed it meanwhile.
async fn transition(
    conn: &mut AnyConnection,
    plan_id: i64,
    from: IdpStatus,
    to: IdpStatus,
    columns: &str,
    values: [Option<String>; 3],
) -> Result<(), SelfServiceError> {
    let changed = sqlx::query(&format!(
        "UPDATE idp SET status = $1, {columns} WHERE id = $5 AND status = $6"
    ))
    .bind(to.code())
    .bind(&values[0])
    .bind(&values[1])
    .bind(&values[2])
    .bind(plan_id)
    .bind(from.code())
    .execute(conn)
    .await?;
    if changed.rows_affected() == 1 {
        Ok(())
    } else {
        Err(SelfServiceError::Refused(
            "IDP baru saja diubah oleh orang lain; muat ulang halaman.",
            "Someone else has just changed the IDP; reload the page.",
        ))
    }
}

/// Submits the person's plan to their atasan.
pub async fn submit(own: &OwnScope<'_>, year: i32) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = scope.pool().begin().await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    let rows = sqlx::query(
        "SELECT goal, CASE WHEN method IS NOT NULL AND target_date IS NOT NULL THEN 1 ELSE 0 END \
         AS planned FROM idp_item WHERE idp_id = $1 ORDER BY id",
    )
    .bind(plan_id)
    .fetch_all(&mut *tx)
    .await?;
    let goals: Vec<(String, bool)> = rows
        .iter()
        .map(|r| Ok((r.try_get("goal")?, r.try_get::<i64, _>("planned")? == 1)))
        .collect::<Result<_, sqlx::Error>>()?;
    let states: Vec<GoalState<'_>> = goals
        .iter()
        .map(|(goal, planned)| GoalState {
            goal,
            planned: *planned,
        })
        .collect();
    let next = idp::submit(status, &states)?;
    transition(
        &mut tx,
        plan_id,
        status,
        next,
        "submitted_at = $2, decided_at = $3, decided_by = $4",
        [Some(clock::now_utc()), None, None],
    )
    .await?;
    commit(
        tx,
        scope,
        Entry::new("idp.ajukan", "idp", plan_id)
            .before(json!({ "status": status.code() }))
            .after(json!({ "status": next.code() })),
    )
    .await
}

/// The atasan approves or returns a report's submitted plan.
pub async fn decide(
    report: &PersonScope<'_>,
    year: i32,
    approve: bool,
    comment: &str,
) -> Result<(), SelfServiceError> {
    report.require(Action::DecideIdp)?;
    let mut tx = report.pool().begin().await?;
    let (plan_id, status) = header(&mut tx, report.pegawai_id(), year)
        .await?
        .ok_or(SelfServiceError::NotFound)?;
    let (next, comment) = idp::decide(status, approve, comment)?;
    let actor = report.actor();
    transition(
        &mut tx,
        plan_id,
        status,
        next,
        "decided_at = $2, decided_by = $3, comment = $4",
        [Some(clock::now_utc()), Some(actor.clone()), comment.clone()],
    )
    .await?;
    commit(
        tx,
        report,
        Entry::new(
            if approve {
                "idp.setujui"
            } else {
                "idp.kembalikan"
            },
            "idp",
            plan_id,
        )
        .before(json!({ "status": status.code() }))
        .after(json!({ "status": next.code() }))
        .reason(comment.as_deref()),
    )
    .await
}

/// The plans of the atasan's direct reports that wait for a decision.
pub async fn pending(team: &TeamScope<'_>) -> Result<Vec<PendingIdp>, SelfServiceError> {
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
