//! SKP per year (PermenPANRB 6/2022): the two ratings, the predikat derived from them, and the
//! other yearly kinerja scores (penghargaan, penugasan tim kerja, umpan balik 360) when the file
//! carries them.

use super::context::Context;
use super::fields::{shown, Cells, Field, Value, NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::nine_box::Expectation;
use crate::domain::skp::{predikat, Predikat};
use crate::store::intake::skp::{self, SkpRow};
use crate::store::{Conn, StoreError};

const TAHUN: Field =
    Field::required("Tahun", &["Periode", "Tahun Penilaian", "Tahun SKP"]).of(Value::Year, "2025");
const HASIL_KERJA: Field =
    Field::required("Hasil Kerja", &["Rating Hasil Kerja"]).of(Value::Rating, "Di atas ekspektasi");
const PERILAKU: Field = Field::required("Perilaku", &["Rating Perilaku", "Perilaku Kerja"])
    .of(Value::Rating, "Sesuai ekspektasi");
const PREDIKAT: Field =
    Field::optional("Predikat", &["Predikat Kinerja", "Predikat SKP"]).of(Value::Predikat, "");
const PENGHARGAAN: Field =
    Field::optional("Nilai Penghargaan", &["Penghargaan"]).of(Value::Score, "");
const PENUGASAN: Field = Field::optional(
    "Nilai Penugasan Tim",
    &[
        "Penugasan Tim",
        "Penugasan Tim Kerja",
        "Nilai Penugasan Tim Kerja",
    ],
)
.of(Value::Score, "85");
const UMPAN_BALIK: Field = Field::optional(
    "Nilai Umpan Balik 360",
    &["Umpan Balik 360", "Feedback 360"],
)
.of(Value::Score, "");

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

    fn nip(row: &SkpRow) -> &str {
        &row.nip
    }

    fn values(row: &SkpRow, _context: &Context) -> Vec<(&'static str, String)> {
        vec![
            (HASIL_KERJA.header, row.hasil_kerja.label().to_owned()),
            (PERILAKU.header, row.perilaku.label().to_owned()),
            (PENGHARGAAN.header, shown(row.penghargaan)),
            (PENUGASAN.header, shown(row.penugasan_tim)),
            (UMPAN_BALIK.header, shown(row.umpan_balik_360)),
        ]
    }

    async fn existing(conn: &mut Conn, context: &Context) -> Result<Vec<SkpRow>, StoreError> {
        skp::stored(conn, context.instansi_id).await
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
        conn: &mut Conn,
        _: &Context,
        rows: &[Planned<SkpRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), StoreError> {
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            let source_row = planned.row as i64;
            let derived = predikat(row.hasil_kerja, row.perilaku);
            skp::upsert(&mut *conn, row, derived, batch_id, source_row).await?;
            skp::upsert_yearly_scores(&mut *conn, row, batch_id, source_row).await?;
            progress.advance(done as u64 + 1);
        }
        Ok(())
    }
}
