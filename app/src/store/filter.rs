//! The talent office's filters as SQL: the condition a [`MapFilter`] puts on
//! `placement_calibrated f`, `pegawai p` and `jabatan j` within a viewer's scope, the period
//! it resolves to, and paging. The map, the talent pool and succession build on it.

use super::{units, StoreError};
use crate::api::talent_map::MapFilter;
use crate::auth::guard::{subtree_sql, InstansiScope};
use crate::domain::golongan::GolonganMatch;
use crate::error::AppError;
use crate::store::sql::{bind_value, AnyQuery, SqlValue};
use sqlx::any::AnyRow;
use sqlx::Row;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum FilterError {
    #[error("Unit kerja \"{0}\" tidak dikenal di instansi ini.")]
    UnknownUnit(String),
    #[error("Golongan \"{0}\" tidak dikenal.")]
    UnknownGolongan(String),
    #[error("Jenis jabatan \"{0}\" tidak dikenal.")]
    UnknownJabatan(String),
    #[error("Jenis ASN harus PNS atau PPPK.")]
    UnknownAsn,
    #[error("Periode {0} belum dipetakan.")]
    UnknownPeriod(i32),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

impl From<FilterError> for AppError {
    fn from(error: FilterError) -> Self {
        match error {
            FilterError::Database(e) => e.into(),
            refused => AppError::bad_request(refused.to_string(), refused.english()),
        }
    }
}

impl FilterError {
    /// The error in English; its `Display` is the Indonesian.
    pub(crate) fn english(&self) -> String {
        match self {
            FilterError::UnknownUnit(unit) => {
                format!("Unknown unit \"{unit}\" in this instansi.")
            }
            FilterError::UnknownGolongan(golongan) => {
                format!("Unknown golongan \"{golongan}\".")
            }
            FilterError::UnknownJabatan(kind) => format!("Unknown kind of post \"{kind}\"."),
            FilterError::UnknownAsn => "The kind of ASN must be PNS or PPPK.".to_owned(),
            FilterError::UnknownPeriod(period) => format!("Period {period} is not mapped yet."),
            FilterError::Database(_) => "A database error.".to_owned(),
        }
    }
}

/// The filter's SQL condition on `placement_calibrated f`, `pegawai p`, `jabatan j`, with the
/// values it binds from `$first` on.
#[derive(Debug, Default)]
pub(crate) struct Condition {
    pub(crate) sql: String,
    pub(crate) binds: Vec<SqlValue>,
    first: usize,
}

impl Condition {
    pub(crate) fn push(&mut self, template: &str, bind: impl Into<SqlValue>) {
        let n = self.first + self.binds.len();
        self.sql.push_str(&template.replace("{}", &format!("${n}")));
        self.binds.push(bind.into());
    }

    /// Keeps the people whose name or NIP contains `text` (ignoring case); blank is no
    /// search.
    pub(crate) fn search(&mut self, text: Option<&str>) {
        if let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) {
            let n = self.next();
            self.sql.push_str(&format!(
                " AND (LOWER(p.name) LIKE ${n} OR p.nip LIKE ${n})"
            ));
            self.binds.push(format!("%{}%", text.to_lowercase()).into());
        }
    }

    pub(crate) fn next(&self) -> usize {
        self.first + self.binds.len()
    }

    /// Binds the condition's values after those `query` already has.
    pub(crate) fn bind<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        self.binds.iter().fold(query, bind_value)
    }
}

/// The condition of `filter` for `period`, after the scope's own binds.
pub(crate) async fn condition(
    scope: &InstansiScope<'_>,
    filter: &MapFilter,
    period: i32,
) -> Result<Condition, FilterError> {
    let mut c = Condition {
        sql: scope.pegawai_filter(),
        binds: Vec::new(),
        first: 2 + scope.units().map_or(0, <[i64]>::len),
    };
    c.push(" AND f.period = {}", i64::from(period));
    if let Some(code) = &filter.unit {
        let id = units::id_by_code(scope.pool(), scope.instansi_id(), code)
            .await?
            .ok_or_else(|| FilterError::UnknownUnit(code.clone()))?;
        let subtree = subtree_sql(c.next(), 1);
        c.sql
            .push_str(&format!(" AND f.unit_kerja_id IN ({subtree})"));
        c.binds.push(id.into());
    }
    if let Some(code) = &filter.golongan {
        let golongan = filter
            .golongan_filter()
            .ok_or_else(|| FilterError::UnknownGolongan(code.clone()))?;
        match golongan.matching() {
            GolonganMatch::Prefix(prefix) => {
                c.push(" AND f.golongan LIKE {}", format!("{prefix}%"));
            }
            GolonganMatch::Exact(code) => c.push(" AND f.golongan = {}", code),
        }
    }
    if let Some(code) = &filter.jabatan {
        let jenis = filter
            .jenis_jabatan()
            .ok_or_else(|| FilterError::UnknownJabatan(code.clone()))?;
        c.push(" AND j.jenis = {}", jenis.code());
    }
    match filter.asn.as_deref() {
        None => {}
        Some(kind @ ("pns" | "pppk")) => c.push(" AND p.kind = {}", kind),
        Some(_) => return Err(FilterError::UnknownAsn),
    }
    Ok(c)
}

/// The periods scored in the instansi, newest first.
pub async fn periods(scope: &InstansiScope<'_>) -> Result<Vec<i32>, FilterError> {
    let rows: Vec<i64> = sqlx::query_scalar(
        "SELECT DISTINCT period FROM placement WHERE instansi_id = $1 ORDER BY period DESC",
    )
    .bind(scope.instansi_id())
    .fetch_all(scope.pool())
    .await
    .map_err(StoreError::from)?;
    Ok(rows
        .into_iter()
        .filter_map(|p| i32::try_from(p).ok())
        .collect())
}

/// The period the filter asks for (known to the instansi), or the latest scored.
pub(crate) fn resolve_period(
    filter: &MapFilter,
    periods: &[i32],
) -> Result<Option<i32>, FilterError> {
    match filter.periode {
        Some(p) if periods.contains(&p) => Ok(Some(p)),
        Some(p) => Err(FilterError::UnknownPeriod(p)),
        None => Ok(periods.first().copied()),
    }
}

pub(crate) fn kotak(row: &AnyRow, column: &str) -> Result<Option<u8>, sqlx::Error> {
    Ok(row
        .try_get::<Option<i64>, _>(column)?
        .and_then(|k| u8::try_from(k).ok()))
}

/// How many pages of `size` rows hold `total` rows (at least one, so that an empty list has
/// its page).
pub(crate) fn page_count(total: i64, size: u32) -> u32 {
    u32::try_from((total.max(1) + i64::from(size) - 1) / i64::from(size)).unwrap_or(u32::MAX)
}

/// One page of a list: `size` rows, the `number`th page (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Page {
    pub(crate) size: u32,
    pub(crate) number: u32,
}

/// The `LIMIT` clause of `page`, or none for a whole list.
pub(crate) fn limit(page: Option<Page>) -> String {
    match page {
        Some(Page { size, number }) => format!(" LIMIT {size} OFFSET {}", (number - 1) * size),
        None => String::new(),
    }
}
