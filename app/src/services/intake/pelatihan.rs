//! Riwayat pelatihan: competency development with its JP (jam pelajaran), counted toward the
//! 20 JP a year every ASN should get (domain.md §5).

use super::context::Context;
use super::fields::{shown, Cells, Field, Value, NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::store::intake::pelatihan::{self, TrainingRow};
use crate::store::{Conn, StoreError};

const NAMA: Field = Field::required(
    "Nama Pelatihan",
    &["Pelatihan", "Nama Diklat", "Diklat", "Kegiatan"],
)
.of(Value::Text, "Pelatihan Analisis Kebijakan Publik");
const PENYELENGGARA: Field =
    Field::optional("Penyelenggara", &["Lembaga", "Penyelenggara Pelatihan"])
        .of(Value::Text, "BPSDM Provinsi Kalimantan Timur");
const TANGGAL: Field = Field::required(
    "Tanggal Mulai",
    &["Tanggal", "Tgl Mulai", "Tanggal Pelaksanaan"],
)
.of(Value::Date, "2025-08-11");
const JP: Field = Field::required("JP", &["Jumlah JP", "Jam Pelajaran"]).of(Value::Jp, "24");

const FIELDS: &[Field] = &[NIP, NAMA, PENYELENGGARA, TANGGAL, JP];

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

    fn nip(row: &TrainingRow) -> &str {
        &row.nip
    }

    fn values(row: &TrainingRow, _context: &Context) -> Vec<(&'static str, String)> {
        vec![
            (PENYELENGGARA.header, shown(row.organiser.as_deref())),
            (JP.header, row.jp.to_string()),
        ]
    }

    async fn existing(conn: &mut Conn, context: &Context) -> Result<Vec<TrainingRow>, StoreError> {
        pelatihan::stored(conn, context.instansi_id).await
    }

    fn merge(existing: &TrainingRow, incoming: TrainingRow) -> TrainingRow {
        TrainingRow {
            organiser: incoming.organiser.or_else(|| existing.organiser.clone()),
            ..incoming
        }
    }

    async fn write(
        conn: &mut Conn,
        _: &Context,
        rows: &[Planned<TrainingRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), StoreError> {
        for (done, planned) in rows.iter().enumerate() {
            pelatihan::upsert(&mut *conn, &planned.value, batch_id, planned.row as i64).await?;
            progress.advance(done as u64 + 1);
        }
        Ok(())
    }
}
