//! The records scoring reads: every pegawai of an instansi with their history for a period,
//! loaded as one row per person (each history table packed into a text column) and unpacked
//! into the domain's [`PersonRecords`].

use super::StoreError;
use crate::domain::calendar::Date;
use crate::domain::placement::{
    AssessmentRecord, EducationRecord, PersonRecords, PostRecord, SentenceRecord, SkpRecord,
    Sourced, TrainingRecord, YearScore,
};
use crate::domain::placement_note::SentenceLevel;
use crate::domain::scoring::Education;
use crate::domain::skp::Predikat;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum RecordsError {
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
    #[error("data tersimpan tidak dapat dibaca: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for RecordsError {
    fn from(error: sqlx::Error) -> Self {
        RecordsError::Database(error.into())
    }
}

/// The person-level facts a placement keeps besides its evidence.
pub struct Person {
    pub id: i64,
    pub golongan: String,
    pub unit_kerja_id: Option<i64>,
    pub jabatan_id: Option<i64>,
    pub records: PersonRecords,
}

/// Field and record separators of the packed history columns (ASCII unit and record
/// separators, which imported text never holds: the intake strips control characters).
const FIELD: &str = "\u{1f}";
const RECORD: &str = "\u{1e}";

/// A history table as one packed text column per pegawai: `(alias, table, fields, yearly)`.
/// Loading one row per person instead of one per record keeps a 10,000-person instansi fast
/// on SQLite, whose driver pays per row; all rules stay in the domain code.
const PACKED: [(&str, &str, &[&str], bool); 9] = [
    ("skp", "skp", &["year", "predikat"], true),
    ("penghargaan", "penghargaan", &["year", "score"], true),
    ("penugasan_tim", "penugasan_tim", &["year", "score"], true),
    (
        "umpan_balik_360",
        "umpan_balik_360",
        &["year", "score"],
        true,
    ),
    (
        "asesmen",
        "asesmen",
        &["assessed_on", "valid_until", "jpm", "potential", "provider"],
        false,
    ),
    ("pelatihan", "riwayat_pelatihan", &["year", "jp"], true),
    ("jabatan", "riwayat_jabatan", &["tmt_start"], false),
    (
        "pendidikan",
        "riwayat_pendidikan",
        &["level", "COALESCE(field, '')"],
        false,
    ),
    (
        "hukdis",
        "hukuman_disiplin",
        &["level", "tmt_start", "COALESCE(tmt_end, '')"],
        false,
    ),
];

fn records_query() -> String {
    let mut select = String::from(
        "SELECT p.id, p.golongan, p.unit_kerja_id, p.jabatan_id, j.field AS post_field",
    );
    let mut joins = String::from(" FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id");
    for (alias, table, fields, yearly) in PACKED {
        let mut expr = String::from("CAST(id AS TEXT)");
        for field in fields {
            expr.push_str(&format!(" || $3 || CAST({field} AS TEXT)"));
        }
        let year = if yearly { " AND year = $2" } else { "" };
        select.push_str(&format!(", {alias}.packed AS {alias}"));
        joins.push_str(&format!(
            " LEFT JOIN (SELECT pegawai_id, string_agg({expr}, $4) AS packed FROM {table} \
             WHERE pegawai_id IN (SELECT id FROM pegawai WHERE instansi_id = $1){year} \
             GROUP BY pegawai_id) {alias} ON {alias}.pegawai_id = p.id"
        ));
    }
    format!("{select}{joins} WHERE p.instansi_id = $1")
}

fn corrupt(what: &str, text: &str) -> RecordsError {
    RecordsError::Corrupt(format!("{what}: {text}"))
}

/// The records of one packed column: each split into its id and fields.
fn unpack<T>(
    packed: Option<String>,
    what: &str,
    read: impl Fn(&[&str]) -> Option<T>,
) -> Result<Vec<Sourced<T>>, RecordsError> {
    let Some(packed) = packed else {
        return Ok(Vec::new());
    };
    let mut records = packed
        .split(RECORD)
        .map(|record| {
            let fields: Vec<&str> = record.split(FIELD).collect();
            let id = fields.first().and_then(|id| id.parse().ok());
            match (id, read(fields.get(1..).unwrap_or_default())) {
                (Some(id), Some(value)) => Ok(Sourced { id, value }),
                _ => Err(corrupt(what, record)),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    records.sort_by_key(|r| r.id);
    Ok(records)
}

fn year_score(fields: &[&str]) -> Option<YearScore> {
    Some(YearScore {
        year: fields.first()?.parse().ok()?,
        score: fields.get(1)?.parse().ok()?,
    })
}

fn person(row: &AnyRow) -> Result<Person, RecordsError> {
    let packed = |alias: &str| row.try_get::<Option<String>, _>(alias);
    let records = PersonRecords {
        skp: unpack(packed("skp")?, "skp", |f| {
            Some(SkpRecord {
                year: f.first()?.parse().ok()?,
                predikat: Predikat::from_code(f.get(1)?)?,
            })
        })?,
        penghargaan: unpack(packed("penghargaan")?, "penghargaan", year_score)?,
        penugasan_tim: unpack(packed("penugasan_tim")?, "penugasan_tim", year_score)?,
        umpan_balik_360: unpack(packed("umpan_balik_360")?, "umpan_balik_360", year_score)?,
        asesmen: unpack(packed("asesmen")?, "asesmen", |f| {
            Some(AssessmentRecord {
                date: Date::parse(f.first()?)?,
                valid_until: Date::parse(f.get(1)?)?,
                jpm_percent: f.get(2)?.parse().ok()?,
                potential: f.get(3)?.parse().ok()?,
                provider: (*f.get(4)?).to_owned(),
            })
        })?,
        pelatihan: unpack(packed("pelatihan")?, "riwayat_pelatihan", |f| {
            Some(TrainingRecord {
                year: f.first()?.parse().ok()?,
                jp: f.get(1)?.parse().ok()?,
            })
        })?,
        jabatan: unpack(packed("jabatan")?, "riwayat_jabatan", |f| {
            Some(PostRecord {
                start: Date::parse(f.first()?)?,
            })
        })?,
        pendidikan: unpack(packed("pendidikan")?, "riwayat_pendidikan", |f| {
            Some(EducationRecord {
                level: Education::parse(f.first()?)?,
                field: f.get(1).filter(|t| !t.is_empty()).map(|t| (*t).to_owned()),
            })
        })?,
        hukdis: unpack(packed("hukdis")?, "hukuman_disiplin", |f| {
            let end = *f.get(2)?;
            Some(SentenceRecord {
                level: SentenceLevel::parse(f.first()?)?,
                start: Date::parse(f.get(1)?)?,
                end: if end.is_empty() {
                    None
                } else {
                    Some(Date::parse(end)?)
                },
            })
        })?,
        post_field: row.try_get("post_field")?,
    };
    Ok(Person {
        id: row.try_get("id")?,
        golongan: row.try_get("golongan")?,
        unit_kerja_id: row.try_get("unit_kerja_id")?,
        jabatan_id: row.try_get("jabatan_id")?,
        records,
    })
}

/// Every pegawai of the instansi with the records that scoring `period` reads.
pub async fn load_people(
    conn: &mut AnyConnection,
    instansi_id: i64,
    period: i32,
) -> Result<Vec<Person>, RecordsError> {
    let mut people = sqlx::query(&records_query())
        .bind(instansi_id)
        .bind(i64::from(period))
        .bind(FIELD)
        .bind(RECORD)
        .fetch_all(conn)
        .await?
        .iter()
        .map(person)
        .collect::<Result<Vec<_>, _>>()?;
    people.sort_by_key(|p| p.id);
    Ok(people)
}
