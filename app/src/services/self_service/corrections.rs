//! "Data saya": the completeness of a person's "data 9 box", their correction requests, and
//! BKPSDM's decisions. An accepted request changes the record in the same transaction as the
//! decision and its audit entry, with the value before and after.

use super::{commit, education, jp_target, small, Entry, SelfServiceError};
use crate::api::self_service::{CorrectionView, MyData};
use crate::auth::guard::{InstansiScope, OwnScope, PersonScope, Viewer};
use crate::domain::access::Action;
use crate::domain::calendar::Date;
use crate::domain::correction::{
    self, completeness, Field, Proposal, RecordFacts, RequestInput, RequestStatus,
};
use crate::domain::scoring::Education;
use crate::i18n::{terms, Lang};
use crate::services::clock;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

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
    conn: &mut AnyConnection,
    pegawai_id: i64,
    lang: Lang,
) -> Result<Vec<(Field, String)>, SelfServiceError> {
    let person =
        sqlx::query("SELECT golongan, tmt_golongan, tmt_jabatan FROM pegawai WHERE id = $1")
            .bind(pegawai_id)
            .fetch_one(&mut *conn)
            .await?;
    let golongan: String = person.try_get("golongan")?;
    let tmt: Option<String> = person.try_get("tmt_golongan")?;
    let trainings: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM riwayat_pelatihan WHERE pegawai_id = $1")
            .bind(pegawai_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(vec![
        (
            Field::Pendidikan,
            describe_education(education(&mut *conn, pegawai_id).await?.as_ref(), lang),
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
            match tmt {
                Some(tmt) => format!("{golongan}, TMT {tmt}"),
                None => golongan,
            },
        ),
        (
            Field::TmtJabatan,
            person
                .try_get::<Option<String>, _>("tmt_jabatan")?
                .unwrap_or_else(|| not_on_record(lang)),
        ),
    ])
}

const REQUEST_COLUMNS: &str = "k.id, p.nip, p.name, k.field, k.current_value, k.proposal_text, \
     k.explanation, k.evidence_url, k.status, k.requested_at, k.decided_at, k.decided_by, \
     k.decision_reason";

fn request(row: &AnyRow) -> Result<CorrectionView, SelfServiceError> {
    let field: String = row.try_get("field")?;
    let status: String = row.try_get("status")?;
    Ok(CorrectionView {
        id: row.try_get("id")?,
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        field: Field::from_code(&field).ok_or(SelfServiceError::NotFound)?,
        current_value: row.try_get("current_value")?,
        proposed: row.try_get("proposal_text")?,
        explanation: row.try_get("explanation")?,
        evidence_url: row.try_get("evidence_url")?,
        status: RequestStatus::from_code(&status).ok_or(SelfServiceError::NotFound)?,
        requested_at: row.try_get("requested_at")?,
        decided_at: row.try_get("decided_at")?,
        decided_by: row.try_get("decided_by")?,
        decision_reason: row.try_get("decision_reason")?,
    })
}

/// The person's data completeness, correctable values (in `lang`) and requests, newest first.
pub async fn my_data(
    scope: &PersonScope<'_>,
    today: Date,
    lang: Lang,
) -> Result<MyData, SelfServiceError> {
    let pegawai_id = scope.pegawai_id();
    let mut conn = scope.pool().acquire().await?;
    let target = jp_target(&mut conn, scope.instansi_id()).await?;
    let highest = education(&mut conn, pegawai_id).await?;
    let facts = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM riwayat_pendidikan WHERE pegawai_id = $1) AS educations, \
         (SELECT COALESCE(SUM(jp), 0.0) FROM riwayat_pelatihan WHERE pegawai_id = $1 AND year = $2) \
         AS jp, (SELECT MAX(valid_until) FROM asesmen WHERE pegawai_id = $1) AS valid_until",
    )
    .bind(pegawai_id)
    .bind(i64::from(today.year()))
    .fetch_one(&mut *conn)
    .await?;
    let skp_years = sqlx::query_scalar::<_, i64>("SELECT year FROM skp WHERE pegawai_id = $1")
        .bind(pegawai_id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(small)
        .collect::<Result<Vec<i32>, _>>()?;
    let facts = RecordFacts {
        education_records: small(facts.try_get("educations")?)?,
        highest_education_has_field: highest.as_ref().is_some_and(|(_, f)| f.is_some()),
        jp_in_year: facts.try_get("jp")?,
        skp_years,
        assessment_valid_until: facts
            .try_get::<Option<String>, _>("valid_until")?
            .as_deref()
            .and_then(Date::parse),
    };
    // The SKP of a year is appraised after it ends: the last complete year is checked.
    let groups = completeness(&facts, today.year() - 1, target, today);
    let current = current_values(&mut conn, pegawai_id, lang).await?;
    let requests = sqlx::query(&format!(
        "SELECT {REQUEST_COLUMNS} FROM koreksi_data k JOIN pegawai p ON p.id = k.pegawai_id \
         WHERE k.pegawai_id = $1 ORDER BY k.id DESC"
    ))
    .bind(pegawai_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
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
    let mut tx = scope.pool().begin().await?;
    if field == Field::Golongan {
        let kind: String = sqlx::query_scalar("SELECT kind FROM pegawai WHERE id = $1")
            .bind(scope.pegawai_id())
            .fetch_one(&mut *tx)
            .await?;
        if kind != "pns" {
            return Err(SelfServiceError::Refused(
                "Koreksi golongan PPPK diajukan langsung ke BKPSDM.",
                "A PPPK grade is corrected directly with BKPSDM.",
            ));
        }
    }
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM koreksi_data WHERE pegawai_id = $1 AND status = 'diajukan'",
    )
    .bind(scope.pegawai_id())
    .fetch_one(&mut *tx)
    .await?;
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
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO koreksi_data (pegawai_id, field, current_value, proposal, proposal_text, \
         explanation, evidence_url, status, requested_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'diajukan', $8) RETURNING id",
    )
    .bind(scope.pegawai_id())
    .bind(field.code())
    .bind(&current)
    .bind(serde_json::to_string(&request.proposal)?)
    .bind(request.proposal.describe())
    .bind(&request.explanation)
    .bind(&request.evidence_url)
    .bind(clock::now_utc())
    .fetch_one(&mut *tx)
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
    let filter = scope.pegawai_filter();
    scope
        .query(&format!(
            "SELECT {REQUEST_COLUMNS} FROM koreksi_data k JOIN pegawai p ON p.id = k.pegawai_id \
             WHERE p.instansi_id = $1{filter} \
             ORDER BY CASE WHEN k.status = 'diajukan' THEN 0 ELSE 1 END, \
             CASE WHEN k.status = 'diajukan' THEN k.id ELSE -k.id END LIMIT 200"
        ))
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(request)
        .collect()
}

/// Writes an accepted proposal into the person's record.
async fn apply(
    conn: &mut AnyConnection,
    pegawai_id: i64,
    proposal: &Proposal,
) -> Result<(), SelfServiceError> {
    match proposal {
        Proposal::Pendidikan { level, field } => {
            sqlx::query(
                "INSERT INTO riwayat_pendidikan (pegawai_id, level, field) VALUES ($1, $2, $3) \
                 ON CONFLICT (pegawai_id, level) DO UPDATE SET field = excluded.field",
            )
            .bind(pegawai_id)
            .bind(level.code())
            .bind(field)
            .execute(conn)
            .await?;
        }
        Proposal::Pelatihan { name, start, jp } => {
            sqlx::query(
                "INSERT INTO riwayat_pelatihan (pegawai_id, name, start_date, year, jp) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (pegawai_id, name, start_date) DO UPDATE SET jp = excluded.jp",
            )
            .bind(pegawai_id)
            .bind(name)
            .bind(start.to_string())
            .bind(i64::from(start.year()))
            .bind(jp)
            .execute(conn)
            .await?;
        }
        Proposal::Golongan { golongan, tmt } => {
            sqlx::query("UPDATE pegawai SET golongan = $1, tmt_golongan = $2 WHERE id = $3")
                .bind(golongan.code())
                .bind(tmt.to_string())
                .bind(pegawai_id)
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "INSERT INTO riwayat_pangkat (pegawai_id, golongan, tmt) VALUES ($1, $2, $3) \
                 ON CONFLICT (pegawai_id, golongan) DO UPDATE SET tmt = excluded.tmt",
            )
            .bind(pegawai_id)
            .bind(golongan.code())
            .bind(tmt.to_string())
            .execute(conn)
            .await?;
        }
        Proposal::TmtJabatan(date) => {
            sqlx::query("UPDATE pegawai SET tmt_jabatan = $1 WHERE id = $2")
                .bind(date.to_string())
                .bind(pegawai_id)
                .execute(&mut *conn)
                .await?;
            // The current post's history row, which the experience component reads.
            sqlx::query(
                "UPDATE riwayat_jabatan SET tmt_start = $1 WHERE pegawai_id = $2 AND tmt_end IS NULL",
            )
            .bind(date.to_string())
            .bind(pegawai_id)
            .execute(conn)
            .await?;
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
    let pegawai_id: i64 = sqlx::query_scalar("SELECT pegawai_id FROM koreksi_data WHERE id = $1")
        .bind(request_id)
        .fetch_optional(viewer.pool())
        .await?
        .ok_or(crate::error::AppError::Forbidden)?;
    let scope = viewer
        .person_by_id(Action::MaintainRecords, pegawai_id)
        .await?;
    scope.require(Action::MaintainRecords)?;
    let mut tx = scope.pool().begin().await?;
    let row = sqlx::query(
        "SELECT status, proposal, field, current_value FROM koreksi_data WHERE id = $1",
    )
    .bind(request_id)
    .fetch_one(&mut *tx)
    .await?;
    let status: String = row.try_get("status")?;
    let status = RequestStatus::from_code(&status).ok_or(SelfServiceError::NotFound)?;
    let (next, reason) = correction::decide(status, accept, reason)?;
    let proposal: Proposal = serde_json::from_str(&row.try_get::<String, _>("proposal")?)?;
    if next == RequestStatus::Diterima {
        apply(&mut tx, pegawai_id, &proposal).await?;
    }
    let actor = scope.actor();
    let changed = sqlx::query(
        "UPDATE koreksi_data SET status = $1, decided_at = $2, decided_by = $3, \
         decision_reason = $4 WHERE id = $5 AND status = 'diajukan'",
    )
    .bind(next.code())
    .bind(clock::now_utc())
    .bind(&actor)
    .bind(&reason)
    .bind(request_id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(correction::CorrectionError::AlreadyDecided.into());
    }
    let field: String = row.try_get("field")?;
    let entry = Entry::new(
        if accept {
            "koreksi.terima"
        } else {
            "koreksi.tolak"
        },
        "pegawai",
        pegawai_id,
    )
    .before(json!({ &field: row.try_get::<String, _>("current_value")? }))
    .after(json!({
        &field: proposal.describe(),
        "permohonan": request_id,
        "status": next.code(),
    }))
    .reason(reason.as_deref());
    commit(tx, &scope, entry).await
}
