//! Hasil asesmen from an assessment centre: the level per competency, the JPM against the
//! person's post (computed from the post's standard where it has one), and the eight potential
//! dimensions (0-100) whose mean is the penilaian potensi score.

use super::context::Context;
use super::fields::{Cells, Field, NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::calendar::Date;
use crate::domain::jpm::{jpm, CompetencyLevel, CompetencyMatch};
use crate::domain::kompetensi::{potential_score, DimensiPotensi, Kompetensi};
use crate::i18n::Lang;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

const TANGGAL: Field = Field::required(
    "Tanggal Asesmen",
    &["Tanggal", "Tgl Asesmen", "Tanggal Pelaksanaan"],
);
const PENYELENGGARA: Field = Field::required(
    "Penyelenggara",
    &[
        "Lembaga",
        "Lembaga Asesmen",
        "Assessment Center",
        "Pelaksana",
    ],
);
const BERLAKU: Field = Field::optional("Berlaku Sampai", &["Masa Berlaku", "Tanggal Kedaluwarsa"]);
const JPM: Field = Field::optional("JPM", &["Nilai JPM", "Job Person Match", "JPM (%)"]);

/// Level columns, in the order of [`Kompetensi::ALL`].
const LEVELS: [Field; 9] = [
    Field::optional("Integritas", &["Level Integritas"]),
    Field::optional("Kerja Sama", &["Kerjasama"]),
    Field::optional("Komunikasi", &[]),
    Field::optional("Orientasi pada Hasil", &[]),
    Field::optional("Pelayanan Publik", &[]),
    Field::optional("Pengembangan Diri dan Orang Lain", &[]),
    Field::optional("Mengelola Perubahan", &[]),
    Field::optional("Pengambilan Keputusan", &[]),
    Field::optional("Perekat Bangsa", &[]),
];

/// Dimension columns, in the order of [`DimensiPotensi::ALL`].
const DIMENSIONS: [Field; 8] = [
    Field::required("Kemampuan Intelektual", &[]),
    Field::required("Interpersonal", &["Kemampuan Interpersonal"]),
    Field::required("Kesadaran Diri", &[]),
    Field::required("Berpikir Kritis dan Strategis", &[]),
    Field::required("Problem Solving", &["Kemampuan Menyelesaikan Masalah"]),
    Field::required("Kecerdasan Emosional", &[]),
    Field::required("Belajar Cepat", &["Kemampuan Belajar Cepat"]),
    Field::required("Motivasi dan Komitmen", &[]),
];

const FIELDS: &[Field] = &[
    NIP,
    TANGGAL,
    PENYELENGGARA,
    BERLAKU,
    JPM,
    LEVELS[0],
    LEVELS[1],
    LEVELS[2],
    LEVELS[3],
    LEVELS[4],
    LEVELS[5],
    LEVELS[6],
    LEVELS[7],
    LEVELS[8],
    DIMENSIONS[0],
    DIMENSIONS[1],
    DIMENSIONS[2],
    DIMENSIONS[3],
    DIMENSIONS[4],
    DIMENSIONS[5],
    DIMENSIONS[6],
    DIMENSIONS[7],
];

/// A competency level as attained, with the level the post required when the JPM was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Level {
    kompetensi: Kompetensi,
    level: u8,
    required: Option<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRow {
    nip: String,
    pegawai_id: i64,
    date: Date,
    valid_until: Date,
    provider: String,
    jabatan_id: Option<i64>,
    jpm: f64,
    potential: f64,
    dimensions: [f64; 8],
    levels: Vec<Level>,
}

pub struct Asesmen;

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn levels(cells: &Cells<'_>) -> Result<Vec<(Kompetensi, u8)>, Refusal> {
    let mut levels = Vec::new();
    for (field, kompetensi) in LEVELS.iter().zip(Kompetensi::ALL) {
        if let Some(level) = cells.number(field, 1.0..=5.0)? {
            if level.fract() != 0.0 {
                return Err(Refusal::new(
                    format!("level {} harus bilangan bulat 1-5", field.header),
                    format!("level {} must be a whole number 1-5", field.header),
                ));
            }
            levels.push((kompetensi, level as u8));
        }
    }
    Ok(levels)
}

impl Intake for Asesmen {
    type Row = AssessmentRow;
    const KIND: ImportKind = ImportKind::Asesmen;
    const FIELDS: &'static [Field] = FIELDS;

    fn nip_field() -> &'static Field {
        &NIP
    }

    fn parse(cells: &Cells<'_>, context: &Context) -> Result<AssessmentRow, Refusal> {
        let (nip, person) = context.person(&cells.nip_text(&NIP)?)?;
        let date = cells.required_date(&TANGGAL)?;
        let valid_until = cells.date(&BERLAKU)?.unwrap_or_else(|| {
            date.add_years(i32::from(context.params.evidence.assessment_valid_years))
        });
        if valid_until <= date {
            return Err(Refusal::new(
                format!("Berlaku Sampai ({valid_until}) harus setelah Tanggal Asesmen ({date})"),
                format!("Berlaku Sampai ({valid_until}) must come after Tanggal Asesmen ({date})"),
            ));
        }
        let mut dimensions = [0.0; 8];
        for (slot, field) in dimensions.iter_mut().zip(&DIMENSIONS) {
            *slot = cells.required_number(field, 0.0..=100.0)?;
        }
        let attained = levels(cells)?;
        let stated_jpm = cells.number(&JPM, 0.0..=100.0)?;
        let jabatan = person.jabatan_id.and_then(|id| context.jabatan_by_id(id));
        let standard = jabatan.map(|j| j.standard.as_slice()).unwrap_or_default();
        let (jpm_value, levels) = if standard.is_empty() {
            let jpm_value = stated_jpm.ok_or_else(|| Refusal::new(
                "JPM tidak dapat dihitung: jabatan pegawai belum memiliki standar kompetensi, dan kolom JPM kosong",
                "the JPM cannot be computed: the employee's post has no competency standard yet, and column JPM is empty",
            ))?;
            let levels = attained
                .iter()
                .map(|&(kompetensi, level)| Level {
                    kompetensi,
                    level,
                    required: None,
                })
                .collect();
            (jpm_value, levels)
        } else {
            let mut matches = Vec::with_capacity(standard.len());
            for &(kompetensi, required) in standard {
                let level = attained
                    .iter()
                    .find(|(k, _)| *k == kompetensi)
                    .map(|(_, l)| *l)
                    .ok_or_else(|| {
                        Refusal::new(
                            format!("level kompetensi {} kosong", kompetensi.label()),
                            format!("the level of competency {} is empty", kompetensi.label()),
                        )
                    })?;
                matches.push(CompetencyMatch {
                    required: CompetencyLevel::new(required)?,
                    attained: CompetencyLevel::new(level)?,
                });
            }
            let computed = round2(jpm(&matches)?.percent());
            if let Some(stated) = stated_jpm.filter(|s| (s - computed).abs() > 0.5) {
                let (id, en) = (Lang::Id, Lang::En);
                return Err(Refusal::new(
                    format!(
                        "JPM di berkas ({}%) tidak sama dengan hasil hitung dari standar jabatan ({}%)",
                        id.decimal(stated, 2),
                        id.decimal(computed, 2)
                    ),
                    format!(
                        "the JPM in the file ({}%) differs from the one computed from the post's standard ({}%)",
                        en.decimal(stated, 2),
                        en.decimal(computed, 2)
                    ),
                ));
            }
            let levels = attained
                .iter()
                .map(|&(kompetensi, level)| Level {
                    kompetensi,
                    level,
                    required: standard
                        .iter()
                        .find(|(k, _)| *k == kompetensi)
                        .map(|(_, r)| *r),
                })
                .collect();
            (computed, levels)
        };
        Ok(AssessmentRow {
            nip: nip.to_owned(),
            pegawai_id: person.id,
            date,
            valid_until,
            provider: cells.required_text(&PENYELENGGARA)?,
            jabatan_id: jabatan.map(|j| j.id),
            jpm: jpm_value,
            potential: potential_score(&dimensions),
            dimensions,
            levels,
        })
    }

    fn key(row: &AssessmentRow) -> String {
        format!("NIP {}, {}", row.nip, row.date)
    }

    async fn existing(
        conn: &mut AnyConnection,
        context: &Context,
    ) -> Result<HashMap<String, AssessmentRow>, sqlx::Error> {
        let mut levels: HashMap<i64, Vec<Level>> = HashMap::new();
        for row in sqlx::query(
            "SELECT k.asesmen_id, k.kompetensi, k.level, k.required_level FROM asesmen_kompetensi k \
             JOIN asesmen a ON a.id = k.asesmen_id JOIN pegawai p ON p.id = a.pegawai_id \
             WHERE p.instansi_id = $1",
        )
        .bind(context.instansi_id)
        .fetch_all(&mut *conn)
        .await?
        {
            let code: String = row.try_get("kompetensi")?;
            let level: i64 = row.try_get("level")?;
            let required: Option<i64> = row.try_get("required_level")?;
            if let Some(kompetensi) = Kompetensi::from_code(&code) {
                levels
                    .entry(row.try_get("asesmen_id")?)
                    .or_default()
                    .push(Level {
                        kompetensi,
                        level: u8::try_from(level).unwrap_or_default(),
                        required: required.and_then(|r| u8::try_from(r).ok()),
                    });
            }
        }
        let dimension_columns: Vec<&str> = DimensiPotensi::ALL.iter().map(|d| d.code()).collect();
        let rows = sqlx::query(&format!(
            "SELECT a.id, p.nip, a.pegawai_id, a.assessed_on, a.valid_until, a.provider, \
             a.jabatan_id, a.jpm, a.potential, {} FROM asesmen a \
             JOIN pegawai p ON p.id = a.pegawai_id WHERE p.instansi_id = $1",
            dimension_columns.join(", ")
        ))
        .bind(context.instansi_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut existing = HashMap::with_capacity(rows.len());
        for row in rows {
            let date = |column: &str| -> Result<Date, sqlx::Error> {
                let text: String = row.try_get(column)?;
                Date::parse(&text)
                    .ok_or_else(|| sqlx::Error::Decode(format!("tanggal {text}").into()))
            };
            let mut dimensions = [0.0; 8];
            for (slot, column) in dimensions.iter_mut().zip(&dimension_columns) {
                *slot = row.try_get(*column)?;
            }
            let id: i64 = row.try_get("id")?;
            let mut stored_levels = levels.remove(&id).unwrap_or_default();
            stored_levels.sort_by_key(|l| l.kompetensi);
            let stored = AssessmentRow {
                nip: row.try_get("nip")?,
                pegawai_id: row.try_get("pegawai_id")?,
                date: date("assessed_on")?,
                valid_until: date("valid_until")?,
                provider: row.try_get("provider")?,
                jabatan_id: row.try_get("jabatan_id")?,
                jpm: row.try_get("jpm")?,
                potential: row.try_get("potential")?,
                dimensions,
                levels: stored_levels,
            };
            existing.insert(Asesmen::key(&stored), stored);
        }
        Ok(existing)
    }

    async fn write(
        conn: &mut AnyConnection,
        _: &Context,
        rows: &[Planned<AssessmentRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), sqlx::Error> {
        let dimension_columns: Vec<&str> = DimensiPotensi::ALL.iter().map(|d| d.code()).collect();
        let upsert = format!(
            "INSERT INTO asesmen (pegawai_id, assessed_on, valid_until, provider, jabatan_id, jpm, \
             potential, {columns}, import_batch_id, source_row) VALUES ({values}) \
             ON CONFLICT (pegawai_id, assessed_on) DO UPDATE SET valid_until = excluded.valid_until, \
             provider = excluded.provider, jabatan_id = excluded.jabatan_id, jpm = excluded.jpm, \
             potential = excluded.potential, {updates}, import_batch_id = excluded.import_batch_id, \
             source_row = excluded.source_row RETURNING id",
            columns = dimension_columns.join(", "),
            values = crate::store::sql::placeholders(1, 7 + 8 + 2),
            updates = dimension_columns
                .iter()
                .map(|c| format!("{c} = excluded.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            let mut query = sqlx::query_scalar::<_, i64>(&upsert)
                .bind(row.pegawai_id)
                .bind(row.date.to_string())
                .bind(row.valid_until.to_string())
                .bind(&row.provider)
                .bind(row.jabatan_id)
                .bind(row.jpm)
                .bind(row.potential);
            for value in row.dimensions {
                query = query.bind(value);
            }
            let asesmen_id = query
                .bind(batch_id)
                .bind(planned.row as i64)
                .fetch_one(&mut *conn)
                .await?;
            sqlx::query("DELETE FROM asesmen_kompetensi WHERE asesmen_id = $1")
                .bind(asesmen_id)
                .execute(&mut *conn)
                .await?;
            if !row.levels.is_empty() {
                let tuples: Vec<String> = (0..row.levels.len())
                    .map(|i| format!("({})", crate::store::sql::placeholders(i * 4 + 1, 4)))
                    .collect();
                let sql = format!(
                    "INSERT INTO asesmen_kompetensi (asesmen_id, kompetensi, level, required_level) \
                     VALUES {}",
                    tuples.join(", ")
                );
                let mut insert = sqlx::query(&sql);
                for level in &row.levels {
                    insert = insert
                        .bind(asesmen_id)
                        .bind(level.kompetensi.code())
                        .bind(i64::from(level.level))
                        .bind(level.required.map(i64::from));
                }
                insert.execute(&mut *conn).await?;
            }
            progress.advance(done as u64 + 1);
        }
        Ok(())
    }
}
