//! Daftar pegawai: who works at the instansi, with golongan, post, unit and education.

use super::context::{nip_digits, Context};
use super::fields::{unknown_golongan, Cells, Field};
use super::{ImportKind, Intake, Planned, Progress};
use crate::api::intake::Refusal;
use crate::domain::calendar::Date;
use crate::domain::golongan::{PnsGolongan, PppkGolongan};
use crate::domain::jabatan::retirement_date;
use crate::domain::nip::{Gender, NiPppk, Nip};
use crate::domain::scoring::Education;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

const NIP: Field = Field::required(
    "NIP",
    &["NIP Baru", "NI PPPK", "NIPPPK", "Nomor Induk Pegawai"],
);
const NAMA: Field = Field::required("Nama", &["Nama Lengkap", "Nama Pegawai"]);
const JENIS_ASN: Field = Field::optional(
    "Jenis ASN",
    &["Status ASN", "Status Kepegawaian", "Jenis Pegawai"],
);
const GOLONGAN: Field = Field::required(
    "Golongan",
    &["Gol", "Gol/Ruang", "Golongan Ruang", "Pangkat/Golongan"],
);
const TMT_GOLONGAN: Field = Field::optional("TMT Golongan", &["TMT Gol", "TMT Pangkat"]);
const JABATAN: Field = Field::optional("Jabatan", &["Kode Jabatan", "Nama Jabatan"]);
const UNIT: Field = Field::optional(
    "Unit Kerja",
    &["Kode Unit", "OPD", "Perangkat Daerah", "Unit"],
);
const TMT_JABATAN: Field = Field::optional("TMT Jabatan", &[]);
const PENDIDIKAN: Field = Field::optional(
    "Pendidikan",
    &[
        "Pendidikan Terakhir",
        "Tingkat Pendidikan",
        "Jenjang Pendidikan",
    ],
);
const BIDANG: Field = Field::optional(
    "Bidang Pendidikan",
    &["Jurusan", "Program Studi", "Bidang Ilmu"],
);
const JENIS_KELAMIN: Field = Field::optional("Jenis Kelamin", &["JK", "L/P", "Gender"]);
const TMT_ASN: Field = Field::optional("TMT ASN", &["TMT CPNS", "TMT PPPK"]);
const ATASAN: Field = Field::optional("NIP Atasan", &["Atasan", "NIP Atasan Langsung"]);

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

#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    nip: String,
    kind: &'static str,
    name: String,
    gender: &'static str,
    birth_date: Date,
    tmt_asn: Date,
    golongan: String,
    tmt_golongan: Option<Date>,
    jabatan_id: Option<i64>,
    unit_id: Option<i64>,
    tmt_jabatan: Option<Date>,
    retirement_date: Option<Date>,
    education: Option<(Education, Option<String>)>,
    atasan_nip: Option<String>,
}

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

fn kind_code(kind: &str) -> &'static str {
    if kind == "pppk" {
        "pppk"
    } else {
        "pns"
    }
}

fn date_text(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn stored_date(text: Option<String>) -> Option<Date> {
    text.as_deref().and_then(Date::parse)
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

    async fn existing(
        conn: &mut AnyConnection,
        context: &Context,
    ) -> Result<HashMap<String, RosterRow>, sqlx::Error> {
        let mut education: HashMap<i64, (Education, Option<String>)> = HashMap::new();
        for row in sqlx::query(
            "SELECT e.pegawai_id, e.level, e.field FROM riwayat_pendidikan e \
             JOIN pegawai p ON p.id = e.pegawai_id WHERE p.instansi_id = $1",
        )
        .bind(context.instansi_id)
        .fetch_all(&mut *conn)
        .await?
        {
            let level: String = row.try_get("level")?;
            let Some(level) = Education::parse(&level) else {
                continue;
            };
            let entry = (level, row.try_get::<Option<String>, _>("field")?);
            education
                .entry(row.try_get("pegawai_id")?)
                .and_modify(|e| {
                    if entry.0 > e.0 {
                        *e = entry.clone();
                    }
                })
                .or_insert(entry);
        }
        let rows = sqlx::query(
            "SELECT p.id, p.nip, p.kind, p.name, p.gender, p.birth_date, p.tmt_asn, p.golongan, \
             p.tmt_golongan, p.jabatan_id, p.unit_kerja_id, p.tmt_jabatan, p.retirement_date, \
             a.nip AS atasan_nip \
             FROM pegawai p LEFT JOIN pegawai a ON a.id = p.atasan_id WHERE p.instansi_id = $1",
        )
        .bind(context.instansi_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut existing = HashMap::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.try_get("id")?;
            let gender: String = row.try_get("gender")?;
            let stored = RosterRow {
                nip: row.try_get("nip")?,
                kind: kind_code(&row.try_get::<String, _>("kind")?),
                name: row.try_get("name")?,
                gender: if gender == "P" { "P" } else { "L" },
                birth_date: stored_date(row.try_get("birth_date")?)
                    .unwrap_or(Date::end_of_year(1900)),
                tmt_asn: stored_date(row.try_get("tmt_asn")?).unwrap_or(Date::end_of_year(1900)),
                golongan: row.try_get("golongan")?,
                tmt_golongan: stored_date(row.try_get("tmt_golongan")?),
                jabatan_id: row.try_get("jabatan_id")?,
                unit_id: row.try_get("unit_kerja_id")?,
                tmt_jabatan: stored_date(row.try_get("tmt_jabatan")?),
                retirement_date: stored_date(row.try_get("retirement_date")?),
                education: education.remove(&id),
                atasan_nip: row.try_get("atasan_nip")?,
            };
            existing.insert(Roster::key(&stored), stored);
        }
        Ok(existing)
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
        conn: &mut AnyConnection,
        context: &Context,
        rows: &[Planned<RosterRow>],
        batch_id: i64,
        progress: &dyn Progress,
    ) -> Result<(), sqlx::Error> {
        for (done, planned) in rows.iter().enumerate() {
            let row = &planned.value;
            let source_row = planned.row as i64;
            let pegawai_id: i64 = sqlx::query_scalar(
                "INSERT INTO pegawai (instansi_id, nip, kind, name, gender, birth_date, tmt_asn, \
                 golongan, tmt_golongan, jabatan_id, unit_kerja_id, tmt_jabatan, retirement_date, \
                 import_batch_id, source_row) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
                 ON CONFLICT (nip) DO UPDATE SET kind = excluded.kind, name = excluded.name, \
                 gender = excluded.gender, birth_date = excluded.birth_date, \
                 tmt_asn = excluded.tmt_asn, golongan = excluded.golongan, \
                 tmt_golongan = excluded.tmt_golongan, jabatan_id = excluded.jabatan_id, \
                 unit_kerja_id = excluded.unit_kerja_id, tmt_jabatan = excluded.tmt_jabatan, \
                 retirement_date = excluded.retirement_date, \
                 import_batch_id = excluded.import_batch_id, source_row = excluded.source_row \
                 RETURNING id",
            )
            .bind(context.instansi_id)
            .bind(&row.nip)
            .bind(row.kind)
            .bind(&row.name)
            .bind(row.gender)
            .bind(row.birth_date.to_string())
            .bind(row.tmt_asn.to_string())
            .bind(&row.golongan)
            .bind(date_text(row.tmt_golongan))
            .bind(row.jabatan_id)
            .bind(row.unit_id)
            .bind(date_text(row.tmt_jabatan))
            .bind(date_text(row.retirement_date))
            .bind(batch_id)
            .bind(source_row)
            .fetch_one(&mut *conn)
            .await?;
            sqlx::query(
                "INSERT INTO riwayat_pangkat (pegawai_id, golongan, tmt, import_batch_id, source_row) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pegawai_id, golongan) DO UPDATE SET \
                 tmt = COALESCE(excluded.tmt, riwayat_pangkat.tmt)",
            )
            .bind(pegawai_id)
            .bind(&row.golongan)
            .bind(date_text(row.tmt_golongan))
            .bind(batch_id)
            .bind(source_row)
            .execute(&mut *conn)
            .await?;
            if let (Some(jabatan), Some(start)) = (
                row.jabatan_id.and_then(|id| context.jabatan_by_id(id)),
                row.tmt_jabatan,
            ) {
                sqlx::query(
                    "INSERT INTO riwayat_jabatan (pegawai_id, jabatan_id, jabatan_name, tmt_start, \
                     import_batch_id, source_row) VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (pegawai_id, tmt_start) DO UPDATE SET \
                     jabatan_id = excluded.jabatan_id, jabatan_name = excluded.jabatan_name",
                )
                .bind(pegawai_id)
                .bind(jabatan.id)
                .bind(&jabatan.name)
                .bind(start.to_string())
                .bind(batch_id)
                .bind(source_row)
                .execute(&mut *conn)
                .await?;
            }
            if let Some((level, field)) = &row.education {
                sqlx::query(
                    "INSERT INTO riwayat_pendidikan (pegawai_id, level, field, import_batch_id, \
                     source_row) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pegawai_id, level) \
                     DO UPDATE SET field = COALESCE(excluded.field, riwayat_pendidikan.field), \
                     import_batch_id = excluded.import_batch_id, source_row = excluded.source_row",
                )
                .bind(pegawai_id)
                .bind(level.code())
                .bind(field)
                .bind(batch_id)
                .bind(source_row)
                .execute(&mut *conn)
                .await?;
            }
            progress.advance(done as u64 + 1);
        }
        // Superiors last: a row may name a superior that a later row adds.
        for planned in rows {
            if let Some(atasan) = &planned.value.atasan_nip {
                sqlx::query(
                    "UPDATE pegawai SET atasan_id = (SELECT id FROM pegawai WHERE nip = $1) \
                     WHERE nip = $2",
                )
                .bind(atasan)
                .bind(&planned.value.nip)
                .execute(&mut *conn)
                .await?;
            }
        }
        Ok(())
    }
}
