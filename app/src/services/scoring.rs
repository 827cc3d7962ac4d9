//! Scoring an instansi for a period: every pegawai's records through the domain rules into a
//! placement snapshot (domain.md §4). Snapshots are immutable; the latest is in force
//! (`placement_in_force`). A person whose inputs, rules,
//! post, unit and golongan are unchanged keeps the snapshot in force, so re-running changes
//! nothing. Everything is written in one transaction.

use crate::digest::sha256_hex;
use crate::domain::placement::{place, Outcome, Placement, SourceTable};
use crate::domain::placement_note::{Note, Stored, Unplaced};
use crate::domain::scoring::{Component, ParameterSet};
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::services::parameters::{self, ParameterStoreError, StoredParameters};
use crate::store;
use crate::store::scoring_records::{load_people, Person, RecordsError};
use crate::store::sql::{insert_rows, SqlValue};
use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, AnyPool, Row};
use std::collections::{BTreeMap, HashMap};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ScoringServiceError {
    #[error("instansi \"{0}\" tidak ditemukan")]
    UnknownInstansi(String),
    #[error("periode {0} tidak sah (2000-2100)")]
    InvalidPeriod(i32),
    #[error(transparent)]
    Parameters(#[from] ParameterStoreError),
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Records(#[from] RecordsError),
}

/// What a scoring run did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoringSummary {
    pub period: i32,
    pub parameter_version: i64,
    pub parameter_name: String,
    pub pegawai: usize,
    pub placed: usize,
    pub incomplete: usize,
    pub excluded: usize,
    pub invalid: usize,
    /// Snapshots written by this run (0 when nothing changed).
    pub new_snapshots: usize,
    /// People placed per kotak, index 0 = kotak 1.
    pub per_kotak: [usize; 9],
    /// How many people miss each component.
    pub missing: BTreeMap<String, usize>,
}

/// A placement ready to store.
struct Snapshot<'a> {
    person: &'a Person,
    placement: Placement,
    /// Why the person is not placed, as JSON (an [`Unplaced`]).
    reason: Option<String>,
    components: String,
    /// Identifies the content: rules version, outcome, position and every component.
    fingerprint: String,
}

impl<'a> Snapshot<'a> {
    fn new(parameter_set_id: i64, person: &'a Person, placement: Placement) -> Snapshot<'a> {
        // Plain data always serialises; an empty string would only cost a needless re-store.
        let reason = match &placement.outcome {
            Outcome::Placed(_) => None,
            Outcome::NotPlaced(why) => Some(serde_json::to_string(why).unwrap_or_default()),
        };
        let stored: Vec<StoredComponent<'_>> = placement
            .evidence
            .iter()
            .map(|e| StoredComponent {
                component: e.component,
                score: e.score,
                record_ids: e.record_ids.as_slice().into(),
                note: Stored::Value(e.note.clone()),
            })
            .collect();
        let components = serde_json::to_string(&stored).unwrap_or_default();
        let score = match &placement.outcome {
            Outcome::Placed(score) => Some((score.kinerja, score.potensial, score.kotak.number())),
            _ => None,
        };
        let content = format!(
            "{parameter_set_id}|{}|{score:?}|{reason:?}|{}|{:?}|{:?}|{components}",
            status(&placement.outcome),
            person.golongan,
            person.unit_kerja_id,
            person.jabatan_id,
        );
        Snapshot {
            fingerprint: sha256_hex(content.as_bytes()),
            person,
            placement,
            reason,
            components,
        }
    }
}

fn status(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Placed(_) => "placed",
        Outcome::NotPlaced(Unplaced::Incomplete(_)) => "incomplete",
        Outcome::NotPlaced(Unplaced::Excluded { .. }) => "excluded",
        Outcome::NotPlaced(Unplaced::Invalid { .. }) => "invalid",
    }
}

/// One component as a placement row stores it (its `components` JSON). The weight and the
/// source table are not repeated there: the placement's parameter version and the component
/// determine them.
#[derive(Serialize, Deserialize)]
struct StoredComponent<'a> {
    component: Component,
    score: Option<f64>,
    #[serde(borrow)]
    record_ids: std::borrow::Cow<'a, [i64]>,
    /// Text in rows stored before notes were kept as values.
    note: Stored<Note>,
}

/// One component of a stored placement, as people see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedComponent {
    pub component: Component,
    /// 0-100; `None` when the input is missing.
    pub score: Option<f64>,
    /// Percent of its axis under the placement's parameter version.
    pub weight: f64,
    pub source_table: &'static str,
    pub record_ids: Vec<i64>,
    pub note: Stored<Note>,
}

/// Reads a placement's `components` column, under the rules of its parameter version.
pub fn decode_components(
    json: &str,
    rules: &ParameterSet,
) -> Result<Vec<PlacedComponent>, serde_json::Error> {
    let stored: Vec<StoredComponent<'_>> = serde_json::from_str(json)?;
    Ok(stored
        .into_iter()
        .map(|c| PlacedComponent {
            component: c.component,
            score: c.score,
            weight: rules.weight(c.component),
            source_table: SourceTable::of(c.component).table(),
            record_ids: c.record_ids.into_owned(),
            note: c.note,
        })
        .collect())
}

/// Reads a placement's `reason` column: an [`Unplaced`] as JSON, or the text of a row stored
/// before reasons were kept as values.
pub fn decode_reason(stored: String) -> Stored<Unplaced> {
    match serde_json::from_str(&stored) {
        Ok(reason) => Stored::Value(reason),
        Err(_) => Stored::Text(stored),
    }
}

/// Places everyone and fingerprints the results, on every core: pure CPU work over data
/// already loaded, in the order of `people`.
fn place_all<'a>(
    parameters: &StoredParameters,
    period: i32,
    people: &'a [Person],
) -> Vec<Snapshot<'a>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let chunk = people.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = people
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|person| {
                            let placement = place(&parameters.rules, period, &person.records);
                            Snapshot::new(parameters.id, person, placement)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Scores every pegawai of the instansi for `period` under the parameter version in force
/// (adopting "BKN 2025" when it has none).
pub async fn score_instansi(
    pool: &AnyPool,
    instansi_slug: &str,
    period: i32,
    actor: &str,
) -> Result<ScoringSummary, ScoringServiceError> {
    if !(2000..=2100).contains(&period) {
        return Err(ScoringServiceError::InvalidPeriod(period));
    }
    let mut tx = pool.begin().await?;
    let instansi_id = store::instansi::id_by_slug(&mut *tx, instansi_slug)
        .await?
        .ok_or_else(|| ScoringServiceError::UnknownInstansi(instansi_slug.to_owned()))?;
    let parameters = parameters::in_force(&mut tx, instansi_id, actor).await?;
    let started = std::time::Instant::now();
    let people = load_people(&mut tx, instansi_id, period).await?;
    tracing::debug!(elapsed = ?started.elapsed(), pegawai = people.len(), "records loaded");
    let current: HashMap<i64, String> = sqlx::query(
        "SELECT pegawai_id, fingerprint FROM placement_in_force \
         WHERE instansi_id = $1 AND period = $2",
    )
    .bind(instansi_id)
    .bind(i64::from(period))
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|row| Ok((row.try_get("pegawai_id")?, row.try_get("fingerprint")?)))
    .collect::<Result<_, sqlx::Error>>()?;

    let mut summary = ScoringSummary {
        period,
        parameter_version: parameters.version,
        parameter_name: parameters.rules.name.clone(),
        pegawai: people.len(),
        ..ScoringSummary::default()
    };
    let mut fresh = Vec::new();
    for snapshot in place_all(&parameters, period, &people) {
        match &snapshot.placement.outcome {
            Outcome::Placed(score) => {
                summary.placed += 1;
                summary.per_kotak[usize::from(score.kotak.number() - 1)] += 1;
            }
            Outcome::NotPlaced(Unplaced::Incomplete(missing)) => {
                summary.incomplete += 1;
                for component in missing {
                    *summary
                        .missing
                        .entry(component.label().to_owned())
                        .or_default() += 1;
                }
            }
            Outcome::NotPlaced(Unplaced::Excluded { .. }) => summary.excluded += 1,
            Outcome::NotPlaced(Unplaced::Invalid { .. }) => summary.invalid += 1,
        }
        if current.get(&snapshot.person.id) != Some(&snapshot.fingerprint) {
            fresh.push(snapshot);
        }
    }
    summary.new_snapshots = fresh.len();
    tracing::debug!(elapsed = ?started.elapsed(), fresh = fresh.len(), "placed");
    if !fresh.is_empty() {
        store(&mut tx, instansi_id, &parameters, &fresh).await?;
        audit::record(
            &mut tx,
            Change {
                actor,
                instansi_id: Some(instansi_id),
                action: "skoring",
                entity: "placement",
                entity_id: Some(period.to_string()),
                before: None,
                after: Some(serde_json::json!({
                    "periode": period,
                    "parameter_versi": parameters.version,
                    "hasil_baru": summary.new_snapshots,
                    "terpetakan": summary.placed,
                    "pegawai": summary.pegawai,
                })),
                reason: None,
            },
        )
        .await?;
    }
    tracing::debug!(elapsed = ?started.elapsed(), "stored");
    tx.commit().await?;
    Ok(summary)
}

fn placement_row(
    instansi_id: i64,
    parameters: &StoredParameters,
    computed_at: &str,
    s: &Snapshot<'_>,
) -> Vec<SqlValue> {
    let score = match &s.placement.outcome {
        Outcome::Placed(score) => Some(score),
        _ => None,
    };
    vec![
        instansi_id.into(),
        s.person.id.into(),
        i64::from(s.placement.period).into(),
        parameters.id.into(),
        status(&s.placement.outcome).into(),
        score.map(|s| s.kinerja).into(),
        score.map(|s| s.potensial).into(),
        score.map(|s| s.kinerja_category.code().to_owned()).into(),
        score.map(|s| s.potential_category.code().to_owned()).into(),
        score.map(|s| i64::from(s.kotak.number())).into(),
        score
            .map(|s| {
                s.kotak
                    .recommendations()
                    .iter()
                    .map(|r| format!("{r:?}"))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .into(),
        s.reason.clone().into(),
        s.person.unit_kerja_id.into(),
        s.person.jabatan_id.into(),
        s.person.golongan.as_str().into(),
        s.components.as_str().into(),
        s.fingerprint.as_str().into(),
        computed_at.into(),
    ]
}

const PLACEMENT_COLUMNS: [&str; 18] = [
    "instansi_id",
    "pegawai_id",
    "period",
    "parameter_set_id",
    "status",
    "kinerja",
    "potensial",
    "kinerja_category",
    "potential_category",
    "kotak",
    "recommendations",
    "reason",
    "unit_kerja_id",
    "jabatan_id",
    "golongan",
    "components",
    "fingerprint",
    "computed_at",
];

/// Writes the new snapshots; each becomes the one in force for its person and period.
async fn store(
    conn: &mut AnyConnection,
    instansi_id: i64,
    parameters: &StoredParameters,
    snapshots: &[Snapshot<'_>],
) -> Result<(), ScoringServiceError> {
    let computed_at = clock::now_utc();
    let rows: Vec<Vec<SqlValue>> = snapshots
        .iter()
        .map(|s| placement_row(instansi_id, parameters, &computed_at, s))
        .collect();
    insert_rows(conn, "placement", &PLACEMENT_COLUMNS, &rows, "").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_reason_reads_back_and_an_older_text_stays_text() {
        let reason = Unplaced::Incomplete(vec![Component::Pendidikan]);
        let json = serde_json::to_string(&reason).expect("json");
        assert_eq!(decode_reason(json), Stored::Value(reason));
        let older = "Data belum lengkap: Pendidikan".to_owned();
        assert_eq!(decode_reason(older.clone()), Stored::Text(older));
    }
}
