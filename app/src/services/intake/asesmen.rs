//! Hasil asesmen from an assessment centre: the level per competency, the JPM against the
//! person's post (computed from the post's standard where it has one), and the eight potential
//! dimensions (0-100) whose mean is the penilaian potensi score.

use super::context::Context;
use super::fields::{shown, Cells, Field, Value, NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::jpm::{jpm, CompetencyLevel, CompetencyMatch};
use crate::domain::kompetensi::{potential_score, Kompetensi};
use crate::i18n::Lang;
use crate::store::intake::asesmen::{self, AssessmentRow, Level};
use crate::store::{Conn, StoreError};

const TANGGAL: Field = Field::required(
    "Tanggal Asesmen",
    &["Tanggal", "Tgl Asesmen", "Tanggal Pelaksanaan"],
)
.of(Value::Date, "2025-11-03");
const PENYELENGGARA: Field = Field::required(
    "Penyelenggara",
    &[
        "Lembaga",
        "Lembaga Asesmen",
        "Assessment Center",
        "Pelaksana",
    ],
)
.of(Value::Text, "UPT Penilaian Kompetensi Pegawai BKN");
const BERLAKU: Field = Field::optional("Berlaku Sampai", &["Masa Berlaku", "Tanggal Kedaluwarsa"])
    .of(Value::Date, "2028-11-03");
const JPM: Field =
    Field::optional("JPM", &["Nilai JPM", "Job Person Match", "JPM (%)"]).of(Value::Score, "");

/// Level columns, in the order of [`Kompetensi::ALL`].
const LEVELS: [Field; 9] = [
    Field::optional("Integritas", &["Level Integritas"]).of(Value::Level, "3"),
    Field::optional("Kerja Sama", &["Kerjasama"]).of(Value::Level, "3"),
    Field::optional("Komunikasi", &[]).of(Value::Level, "3"),
    Field::optional("Orientasi pada Hasil", &[]).of(Value::Level, "3"),
    Field::optional("Pelayanan Publik", &[]).of(Value::Level, "3"),
    Field::optional("Pengembangan Diri dan Orang Lain", &[]).of(Value::Level, "3"),
    Field::optional("Mengelola Perubahan", &[]).of(Value::Level, "3"),
    Field::optional("Pengambilan Keputusan", &[]).of(Value::Level, "3"),
    Field::optional("Perekat Bangsa", &[]).of(Value::Level, "3"),
];

/// Dimension columns, in the order of
/// [`DimensiPotensi::ALL`](crate::domain::kompetensi::DimensiPotensi::ALL).
const DIMENSIONS: [Field; 8] = [
    Field::required("Kemampuan Intelektual", &[]).of(Value::Score, "72,5"),
    Field::required("Interpersonal", &["Kemampuan Interpersonal"]).of(Value::Score, "72,5"),
    Field::required("Kesadaran Diri", &[]).of(Value::Score, "72,5"),
    Field::required("Berpikir Kritis dan Strategis", &[]).of(Value::Score, "72,5"),
    Field::required("Problem Solving", &["Kemampuan Menyelesaikan Masalah"])
        .of(Value::Score, "72,5"),
    Field::required("Kecerdasan Emosional", &[]).of(Value::Score, "72,5"),
    Field::required("Belajar Cepat", &["Kemampuan Belajar Cepat"]).of(Value::Score, "72,5"),
    Field::required("Motivasi dan Komitmen", &[]).of(Value::Score, "72,5"),
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

    fn nip(row: &AssessmentRow) -> &str {
        &row.nip
    }

    fn values(row: &AssessmentRow, _context: &Context) -> Vec<(&'static str, String)> {
        let mut values = vec![
            (PENYELENGGARA.header, row.provider.clone()),
            (BERLAKU.header, row.valid_until.to_string()),
            (JPM.header, row.jpm.to_string()),
        ];
        values.extend(
            DIMENSIONS
                .iter()
                .zip(row.dimensions)
                .map(|(field, score)| (field.header, score.to_string())),
        );
        values.extend(LEVELS.iter().zip(Kompetensi::ALL).map(|(field, k)| {
            let level = row.levels.iter().find(|l| l.kompetensi == k);
            (field.header, shown(level.map(|l| l.level)))
        }));
        values
    }

    async fn existing(
        conn: &mut Conn,
        context: &Context,
    ) -> Result<Vec<AssessmentRow>, StoreError> {
        asesmen::stored(conn, context.instansi_id).await
    }

    async fn write(
        conn: &mut Conn,
        _: &Context,
        rows: &[Planned<AssessmentRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), StoreError> {
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            let asesmen_id = asesmen::upsert(&mut *conn, row, batch_id, planned.row as i64).await?;
            asesmen::clear_levels(&mut *conn, asesmen_id).await?;
            asesmen::insert_levels(&mut *conn, asesmen_id, &row.levels).await?;
            progress.advance(done as u64 + 1);
        }
        Ok(())
    }
}
