//! Daftar pegawai: who works at the instansi, with golongan, post, unit and education.

use super::context::{nip_digits, Context};
use super::fields::{shown, unknown_golongan, Cells, Field, Value, EXAMPLE_NIP};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::calendar::Date;
use crate::domain::golongan::{PnsGolongan, PppkGolongan};
use crate::domain::jabatan::retirement_date;
use crate::domain::nip::{Gender, NiPppk, Nip};
use crate::domain::scoring::Education;
use crate::store::intake::roster::{self, RosterRow};
use crate::store::{Conn, StoreError};

const NIP: Field = Field::required(
    "NIP",
    &["NIP Baru", "NI PPPK", "NIPPPK", "Nomor Induk Pegawai"],
)
.of(Value::Nip, EXAMPLE_NIP);
const NAMA: Field = Field::required("Nama", &["Nama Lengkap", "Nama Pegawai"])
    .of(Value::Text, "Siti Rahmawati, S.E.");
const JENIS_ASN: Field = Field::optional(
    "Jenis ASN",
    &["Status ASN", "Status Kepegawaian", "Jenis Pegawai"],
)
.of(Value::JenisAsn, "PNS");
const GOLONGAN: Field = Field::required(
    "Golongan",
    &["Gol", "Gol/Ruang", "Golongan Ruang", "Pangkat/Golongan"],
)
.of(Value::Golongan, "III/c");
const TMT_GOLONGAN: Field =
    Field::optional("TMT Golongan", &["TMT Gol", "TMT Pangkat"]).of(Value::Date, "2022-04-01");
const JABATAN: Field = Field::optional("Jabatan", &["Kode Jabatan", "Nama Jabatan"])
    .of(Value::Recorded, "Analis Kebijakan Ahli Muda");
const UNIT: Field = Field::optional(
    "Unit Kerja",
    &["Kode Unit", "OPD", "Perangkat Daerah", "Unit"],
)
.of(Value::Recorded, "Badan Perencanaan Pembangunan Daerah");
const TMT_JABATAN: Field = Field::optional("TMT Jabatan", &[]).of(Value::Date, "2023-01-02");
const PENDIDIKAN: Field = Field::optional(
    "Pendidikan",
    &[
        "Pendidikan Terakhir",
        "Tingkat Pendidikan",
        "Jenjang Pendidikan",
    ],
)
.of(Value::Education, "S1");
const BIDANG: Field = Field::optional(
    "Bidang Pendidikan",
    &["Jurusan", "Program Studi", "Bidang Ilmu"],
)
.of(Value::Text, "Ekonomi Pembangunan");
const JENIS_KELAMIN: Field =
    Field::optional("Jenis Kelamin", &["JK", "L/P", "Gender"]).of(Value::Gender, "P");
const TMT_ASN: Field =
    Field::optional("TMT ASN", &["TMT CPNS", "TMT PPPK"]).of(Value::Date, "2010-01-01");
const ATASAN: Field = Field::optional("NIP Atasan", &["Atasan", "NIP Atasan Langsung"])
    .of(Value::Nip, "197509221999051001");

const FIELDS: &[Field] = &[
    NIP,
    NAMA,
    JENIS_ASN,
    GOLONGAN,
    TMT_GOLONGAN,
    JABATAN,
    UNIT,
    TMT_JABATAN,
    PENDIDIKAN,
    BIDANG,
    JENIS_KELAMIN,
    TMT_ASN,
    ATASAN,
];

pub struct Roster;

fn gender_code(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => "L",
        Gender::Female => "P",
    }
}

fn parse_gender(text: &str) -> Result<&'static str, Refusal> {
    match text.trim().to_lowercase().as_str() {
        "l" | "laki-laki" | "laki laki" | "pria" | "1" => Ok("L"),
        "p" | "perempuan" | "wanita" | "2" => Ok("P"),
        other => Err(Refusal::new(
            format!("jenis kelamin \"{other}\" tidak dikenal (L atau P)"),
            format!("unknown gender \"{other}\" (L or P)"),
        )),
    }
}

fn parse_kind(text: Option<String>) -> Result<&'static str, Refusal> {
    match text.as_deref().map(|t| t.trim().to_uppercase()) {
        None => Ok("pns"),
        Some(t) if t == "PNS" || t == "CPNS" => Ok("pns"),
        Some(t) if t == "PPPK" || t == "P3K" => Ok("pppk"),
        Some(t) => Err(Refusal::new(
            format!("jenis ASN \"{t}\" tidak dikenal (PNS atau PPPK)"),
            format!("unknown kind of ASN \"{t}\" (PNS or PPPK)"),
        )),
    }
}

impl Intake for Roster {
    type Row = RosterRow;
    const KIND: ImportKind = ImportKind::Roster;
    const FIELDS: &'static [Field] = FIELDS;

    fn nip_field() -> &'static Field {
        &NIP
    }

    fn parse(cells: &Cells<'_>, context: &Context) -> Result<RosterRow, Refusal> {
        let nip_text = cells.nip_text(&NIP)?;
        let kind = parse_kind(cells.text(&JENIS_ASN))?;
        let stated_gender = cells
            .text(&JENIS_KELAMIN)
            .map(|g| parse_gender(&g))
            .transpose()?;
        let tmt_asn = cells.date(&TMT_ASN)?;
        let golongan_text = cells.required_text(&GOLONGAN)?;
        let (nip, gender, birth_date, tmt_asn, golongan) = if kind == "pns" {
            let nip = Nip::parse(&nip_text)?;
            let gender = gender_code(nip.gender());
            if let Some(stated) = stated_gender.filter(|g| *g != gender) {
                return Err(Refusal::new(
                    format!("jenis kelamin {stated} tidak sesuai dengan NIP (digit ke-15 menunjukkan {gender})"),
                    format!("gender {stated} does not match the NIP (its 15th digit says {gender})"),
                ));
            }
            let (year, month) = nip.tmt_cpns();
            let from_nip = Date::new(year, month, 1).ok_or_else(|| {
                Refusal::new(
                    "TMT CPNS pada NIP tidak sah",
                    "the TMT CPNS in the NIP is not valid",
                )
            })?;
            let golongan = PnsGolongan::parse(&golongan_text)
                .map_err(|e| unknown_golongan(&e, "contoh: III/a", "e.g. III/a"))?
                .code();
            (
                nip.to_string(),
                gender,
                nip.birth_date(),
                tmt_asn.unwrap_or(from_nip),
                golongan,
            )
        } else {
            let nip = NiPppk::parse(&nip_text)?;
            let required = |column: &str| {
                Refusal::new(
                    format!("kolom {column} wajib diisi untuk PPPK"),
                    format!("column {column} is required for PPPK"),
                )
            };
            let gender = stated_gender.ok_or_else(|| required(JENIS_KELAMIN.header))?;
            let tmt = tmt_asn.ok_or_else(|| required(TMT_ASN.header))?;
            let golongan = PppkGolongan::parse(&golongan_text)
                .map_err(|e| {
                    unknown_golongan(
                        &e,
                        "golongan PPPK: I sampai XVII",
                        "PPPK golongan: I to XVII",
                    )
                })?
                .code()
                .to_owned();
            (
                nip.as_str().to_owned(),
                gender,
                nip.birth_date(),
                tmt,
                golongan,
            )
        };
        context.check_not_foreign(&nip)?;
        let jabatan = cells
            .text(&JABATAN)
            .map(|t| context.jabatan(&t))
            .transpose()?;
        let unit = cells.text(&UNIT).map(|t| context.unit(&t)).transpose()?;
        let education = match cells.text(&PENDIDIKAN) {
            Some(text) => Some((
                Education::parse(&text).ok_or_else(|| {
                    Refusal::new(
                        format!("pendidikan \"{text}\" tidak dikenal (SMA, D3, S1/D4, S2 atau S3)"),
                        format!("unknown education \"{text}\" (SMA, D3, S1/D4, S2 or S3)"),
                    )
                })?,
                cells.text(&BIDANG),
            )),
            None => None,
        };
        let atasan_nip = match cells.text(&ATASAN) {
            Some(text) => {
                let digits = nip_digits(&text);
                if digits == nip {
                    return Err(Refusal::new(
                        "NIP atasan tidak boleh NIP pegawai itu sendiri",
                        "the supervisor's NIP cannot be the employee's own",
                    ));
                }
                if !context.pegawai.contains_key(&digits) && !context.file_nips.contains(&digits) {
                    return Err(Refusal::new(
                        format!("NIP atasan {digits} tidak ada di berkas ini maupun di instansi ini"),
                        format!("the supervisor's NIP {digits} is neither in this file nor in this instansi"),
                    ));
                }
                Some(digits)
            }
            None => None,
        };
        Ok(RosterRow {
            name: cells.required_text(&NAMA)?,
            kind,
            gender,
            birth_date,
            tmt_asn,
            tmt_golongan: cells.date(&TMT_GOLONGAN)?,
            jabatan_id: jabatan.map(|j| j.id),
            unit_id: unit.map(|u| u.id),
            tmt_jabatan: cells.date(&TMT_JABATAN)?,
            retirement_date: jabatan.map(|j| retirement_date(birth_date, j.jenis, j.jenjang)),
            education,
            atasan_nip,
            golongan,
            nip,
        })
    }

    fn key(row: &RosterRow) -> String {
        format!("NIP {}", row.nip)
    }

    fn nip(row: &RosterRow) -> &str {
        &row.nip
    }

    fn person(row: &RosterRow, _context: &Context) -> Option<String> {
        Some(row.name.clone())
    }

    fn values(row: &RosterRow, context: &Context) -> Vec<(&'static str, String)> {
        let post = row
            .jabatan_id
            .and_then(|id| context.jabatan.iter().find(|j| j.id == id))
            .map(|j| j.name.as_str());
        let unit = row
            .unit_id
            .and_then(|id| context.units.iter().find(|u| u.id == id))
            .map(|u| u.name.as_str());
        let education = row.education.as_ref().map(|(level, field)| match field {
            Some(field) => format!("{} {field}", level.label()),
            None => level.label().to_owned(),
        });
        vec![
            (NAMA.header, row.name.clone()),
            (JENIS_ASN.header, row.kind.to_uppercase()),
            (GOLONGAN.header, row.golongan.clone()),
            (TMT_GOLONGAN.header, shown(row.tmt_golongan)),
            (JABATAN.header, shown(post)),
            (UNIT.header, shown(unit)),
            (TMT_JABATAN.header, shown(row.tmt_jabatan)),
            (PENDIDIKAN.header, shown(education)),
            (JENIS_KELAMIN.header, row.gender.to_owned()),
            (TMT_ASN.header, row.tmt_asn.to_string()),
            (ATASAN.header, shown(row.atasan_nip.as_deref())),
        ]
    }

    async fn existing(conn: &mut Conn, context: &Context) -> Result<Vec<RosterRow>, StoreError> {
        roster::stored(conn, context.instansi_id).await
    }

    /// Cells the file leaves blank keep what is stored; a roster never lowers the highest
    /// education on record.
    fn merge(existing: &RosterRow, incoming: RosterRow) -> RosterRow {
        let education = match (&existing.education, incoming.education) {
            (Some(stored), Some(new)) if new.0 < stored.0 => Some(stored.clone()),
            (Some(stored), Some((level, None))) if level == stored.0 => Some(stored.clone()),
            (stored, new) => new.or_else(|| stored.clone()),
        };
        RosterRow {
            tmt_golongan: incoming.tmt_golongan.or(existing.tmt_golongan),
            jabatan_id: incoming.jabatan_id.or(existing.jabatan_id),
            unit_id: incoming.unit_id.or(existing.unit_id),
            tmt_jabatan: incoming.tmt_jabatan.or(existing.tmt_jabatan),
            retirement_date: incoming.retirement_date.or(existing.retirement_date),
            atasan_nip: incoming.atasan_nip.or_else(|| existing.atasan_nip.clone()),
            education,
            ..incoming
        }
    }

    async fn write(
        conn: &mut Conn,
        context: &Context,
        rows: &[Planned<RosterRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), StoreError> {
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            let source_row = planned.row as i64;
            let pegawai_id =
                roster::upsert_pegawai(&mut *conn, context.instansi_id, row, batch_id, source_row)
                    .await?;
            roster::upsert_pangkat(&mut *conn, pegawai_id, row, batch_id, source_row).await?;
            if let (Some(jabatan), Some(start)) = (
                row.jabatan_id.and_then(|id| context.jabatan_by_id(id)),
                row.tmt_jabatan,
            ) {
                roster::upsert_post_history(
                    &mut *conn, pegawai_id, jabatan, start, batch_id, source_row,
                )
                .await?;
            }
            if let Some((level, field)) = &row.education {
                roster::upsert_education(
                    &mut *conn,
                    pegawai_id,
                    *level,
                    field.as_deref(),
                    batch_id,
                    source_row,
                )
                .await?;
            }
            progress.advance(done as u64 + 1);
        }
        // Superiors last: a row may name a superior that a later row adds.
        for planned in rows {
            if let Some(atasan) = &planned.value.atasan_nip {
                roster::set_atasan(&mut *conn, &planned.value.nip, atasan).await?;
            }
        }
        Ok(())
    }
}
