//! Scoring an instansi for a period: every pegawai's records through the domain rules into a
//! placement snapshot (domain.md §4). Snapshots are immutable; a person whose inputs, rules,
//! post, unit and golongan are unchanged keeps the snapshot in force, so re-running changes
//! nothing. Everything is written in one transaction.

use crate::db::{insert_rows, SqlValue};
use crate::domain::calendar::Date;
use crate::domain::placement::{
    place, AssessmentRecord, EducationRecord, Outcome, PersonRecords, Placement, PostRecord,
    SentenceLevel, SentenceRecord, SkpRecord, Sourced, TrainingRecord, YearScore,
};
use crate::domain::scoring::{Component, Education};
use crate::domain::skp::Predikat;
use crate::services::clock;
use crate::services::intake::sha256_hex;
use crate::services::parameters::{self, ParameterStoreError, StoredParameters};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
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
    #[error("data tersimpan tidak dapat dibaca: {0}")]
    Corrupt(String),
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

/// The person-level facts a placement keeps besides its evidence.
struct Person {
    id: i64,
    golongan: String,
    unit_kerja_id: Option<i64>,
    jabatan_id: Option<i64>,
    records: PersonRecords,
}

fn date(row: &AnyRow, column: &str) -> Result<Date, ScoringServiceError> {
    let text: String = row.try_get(column)?;
    Date::parse(&text).ok_or_else(|| ScoringServiceError::Corrupt(format!("{column} {text}")))
}

fn optional_date(row: &AnyRow, column: &str) -> Result<Option<Date>, ScoringServiceError> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| {
        Date::parse(&t).ok_or_else(|| ScoringServiceError::Corrupt(format!("{column} {t}")))
    })
    .transpose()
}

fn year(row: &AnyRow) -> Result<i32, ScoringServiceError> {
    let year: i64 = row.try_get("year")?;
    i32::try_from(year).map_err(|_| ScoringServiceError::Corrupt(format!("year {year}")))
}

/// Which rows of a history table the scoring of a period reads.
#[derive(Clone, Copy)]
enum Rows {
    /// Yearly records: only the period's year.
    OfPeriod(i32),
    /// Records that count across years (posts, education, assessments, discipline).
    All,
}

/// Rows of one history table for every pegawai of the instansi: `SELECT <columns> FROM
/// <table> t JOIN pegawai p ...`, handed to `read` with the pegawai's records.
async fn history(
    conn: &mut AnyConnection,
    instansi_id: i64,
    (table, columns, rows): (&str, &str, Rows),
    people: &mut HashMap<i64, Person>,
    mut read: impl FnMut(&AnyRow, &mut PersonRecords) -> Result<(), ScoringServiceError>,
) -> Result<(), ScoringServiceError> {
    let filter = match rows {
        Rows::OfPeriod(_) => " AND t.year = $2",
        Rows::All => "",
    };
    let sql = format!(
        "SELECT t.pegawai_id, {columns} FROM {table} t JOIN pegawai p ON p.id = t.pegawai_id \
         WHERE p.instansi_id = $1{filter}"
    );
    let mut query = sqlx::query(&sql).bind(instansi_id);
    if let Rows::OfPeriod(year) = rows {
        query = query.bind(i64::from(year));
    }
    for row in query.fetch_all(&mut *conn).await? {
        let pegawai_id: i64 = row.try_get("pegawai_id")?;
        if let Some(person) = people.get_mut(&pegawai_id) {
            read(&row, &mut person.records)?;
        }
    }
    Ok(())
}

fn year_score(row: &AnyRow) -> Result<Sourced<YearScore>, ScoringServiceError> {
    Ok(Sourced {
        id: row.try_get("id")?,
        value: YearScore {
            year: year(row)?,
            score: row.try_get("score")?,
        },
    })
}

async fn load_people(
    conn: &mut AnyConnection,
    instansi_id: i64,
    period: i32,
) -> Result<HashMap<i64, Person>, ScoringServiceError> {
    let yearly = Rows::OfPeriod(period);
    let mut people = HashMap::new();
    for row in sqlx::query(
        "SELECT p.id, p.golongan, p.unit_kerja_id, p.jabatan_id, j.field \
         FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id WHERE p.instansi_id = $1",
    )
    .bind(instansi_id)
    .fetch_all(&mut *conn)
    .await?
    {
        let id: i64 = row.try_get("id")?;
        people.insert(
            id,
            Person {
                id,
                golongan: row.try_get("golongan")?,
                unit_kerja_id: row.try_get("unit_kerja_id")?,
                jabatan_id: row.try_get("jabatan_id")?,
                records: PersonRecords {
                    post_field: row.try_get("field")?,
                    ..PersonRecords::default()
                },
            },
        );
    }
    history(
        conn,
        instansi_id,
        ("skp", "t.id, t.year, t.predikat", yearly),
        &mut people,
        |row, r| {
            let code: String = row.try_get("predikat")?;
            let predikat = Predikat::from_code(&code)
                .ok_or_else(|| ScoringServiceError::Corrupt(format!("predikat {code}")))?;
            r.skp.push(Sourced {
                id: row.try_get("id")?,
                value: SkpRecord {
                    year: year(row)?,
                    predikat,
                },
            });
            Ok(())
        },
    )
    .await?;
    for (table, pick) in [
        ("penghargaan", 0),
        ("penugasan_tim", 1),
        ("umpan_balik_360", 2),
    ] {
        history(
            conn,
            instansi_id,
            (table, "t.id, t.year, t.score", yearly),
            &mut people,
            |row, r| {
                let list = match pick {
                    0 => &mut r.penghargaan,
                    1 => &mut r.penugasan_tim,
                    _ => &mut r.umpan_balik_360,
                };
                list.push(year_score(row)?);
                Ok(())
            },
        )
        .await?;
    }
    history(
        conn,
        instansi_id,
        (
            "asesmen",
            "t.id, t.assessed_on, t.valid_until, t.provider, t.jpm, t.potential",
            Rows::All,
        ),
        &mut people,
        |row, r| {
            r.asesmen.push(Sourced {
                id: row.try_get("id")?,
                value: AssessmentRecord {
                    date: date(row, "assessed_on")?,
                    valid_until: date(row, "valid_until")?,
                    provider: row.try_get("provider")?,
                    jpm_percent: row.try_get("jpm")?,
                    potential: row.try_get("potential")?,
                },
            });
            Ok(())
        },
    )
    .await?;
    history(
        conn,
        instansi_id,
        ("riwayat_pelatihan", "t.id, t.year, t.jp", yearly),
        &mut people,
        |row, r| {
            r.pelatihan.push(Sourced {
                id: row.try_get("id")?,
                value: TrainingRecord {
                    year: year(row)?,
                    jp: row.try_get("jp")?,
                },
            });
            Ok(())
        },
    )
    .await?;
    history(
        conn,
        instansi_id,
        ("riwayat_jabatan", "t.id, t.tmt_start", Rows::All),
        &mut people,
        |row, r| {
            r.jabatan.push(Sourced {
                id: row.try_get("id")?,
                value: PostRecord {
                    start: date(row, "tmt_start")?,
                },
            });
            Ok(())
        },
    )
    .await?;
    history(
        conn,
        instansi_id,
        ("riwayat_pendidikan", "t.id, t.level, t.field", Rows::All),
        &mut people,
        |row, r| {
            let code: String = row.try_get("level")?;
            let level = Education::parse(&code)
                .ok_or_else(|| ScoringServiceError::Corrupt(format!("pendidikan {code}")))?;
            r.pendidikan.push(Sourced {
                id: row.try_get("id")?,
                value: EducationRecord {
                    level,
                    field: row.try_get("field")?,
                },
            });
            Ok(())
        },
    )
    .await?;
    history(
        conn,
        instansi_id,
        (
            "hukuman_disiplin",
            "t.id, t.level, t.tmt_start, t.tmt_end",
            Rows::All,
        ),
        &mut people,
        |row, r| {
            let code: String = row.try_get("level")?;
            let level = SentenceLevel::parse(&code)
                .ok_or_else(|| ScoringServiceError::Corrupt(format!("hukdis {code}")))?;
            r.hukdis.push(Sourced {
                id: row.try_get("id")?,
                value: SentenceRecord {
                    level,
                    start: date(row, "tmt_start")?,
                    end: optional_date(row, "tmt_end")?,
                },
            });
            Ok(())
        },
    )
    .await?;
    // Rows arrive in no particular order; the rules must not depend on it.
    for person in people.values_mut() {
        let r = &mut person.records;
        r.skp.sort_by_key(|s| s.id);
        r.penghargaan.sort_by_key(|s| s.id);
        r.penugasan_tim.sort_by_key(|s| s.id);
        r.umpan_balik_360.sort_by_key(|s| s.id);
        r.asesmen.sort_by_key(|s| s.id);
        r.pelatihan.sort_by_key(|s| s.id);
        r.jabatan.sort_by_key(|s| s.id);
        r.pendidikan.sort_by_key(|s| s.id);
        r.hukdis.sort_by_key(|s| s.id);
    }
    Ok(people)
}

/// A placement ready to store.
struct Snapshot<'a> {
    person: &'a Person,
    placement: Placement,
    fingerprint: String,
}

fn status(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Placed(_) => "placed",
        Outcome::Incomplete(_) => "incomplete",
        Outcome::Excluded(_) => "excluded",
        Outcome::Invalid(_) => "invalid",
    }
}

/// What identifies a snapshot's content: rules version, placement and the person's position.
#[derive(Serialize)]
struct FingerprintInput<'a> {
    parameter_set_id: i64,
    placement: &'a Placement,
    golongan: &'a str,
    unit_kerja_id: Option<i64>,
    jabatan_id: Option<i64>,
}

fn fingerprint(parameter_set_id: i64, person: &Person, placement: &Placement) -> String {
    let input = FingerprintInput {
        parameter_set_id,
        placement,
        golongan: &person.golongan,
        unit_kerja_id: person.unit_kerja_id,
        jabatan_id: person.jabatan_id,
    };
    // Serialising plain data to a Vec cannot fail; an empty input would only cost a re-store.
    sha256_hex(&serde_json::to_vec(&input).unwrap_or_default())
}

/// One component as a placement keeps it (the `components` JSON of a placement row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedComponent {
    pub component: Component,
    /// 0-100; `None` when the input is missing.
    pub score: Option<f64>,
    /// Percent of its axis under the placement's parameter version.
    pub weight: f64,
    pub source_table: String,
    pub record_ids: Vec<i64>,
    pub note: String,
}

/// Reads a placement's `components` column.
pub fn decode_components(json: &str) -> Result<Vec<PlacedComponent>, serde_json::Error> {
    serde_json::from_str(json)
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
    let instansi_id: i64 = sqlx::query_scalar("SELECT id FROM instansi WHERE slug = $1")
        .bind(instansi_slug)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| ScoringServiceError::UnknownInstansi(instansi_slug.to_owned()))?;
    let parameters = parameters::in_force(&mut tx, instansi_id, actor).await?;
    let started = std::time::Instant::now();
    let people = load_people(&mut tx, instansi_id, period).await?;
    tracing::debug!(elapsed = ?started.elapsed(), pegawai = people.len(), "records loaded");
    let current: HashMap<i64, String> = sqlx::query(
        "SELECT c.pegawai_id, p.fingerprint FROM placement_current c \
         JOIN placement p ON p.id = c.placement_id WHERE c.instansi_id = $1 AND c.period = $2",
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
    let mut ordered: Vec<&Person> = people.values().collect();
    ordered.sort_by_key(|p| p.id);
    let mut fresh = Vec::new();
    for person in ordered {
        let placement = place(&parameters.rules, period, &person.records);
        match &placement.outcome {
            Outcome::Placed(score) => {
                summary.placed += 1;
                summary.per_kotak[usize::from(score.kotak.number() - 1)] += 1;
            }
            Outcome::Incomplete(missing) => {
                summary.incomplete += 1;
                for component in missing {
                    *summary
                        .missing
                        .entry(component.label().to_owned())
                        .or_default() += 1;
                }
            }
            Outcome::Excluded(_) => summary.excluded += 1,
            Outcome::Invalid(_) => summary.invalid += 1,
        }
        let fingerprint = fingerprint(parameters.id, person, &placement);
        if current.get(&person.id) != Some(&fingerprint) {
            fresh.push(Snapshot {
                person,
                placement,
                fingerprint,
            });
        }
    }
    summary.new_snapshots = fresh.len();
    tracing::debug!(elapsed = ?started.elapsed(), fresh = fresh.len(), "placed");
    if !fresh.is_empty() {
        store(&mut tx, instansi_id, &parameters, &fresh).await?;
    }
    tracing::debug!(elapsed = ?started.elapsed(), "stored");
    tx.commit().await?;
    Ok(summary)
}

/// Every snapshot of the instansi and period, by (pegawai, fingerprint).
async fn snapshot_ids(
    conn: &mut AnyConnection,
    instansi_id: i64,
    period: i32,
) -> Result<HashMap<(i64, String), i64>, sqlx::Error> {
    sqlx::query(
        "SELECT id, pegawai_id, fingerprint FROM placement WHERE instansi_id = $1 AND period = $2",
    )
    .bind(instansi_id)
    .bind(i64::from(period))
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        Ok((
            (row.try_get("pegawai_id")?, row.try_get("fingerprint")?),
            row.try_get("id")?,
        ))
    })
    .collect()
}

fn placement_row(
    instansi_id: i64,
    parameters: &StoredParameters,
    computed_at: &str,
    s: &Snapshot<'_>,
) -> Result<Vec<SqlValue>, ScoringServiceError> {
    let components: Vec<PlacedComponent> = s
        .placement
        .evidence
        .iter()
        .map(|e| PlacedComponent {
            component: e.component,
            score: e.score,
            weight: parameters.rules.weight(e.component),
            source_table: e.source.table().to_owned(),
            record_ids: e.record_ids.clone(),
            note: e.note.clone(),
        })
        .collect();
    let components = serde_json::to_string(&components)
        .map_err(|e| ScoringServiceError::Corrupt(e.to_string()))?;
    let score = match &s.placement.outcome {
        Outcome::Placed(score) => Some(score),
        _ => None,
    };
    let reason = match &s.placement.outcome {
        Outcome::Placed(_) => None,
        Outcome::Incomplete(missing) => Some(format!(
            "Data belum lengkap: {}",
            missing
                .iter()
                .map(|c| c.label())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Outcome::Excluded(reason) | Outcome::Invalid(reason) => Some(reason.clone()),
    };
    Ok(vec![
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
        reason.into(),
        s.person.unit_kerja_id.into(),
        s.person.jabatan_id.into(),
        s.person.golongan.as_str().into(),
        components.into(),
        s.fingerprint.as_str().into(),
        computed_at.into(),
    ])
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

/// Writes the snapshots not stored yet (a person whose inputs went back to an earlier state
/// gets that earlier snapshot back in force) and points `placement_current` at them.
async fn store(
    conn: &mut AnyConnection,
    instansi_id: i64,
    parameters: &StoredParameters,
    snapshots: &[Snapshot<'_>],
) -> Result<(), ScoringServiceError> {
    let computed_at = clock::now_utc();
    let period = snapshots.first().map_or(0, |s| s.placement.period);
    let known = snapshot_ids(conn, instansi_id, period).await?;
    let new: Vec<&Snapshot<'_>> = snapshots
        .iter()
        .filter(|s| !known.contains_key(&(s.person.id, s.fingerprint.clone())))
        .collect();
    let rows = new
        .iter()
        .map(|s| placement_row(instansi_id, parameters, &computed_at, s))
        .collect::<Result<Vec<_>, _>>()?;
    insert_rows(conn, "placement", &PLACEMENT_COLUMNS, &rows, "").await?;
    let ids = snapshot_ids(conn, instansi_id, period).await?;
    let id_of = |s: &Snapshot<'_>| {
        ids.get(&(s.person.id, s.fingerprint.clone()))
            .copied()
            .ok_or_else(|| ScoringServiceError::Corrupt("placement missing after insert".into()))
    };
    let current = snapshots
        .iter()
        .map(|s| {
            Ok(vec![
                s.person.id.into(),
                i64::from(period).into(),
                instansi_id.into(),
                id_of(s)?.into(),
            ])
        })
        .collect::<Result<Vec<Vec<SqlValue>>, ScoringServiceError>>()?;
    insert_rows(
        conn,
        "placement_current",
        &["pegawai_id", "period", "instansi_id", "placement_id"],
        &current,
        "ON CONFLICT (pegawai_id, period) DO UPDATE SET placement_id = excluded.placement_id",
    )
    .await?;
    Ok(())
}
