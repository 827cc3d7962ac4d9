//! Files of merit-index results (CSV or XLSX), in the manner of the ASN imports: read by the
//! same bounded spreadsheet reader and column matching (`services::intake`), every row new,
//! unchanged (already recorded with the same value) or rejected with its row number and its
//! reason, and written all or nothing, only when no row is rejected.
//!
//! The console imports a file at once (`--dry-run` only checks it). The web keeps the file it
//! checked (`merit_import`, a draft) and saves exactly that file later, after the operator
//! read the check: a plain form cannot carry a file and its report through the redirect that
//! follows a post.

use super::{audit_json, in_force_for, resolve, write_version, MeritResultError, Recorder, Result};
use crate::api::intake::{Refusal, RowOutcome, RowStatus};
use crate::api::merit_results::{ImportDraft, ResultImportReport};
use crate::auth::guard::PublisherScope;
use crate::digest::sha256_hex;
use crate::domain::calendar::Date;
use crate::domain::merit_result::{
    read_typed, refuse_second, Reading, Typed, Value, FIELD_BODY, FIELD_FRAMEWORK, FIELD_INSTANSI,
    FIELD_PUBLISHED, FIELD_SCORE, FIELD_SOURCE, FIELD_YEAR,
};
use crate::i18n::refusals::merit_result_refusal;
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::services::intake::fields::{Columns, Field};
use crate::services::intake::sheet::{self, Sheet};
use crate::services::intake::SheetLimits;
use crate::services::intake::{
    count, earlier_row, keep_first_rejections, repeated, IntakeError, Mode,
};
use crate::store::merit_results::{self as writes, InForce};
use crate::store::{self, Conn, StoreError};
use serde_json::json;
use std::collections::HashMap;

const INSTANSI: Field = Field::required(FIELD_INSTANSI, &["Nama Instansi"]);
const YEAR: Field = Field::required(FIELD_YEAR, &["Year", "Tahun Penilaian"]);
const BODY: Field = Field::required(FIELD_BODY, &["Body", "Badan Penilai", "Penilai"]);
const FRAMEWORK: Field = Field::required(FIELD_FRAMEWORK, &["Framework", "Kerangka"]);
const SCORE: Field = Field::optional(FIELD_SCORE, &["Score", "Nilai"]);
const CATEGORY: Field = Field::optional("Kategori", &["Category", "Predikat"]);
const SOURCE: Field = Field::required(FIELD_SOURCE, &["Source URL", "URL Sumber", "Tautan"]);
const PUBLISHED: Field = Field::required(FIELD_PUBLISHED, &["Published On", "Tanggal Terbit"]);
const NOTE: Field = Field::optional("Catatan", &["Note", "Keterangan"]);

/// The columns of a results file, required ones first.
pub const FIELDS: [Field; 9] = [
    INSTANSI, YEAR, BODY, FRAMEWORK, SOURCE, PUBLISHED, SCORE, CATEGORY, NOTE,
];

/// A file the console imports.
pub struct FileRequest<'a> {
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    pub limits: SheetLimits,
    pub mode: Mode,
}

/// A row read: the catalogue's instansi (id and name) and the result, or why it is refused.
type ReadRow = std::result::Result<(i64, String, Reading), Refusal>;

/// A new row that passed every check, ready to write.
struct Planned {
    instansi_id: i64,
    name: String,
    reading: Reading,
}

/// A row's fields as text, then as a result of the catalogue's instansi.
fn read_row(
    columns: &Columns,
    row: &sheet::SheetRow,
    catalogue: &[(i64, String)],
    today: Date,
) -> (String, ReadRow) {
    let cells = columns.row(row);
    let text = |field: &Field| cells.text(field).unwrap_or_default();
    let (instansi, year, body, framework) =
        (text(&INSTANSI), text(&YEAR), text(&BODY), text(&FRAMEWORK));
    let (score, category, source_url) = (text(&SCORE), text(&CATEGORY), text(&SOURCE));
    let (published_on, note) = (text(&PUBLISHED), text(&NOTE));
    let typed = Typed {
        instansi: &instansi,
        year: &year,
        body: &body,
        framework: &framework,
        score: &score,
        category: &category,
        source_url: &source_url,
        published_on: &published_on,
        note: &note,
    };
    let result = read_typed(&typed, today)
        .and_then(|reading| {
            let (id, name) = resolve(catalogue, &reading.instansi)?;
            Ok((id, name, reading))
        })
        .map_err(|refused| merit_result_refusal(&refused));
    (instansi, result)
}

/// What a row is about, in the report: "Pemerintah Kota Tangerang, 2024, BKN, KASN/BKN 100-400".
fn key_text(name: &str, reading: &Reading) -> String {
    format!(
        "{name}, {}, {}, {}",
        reading.year,
        reading.body.code(),
        reading.framework.scale()
    )
}

/// The row's status against the result in force with its key, if any.
fn status_against(
    existing: Option<&InForce>,
    reading: &Reading,
) -> std::result::Result<RowStatus, StoreError> {
    let Some(existing) = existing else {
        return Ok(RowStatus::New);
    };
    let value = Value::stored(
        reading.framework,
        existing.score,
        existing.category.as_deref(),
    )
    .ok_or_else(|| StoreError::corrupt(format!("merit result {}: value", existing.id)))?;
    Ok(if value == reading.value {
        RowStatus::Unchanged
    } else {
        let refused = refuse_second(
            reading.year,
            reading.body,
            reading.framework,
            value,
            reading.value,
        );
        RowStatus::Rejected(merit_result_refusal(&refused))
    })
}

/// Checks every row of `sheet` against the catalogue, the results in force and the file's
/// other rows: the report, and the new rows to write when nothing is rejected.
fn plan(
    file_name: &str,
    sheet: &Sheet,
    columns: &Columns,
    catalogue: &[(i64, String)],
    in_force: &[InForce],
    today: Date,
) -> std::result::Result<(ResultImportReport, Vec<Planned>), StoreError> {
    let parsed: Vec<(usize, String, ReadRow)> = sheet
        .rows
        .iter()
        .map(|row| {
            let (typed, result) = read_row(columns, row, catalogue, today);
            (row.number, typed, result)
        })
        .collect();
    let mut rows_by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (number, _, result) in &parsed {
        if let Ok((_, name, reading)) = result {
            rows_by_key
                .entry(key_text(name, reading))
                .or_default()
                .push(*number);
        }
    }
    let mut outcomes = Vec::with_capacity(parsed.len());
    let mut planned = Vec::new();
    for (number, typed, result) in parsed {
        let (key, status) = match result {
            Err(reason) => (typed, RowStatus::Rejected(reason)),
            Ok((instansi_id, name, reading)) => {
                let key = key_text(&name, &reading);
                let status = match earlier_row(&rows_by_key, &key, number) {
                    Some(first) => RowStatus::Rejected(repeated(&key, first)),
                    None => {
                        status_against(in_force_for(in_force, instansi_id, &reading), &reading)?
                    }
                };
                if status == RowStatus::New {
                    planned.push(Planned {
                        instansi_id,
                        name,
                        reading,
                    });
                }
                (key, status)
            }
        };
        outcomes.push(RowOutcome {
            person: None,
            changes: Vec::new(),
            row: number,
            key,
            status,
        });
    }
    let counts = count(&outcomes);
    keep_first_rejections(&mut outcomes);
    let report = ResultImportReport {
        file_name: file_name.to_owned(),
        rows: outcomes,
        counts,
        written: false,
    };
    Ok((report, planned))
}

/// Reads and checks a file inside `conn`'s transaction (or on its own connection).
async fn check(
    conn: &mut Conn,
    file_name: &str,
    bytes: &[u8],
    limits: &SheetLimits,
) -> Result<(ResultImportReport, Vec<Planned>)> {
    let sheet = sheet::read_matching(bytes, limits, &|headers| {
        Columns::locate(&FIELDS, headers).is_ok()
    })?;
    let columns = Columns::locate(&FIELDS, &sheet.headers).map_err(IntakeError::MissingColumns)?;
    let catalogue = writes::instansi_names(&mut *conn).await?;
    let in_force = writes::in_force(&mut *conn).await?;
    Ok(plan(
        file_name,
        &sheet,
        &columns,
        &catalogue,
        &in_force,
        clock::today(),
    )?)
}

/// Writes the planned rows and the import's audit entry, in the caller's transaction.
async fn write(
    conn: &mut Conn,
    who: &Recorder,
    report: &ResultImportReport,
    planned: &[Planned],
    (sha256, draft): (&str, Option<i64>),
) -> Result<()> {
    let mut written = Vec::with_capacity(planned.len());
    for row in planned {
        let id = write_version(&mut *conn, who, row.instansi_id, &row.reading, None).await?;
        written.push(json!({"id": id, "hasil": audit_json(&row.name, &row.reading)}));
    }
    audit::record(
        conn,
        Change {
            actor: &who.actor,
            instansi_id: None,
            action: "indeks_merit.impor",
            entity: "merit_import",
            entity_id: draft.map(|id| id.to_string()),
            before: None,
            after: Some(json!({
                "berkas": report.file_name,
                "sha256": sha256,
                "baru": report.counts.new,
                "tidak_berubah": report.counts.unchanged,
                "hasil": written,
            })),
            reason: None,
        },
    )
    .await?;
    Ok(())
}

/// Checks a file and, in [`Mode::Commit`] when no row is rejected and some are new, writes
/// its new rows in one transaction: the console's import.
pub async fn import_file(
    scope: &PublisherScope<'_>,
    request: FileRequest<'_>,
) -> Result<ResultImportReport> {
    let who = Recorder::of(scope);
    let mut tx = store::begin(scope.pool()).await?;
    let (mut report, planned) =
        check(&mut tx, request.file_name, request.bytes, &request.limits).await?;
    if request.mode == Mode::DryRun || !report.savable() {
        return Ok(report);
    }
    write(
        &mut tx,
        &who,
        &report,
        &planned,
        (&sha256_hex(request.bytes), None),
    )
    .await?;
    store::commit(tx).await?;
    report.written = true;
    Ok(report)
}

/// Checked files never saved are forgotten after a week.
const DRAFT_HOURS: i64 = 7 * 24;

/// Keeps a file the operator typed or pasted on the web (CSV text), once it can be read at
/// all: its draft's id, whose check the page then shows. Rows may still be rejected; the
/// check says which and why.
pub async fn stage_draft(
    scope: &PublisherScope<'_>,
    file_name: &str,
    content: &str,
    limits: &SheetLimits,
) -> Result<i64> {
    let who = Recorder::of(scope);
    let mut tx = store::begin(scope.pool()).await?;
    let (report, _) = check(&mut tx, file_name, content.as_bytes(), limits).await?;
    let sha256 = sha256_hex(content.as_bytes());
    writes::prune_drafts(&mut tx, &clock::hours_ago(DRAFT_HOURS)).await?;
    let id =
        writes::insert_draft(&mut tx, file_name, &sha256, content, &who.actor, &who.at).await?;
    audit::record(
        &mut tx,
        Change {
            actor: &who.actor,
            instansi_id: None,
            action: "indeks_merit.impor_uji",
            entity: "merit_import",
            entity_id: Some(id.to_string()),
            before: None,
            after: Some(json!({
                "berkas": file_name,
                "sha256": sha256,
                "baru": report.counts.new,
                "tidak_berubah": report.counts.unchanged,
                "ditolak": report.counts.rejected,
            })),
            reason: None,
        },
    )
    .await?;
    store::commit(tx).await?;
    Ok(id)
}

/// The checked file `id` and its check against the records as they are now.
pub async fn check_draft(
    scope: &PublisherScope<'_>,
    id: i64,
    limits: &SheetLimits,
) -> Result<ImportDraft> {
    let draft = writes::draft(scope.pool(), id)
        .await?
        .ok_or(MeritResultError::NotFound)?;
    let mut conn = store::acquire(scope.pool()).await?;
    let (report, _) = check(
        &mut conn,
        &draft.file_name,
        draft.content.as_bytes(),
        limits,
    )
    .await?;
    Ok(ImportDraft {
        id: draft.id,
        staged_by: draft.staged_by,
        staged_at: draft.staged_at,
        committed_at: draft.committed_at,
        report,
    })
}

/// Saves the checked file `id` as it was checked, all or nothing: refused when it was saved
/// already, when a row is now rejected, or when no row is new.
pub async fn save_draft(
    scope: &PublisherScope<'_>,
    id: i64,
    limits: &SheetLimits,
) -> Result<ResultImportReport> {
    let draft = writes::draft(scope.pool(), id)
        .await?
        .ok_or(MeritResultError::NotFound)?;
    let who = Recorder::of(scope);
    let mut tx = store::begin(scope.pool()).await?;
    if !writes::mark_committed(&mut tx, id, &who.at).await? {
        return Err(MeritResultError::AlreadySaved);
    }
    let (mut report, planned) =
        check(&mut tx, &draft.file_name, draft.content.as_bytes(), limits).await?;
    if report.counts.rejected > 0 {
        return Err(MeritResultError::Rejected(report.counts.rejected));
    }
    if planned.is_empty() {
        return Err(MeritResultError::NothingNew);
    }
    write(
        &mut tx,
        &who,
        &report,
        &planned,
        (&draft.file_sha256, Some(id)),
    )
    .await?;
    store::commit(tx).await?;
    report.written = true;
    Ok(report)
}
