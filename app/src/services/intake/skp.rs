//! SKP per year (PermenPANRB 6/2022): the two ratings, the predikat derived from them, and the
//! other yearly kinerja scores (penghargaan, penugasan tim kerja, umpan balik 360) when the file
//! carries them.

use super::context::Context;
use super::fields::{Cells, Field, NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::nine_box::Expectation;
use crate::domain::skp::{predikat, Predikat};
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

const TAHUN: Field = Field::required("Tahun", &["Periode", "Tahun Penilaian", "Tahun SKP"]);
const HASIL_KERJA: Field = Field::required("Hasil Kerja", &["Rating Hasil Kerja"]);
const PERILAKU: Field = Field::required("Perilaku", &["Rating Perilaku", "Perilaku Kerja"]);
const PREDIKAT: Field = Field::optional("Predikat", &["Predikat Kinerja", "Predikat SKP"]);
const PENGHARGAAN: Field = Field::optional("Nilai Penghargaan", &["Penghargaan"]);
const PENUGASAN: Field = Field::optional(
    "Nilai Penugasan Tim",
    &[
        "Penugasan Tim",
        "Penugasan Tim Kerja",
        "Nilai Penugasan Tim Kerja",
    ],
);
const UMPAN_BALIK: Field = Field::optional(
    "Nilai Umpan Balik 360",
    &["Umpan Balik 360", "Feedback 360"],
);

const FIELDS: &[Field] = &[
    NIP,
    TAHUN,
    HASIL_KERJA,
    PERILAKU,
    PREDIKAT,
    PENGHARGAAN,
    PENUGASAN,
    UMPAN_BALIK,
];

/// How the yearly scores that arrive with an SKP file are described in their tables.
const FROM_SKP_FILE: &str = "Nilai tahunan (berkas SKP)";

#[derive(Debug, Clone, PartialEq)]
pub struct SkpRow {
    nip: String,
    pegawai_id: i64,
    year: i64,
    hasil_kerja: Expectation,
    perilaku: Expectation,
    penghargaan: Option<f64>,
    penugasan_tim: Option<f64>,
    umpan_balik_360: Option<f64>,
}

pub struct Skp;

fn rating(cells: &Cells<'_>, field: &Field) -> Result<Expectation, Refusal> {
    let text = cells.required_text(field)?;
    Expectation::parse(&text).ok_or_else(|| {
        Refusal::new(
            format!(
                "{} \"{text}\" tidak dikenal (di atas, sesuai atau di bawah ekspektasi)",
                field.header
            ),
            format!(
                "unknown {} \"{text}\" (di atas, sesuai or di bawah ekspektasi)",
                field.header
            ),
        )
    })
}

impl Intake for Skp {
    type Row = SkpRow;
    const KIND: ImportKind = ImportKind::Skp;
    const FIELDS: &'static [Field] = FIELDS;

    fn nip_field() -> &'static Field {
        &NIP
    }

    fn parse(cells: &Cells<'_>, context: &Context) -> Result<SkpRow, Refusal> {
        let (nip, person) = context.person(&cells.nip_text(&NIP)?)?;
        let year = cells.required_number(&TAHUN, 2000.0..=2100.0)?;
        if year.fract() != 0.0 {
            return Err(Refusal::new(
                format!("Tahun {year} bukan tahun"),
                format!("Tahun {year} is not a year"),
            ));
        }
        let hasil_kerja = rating(cells, &HASIL_KERJA)?;
        let perilaku = rating(cells, &PERILAKU)?;
        let derived = predikat(hasil_kerja, perilaku);
        if let Some(stated) = cells.text(&PREDIKAT) {
            if Predikat::from_label(&stated) != Some(derived) {
                return Err(Refusal::new(
                    format!(
                        "predikat \"{stated}\" tidak sesuai dengan rating (seharusnya {})",
                        derived.label()
                    ),
                    format!(
                        "predikat \"{stated}\" does not match the ratings (they give {})",
                        derived.label()
                    ),
                ));
            }
        }
        Ok(SkpRow {
            nip: nip.to_owned(),
            pegawai_id: person.id,
            year: year as i64,
            hasil_kerja,
            perilaku,
            penghargaan: cells.number(&PENGHARGAAN, 0.0..=100.0)?,
            penugasan_tim: cells.number(&PENUGASAN, 0.0..=100.0)?,
            umpan_balik_360: cells.number(&UMPAN_BALIK, 0.0..=100.0)?,
        })
    }

    fn key(row: &SkpRow) -> String {
        format!("NIP {}, {}", row.nip, row.year)
    }

    async fn existing(
        conn: &mut AnyConnection,
        context: &Context,
    ) -> Result<HashMap<String, SkpRow>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT p.nip, s.pegawai_id, s.year, s.hasil_kerja, s.perilaku, \
             (SELECT h.score FROM penghargaan h WHERE h.pegawai_id = s.pegawai_id \
                AND h.year = s.year AND h.description = $2) AS penghargaan, \
             (SELECT t.score FROM penugasan_tim t WHERE t.pegawai_id = s.pegawai_id \
                AND t.year = s.year AND t.description = $2) AS penugasan_tim, \
             (SELECT u.score FROM umpan_balik_360 u WHERE u.pegawai_id = s.pegawai_id \
                AND u.year = s.year) AS umpan_balik_360 \
             FROM skp s JOIN pegawai p ON p.id = s.pegawai_id WHERE p.instansi_id = $1",
        )
        .bind(context.instansi_id)
        .bind(FROM_SKP_FILE)
        .fetch_all(&mut *conn)
        .await?;
        let mut existing = HashMap::with_capacity(rows.len());
        for row in rows {
            let rating = |column: &str| -> Result<Expectation, sqlx::Error> {
                let code: String = row.try_get(column)?;
                Expectation::from_code(&code)
                    .ok_or_else(|| sqlx::Error::Decode(format!("rating {code}").into()))
            };
            let stored = SkpRow {
                nip: row.try_get("nip")?,
                pegawai_id: row.try_get("pegawai_id")?,
                year: row.try_get("year")?,
                hasil_kerja: rating("hasil_kerja")?,
                perilaku: rating("perilaku")?,
                penghargaan: row.try_get("penghargaan")?,
                penugasan_tim: row.try_get("penugasan_tim")?,
                umpan_balik_360: row.try_get("umpan_balik_360")?,
            };
            existing.insert(Skp::key(&stored), stored);
        }
        Ok(existing)
    }

    fn merge(existing: &SkpRow, incoming: SkpRow) -> SkpRow {
        SkpRow {
            penghargaan: incoming.penghargaan.or(existing.penghargaan),
            penugasan_tim: incoming.penugasan_tim.or(existing.penugasan_tim),
            umpan_balik_360: incoming.umpan_balik_360.or(existing.umpan_balik_360),
            ..incoming
        }
    }

    async fn write(
        conn: &mut AnyConnection,
        _: &Context,
        rows: &[Planned<SkpRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), sqlx::Error> {
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            let source_row = planned.row as i64;
            sqlx::query(
                "INSERT INTO skp (pegawai_id, year, hasil_kerja, perilaku, predikat, \
                 import_batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (pegawai_id, year) DO UPDATE SET hasil_kerja = excluded.hasil_kerja, \
                 perilaku = excluded.perilaku, predikat = excluded.predikat, \
                 import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
            )
            .bind(row.pegawai_id)
            .bind(row.year)
            .bind(row.hasil_kerja.code())
            .bind(row.perilaku.code())
            .bind(predikat(row.hasil_kerja, row.perilaku).code())
            .bind(batch_id)
            .bind(source_row)
            .execute(&mut *conn)
            .await?;
            for (table, score) in [
                ("penghargaan", row.penghargaan),
                ("penugasan_tim", row.penugasan_tim),
            ] {
                let Some(score) = score else { continue };
                sqlx::query(&format!(
                    "INSERT INTO {table} (pegawai_id, year, description, score, import_batch_id, \
                     source_row) VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (pegawai_id, year, description) DO UPDATE SET \
                     score = excluded.score, import_batch_id = excluded.import_batch_id, \
                     source_row = excluded.source_row"
                ))
                .bind(row.pegawai_id)
                .bind(row.year)
                .bind(FROM_SKP_FILE)
                .bind(score)
                .bind(batch_id)
                .bind(source_row)
                .execute(&mut *conn)
                .await?;
            }
            if let Some(score) = row.umpan_balik_360 {
                sqlx::query(
                    "INSERT INTO umpan_balik_360 (pegawai_id, year, score, import_batch_id, \
                     source_row) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pegawai_id, year) \
                     DO UPDATE SET score = excluded.score, \
                     import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
                )
                .bind(row.pegawai_id)
                .bind(row.year)
                .bind(score)
                .bind(batch_id)
                .bind(source_row)
                .execute(&mut *conn)
                .await?;
            }
            progress.advance(done as u64 + 1);
        }
        Ok(())
    }
}
