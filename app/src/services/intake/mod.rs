//! Data intake: roster, assessment, SKP and training files (CSV or XLSX) into an instansi's
//! records. One service for the command line and the web.
//!
//! Every import is planned first: each row is new, changed, unchanged or rejected with its row
//! number and a reason in Bahasa Indonesia. A dry run stops there. A commit writes the plan in
//! one transaction, and only when no row is rejected: nothing is ever half-imported. Rows
//! remember the batch (file, its SHA-256, importer, time) and their row number. Importing the
//! same file again finds every row unchanged and writes nothing. The spreadsheet reader
//! (`sheet`, with its bounds) and the column matching (`fields`) also read the files of
//! merit-index results (`services::merit_results`).

mod asesmen;
mod context;
mod elsewhere;
pub(crate) mod fields;
mod pelatihan;
mod roster;
pub(crate) mod sheet;
mod skp;
pub mod template;

pub use sheet::{Overflow, SheetLimits};

pub use crate::api::intake::{
    Counts, FieldChange, ImportKind, ImportReport, Refusal, RowOutcome, RowStatus,
};
use crate::auth::guard::InstansiScope;
use crate::digest::sha256_hex;
use crate::domain::access::Action;
use crate::i18n::count::{BAGIAN, SEL};
use crate::i18n::Lang;
use crate::services::audit::{self, Change};
use crate::services::clock;
use crate::store::intake::batches::{self, NewBatch};
use crate::store::{self, Conn, StoreError};
use context::Context;
use fields::{Cells, Columns, Field};
use std::collections::HashMap;
use std::future::Future;
use thiserror::Error;

/// Why a whole file cannot be imported (row problems are [`RowStatus::Rejected`] instead).
#[derive(Debug, Error)]
pub enum IntakeError {
    #[error("berkas kosong atau tanpa baris judul kolom")]
    Empty,
    #[error("berkas CSV harus berupa teks UTF-8 (simpan ulang sebagai \"CSV UTF-8\")")]
    NotUtf8,
    #[error("berkas ini bukan CSV atau XLSX (misalnya PDF, gambar, atau XLS lama); simpan datanya sebagai XLSX atau CSV UTF-8")]
    NotSpreadsheet,
    #[error("berkas hanya berisi baris judul kolom, tanpa baris data")]
    NoRows,
    #[error("berkas tidak dapat dibaca: {0}")]
    Malformed(String),
    #[error("{}", overflow_id(.0))]
    TooLarge(sheet::Overflow),
    #[error("kolom wajib tidak ditemukan: {}", .0.join(", "))]
    MissingColumns(Vec<&'static str>),
    #[error("impor data tidak diizinkan dengan akses ini")]
    NotAllowed,
    #[error("lebih dari {0} NIP dalam berkas sudah tercatat sebagai pegawai di luar instansi ini; berkas ditolak seluruhnya. Periksa sumber berkas; perpindahan instansi diurus administrator")]
    RecordedElsewhere(usize),
    #[error("batas {0} impor sehari yang memuat NIP di luar instansi ini sudah tercapai; hubungi administrator")]
    LookupLimit(i64),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

impl IntakeError {
    /// The error in English; its `Display` is the Indonesian.
    pub fn english(&self) -> String {
        match self {
            IntakeError::Empty => "the file is empty or has no row of column headings".to_owned(),
            IntakeError::NotSpreadsheet => "this file is not a CSV or XLSX file (a PDF, an image or an old XLS, say); save the data as XLSX or as UTF-8 CSV".to_owned(),
            IntakeError::NoRows => "the file holds only the row of column headings, no data rows".to_owned(),
            IntakeError::NotUtf8 => {
                "a CSV file must be UTF-8 text (save it again as \"CSV UTF-8\")".to_owned()
            }
            IntakeError::Malformed(detail) => format!("the file cannot be read: {detail}"),
            IntakeError::TooLarge(overflow) => overflow_en(overflow),
            IntakeError::MissingColumns(columns) => {
                format!("required columns are missing: {}", columns.join(", "))
            }
            IntakeError::NotAllowed => "importing data is not allowed with this access".to_owned(),
            IntakeError::RecordedElsewhere(count) => format!(
                "more than {count} NIPs in the file are already on record as pegawai outside this instansi; the whole file is refused. Check where the file comes from; a transfer between instansi is done by an administrator"
            ),
            IntakeError::LookupLimit(limit) => format!(
                "the limit of {limit} imports a day naming NIPs outside this instansi is reached; contact an administrator"
            ),
            IntakeError::Database(_) => "a database error".to_owned(),
        }
    }
}

fn overflow_id(overflow: &sheet::Overflow) -> String {
    match overflow {
        sheet::Overflow::Uncompressed(bytes) => format!(
            "isi berkas XLSX melebihi {} MB setelah dibuka; bagi menjadi beberapa berkas",
            bytes / (1024 * 1024)
        ),
        sheet::Overflow::Cells(cells) => {
            format!("berkas berisi lebih dari {cells} sel; bagi menjadi beberapa berkas")
        }
        sheet::Overflow::Members(members) => {
            format!("arsip XLSX berisi lebih dari {members} bagian; ini bukan buku kerja biasa")
        }
        sheet::Overflow::Columns(columns) => format!(
            "baris judul berisi lebih dari {columns} kolom; hapus kolom kosong di sebelah kanan"
        ),
    }
}

fn overflow_en(overflow: &sheet::Overflow) -> String {
    match overflow {
        sheet::Overflow::Uncompressed(bytes) => format!(
            "the XLSX file holds more than {} MB once unpacked; split it into several files",
            bytes / (1024 * 1024)
        ),
        sheet::Overflow::Cells(cells) => format!(
            "the file holds more than {}; split it into several files",
            Lang::En.count(*cells, SEL)
        ),
        sheet::Overflow::Members(members) => format!(
            "the XLSX archive holds more than {}; this is no ordinary workbook",
            Lang::En.count(*members, BAGIAN)
        ),
        sheet::Overflow::Columns(columns) => format!(
            "the heading row holds more than {columns} columns; delete the empty columns on the right"
        ),
    }
}

/// Rejected rows a report names; the counts cover the rest.
pub const MAX_NAMED_REJECTIONS: usize = 1_000;

/// Whether to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    DryRun,
    Commit,
}

/// A file to import into the instansi of the scope it is given with, by whoever holds that
/// scope (a BKPSDM officer on the web, the operator at the console).
pub struct ImportRequest<'a> {
    pub kind: ImportKind,
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    /// How much the file may hold once unpacked.
    pub limits: SheetLimits,
    pub mode: Mode,
}

/// Told how far a commit has come, for a progress bar.
pub trait Progress: Sync {
    fn start(&self, total: u64);
    fn advance(&self, done: u64);
    fn finish(&self);
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _total: u64) {}
    fn advance(&self, _done: u64) {}
    fn finish(&self) {}
}

/// A row that passed its checks, with the status it will have.
pub(crate) struct Planned<R> {
    pub row: usize,
    pub value: R,
}

/// One kind of file: its columns, how a row is read and compared, and how it is written.
pub(crate) trait Intake {
    type Row: PartialEq + Clone + Send + Sync;
    const KIND: ImportKind;
    const FIELDS: &'static [Field];

    /// The NIP column; every kind is about people.
    fn nip_field() -> &'static Field;

    /// Reads one row; `Err` is the reason to reject it.
    fn parse(cells: &Cells<'_>, context: &Context) -> Result<Self::Row, Refusal>;

    /// Identifies the record a row is about (the same key twice in one file is refused).
    fn key(row: &Self::Row) -> String;

    /// The NIP of the person the row is about.
    fn nip(row: &Self::Row) -> &str;

    /// The person's name as recorded (a roster row brings its own).
    fn person(row: &Self::Row, context: &Context) -> Option<String> {
        context.pegawai.get(Self::nip(row)).map(|p| p.name.clone())
    }

    /// The row's values by column, as a dry run shows what a changed row replaces.
    fn values(row: &Self::Row, context: &Context) -> Vec<(&'static str, String)>;

    /// The records already stored for this instansi.
    fn existing(
        conn: &mut Conn,
        context: &Context,
    ) -> impl Future<Output = Result<Vec<Self::Row>, StoreError>> + Send;

    /// The stored record after this row: by default the row as read. Kinds with optional
    /// columns keep stored values where the file leaves a cell out.
    fn merge(_existing: &Self::Row, incoming: Self::Row) -> Self::Row {
        incoming
    }

    /// Writes new and changed rows.
    fn write(
        conn: &mut Conn,
        context: &Context,
        rows: &[Planned<Self::Row>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// Plans and, in [`Mode::Commit`], writes an import.
pub async fn import(
    scope: &InstansiScope<'_>,
    request: ImportRequest<'_>,
    progress: &dyn Progress,
) -> Result<ImportReport, IntakeError> {
    scope
        .require(Action::ImportRecords)
        .map_err(|_| IntakeError::NotAllowed)?;
    match request.kind {
        ImportKind::Roster => run::<roster::Roster>(scope, request, progress).await,
        ImportKind::Asesmen => run::<asesmen::Asesmen>(scope, request, progress).await,
        ImportKind::Skp => run::<skp::Skp>(scope, request, progress).await,
        ImportKind::Pelatihan => run::<pelatihan::Pelatihan>(scope, request, progress).await,
    }
}

async fn run<K: Intake>(
    scope: &InstansiScope<'_>,
    request: ImportRequest<'_>,
    progress: &dyn Progress,
) -> Result<ImportReport, IntakeError> {
    let importer = scope.actor();
    let sheet = sheet::read_matching(request.bytes, &request.limits, &|headers| {
        Columns::locate(K::FIELDS, headers).is_ok()
    })?;
    let columns =
        Columns::locate(K::FIELDS, &sheet.headers).map_err(IntakeError::MissingColumns)?;
    let nips: Vec<String> = sheet
        .rows
        .iter()
        .filter_map(|row| columns.row(row).text(K::nip_field()))
        .collect();
    // Looked up (and audited) before the import's transaction, which its audit entry must
    // not wait for.
    let elsewhere =
        elsewhere::recorded_elsewhere(scope, request.file_name, &sha256_hex(request.bytes), &nips)
            .await?;
    let mut tx = store::begin(scope.pool()).await?;
    let context = Context::load(&mut tx, scope.instansi_id(), &nips, elsewhere).await?;
    let existing: HashMap<String, K::Row> = K::existing(&mut tx, &context)
        .await?
        .into_iter()
        .map(|row| (K::key(&row), row))
        .collect();

    let parsed: Vec<(usize, Result<K::Row, Refusal>)> = sheet
        .rows
        .iter()
        .map(|row| (row.number, K::parse(&columns.row(row), &context)))
        .collect();
    let mut rows_by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (number, row) in &parsed {
        if let Ok(row) = row {
            rows_by_key.entry(K::key(row)).or_default().push(*number);
        }
    }

    let mut outcomes = Vec::with_capacity(parsed.len());
    let mut planned = Vec::new();
    for (number, row) in parsed {
        let mut changes = Vec::new();
        let (key, status, value) = match row {
            Err(reason) => (String::new(), RowStatus::Rejected(reason), None),
            Ok(row) => {
                let key = K::key(&row);
                match (earlier_row(&rows_by_key, &key, number), existing.get(&key)) {
                    (Some(first), _) => {
                        let reason = repeated(&key, first);
                        (key, RowStatus::Rejected(reason), None)
                    }
                    (None, None) => (key, RowStatus::New, Some(row)),
                    (None, Some(stored)) => {
                        let merged = K::merge(stored, row);
                        let status = if &merged == stored {
                            RowStatus::Unchanged
                        } else {
                            changes = field_changes::<K>(stored, &merged, &context);
                            RowStatus::Changed
                        };
                        (key, status, Some(merged))
                    }
                }
            }
        };
        let person = value
            .as_ref()
            .filter(|_| status != RowStatus::Unchanged)
            .and_then(|row| K::person(row, &context));
        if let Some(value) = value.filter(|_| matches!(status, RowStatus::New | RowStatus::Changed))
        {
            planned.push(Planned { row: number, value });
        }
        outcomes.push(RowOutcome {
            row: number,
            key,
            person,
            status,
            changes,
        });
    }
    let counts = count(&outcomes);
    keep_first_rejections(&mut outcomes);
    let mut report = ImportReport {
        kind: K::KIND,
        file_name: request.file_name.to_owned(),
        rows: outcomes,
        counts,
        batch_id: None,
    };
    if request.mode == Mode::DryRun || counts.rejected > 0 || planned.is_empty() {
        return Ok(report);
    }
    let batch_id = batches::insert(
        &mut tx,
        &NewBatch {
            instansi_id: context.instansi_id,
            kind: K::KIND.code(),
            file_name: request.file_name,
            file_sha256: &sha256_hex(request.bytes),
            importer: &importer,
            imported_at: &clock::now_utc(),
            rows_new: counts.new as i64,
            rows_changed: counts.changed as i64,
            rows_unchanged: counts.unchanged as i64,
        },
    )
    .await?;
    progress.start(planned.len() as u64);
    K::write(&mut tx, &context, &planned, batch_id, progress).await?;
    audit::record(
        &mut tx,
        Change {
            actor: &importer,
            instansi_id: Some(context.instansi_id),
            action: &format!("impor.{}", K::KIND.code()),
            entity: "import_batch",
            entity_id: Some(batch_id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "berkas": request.file_name,
                "sha256": sha256_hex(request.bytes),
                "baru": counts.new,
                "berubah": counts.changed,
                "tidak_berubah": counts.unchanged,
            })),
            reason: None,
        },
    )
    .await?;
    store::commit(tx).await?;
    progress.finish();
    report.batch_id = Some(batch_id);
    Ok(report)
}

/// The values a changed row replaces, column by column.
fn field_changes<K: Intake>(
    stored: &K::Row,
    merged: &K::Row,
    context: &Context,
) -> Vec<FieldChange> {
    K::values(stored, context)
        .into_iter()
        .zip(K::values(merged, context))
        .filter(|((_, before), (_, after))| before != after)
        .map(|((column, before), (_, after))| FieldChange {
            column: column.to_owned(),
            before,
            after,
        })
        .collect()
}

/// Why a row is refused whose record (`key`) the file already named on row `first`.
pub(crate) fn repeated(key: &str, first: usize) -> Refusal {
    Refusal::new(
        format!("{key} sudah ada di baris {first}; setiap data hanya boleh sekali dalam berkas"),
        format!("{key} is already in row {first}; each record may appear only once in a file"),
    )
}

/// The row where the record `key` first appears, when that is before `row`: a repeat is
/// refused, the first occurrence is not.
pub(crate) fn earlier_row(
    rows_by_key: &HashMap<String, Vec<usize>>,
    key: &str,
    row: usize,
) -> Option<usize> {
    rows_by_key
        .get(key)
        .and_then(|rows| rows.first())
        .copied()
        .filter(|first| *first != row)
}

/// Leaves out the rejected rows after the first [`MAX_NAMED_REJECTIONS`]: the counts cover
/// every row, the report names at most the first rejected ones, so that a hostile file of a
/// million bad rows is not a million reasons sent back.
pub(crate) fn keep_first_rejections(outcomes: &mut Vec<RowOutcome>) {
    let mut named = 0;
    outcomes.retain(|o| {
        let rejected = matches!(o.status, RowStatus::Rejected(_));
        named += usize::from(rejected);
        !rejected || named <= MAX_NAMED_REJECTIONS
    });
}

/// How many rows of each status.
pub(crate) fn count(outcomes: &[RowOutcome]) -> Counts {
    let mut counts = Counts::default();
    for outcome in outcomes {
        match outcome.status {
            RowStatus::New => counts.new += 1,
            RowStatus::Changed => counts.changed += 1,
            RowStatus::Unchanged => counts.unchanged += 1,
            RowStatus::Rejected(_) => counts.rejected += 1,
        }
    }
    counts
}
