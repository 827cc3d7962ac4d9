//! The IDP: started from the person's competency gaps and kotak, edited and submitted by the
//! person, approved or returned by their atasan. Every write is one transaction with its
//! audit entry; a status change only applies to the status it was decided on.

use super::{commit, Entry, SelfServiceError};
use crate::api::self_service::IdpView;
use crate::auth::guard::{OwnScope, PersonScope};
use crate::domain::access::Action;
use crate::domain::calendar::Date;
use crate::domain::idp::{
    self, gap_goals, proposed_goals, ActivityInput, GoalState, IdpError, IdpStatus, ThreadKind,
};
use crate::domain::kompetensi::Kompetensi;
use crate::services::clock;
use crate::store::idp::NewThreadEntry;
use crate::store::{self, placements, Conn};
use serde_json::json;

/// The plan's id and status, if the person has one for `year`.
async fn header(
    conn: &mut Conn,
    pegawai_id: i64,
    year: i32,
) -> Result<Option<(i64, IdpStatus)>, SelfServiceError> {
    store::idp::header(conn, pegawai_id, year)
        .await?
        .map(|(id, status)| {
            let status = IdpStatus::from_code(&status).ok_or(SelfServiceError::NotFound)?;
            Ok((id, status))
        })
        .transpose()
}

/// A person's plan for `year`, if started.
pub async fn plan(scope: &PersonScope<'_>, year: i32) -> Result<Option<IdpView>, SelfServiceError> {
    let pool = scope.pool();
    let Some(row) = store::idp::plan(pool, scope.pegawai_id(), year).await? else {
        return Ok(None);
    };
    let goals = store::idp::goals(pool, row.id).await?;
    let thread = store::idp::thread(pool, row.id).await?;
    Ok(Some(IdpView {
        nip: row.nip,
        name: row.name,
        year: row.year,
        status: IdpStatus::from_code(&row.status).ok_or(SelfServiceError::NotFound)?,
        thread,
        goals,
    }))
}

/// Starts the person's plan for `year` with the goals their gaps and kotak propose.
pub async fn start(own: &OwnScope<'_>, year: i32) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = store::begin(scope.pool()).await?;
    if header(&mut tx, scope.pegawai_id(), year).await?.is_some() {
        return Err(SelfServiceError::Refused(
            "IDP tahun ini sudah dibuat.",
            "This year's IDP has already been made.",
        ));
    }
    let (id, goals) = start_plan(&mut tx, scope, year).await?;
    commit(
        tx,
        scope,
        Entry::new("idp.mulai", "idp", id).after(json!({ "tahun": year, "sasaran": goals })),
    )
    .await
}

/// Writes the person's plan for `year` with its proposed goals; gives its id and how many.
async fn start_plan(
    tx: &mut Conn,
    scope: &PersonScope<'_>,
    year: i32,
) -> Result<(i64, usize), SelfServiceError> {
    let kotak = placements::latest_kotak(tx, scope.pegawai_id()).await?;
    let gaps = store::idp::competency_gaps(tx, scope.pegawai_id()).await?;
    let goals = proposed_goals(&gaps, kotak);
    let id = store::idp::insert_plan(tx, scope.pegawai_id(), year, &clock::now_utc()).await?;
    for g in &goals {
        store::idp::insert_proposed_goal(tx, id, g).await?;
    }
    Ok((id, goals.len()))
}

/// Adds the competency gaps against the post `code` of the person's instansi to their plan of
/// `year` (started first when there is none), each competency once: the career path's "add
/// these gaps to my IDP". Gives how many goals were added.
pub async fn add_post_gaps(
    own: &OwnScope<'_>,
    year: i32,
    code: &str,
) -> Result<usize, SelfServiceError> {
    let scope = own.person();
    let mut tx = store::begin(scope.pool()).await?;
    let post = store::posts::of_instansi(&mut tx, scope.instansi_id())
        .await?
        .into_iter()
        .find(|p| p.code == code.trim())
        .ok_or(SelfServiceError::NotFound)?;
    let gaps: Vec<(Kompetensi, u8, u8)> =
        store::posts::standard_against_latest_assessment(&mut tx, scope.pegawai_id(), post.id)
            .await?
            .into_iter()
            .filter_map(|level| {
                Some((
                    Kompetensi::from_code(&level.kompetensi)?,
                    level.attained?,
                    level.required,
                ))
            })
            .collect();
    if gap_goals(&gaps, &[]).is_empty() {
        return Ok(0);
    }
    let (plan_id, started) = match header(&mut tx, scope.pegawai_id(), year).await? {
        Some((_, status)) if !status.editable() => return Err(IdpError::Locked(status).into()),
        Some((id, _)) => (id, None),
        None => {
            let (id, proposed) = start_plan(&mut tx, scope, year).await?;
            (id, Some(proposed))
        }
    };
    // What the plan's gap goals already aim at: each competency with its level.
    let planned: Vec<(Kompetensi, u8)> = store::idp::goals(&mut *tx, plan_id)
        .await?
        .into_iter()
        .filter_map(|goal| {
            goal.gap
                .map(|(kompetensi, _, required)| (kompetensi, required))
        })
        .collect();
    let goals = gap_goals(&gaps, &planned);
    for g in &goals {
        store::idp::insert_proposed_goal(&mut tx, plan_id, g).await?;
    }
    // A plan started here says so, with the goals it started with.
    commit(
        tx,
        scope,
        Entry::new("idp.sasaran.kesenjangan", "idp", plan_id).after(json!({
            "jabatan": post.code,
            "sasaran": goals.len(),
            "rencana_baru": started.map(|proposed| json!({ "tahun": year, "sasaran": proposed })),
        })),
    )
    .await?;
    Ok(goals.len())
}

/// The person's plan of `year` as it stands, for a write: its id and status.
async fn own_plan(
    conn: &mut Conn,
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
fn one_goal(rows_changed: u64) -> Result<(), SelfServiceError> {
    if rows_changed == 1 {
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
    let mut tx = store::begin(scope.pool()).await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    let after = if status.editable() {
        let activity = input.validate(today)?;
        one_goal(store::idp::set_activity(&mut tx, plan_id, goal_id, &activity).await?)?;
        json!({
            "metode": activity.method.code(),
            "jp": activity.jp,
            "target": activity.target_date.to_string(),
            "bukti": activity.evidence_url,
        })
    } else if status.accepts_evidence() {
        let evidence = idp::evidence_url(&input.evidence_url)?;
        one_goal(store::idp::set_evidence(&mut tx, plan_id, goal_id, evidence.as_deref()).await?)?;
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
    let mut tx = store::begin(scope.pool()).await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    if !status.editable() {
        return Err(IdpError::Locked(status).into());
    }
    let id = store::idp::insert_own_goal(&mut tx, plan_id, &goal, &activity).await?;
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
    let mut tx = store::begin(scope.pool()).await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    if !status.editable() {
        return Err(IdpError::Locked(status).into());
    }
    let text = store::idp::goal_text(&mut tx, plan_id, goal_id)
        .await?
        .ok_or(SelfServiceError::NotFound)?;
    store::idp::delete_goal(&mut tx, goal_id).await?;
    commit(
        tx,
        scope,
        Entry::new("idp.sasaran.hapus", "idp_item", goal_id).before(json!({ "sasaran": text })),
    )
    .await
}

/// A status change applies to the status it was decided on: otherwise someone changed the
/// plan meanwhile.
fn transitioned(rows_changed: u64) -> Result<(), SelfServiceError> {
    if rows_changed == 1 {
        Ok(())
    } else {
        Err(SelfServiceError::Refused(
            "IDP baru saja diubah oleh orang lain; muat ulang halaman.",
            "Someone else has just changed the IDP; reload the page.",
        ))
    }
}

/// Submits the person's plan to their atasan.
pub async fn submit(own: &OwnScope<'_>, year: i32, note: &str) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = store::begin(scope.pool()).await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    let goals = store::idp::goal_plans(&mut tx, plan_id).await?;
    let states: Vec<GoalState<'_>> = goals
        .iter()
        .map(|(goal, planned)| GoalState {
            goal,
            planned: *planned,
        })
        .collect();
    let (next, note) = idp::submit(status, &states, note)?;
    let at = clock::now_utc();
    transitioned(store::idp::mark_submitted(&mut tx, plan_id, status, next, at.clone()).await?)?;
    let entry = NewThreadEntry {
        at: &at,
        author: &scope.actor(),
        kind: ThreadKind::Ajukan,
        text: &note,
    };
    store::idp::add_to_thread(&mut tx, plan_id, &entry).await?;
    commit(
        tx,
        scope,
        Entry::new("idp.ajukan", "idp", plan_id)
            .before(json!({ "status": status.code() }))
            .after(json!({ "status": next.code() }))
            .reason(Some(note.as_str()).filter(|n| !n.is_empty())),
    )
    .await
}

/// The person reopens their approved plan to revise it, with `reason`: a draft again, which
/// goes back to the atasan once submitted.
pub async fn revise(own: &OwnScope<'_>, year: i32, reason: &str) -> Result<(), SelfServiceError> {
    let scope = own.person();
    let mut tx = store::begin(scope.pool()).await?;
    let (plan_id, status) = own_plan(&mut tx, own, year).await?;
    let (next, reason) = idp::revise(status, reason)?;
    transitioned(store::idp::mark_revised(&mut tx, plan_id, status, next).await?)?;
    let entry = NewThreadEntry {
        at: &clock::now_utc(),
        author: &scope.actor(),
        kind: ThreadKind::Revisi,
        text: &reason,
    };
    store::idp::add_to_thread(&mut tx, plan_id, &entry).await?;
    commit(
        tx,
        scope,
        Entry::new("idp.revisi", "idp", plan_id)
            .before(json!({ "status": status.code() }))
            .after(json!({ "status": next.code() }))
            .reason(Some(reason.as_str())),
    )
    .await
}

/// The year of the report's plan their atasan reads and decides: the newest one waiting for
/// a decision (it may be of an earlier period, submitted before the next was scored), else
/// the period in force.
pub async fn year_to_decide(report: &PersonScope<'_>) -> Result<i32, SelfServiceError> {
    let mut conn = store::acquire(report.pool()).await?;
    match store::idp::submitted_year(&mut conn, report.pegawai_id()).await? {
        Some(year) => Ok(year),
        None => super::period_in_force(&mut conn, report.instansi_id(), clock::today()).await,
    }
}

/// The atasan approves or returns a report's submitted plan.
pub async fn decide(
    report: &PersonScope<'_>,
    year: i32,
    approve: bool,
    comment: &str,
) -> Result<(), SelfServiceError> {
    report.require(Action::DecideIdp)?;
    let mut tx = store::begin(report.pool()).await?;
    let (plan_id, status) = header(&mut tx, report.pegawai_id(), year)
        .await?
        .ok_or(SelfServiceError::NotFound)?;
    let (next, kind, comment) = idp::decide(status, approve, comment)?;
    let (at, author) = (clock::now_utc(), report.actor());
    transitioned(
        store::idp::mark_decided(&mut tx, plan_id, status, next, at.clone(), author.clone())
            .await?,
    )?;
    let entry = NewThreadEntry {
        at: &at,
        author: &author,
        kind,
        text: &comment,
    };
    store::idp::add_to_thread(&mut tx, plan_id, &entry).await?;
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
        .reason(Some(comment.as_str()).filter(|c| !c.is_empty())),
    )
    .await
}
