//! Merit-index results kept by the people who publish them: the public-data operator (or an
//! administrator, or the console) adds a result with its source and publication date,
//! corrects one with a reason (a new version; the old one stays), and imports a file of them
//! (`import`). Each write is one transaction with its audit entry. The rules are
//! `domain::merit_result`; the rows, `store::merit_index` and `store::merit_results`.

mod import;

pub use import::{check_draft, import_file, save_draft, stage_draft, FileRequest, FIELDS};

use crate::api::merit_index::{Correction, Instansi, MeritScore};
use crate::api::merit_results::{DeskLine, ResultsDesk};
use crate::auth::guard::PublisherScope;
use crate::domain::instansi::{matches_words, InstansiKind};
use crate::domain::merit_index::Framework;
use crate::domain::merit_result::{
    check_reason, read_typed, refuse_second, resolve_instansi, Body, Reading, ResultError, Typed,
    Value,
};
use crate::error::AppError;
use crate::i18n::{refusals, request_lang};
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::services::intake::{IntakeError, SheetLimits};
use crate::store::merit_index::{self as reads, InstansiRow, ScoreRow};
use crate::store::merit_results::{self as writes, InForce, NewVersion};
use crate::store::{self, Conn, StoreError};
use serde_json::{json, Value as Json};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum MeritResultError {
    #[error(transparent)]
    Rule(#[from] ResultError),
    #[error("hasil indeks merit tidak ditemukan")]
    NotFound,
    #[error(transparent)]
    File(#[from] IntakeError),
    #[error("tidak ada yang ditulis: {0} baris ditolak; perbaiki berkas lalu periksa lagi")]
    Rejected(usize),
    #[error("tidak ada yang ditulis: tidak ada baris baru")]
    NothingNew,
    #[error("impor ini sudah disimpan")]
    AlreadySaved,
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

impl MeritResultError {
    /// The error in English; its `Display` is the Indonesian.
    pub fn english(&self) -> String {
        match self {
            MeritResultError::Rule(rule) => {
                refusals::merit_result_error(rule, crate::i18n::Lang::En)
            }
            MeritResultError::NotFound => "no such merit-index result".to_owned(),
            MeritResultError::File(file) => file.english(),
            MeritResultError::Rejected(rows) => format!(
                "nothing was written: {rows} rows are rejected; correct the file and check it again"
            ),
            MeritResultError::NothingNew => "nothing was written: no row is new".to_owned(),
            MeritResultError::AlreadySaved => "this import has already been saved".to_owned(),
            MeritResultError::Database(_) => "a database error".to_owned(),
        }
    }
}

impl From<MeritResultError> for AppError {
    fn from(error: MeritResultError) -> Self {
        match error {
            MeritResultError::Rule(rule) => {
                AppError::BadRequest(refusals::merit_result_error(&rule, request_lang()))
            }
            MeritResultError::NotFound => AppError::NotFound,
            MeritResultError::Database(error) => error.into(),
            refused => {
                AppError::bad_request(format!("{refused}."), format!("{}.", refused.english()))
            }
        }
    }
}

type Result<T> = std::result::Result<T, MeritResultError>;

/// A stored instansi as the pages show it.
pub fn instansi_of(row: InstansiRow) -> std::result::Result<Instansi, StoreError> {
    let kind = InstansiKind::from_code(&row.kind).ok_or_else(|| {
        StoreError::corrupt(format!("instansi kind {} of {}", row.kind, row.slug))
    })?;
    Ok(Instansi {
        slug: row.slug,
        name: row.name,
        kind,
        province: row.province,
    })
}

/// A stored result in force, with its instansi, as the pages show it.
pub fn desk_line(row: ScoreRow) -> std::result::Result<DeskLine, StoreError> {
    let corrupt = |what: &str| StoreError::corrupt(format!("merit result {}: {what}", row.id));
    let framework = Framework::from_code(&row.framework).ok_or_else(|| corrupt("framework"))?;
    let body = Body::from_code(&row.body).ok_or_else(|| corrupt("body"))?;
    let year = i32::try_from(row.year).map_err(|_| corrupt("year"))?;
    let correction = row.correction_reason.map(|reason| Correction {
        version: row.version,
        reason,
        recorded_at: row.recorded_at,
        previous_score: row.previous_score,
        previous_category: row.previous_category,
    });
    Ok(DeskLine {
        instansi: instansi_of(row.instansi)?,
        result: MeritScore {
            id: row.id,
            year,
            framework,
            body,
            score: row.score,
            stated_category: row.category,
            source: row.source,
            source_url: row.source_url,
            published_on: row.published_on,
            note: row.note,
            correction,
        },
    })
}

/// Whether a result's line matches what the operator typed to filter by: every word in its
/// instansi's name, its province, its year or its body.
fn matches_filter(line: &DeskLine, filter: &str) -> bool {
    let text = format!(
        "{} {} {} {}",
        line.instansi.name, line.instansi.province, line.result.year, line.result.body
    );
    matches_words(&text, filter)
}

/// The operator's desk: the results in force that match `filter`, the result asked to be
/// corrected (in its version in force, so that the page still shows it once corrected), and
/// the import draft asked about (read within `limits`).
pub async fn desk(
    scope: &PublisherScope<'_>,
    filter: &str,
    correcting: Option<i64>,
    draft: Option<i64>,
    limits: &SheetLimits,
) -> Result<ResultsDesk> {
    let pool = scope.pool();
    let lines = reads::all_scores(pool)
        .await?
        .into_iter()
        .map(desk_line)
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let total = lines.len();
    let correcting = match correcting {
        Some(id) => reads::in_force_of_result(pool, id)
            .await?
            .map(desk_line)
            .transpose()?,
        None => None,
    };
    // A draft forgotten since (a week unsaved) is no reason to refuse the desk.
    let draft = match draft {
        Some(id) => match check_draft(scope, id, limits).await {
            Ok(draft) => Some(draft),
            Err(MeritResultError::NotFound) => None,
            Err(error) => return Err(error),
        },
        None => None,
    };
    let mut conn = store::acquire(pool).await?;
    let instansi_names = writes::instansi_names(&mut conn)
        .await?
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    Ok(ResultsDesk {
        lines: lines
            .into_iter()
            .filter(|line| matches_filter(line, filter))
            .collect(),
        total,
        filter: filter.to_owned(),
        instansi_names,
        correcting,
        draft,
    })
}

/// The catalogue's id and name of the instansi `typed` means.
fn resolve(
    catalogue: &[(i64, String)],
    typed: &str,
) -> std::result::Result<(i64, String), ResultError> {
    let names: Vec<&str> = catalogue.iter().map(|(_, name)| name.as_str()).collect();
    let name = resolve_instansi(typed, &names)?;
    catalogue
        .iter()
        .find(|(_, candidate)| candidate == name)
        .cloned()
        .ok_or_else(|| ResultError::UnknownInstansi {
            name: typed.to_owned(),
            suggestions: Vec::new(),
        })
}

/// The result in force with `reading`'s key in instansi `instansi_id`, if there is one.
fn in_force_for<'a>(
    in_force: &'a [InForce],
    instansi_id: i64,
    reading: &Reading,
) -> Option<&'a InForce> {
    in_force.iter().find(|row| {
        row.instansi_id == instansi_id
            && row.year == i64::from(reading.year)
            && row.body == reading.body.code()
            && row.framework == reading.framework.code()
    })
}

/// Refuses `reading` when its result is already in force (the same value, or a second one).
fn refuse_if_recorded(existing: Option<&InForce>, reading: &Reading) -> Result<()> {
    let Some(existing) = existing else {
        return Ok(());
    };
    let value = Value::stored(
        reading.framework,
        existing.score,
        existing.category.as_deref(),
    )
    .ok_or_else(|| StoreError::corrupt(format!("merit result {}: value", existing.id)))?;
    Err(refuse_second(
        reading.year,
        reading.body,
        reading.framework,
        value,
        reading.value,
    )
    .into())
}

/// A result as the audit log keeps it.
fn audit_json(instansi: &str, reading: &Reading) -> Json {
    json!({
        "instansi": instansi,
        "tahun": reading.year,
        "badan": reading.body.code(),
        "skala": reading.framework.code(),
        "skor": reading.value.score(),
        "kategori": reading.value.stated_category(),
        "sumber": reading.source_url,
        "tanggal_publikasi": reading.published_on.to_string(),
        "catatan": reading.note,
    })
}

/// Who records, and when.
struct Recorder {
    actor: String,
    akun: Option<i64>,
    at: String,
}

impl Recorder {
    fn of(scope: &PublisherScope<'_>) -> Recorder {
        Recorder {
            actor: scope.actor(),
            akun: scope.account_id(),
            at: clock::now_utc(),
        }
    }
}

/// Writes `reading` as version `version` of its result (correcting `corrects`, with its
/// reason); its id, or the refusal when someone wrote that version first.
async fn write_version(
    conn: &mut Conn,
    who: &Recorder,
    instansi_id: i64,
    reading: &Reading,
    corrects: Option<(&DeskLine, &str)>,
) -> Result<i64> {
    let published_on = reading.published_on.to_string();
    let row = NewVersion {
        instansi_id,
        year: reading.year,
        framework: reading.framework.code(),
        body: reading.body.code(),
        score: reading.value.score(),
        category: reading.value.stated_category(),
        source: &reading.source_url,
        source_url: Some(&reading.source_url),
        published_on: Some(&published_on),
        note: &reading.note,
        version: corrects.map_or(1, |(line, _)| {
            line.result.correction.as_ref().map_or(1, |c| c.version) + 1
        }),
        corrects_id: corrects.map(|(line, _)| line.result.id),
        correction_reason: corrects.map(|(_, reason)| reason),
        recorded_by: &who.actor,
        recorded_by_akun_id: who.akun,
        recorded_at: &who.at,
    };
    match writes::insert_version(conn, &row).await? {
        Some(id) => Ok(id),
        None if corrects.is_some() => Err(ResultError::AlreadyCorrected.into()),
        None => Err(ResultError::AlreadyRecorded {
            year: reading.year,
            body: reading.body,
            framework: reading.framework,
        }
        .into()),
    }
}

/// Adds a published result typed into the operator's form (or given to the console): its
/// id. Refused when the instansi is not in the catalogue or its result is already recorded.
pub async fn add(scope: &PublisherScope<'_>, typed: &Typed<'_>) -> Result<i64> {
    let reading = read_typed(typed, clock::today())?;
    let who = Recorder::of(scope);
    let mut tx = store::begin(scope.pool()).await?;
    let catalogue = writes::instansi_names(&mut tx).await?;
    let (instansi_id, name) = resolve(&catalogue, &reading.instansi)?;
    let in_force = writes::in_force(&mut tx).await?;
    refuse_if_recorded(in_force_for(&in_force, instansi_id, &reading), &reading)?;
    let id = write_version(&mut tx, &who, instansi_id, &reading, None).await?;
    audit::record(
        &mut tx,
        Change {
            actor: &who.actor,
            instansi_id: Some(instansi_id),
            action: "indeks_merit.tambah",
            entity: "merit_index_score",
            entity_id: Some(id.to_string()),
            before: None,
            after: Some(audit_json(&name, &reading)),
            reason: None,
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok(id)
}

/// What a correction may change: the value, its source and date, the note. The instansi,
/// year, body and scale are the result's own.
#[derive(Debug, Clone, Copy, Default)]
pub struct CorrectionForm<'a> {
    pub score: &'a str,
    pub category: &'a str,
    pub source_url: &'a str,
    pub published_on: &'a str,
    pub note: &'a str,
    pub reason: &'a str,
}

/// Corrects the result in force with id `id`: a new version with the reason, the old one
/// kept and marked corrected. Its id.
pub async fn correct(
    scope: &PublisherScope<'_>,
    id: i64,
    form: &CorrectionForm<'_>,
) -> Result<i64> {
    let reason = check_reason(form.reason)?;
    let who = Recorder::of(scope);
    let mut tx = store::begin(scope.pool()).await?;
    let Some(row) = reads::score_in_force(&mut *tx, id).await? else {
        return Err(if reads::score_exists(&mut tx, id).await? {
            ResultError::AlreadyCorrected.into()
        } else {
            MeritResultError::NotFound
        });
    };
    let instansi_id = instansi_id_of(&mut tx, &row.instansi.slug).await?;
    let line = desk_line(row)?;
    let year = line.result.year.to_string();
    let typed = Typed {
        instansi: &line.instansi.name,
        year: &year,
        body: line.result.body.code(),
        framework: line.result.framework.code(),
        score: form.score,
        category: form.category,
        source_url: form.source_url,
        published_on: form.published_on,
        note: form.note,
    };
    let reading = read_typed(&typed, clock::today())?;
    let unchanged = line.result.value() == Some(reading.value)
        && line.result.source_url.as_deref() == Some(reading.source_url.as_str())
        && line.result.published_on == Some(reading.published_on.to_string())
        && line.result.note == reading.note;
    if unchanged {
        return Err(ResultError::NothingCorrected.into());
    }
    let new_id = write_version(&mut tx, &who, instansi_id, &reading, Some((&line, reason))).await?;
    audit::record(
        &mut tx,
        Change {
            actor: &who.actor,
            instansi_id: Some(instansi_id),
            action: "indeks_merit.koreksi",
            entity: "merit_index_score",
            entity_id: Some(new_id.to_string()),
            before: Some(json!({
                "id": line.result.id,
                "skor": line.result.score,
                "kategori": line.result.stated_category,
                "sumber": line.result.source,
                "tanggal_publikasi": line.result.published_on,
                "catatan": line.result.note,
            })),
            after: Some(audit_json(&line.instansi.name, &reading)),
            reason: Some(reason),
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok(new_id)
}

/// The id of the instansi with `slug`, which a stored result names.
async fn instansi_id_of(conn: &mut Conn, slug: &str) -> Result<i64> {
    store::instansi::id_by_slug(conn, slug)
        .await?
        .ok_or_else(|| StoreError::corrupt(format!("instansi {slug} of a merit result")).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(name: &str, province: &str, year: i32, body: Body) -> DeskLine {
        DeskLine {
            instansi: Instansi {
                slug: "x".into(),
                name: name.into(),
                kind: InstansiKind::Kota,
                province: province.into(),
            },
            result: MeritScore {
                id: 1,
                year,
                framework: Framework::Kasn,
                body,
                score: Some(300.0),
                stated_category: None,
                source: "s".into(),
                source_url: None,
                published_on: None,
                note: String::new(),
                correction: None,
            },
        }
    }

    #[test]
    fn the_desk_filter_matches_every_word_anywhere() {
        let tangerang = line("Pemerintah Kota Tangerang", "Banten", 2024, Body::Bkn);
        for filter in ["", "tangerang", "Banten 2024", "kota bkn", "  TANGERANG  "] {
            assert!(matches_filter(&tangerang, filter), "{filter}");
        }
        for filter in ["bandung", "tangerang 2023", "kasn"] {
            assert!(!matches_filter(&tangerang, filter), "{filter}");
        }
    }

    #[test]
    fn a_typed_instansi_resolves_to_the_catalogue_entry() {
        let catalogue = vec![
            (1, "Pemerintah Kota Balikpapan".to_owned()),
            (2, "Kementerian Agama".to_owned()),
        ];
        assert_eq!(
            resolve(&catalogue, "kementerian agama"),
            Ok((2, "Kementerian Agama".to_owned()))
        );
        assert!(matches!(
            resolve(&catalogue, "Kota Balikpapn"),
            Err(ResultError::UnknownInstansi { suggestions, .. }) if suggestions == ["Pemerintah Kota Balikpapan"]
        ));
    }
}
