//! Scoring an instansi for a period: every pegawai's records through the domain rules into a
//! placement snapshot (domain.md §4). Snapshots are immutable; the latest is in force
//! (`placement_in_force`). A person whose inputs, rules,
//! post, unit and golongan are unchanged keeps the snapshot in force, so re-running changes
//! nothing. Everything is written in one transaction.

use crate::auth::guard::InstansiScope;
use crate::digest::sha256_hex;
use crate::domain::access::Action;
use crate::domain::placement::{place, Outcome, Placement, SourceTable};
use crate::domain::placement_note::{Note, Stored, Unplaced};
use crate::domain::scoring::{Component, ParameterSet};
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::services::parameters::{self, ParameterStoreError, StoredParameters};
use crate::store;
pub use crate::store::scoring::decode_reason;
use crate::store::scoring::{fingerprints_in_force, insert_placements, NewPlacement};
use crate::store::scoring_records::{load_people, Person, RecordsError};
use crate::store::StoreError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ScoringServiceError {
    #[error("penilaian tidak diizinkan dengan akses ini")]
    NotAllowed,
    #[error("periode {0} tidak sah (2000-2100)")]
    InvalidPeriod(i32),
    #[error(transparent)]
    Parameters(#[from] ParameterStoreError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
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

/// Scores every pegawai of the scope's instansi for `period` under the parameter version in
/// force (adopting "BKN 2025" when it has none). Scoring follows from the records imported,
/// so it asks for the same right as importing them.
pub async fn score_instansi(
    scope: &InstansiScope<'_>,
    period: i32,
) -> Result<ScoringSummary, ScoringServiceError> {
    scope
        .require(Action::ImportRecords)
        .map_err(|_| ScoringServiceError::NotAllowed)?;
    if !(2000..=2100).contains(&period) {
        return Err(ScoringServiceError::InvalidPeriod(period));
    }
    let actor = &scope.actor();
    let instansi_id = scope.instansi_id();
    let mut tx = store::begin(scope.pool()).await?;
    let parameters = parameters::in_force(&mut tx, instansi_id, actor).await?;
    let started = std::time::Instant::now();
    let people = load_people(&mut tx, instansi_id, period).await?;
    tracing::debug!(elapsed = ?started.elapsed(), pegawai = people.len(), "records loaded");
    let current = fingerprints_in_force(&mut tx, instansi_id, period).await?;

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
        let placements: Vec<NewPlacement<'_>> = fresh.iter().map(new_placement).collect();
        insert_placements(
            &mut tx,
            instansi_id,
            parameters.id,
            &clock::now_utc(),
            &placements,
        )
        .await?;
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
    store::commit(tx).await?;
    Ok(summary)
}

/// The snapshot as the store writes it.
fn new_placement<'s>(s: &'s Snapshot<'_>) -> NewPlacement<'s> {
    let score = match &s.placement.outcome {
        Outcome::Placed(score) => Some(score),
        _ => None,
    };
    NewPlacement {
        pegawai_id: s.person.id,
        period: s.placement.period,
        status: status(&s.placement.outcome),
        kinerja: score.map(|s| s.kinerja),
        potensial: score.map(|s| s.potensial),
        kinerja_category: score.map(|s| s.kinerja_category.code()),
        potential_category: score.map(|s| s.potential_category.code()),
        kotak: score.map(|s| s.kotak.number()),
        recommendations: score.map(|s| {
            s.kotak
                .recommendations()
                .iter()
                .map(|r| format!("{r:?}"))
                .collect::<Vec<_>>()
                .join(",")
        }),
        reason: s.reason.as_deref(),
        unit_kerja_id: s.person.unit_kerja_id,
        jabatan_id: s.person.jabatan_id,
        golongan: &s.person.golongan,
        components: &s.components,
        fingerprint: &s.fingerprint,
    }
}
