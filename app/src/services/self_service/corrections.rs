//! "Data saya": the completeness of a person's "data 9 box", their correction requests, and
//! BKPSDM's decisions. An accepted request changes the record in the same transaction as the
//! decision and its audit entry, with the value before and after.

use super::{commit, jp_target, period_in_force, Entry, SelfServiceError};
use crate::api::self_service::{CorrectionView, MyData};
use crate::auth::guard::{InstansiScope, OwnScope, PersonScope, Viewer};
use crate::domain::access::Action;
use crate::domain::calendar::Date;
use crate::domain::correction::{
    self, completeness, Field, Proposal, RecordFacts, RequestInput, RequestStatus,
};
use crate::domain::duties::Decision;
use crate::domain::scoring::Education;
use crate::i18n::{terms, Lang};
use crate::services::clock;
use crate::store::corrections::{self, NewRequest, RequestRow};
use crate::store::{self, training, Conn};
use serde_json::json;

fn not_on_record(lang: Lang) -> String {
    lang.pick("belum tercatat", "not on record").to_owned()
}

fn describe_education(education: Option<&(Education, Option<String>)>, lang: Lang) -> String {
    match education {
        Some((level, Some(field))) => format!("{} {field}", terms::education(*level, lang)),
        Some((level, None)) => terms::education(*level, lang).to_owned(),
        None => not_on_record(lang),
    }
}

/// The values a correction can change, as on record: (field, value in words, in `lang`).
async fn current_values(
    conn: &mut Conn,
    pegawai_id: i64,
    lang: Lang,
) -> Result<Vec<(Field, String)>, SelfServiceError> {
    let person = corrections::correctable(&mut *conn, pegawai_id).await?;
    let trainings = training::count(&mut *conn, pegawai_id).await?;
    let education = corrections::highest_education(&mut *conn, pegawai_id).await?;
    Ok(vec![
        (
            Field::Pendidikan,
            describe_education(education.as_ref(), lang),
        ),
        (
            Field::Pelatihan,
            lang.pick(
                format!("{trainings} pelatihan tercatat"),
                format!("{trainings} on record"),
            ),
        ),
        (
            Field::Golongan,
            match person.tmt_golongan {
                Some(tmt) => format!("{}, TMT {tmt}", person.golongan),
                None => person.golongan,
            },
        ),
        (
            Field::TmtJabatan,
            person.tmt_jabatan.unwrap_or_else(|| not_on_record(lang)),
        ),
    ])
}

/// A stored request as the person and BKPSDM see it; a field or status code the application
/// does not know is not found.
fn request(row: RequestRow) -> Result<CorrectionView, SelfServiceError> {
    Ok(CorrectionView {
        id: row.id,
        nip: row.nip,
        name: row.name,
        field: Field::from_code(&row.field).ok_or(SelfServiceError::NotFound)?,
        current_value: row.current_value,
        proposed: row.proposal_text,
        explanation: row.explanation,
        evidence_url: row.evidence_url,
        status: RequestStatus::from_code(&row.status).ok_or(SelfServiceError::NotFound)?,
        requested_at: row.requested_at,
        decided_at: row.decided_at,
        decided_by: row.decided_by,
        decision_reason: row.decision_reason,
    })
}

/// The person's data completeness in the period in force, correctable values (in `lang`) and
/// requests, newest first.
pub async fn my_data(
    scope: &PersonScope<'_>,
    today: Date,
    lang: Lang,
) -> Result<MyData, SelfServiceError> {
    let pegawai_id = scope.pegawai_id();
    let mut conn = store::acquire(scope.pool()).await?;
    let period = period_in_force(&mut conn, scope.instansi_id(), today).await?;
    let target = jp_target(&mut conn, scope.instansi_id()).await?;
    let highest = corrections::highest_education(&mut conn, pegawai_id).await?;
    let counts = corrections::completeness(&mut conn, pegawai_id, period).await?;
    let skp_years = corrections::skp_years(&mut conn, pegawai_id).await?;
    let facts = RecordFacts {
        education_records: counts.education_records,
        highest_education_has_field: highest.as_ref().is_some_and(|(_, f)| f.is_some()),
        jp_in_year: counts.jp_in_year,
        skp_years,
        assessment_valid_until: counts
            .assessment_valid_until
            .as_deref()
            .and_then(Date::parse),
    };
    let groups = completeness(&facts, period, target, today);
    let current = current_values(&mut conn, pegawai_id, lang).await?;
    let requests = corrections::requests_of(&mut conn, pegawai_id)
        .await?
        .into_iter()
        .map(request)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(MyData {
        groups,
        current,
        requests,
    })
}

/// Files a correction request about the person's own record.
pub async fn file(
    own: &OwnScope<'_>,
    input: &RequestInput,
    today: Date,
) -> Result<i64, SelfServiceError> {
    let scope = own.person();
    let request = input.validate(today)?;
    let field = request.proposal.field();
    let mut tx = store::begin(scope.pool()).await?;
    if field == Field::Golongan {
        let kind = corrections::kind_of(&mut tx, scope.pegawai_id()).await?;
        if kind != "pns" {
            return Err(SelfServiceError::Refused(
                "Koreksi golongan PPPK diajukan langsung ke BKPSDM.",
                "A PPPK grade is corrected directly with BKPSDM.",
            ));
        }
    }
    let waiting = corrections::waiting(&mut tx, scope.pegawai_id()).await?;
    if waiting >= 10 {
        return Err(SelfServiceError::Refused(
            "Masih ada 10 permohonan yang menunggu keputusan BKPSDM; tunggu hingga diputuskan.",
            "10 requests are still waiting for BKPSDM's decision; wait until they are decided.",
        ));
    }
    // The request keeps the value it corrects in the record's language, Bahasa Indonesia.
    let current = current_values(&mut tx, scope.pegawai_id(), Lang::Id)
        .await?
        .into_iter()
        .find(|(f, _)| *f == field)
        .map(|(_, value)| value)
        .unwrap_or_default();
    let id = corrections::insert_request(
        &mut tx,
        &NewRequest {
            pegawai_id: scope.pegawai_id(),
            field: field.code(),
            current_value: &current,
            proposal: &serde_json::to_string(&request.proposal)?,
            proposal_text: &request.proposal.describe(),
            explanation: &request.explanation,
            evidence_url: &request.evidence_url,
            requested_at: &clock::now_utc(),
        },
    )
    .await?;
    commit(
        tx,
        scope,
        Entry::new("koreksi.ajukan", "koreksi_data", id)
            .before(json!({ field.code(): current }))
            .after(json!({ field.code(): request.proposal.describe() }))
            .reason(Some(&request.explanation)),
    )
    .await?;
    Ok(id)
}

/// The requests of the people in scope: waiting ones first (oldest first), then the latest
/// decided.
pub async fn queue(scope: &InstansiScope<'_>) -> Result<Vec<CorrectionView>, SelfServiceError> {
    corrections::queue(scope)
        .await?
        .into_iter()
        .map(request)
        .collect()
}

/// Writes an accepted proposal into the person's record.
async fn apply(
    conn: &mut Conn,
    pegawai_id: i64,
    proposal: &Proposal,
) -> Result<(), SelfServiceError> {
    match proposal {
        Proposal::Pendidikan { level, field } => {
            corrections::upsert_education(conn, pegawai_id, *level, field.as_deref()).await?;
        }
        Proposal::Pelatihan { name, start, jp } => {
            corrections::upsert_training(conn, pegawai_id, name, *start, *jp).await?;
        }
        Proposal::Golongan { golongan, tmt } => {
            corrections::set_golongan(&mut *conn, pegawai_id, *golongan, *tmt).await?;
            corrections::upsert_rank(conn, pegawai_id, *golongan, *tmt).await?;
        }
        Proposal::TmtJabatan(date) => {
            corrections::set_tmt_jabatan(&mut *conn, pegawai_id, *date).await?;
            // The current post's history row, which the experience component reads.
            corrections::set_current_post_start(conn, pegawai_id, *date).await?;
        }
    }
    Ok(())
}

/// BKPSDM accepts (and applies) or rejects a request about someone in its scope.
pub async fn decide(
    viewer: &Viewer,
    request_id: i64,
    accept: bool,
    reason: &str,
) -> Result<(), SelfServiceError> {
    let pegawai_id = corrections::subject_of(viewer.pool(), request_id)
        .await?
        .ok_or(crate::error::AppError::Forbidden)?;
    viewer.not_about_myself(Decision::Correction, pegawai_id)?;
    let scope = viewer
        .person_by_id(Action::MaintainRecords, pegawai_id)
        .await?;
    scope.require(Action::MaintainRecords)?;
    let mut tx = store::begin(scope.pool()).await?;
    let row = corrections::for_decision(&mut tx, request_id).await?;
    let status = RequestStatus::from_code(&row.status).ok_or(SelfServiceError::NotFound)?;
    let (next, reason) = correction::decide(status, accept, reason)?;
    let proposal: Proposal = serde_json::from_str(&row.proposal)?;
    if next == RequestStatus::Diterima {
        apply(&mut tx, pegawai_id, &proposal).await?;
    }
    let changed = corrections::record_decision(
        &mut tx,
        request_id,
        next.code(),
        &clock::now_utc(),
        &scope.actor(),
        reason.as_deref(),
    )
    .await?;
    if changed != 1 {
        return Err(correction::CorrectionError::AlreadyDecided.into());
    }
    let field = row.field;
    let entry = Entry::new(
        if accept {
            "koreksi.terima"
        } else {
            "koreksi.tolak"
        },
        "pegawai",
        pegawai_id,
    )
    .before(json!({ &field: row.current_value }))
    .after(json!({
        &field: proposal.describe(),
        "permohonan": request_id,
        "status": next.code(),
    }))
    .reason(reason.as_deref());
    commit(tx, &scope, entry).await
}
