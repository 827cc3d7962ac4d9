//! Riwayat pelatihan: competency development with its JP (jam pelajaran), counted toward the
//! 20 JP a year every ASN should get (domain.md §5).

use super::context::Context;
use super::fields::{Cells, Field, NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::calendar::Date;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

const NAMA: Field = Field::required(
    "Nama Pelatihan",
    &["Pelatihan", "Nama Diklat", "Diklat", "Kegiatan"],
);
const PENYELENGGARA: Field =
    Field::optional("Penyelenggara", &["Lembaga", "Penyelenggara Pelatihan"]);
const TANGGAL: Field = Field::required(
    "Tanggal Mulai",
    &["Tanggal", "Tgl Mulai", "Tanggal Pelaksanaan"],
);
const JP: Field = Field::required("JP", &["Jumlah JP", "Jam Pelajaran"]);

const FIELDS: &[Field] = &[NIP, NAMA, PENYELENGGARA, TANGGAL, JP];

#[derive(Debug, Clone, PartialEq)]
pub struct TrainingRow {
    nip: String,
    pegawai_id: i64,
    name: String,
    organiser: Option<String>,
    start: Date,
    jp: f64,
}

pub struct Pelatihan;

impl Intake for Pelatihan {
    type Row = TrainingRow;
    const KIND: ImportKind = ImportKind::Pelatihan;
    const FIELDS: &'static [Field] = FIELDS;

    fn nip_field() -> &'static Field {
        &NIP
    }

    fn parse(cells: &Cells<'_>, context: &Context) -> Result<TrainingRow, Refusal> {
        let (nip, person) = context.person(&cells.nip_text(&NIP)?)?;
        let jp = cells.required_number(&JP, 0.0..=1000.0)?;
        if jp <= 0.0 {
            return Err(Refusal::new(
                "JP harus lebih dari 0",
                "JP must be more than 0",
            ));
        }
        Ok(TrainingRow {
            nip: nip.to_owned(),
            pegawai_id: person.id,
            name: cells.required_text(&NAMA)?,
            organiser: cells.text(&PENYELENGGARA),
            start: cells.required_date(&TANGGAL)?,
            jp,
        })
    }

    fn key(row: &TrainingRow) -> String {
        format!("NIP {}, \"{}\", {}", row.nip, row.name, row.start)
    }

    async fn existing(
        conn: &mut AnyConnection,
        context: &Context,
    ) -> Result<HashMap<String, TrainingRow>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT p.nip, t.pegawai_id, t.name, t.organiser, t.start_date, t.jp \
             FROM riwayat_pelatihan t JOIN pegawai p ON p.id = t.pegawai_id \
             WHERE p.instansi_id = $1",
        )
        .bind(context.instansi_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut existing = HashMap::with_capacity(rows.len());
        for row in rows {
            let start: String = row.try_get("start_date")?;
            let stored = TrainingRow {
                nip: row.try_get("nip")?,
                pegawai_id: row.try_get("pegawai_id")?,
                name: row.try_get("name")?,
                organiser: row.try_get("organiser")?,
                start: Date::parse(&start)
                    .ok_or_else(|| sqlx::Error::Decode(format!("tanggal {start}").into()))?,
                jp: row.try_get("jp")?,
            };
            existing.insert(Pelatihan::key(&stored), stored);
        }
        Ok(existing)
    }

    fn merge(existing: &TrainingRow, incoming: TrainingRow) -> TrainingRow {
        TrainingRow {
            organiser: incoming.organiser.or_else(|| existing.organiser.clone()),
            ..incoming
        }
    }

    async fn write(
        conn: &mut AnyConnection,
        _: &Context,
        rows: &[Planned<TrainingRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), sqlx::Error> {
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            sqlx::query(
                "INSERT INTO riwayat_pelatihan (pegawai_id, name, organiser, start_date, year, jp, \
                 import_batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (pegawai_id, name, start_date) DO UPDATE SET \
                 organiser = excluded.organiser, jp = excluded.jp, \
                 import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
            )
            .bind(row.pegawai_id)
            .bind(&row.name)
            .bind(&row.organiser)
            .bind(row.start.to_string())
            .bind(i64::from(row.start.year()))
            .bind(row.jp)
            .bind(batch_id)
            .bind(planned.row as i64)
            .execute(&mut *conn)
            .await?;
            progress.advance(done as u64 + 1);
        }
        Ok(())
    }
}
