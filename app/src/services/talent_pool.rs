//! The talent pool (KRS): everyone whose kotak in force is 7-9 in a period is proposed; the
//! steps taken on a proposal (BKPSDM's verification, the komite's decision with its
//! reference) are rows of `krs`, each written in one transaction with its audit entry. The
//! rules are `domain::talent_pool`.

use crate::api::talent_pool::{PoolMember, PoolQuery, TalentPool, POOL_PAGE_SIZE};
use crate::auth::guard::InstansiScope;
use crate::domain::access::Action;
use crate::domain::nine_box::Kotak;
use crate::domain::talent_pool::{self, Langkah, PoolError, Proposal, Tahap};
use crate::error::AppError;
use crate::i18n::{refusals, Lang};
use crate::services::audit::{self, Change};
use crate::services::clock::now_utc;
use crate::store::filter::{
    condition, kotak, page_count, periods, resolve_period, Condition, FilterError,
};
use crate::store::units;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::Row;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum TalentPoolError {
    #[error(transparent)]
    Rule(#[from] PoolError),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("Tahap \"{0}\" tidak dikenal.")]
    UnknownTahap(String),
    #[error("Pegawai dengan NIP ini tidak ada dalam pemetaan periode {0}.")]
    NotPlaced(i32),
    #[error("Usulan ini baru saja diubah orang lain; muat ulang halaman lalu coba lagi.")]
    Changed,
    #[error(transparent)]
    Access(#[from] AppError),
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
}

impl From<TalentPoolError> for AppError {
    fn from(error: TalentPoolError) -> Self {
        match error {
            TalentPoolError::Filter(e) => e.into(),
            TalentPoolError::Access(e) => e,
            TalentPoolError::Database(e) => e.into(),
            refused => AppError::bad_request(refused.to_string(), refused.english()),
        }
    }
}

impl TalentPoolError {
    /// The error in English; its `Display` is the Indonesian.
    fn english(&self) -> String {
        match self {
            TalentPoolError::Rule(e) => refusals::pool_error(e, Lang::En),
            TalentPoolError::Filter(e) => e.english(),
            TalentPoolError::UnknownTahap(code) => format!("Unknown stage \"{code}\"."),
            TalentPoolError::NotPlaced(period) => {
                format!("No employee with this NIP is mapped in {period}.")
            }
            TalentPoolError::Changed => {
                "Someone else has just changed this proposal; reload the page and try again."
                    .to_owned()
            }
            TalentPoolError::Access(e) => e.message(Lang::En),
            TalentPoolError::Database(_) => "A database error.".to_owned(),
        }
    }
}

type Result<T> = std::result::Result<T, TalentPoolError>;

/// The proposals of the filtered part of the instansi: placed people in kotak 7-9, and those
/// with a step on record (who may since have been calibrated out of those kotak).
const FROM: &str = "FROM placement_calibrated f JOIN pegawai p ON p.id = f.pegawai_id \
     LEFT JOIN jabatan j ON j.id = f.jabatan_id LEFT JOIN unit_kerja u ON u.id = f.unit_kerja_id \
     LEFT JOIN krs r ON r.pegawai_id = f.pegawai_id AND r.period = f.period \
     WHERE f.instansi_id = $1";
const PROPOSED: &str = " AND (f.final_kotak >= 7 OR r.id IS NOT NULL)";
const STAGE: &str = "COALESCE(r.status, 'diusulkan')";

fn member(row: &AnyRow) -> std::result::Result<PoolMember, sqlx::Error> {
    let status: Option<String> = row.try_get("status")?;
    let final_kotak = kotak(row, "final_kotak")?;
    Ok(PoolMember {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        unit: row.try_get("unit")?,
        jabatan: row.try_get("jabatan")?,
        golongan: row.try_get("golongan")?,
        kotak: kotak(row, "kotak")?,
        calibrated_kotak: kotak(row, "calibrated_kotak")?,
        tahap: status
            .as_deref()
            .and_then(Tahap::from_code)
            .unwrap_or(Tahap::Diusulkan),
        nasional: match status {
            // A step on record keeps the flag it was taken with.
            Some(_) => row.try_get::<i64, _>("nasional")? == 1,
            None => final_kotak
                .and_then(Kotak::from_number)
                .is_some_and(Kotak::in_national_talent_pool),
        },
        verified_by: row.try_get("verified_by")?,
        decided_by: row.try_get("decided_by")?,
        decided_at: row.try_get("decided_at")?,
        decision_ref: row.try_get("decision_ref")?,
        note: row.try_get("note")?,
    })
}

/// The filters of `query` for `period`, as the condition the pool's queries share.
async fn pool_condition(
    scope: &InstansiScope<'_>,
    query: &PoolQuery,
    period: i32,
) -> Result<Condition> {
    let mut c = condition(scope, &query.filter, period).await?;
    c.sql.push_str(PROPOSED);
    c.search(query.cari.as_deref());
    Ok(c)
}

/// One page of the pool of a period, with the count per stage.
pub async fn pool(scope: &InstansiScope<'_>, query: &PoolQuery) -> Result<TalentPool> {
    select_pool(scope, query, Some(POOL_PAGE_SIZE)).await
}

/// The whole pool the query selects, on one page (for downloads).
pub async fn whole_pool(scope: &InstansiScope<'_>, query: &PoolQuery) -> Result<TalentPool> {
    select_pool(scope, query, None).await
}

async fn select_pool(
    scope: &InstansiScope<'_>,
    query: &PoolQuery,
    page_size: Option<u32>,
) -> Result<TalentPool> {
    let tahap = match query.tahap.as_deref() {
        None => None,
        Some(code) => Some(
            Tahap::from_code(code).ok_or_else(|| TalentPoolError::UnknownTahap(code.to_owned()))?,
        ),
    };
    let periods = periods(scope).await?;
    let period = resolve_period(&query.filter, &periods)?;
    let mut pool = TalentPool {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        periods,
        period,
        units: units::options(scope).await?,
        per_tahap: [0; 4],
        nasional: 0,
        total: 0,
        halaman: 1,
        pages: 1,
        members: Vec::new(),
        may_verify: scope.viewer_may(Action::MaintainRecords),
        may_decide: scope.viewer_may(Action::DecideTalentPool),
    };
    let Some(period) = period else {
        return Ok(pool);
    };
    let mut c = pool_condition(scope, query, period).await?;
    let counts = c
        .bind(scope.query(&format!(
            "SELECT {STAGE} AS tahap, COUNT(*) AS n, \
             SUM(CASE WHEN (r.id IS NULL AND f.final_kotak = 9) OR r.nasional THEN 1 ELSE 0 END) AS nasional \
             {FROM}{} GROUP BY {STAGE}",
            c.sql
        )))
        .fetch_all(scope.pool())
        .await?;
    for row in counts {
        let code: String = row.try_get("tahap")?;
        if let Some(i) = Tahap::ALL.iter().position(|t| t.code() == code) {
            pool.per_tahap[i] = row.try_get("n")?;
        }
        pool.nasional += row.try_get::<Option<i64>, _>("nasional")?.unwrap_or(0);
    }
    if let Some(tahap) = tahap {
        c.push(&format!(" AND {STAGE} = {{}}"), tahap.code());
    }
    pool.total = match tahap {
        Some(t) => pool.per_tahap[Tahap::ALL.iter().position(|x| *x == t).unwrap_or(0)],
        None => pool.per_tahap.iter().sum(),
    };
    let limit = match page_size {
        Some(size) => {
            pool.pages = page_count(pool.total, size);
            pool.halaman = query.halaman.clamp(1, pool.pages);
            format!(" LIMIT {size} OFFSET {}", (pool.halaman - 1) * size)
        }
        None => String::new(),
    };
    let sql = format!(
        "SELECT p.nip, p.name, f.golongan, u.name AS unit, j.name AS jabatan, f.kotak, \
         f.calibrated_kotak, f.final_kotak, r.status, \
         CASE WHEN r.nasional THEN 1 ELSE 0 END AS nasional, r.verified_by, r.decided_by, \
         r.decided_at, r.decision_ref, r.note \
         {FROM}{} ORDER BY f.final_kotak DESC, p.name, p.nip{limit}",
        c.sql
    );
    pool.members = c
        .bind(scope.query(&sql))
        .fetch_all(scope.pool())
        .await?
        .iter()
        .map(member)
        .collect::<std::result::Result<_, _>>()?;
    Ok(pool)
}

/// The action a step needs: BKPSDM verifies, the komite decides.
pub fn action_for(langkah: Langkah) -> Action {
    match langkah {
        Langkah::Verifikasi => Action::MaintainRecords,
        Langkah::Tetapkan | Langkah::Tolak => Action::DecideTalentPool,
    }
}

/// Takes `langkah` on the proposal of the person with this NIP in `period`.
pub async fn step(
    scope: &InstansiScope<'_>,
    period: i32,
    nip: &str,
    langkah: Langkah,
    reference: &str,
    note: &str,
) -> Result<()> {
    scope.require(action_for(langkah))?;
    let mut tx = scope.pool().begin().await?;
    // Only people in the scope's units: a unit-narrowed BKPSDM verifies its own.
    let filter = scope.pegawai_filter();
    let n = 2 + scope.units().map_or(0, <[i64]>::len);
    let sql = format!(
        "SELECT f.pegawai_id, f.final_kotak, r.id AS krs_id, r.status FROM placement_calibrated f \
         JOIN pegawai p ON p.id = f.pegawai_id \
         LEFT JOIN krs r ON r.pegawai_id = f.pegawai_id AND r.period = f.period \
         WHERE p.instansi_id = $1{filter} AND p.nip = ${n} AND f.period = ${}",
        n + 1
    );
    let row = scope
        .query(&sql)
        .bind(nip.trim().to_owned())
        .bind(i64::from(period))
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(TalentPoolError::NotPlaced(period))?;
    let status: Option<String> = row.try_get("status")?;
    let before = status
        .as_deref()
        .and_then(Tahap::from_code)
        .unwrap_or(Tahap::Diusulkan);
    let final_kotak = kotak(&row, "final_kotak")?.and_then(Kotak::from_number);
    let decision = talent_pool::take(
        Proposal {
            tahap: before,
            kotak: final_kotak,
        },
        langkah,
        reference,
        note,
    )?;
    let pegawai_id: i64 = row.try_get("pegawai_id")?;
    let krs_id: Option<i64> = row.try_get("krs_id")?;
    let (actor, at) = (scope.actor(), now_utc());
    let verified = (langkah == Langkah::Verifikasi).then(|| (actor.clone(), at.clone()));
    let decided = (langkah != Langkah::Verifikasi).then(|| (actor.clone(), at.clone()));
    let kotak_number = decision.kotak.map(|k| i64::from(k.number()));
    let id: i64 = match krs_id {
        None => {
            sqlx::query_scalar(
                "INSERT INTO krs (instansi_id, pegawai_id, period, status, kotak, nasional, \
                 verified_by, verified_at, decided_by, decided_at, decision_ref, note) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
            )
            .bind(scope.instansi_id())
            .bind(pegawai_id)
            .bind(i64::from(period))
            .bind(decision.tahap.code())
            .bind(kotak_number)
            .bind(decision.nasional)
            .bind(verified.as_ref().map(|v| v.0.clone()))
            .bind(verified.as_ref().map(|v| v.1.clone()))
            .bind(decided.as_ref().map(|d| d.0.clone()))
            .bind(decided.as_ref().map(|d| d.1.clone()))
            .bind(decision.reference.clone())
            .bind(decision.note.clone())
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| match e {
                // Someone took the first step on this proposal meanwhile.
                sqlx::Error::Database(d) if d.is_unique_violation() => TalentPoolError::Changed,
                other => other.into(),
            })?
        }
        Some(id) => {
            // Only from the stage read above: a step taken meanwhile by someone else wins.
            let updated = sqlx::query(
                "UPDATE krs SET status = $1, kotak = $2, nasional = $3, decided_by = $4, \
                 decided_at = $5, decision_ref = $6, note = $7 WHERE id = $8 AND status = $9",
            )
            .bind(decision.tahap.code())
            .bind(kotak_number)
            .bind(decision.nasional)
            .bind(decided.as_ref().map(|d| d.0.clone()))
            .bind(decided.as_ref().map(|d| d.1.clone()))
            .bind(decision.reference.clone())
            .bind(decision.note.clone())
            .bind(id)
            .bind(before.code())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if updated != 1 {
                return Err(TalentPoolError::Changed);
            }
            id
        }
    };
    audit::record(
        &mut tx,
        Change {
            actor: &actor,
            instansi_id: Some(scope.instansi_id()),
            action: &format!("krs.{}", langkah.code()),
            entity: "krs",
            entity_id: Some(id.to_string()),
            before: Some(json!({ "nip": nip.trim(), "periode": period, "tahap": before.code() })),
            after: Some(json!({
                "nip": nip.trim(),
                "periode": period,
                "tahap": decision.tahap.code(),
                "kotak": kotak_number,
                "nasional": decision.nasional,
                "nomor_keputusan": decision.reference,
            })),
            reason: decision.note.as_deref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
