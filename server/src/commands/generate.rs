//! `jenjang generate --pegawai 4500000 --instansi 600`: national-scale synthetic pegawai,
//! streamed with bounded memory into the engine's bulk path: COPY on PostgreSQL, batched
//! prepared multi-row inserts in one transaction on SQLite. With `--csv FILE` the same rows
//! go to a CSV file instead, so that `make bench` can time the engine's own loader on them.

use crate::db::Engine;
use crate::synthetic::{self, Rng};
use app::domain::calendar::Date;
use app::domain::jabatan::{retirement_date, JenisJabatan};
use app::store::sql::{insert_rows, insert_sql, SqlValue};
use indicatif::{ProgressBar, ProgressStyle};
use sqlx::postgres::PgConnection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{AnyPool, Connection, Row};
use std::path::PathBuf;
use std::str::FromStr;
use thiserror::Error;

/// Days of birth dates cycled through; with 500 sequence numbers per day this gives six
/// million distinct NIPs (sequences 001-499 are left to the demo instansi).
const BIRTH_DAYS: u64 = 12_000;
const SEQUENCES: u64 = 500;
pub const MAX_PEGAWAI: u64 = BIRTH_DAYS * SEQUENCES;
/// Rows per message to PostgreSQL's COPY and per SQLite statement.
const CHUNK_ROWS: usize = 3_000;

pub const COLUMNS: [&str; 9] = [
    "instansi_id",
    "nip",
    "kind",
    "name",
    "gender",
    "birth_date",
    "tmt_asn",
    "golongan",
    "retirement_date",
];

const PROVINCES: &[&str] = &[
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Jambi",
    "Sumatera Selatan",
    "Bengkulu",
    "Lampung",
    "Jawa Barat",
    "Jawa Tengah",
    "Jawa Timur",
    "Banten",
    "Bali",
    "Nusa Tenggara Barat",
    "Nusa Tenggara Timur",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Gorontalo",
    "Maluku",
    "Papua",
];

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// How many pegawai (at most 6,000,000).
    #[arg(long, default_value_t = 4_500_000)]
    pub pegawai: u64,
    /// How many synthetic instansi they are spread over.
    #[arg(long, default_value_t = 600)]
    pub instansi: u32,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Write the pegawai rows to this CSV file instead of loading them.
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

#[derive(Debug, Error)]
pub enum GenerateError {
    #[error("paling banyak {MAX_PEGAWAI} pegawai dan 1-9999 instansi")]
    TooMany,
    #[error("data sintetis sudah ada di basis data ini (instansi sintetis-001); gunakan basis data baru")]
    AlreadyGenerated,
    #[error("basis data: {0}")]
    Database(#[from] sqlx::Error),
    #[error("basis data: {0}")]
    Store(#[from] app::store::StoreError),
    #[error("berkas CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("berkas CSV: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Url(#[from] crate::db::DbError),
}

/// One generated pegawai, as text cells in [`COLUMNS`] order.
type GeneratedRow = [String; 9];

/// Turns an index into a pegawai. Deterministic for a seed; the NIP is unique per index.
struct Generator {
    rng: Rng,
    births: Vec<Date>,
    instansi_ids: Vec<i64>,
}

impl Generator {
    fn new(seed: u64, instansi_ids: Vec<i64>) -> Generator {
        let mut births = Vec::with_capacity(BIRTH_DAYS as usize);
        let mut day = Date::new(1966, 1, 1).unwrap_or(Date::end_of_year(1965));
        for _ in 0..BIRTH_DAYS {
            births.push(day);
            day = Date::new(day.year(), day.month(), day.day() + 1)
                .unwrap_or_else(|| day.first_of_next_month());
        }
        Generator {
            rng: Rng::new(seed),
            births,
            instansi_ids,
        }
    }

    fn row(&mut self, index: u64) -> GeneratedRow {
        let rng = &mut self.rng;
        let birth = self.births[(index % BIRTH_DAYS) as usize];
        let sequence = (SEQUENCES + index / BIRTH_DAYS % SEQUENCES) as u16;
        let female = rng.chance(0.5);
        let pns = rng.chance(0.7);
        let tmt_year = birth.year() + rng.between(20, 33) as i32;
        let tmt_month = rng.between(1, 12) as u8;
        let (nip, golongan) = if pns {
            let group = [1u8, 2, 3, 4][rng.weighted(&[3, 22, 55, 20])];
            let ruang = rng.below(if group == 4 { 3 } else { 4 }) as u8;
            (
                synthetic::nip(birth, tmt_year, tmt_month, female, sequence),
                synthetic::pns_golongan(group, ruang),
            )
        } else {
            (
                synthetic::ni_pppk(birth, tmt_year, female, sequence),
                synthetic::pppk_golongan(*rng.pick(&[5u8, 7, 9, 10])),
            )
        };
        let instansi = self.instansi_ids[(index % self.instansi_ids.len() as u64) as usize];
        [
            instansi.to_string(),
            nip,
            if pns { "pns" } else { "pppk" }.to_owned(),
            synthetic::name(rng, female),
            if female { "P" } else { "L" }.to_owned(),
            birth.to_string(),
            Date::new(tmt_year, tmt_month, 1)
                .unwrap_or(Date::end_of_year(tmt_year))
                .to_string(),
            golongan,
            retirement_date(birth, JenisJabatan::Pelaksana, None).to_string(),
        ]
    }
}

/// Creates the synthetic instansi and returns their ids in order.
async fn create_instansi(pool: &AnyPool, count: u32) -> Result<Vec<i64>, GenerateError> {
    let mut tx = pool.begin().await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM instansi WHERE slug = 'sintetis-001'")
            .fetch_optional(&mut *tx)
            .await?;
    if exists.is_some() {
        return Err(GenerateError::AlreadyGenerated);
    }
    let rows: Vec<Vec<SqlValue>> = (1..=count)
        .map(|n| {
            let kind = match n % 10 {
                0 => "provinsi",
                1..=3 => "kota",
                _ => "kabupaten",
            };
            vec![
                format!("sintetis-{n:03}").into(),
                format!("Instansi Sintetis {n:03} (demo)").into(),
                kind.into(),
                PROVINCES[n as usize % PROVINCES.len()].into(),
                true.into(),
            ]
        })
        .collect();
    insert_rows(
        &mut tx,
        "instansi",
        &["slug", "name", "kind", "province", "demo"],
        &rows,
        "",
    )
    .await?;
    let ids = sqlx::query("SELECT id FROM instansi WHERE slug LIKE 'sintetis-%' ORDER BY slug")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("id"))
        .collect::<Result<Vec<i64>, _>>()?;
    tx.commit().await?;
    Ok(ids)
}

fn progress_bar(total: u64) -> ProgressBar {
    ProgressBar::new(total).with_style(
        ProgressStyle::with_template("{bar:40} {human_pos}/{human_len} pegawai ({per_sec}, {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    )
}

pub async fn run(pool: &AnyPool, url: &str, args: &GenerateArgs) -> Result<(), GenerateError> {
    if args.pegawai > MAX_PEGAWAI || !(1..=9_999).contains(&args.instansi) {
        return Err(GenerateError::TooMany);
    }
    let started = std::time::Instant::now();
    let ids = create_instansi(pool, args.instansi).await?;
    let mut generator = Generator::new(args.seed, ids);
    let bar = progress_bar(args.pegawai);
    let mut chunk: Vec<GeneratedRow> = Vec::with_capacity(CHUNK_ROWS);
    let loaded = match (&args.csv, Engine::of(url)?) {
        (Some(path), _) => {
            let mut writer = csv::Writer::from_path(path)?;
            writer.write_record(COLUMNS)?;
            for index in 0..args.pegawai {
                writer.write_record(generator.row(index))?;
                if index % 10_000 == 0 {
                    bar.set_position(index);
                }
            }
            writer.flush()?;
            "ditulis ke CSV"
        }
        (None, Engine::Postgres) => {
            let mut conn = PgConnection::connect(url).await?;
            let mut copy = conn
                .copy_in_raw(&format!(
                    "COPY pegawai ({}) FROM STDIN WITH (FORMAT csv)",
                    COLUMNS.join(", ")
                ))
                .await?;
            for index in 0..args.pegawai {
                chunk.push(generator.row(index));
                if chunk.len() == CHUNK_ROWS || index + 1 == args.pegawai {
                    copy.send(csv_bytes(&chunk)?).await?;
                    chunk.clear();
                    bar.set_position(index + 1);
                }
            }
            copy.finish().await?;
            "dimuat dengan COPY"
        }
        (None, Engine::Sqlite) => {
            let options = SqliteConnectOptions::from_str(url)?
                .foreign_keys(true)
                .busy_timeout(std::time::Duration::from_secs(30));
            let mut conn = SqliteConnection::connect_with(&options).await?;
            let mut tx = conn.begin().await?;
            let full = sqlite_insert(CHUNK_ROWS);
            for index in 0..args.pegawai {
                chunk.push(generator.row(index));
                if chunk.len() == CHUNK_ROWS {
                    bind_rows(sqlx::query(&full), &chunk)
                        .execute(&mut *tx)
                        .await?;
                    chunk.clear();
                    bar.set_position(index + 1);
                }
            }
            if !chunk.is_empty() {
                bind_rows(sqlx::query(&sqlite_insert(chunk.len())), &chunk)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            "dimuat dalam satu transaksi"
        }
    };
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{} pegawai sintetis di {} instansi {loaded} dalam {seconds:.1} detik ({:.0} baris/detik).",
        args.pegawai,
        args.instansi,
        args.pegawai as f64 / seconds.max(1e-9)
    );
    Ok(())
}

/// Rows as CSV without a header, as COPY reads them.
fn csv_bytes(rows: &[GeneratedRow]) -> Result<Vec<u8>, GenerateError> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(rows.len() * 120));
    for row in rows {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map_err(|e| GenerateError::Io(e.into_error()))
}

/// A multi-row insert of `rows` generated pegawai, with SQLite's anonymous parameters.
fn sqlite_insert(rows: usize) -> String {
    insert_sql(true, "pegawai", &COLUMNS, rows, "")
}

fn bind_rows<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    rows: &'q [GeneratedRow],
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    for row in rows {
        query = query.bind(row[0].parse::<i64>().unwrap_or_default());
        for cell in &row[1..] {
            query = query.bind(cell.as_str());
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::nip::{NiPppk, Nip};
    use std::collections::HashSet;

    #[test]
    fn generated_nips_are_valid_and_unique() {
        let mut generator = Generator::new(3, vec![10, 11, 12]);
        let mut nips = HashSet::new();
        let mut generated = 0;
        for index in (0..30_000).chain((30_000..MAX_PEGAWAI).step_by(997)) {
            let row = generator.row(index);
            let valid = if row[2] == "pns" {
                Nip::parse(&row[1]).is_ok()
            } else {
                NiPppk::parse(&row[1]).is_ok()
            };
            assert!(valid, "{}", row[1]);
            assert!(
                &row[1][15..18] >= "500",
                "sequences 001-499 belong to the demo"
            );
            nips.insert(row[1].clone());
            generated += 1;
        }
        assert_eq!(nips.len(), generated, "every index has its own NIP");
    }
}
