//! Seed data loaded on every start: the published merit-index results
//! (`seed/merit_index.csv`, a copy of `shared/data/merit_index.csv` with its columns). Rows
//! already in the database are left alone, so restarts and newer seed files only add; a
//! seed row whose result is already recorded (by an operator, or corrected since) is not
//! written again.
//!
//! The file names no assessing body: each row's is derived from its note
//! (`Body::from_note`: BKN when the note names BKN, as "BKN evaluation semester 2 2024" or
//! "BKN round" do, otherwise KASN). Its `source` column is a citation; the first web address
//! in it becomes the result's `source_url`, and a day in brackets at its end ("(7 Dec 2021)")
//! its publication date; a month alone gives none. A row without a score is a category-only
//! result. Who recorded the rows: `data-awal`.

use app::domain::instansi::{instansi_slug, InstansiKind};
use app::domain::merit_index::Framework;
use app::domain::merit_result::{publication_day, read_value, source_url_in, Body, Value};
use app::services::clock;
use app::store::merit_results::{insert_version, NewVersion};
use app::store::{self, StoreError};
use serde::Deserialize;
use sqlx::AnyPool;
use thiserror::Error;

const MERIT_INDEX_CSV: &str = include_str!("../seed/merit_index.csv");

/// How the audit trail and the rows name the seed as their recorder.
pub const SEED_RECORDER: &str = "data-awal";

#[derive(Debug, Error)]
pub enum SeedError {
    #[error("data awal indeks merit baris {line}: {reason}")]
    Invalid { line: usize, reason: String },
    #[error("data awal indeks merit tidak terbaca: {0}")]
    Csv(#[from] csv::Error),
    #[error("data awal tidak dapat disimpan: {0}")]
    Database(#[from] sqlx::Error),
    #[error("data awal tidak dapat disimpan: {0}")]
    Store(#[from] StoreError),
}

#[derive(Debug, Deserialize)]
struct SeedRow {
    instansi: String,
    kind: String,
    province: String,
    year: i32,
    framework: String,
    score: Option<f64>,
    category: String,
    source: String,
    note: String,
}

/// A validated seed row.
#[derive(Debug, Clone, PartialEq)]
pub struct MeritSeed {
    pub slug: String,
    pub name: String,
    pub kind: InstansiKind,
    /// Empty for a kementerian or lembaga.
    pub province: String,
    pub year: i32,
    pub framework: Framework,
    pub body: Body,
    pub value: Value,
    pub source: String,
    pub source_url: Option<String>,
    /// YYYY-MM-DD, when the source names the day.
    pub published_on: Option<String>,
    pub note: String,
}

/// What a load added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub instansi_added: u64,
    pub scores_added: u64,
}

/// Reads and checks a merit-index CSV in the seed format. A score must lie on its scale and
/// the stated category must be the one the domain rules derive from it (or stand alone): a
/// typo in a published figure stops here.
pub fn parse_merit_index(text: &str) -> Result<Vec<MeritSeed>, SeedError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut seeds = Vec::new();
    for (index, row) in reader.deserialize::<SeedRow>().enumerate() {
        let line = index + 2;
        let invalid = |reason: String| SeedError::Invalid { line, reason };
        let row = row?;
        let kind = InstansiKind::from_code(&row.kind)
            .ok_or_else(|| invalid(format!("jenis instansi \"{}\" tidak dikenal", row.kind)))?;
        let framework = Framework::from_code(&row.framework)
            .ok_or_else(|| invalid(format!("kerangka \"{}\" tidak dikenal", row.framework)))?;
        let value = read_value(framework, row.score, Some(&row.category))
            .map_err(|error| invalid(error.to_string()))?;
        let source = row.source.trim();
        if source.is_empty() {
            return Err(invalid("sumber kosong".into()));
        }
        let note = row.note.trim();
        seeds.push(MeritSeed {
            slug: instansi_slug(&row.instansi),
            name: row.instansi.trim().to_owned(),
            kind,
            province: row.province.trim().to_owned(),
            year: row.year,
            framework,
            body: Body::from_note(note),
            value,
            source: source.to_owned(),
            source_url: source_url_in(source).map(str::to_owned),
            published_on: publication_day(source).map(|day| day.to_string()),
            note: note.to_owned(),
        });
    }
    Ok(seeds)
}

/// Loads the bundled merit-index results in one transaction.
pub async fn load_merit_index(pool: &AnyPool) -> Result<SeedReport, SeedError> {
    let seeds = parse_merit_index(MERIT_INDEX_CSV)?;
    store_merit_index(pool, &seeds).await
}

/// Adds the instansi and results that are missing; all or nothing.
pub async fn store_merit_index(
    pool: &AnyPool,
    seeds: &[MeritSeed],
) -> Result<SeedReport, SeedError> {
    let mut report = SeedReport::default();
    let recorded_at = clock::now_utc();
    let mut tx = store::begin(pool).await?;
    for seed in seeds {
        report.instansi_added += sqlx::query(
            "INSERT INTO instansi (slug, name, kind, province) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&seed.slug)
        .bind(&seed.name)
        .bind(seed.kind.code())
        .bind(&seed.province)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let instansi_id = store::instansi::id_by_slug(&mut *tx, &seed.slug)
            .await?
            .ok_or_else(|| StoreError::corrupt(format!("instansi {} just written", seed.slug)))?;
        let written = insert_version(
            &mut tx,
            &NewVersion {
                instansi_id,
                year: seed.year,
                framework: seed.framework.code(),
                body: seed.body.code(),
                score: seed.value.score(),
                category: seed.value.stated_category(),
                source: &seed.source,
                source_url: seed.source_url.as_deref(),
                published_on: seed.published_on.as_deref(),
                note: &seed.note,
                version: 1,
                corrects_id: None,
                correction_reason: None,
                recorded_by: SEED_RECORDER,
                recorded_by_akun_id: None,
                recorded_at: &recorded_at,
            },
        )
        .await?;
        report.scores_added += u64::from(written.is_some());
    }
    store::commit(tx).await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const HEADER: &str = "instansi,kind,province,year,framework,score,category,source,note\n";

    #[test]
    fn the_bundled_seed_is_valid_and_keeps_its_sources() {
        let seeds = parse_merit_index(MERIT_INDEX_CSV).expect("valid seed");
        assert_eq!(seeds.len(), 147);
        let instansi: HashSet<&str> = seeds.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(instansi.len(), 108);
        assert!(seeds.iter().all(|s| !s.source.is_empty()));
        let category_only = seeds.iter().filter(|s| s.value.score().is_none()).count();
        assert_eq!(category_only, 51);
        let national = seeds.iter().filter(|s| s.province.is_empty()).count();
        assert_eq!(national, 23);
        assert!(seeds
            .iter()
            .filter(|s| s.province.is_empty())
            .all(|s| matches!(s.kind, InstansiKind::Kementerian | InstansiKind::Lembaga)));
        let balikpapan = seeds
            .iter()
            .find(|s| s.slug == "kota-balikpapan" && s.year == 2022)
            .expect("Balikpapan 2022");
        assert_eq!(balikpapan.value, Value::Score(266.0));
        assert_eq!(balikpapan.source, "kaltim.antaranews.com/berita/192789");
        assert_eq!(balikpapan.source_url, None);
        assert_eq!(balikpapan.body, Body::Kasn);
    }

    #[test]
    fn every_seed_result_has_its_own_key_and_two_rounds_stay_apart() {
        let seeds = parse_merit_index(MERIT_INDEX_CSV).expect("valid seed");
        let keys: HashSet<(&str, i32, Body, Framework)> = seeds
            .iter()
            .map(|s| (s.slug.as_str(), s.year, s.body, s.framework))
            .collect();
        assert_eq!(keys.len(), seeds.len(), "a key appears twice in the seed");
        let bpom: Vec<Body> = seeds
            .iter()
            .filter(|s| s.slug == "badan-pengawas-obat-dan-makanan" && s.year == 2024)
            .map(|s| s.body)
            .collect();
        assert_eq!(bpom, [Body::Kasn, Body::Bkn]);
        let bkn = seeds.iter().filter(|s| s.body == Body::Bkn).count();
        assert_eq!(bkn, 15);
    }

    #[test]
    fn sources_give_their_address_and_day_when_they_have_them() {
        let seeds = parse_merit_index(MERIT_INDEX_CSV).expect("valid seed");
        let bps = seeds
            .iter()
            .find(|s| s.slug == "badan-pusat-statistik")
            .expect("BPS");
        assert_eq!(bps.published_on.as_deref(), Some("2024-12-19"));
        assert!(bps
            .source_url
            .as_deref()
            .is_some_and(|url| url.starts_with("https://makassar.tribunnews.com/2024/12/19/")));
        let kaltim_2018 = seeds
            .iter()
            .find(|s| s.slug == "provinsi-kalimantan-timur" && s.year == 2018)
            .expect("Kaltim 2018");
        assert_eq!(kaltim_2018.published_on, None, "a month names no day");
    }

    #[test]
    fn a_category_that_contradicts_the_score_is_refused() {
        let text = format!("{HEADER}Pemerintah Kota X,kota,Y,2022,KASN_100_400,266,IV,src,\n");
        let error = parse_merit_index(&text).expect_err("mismatch");
        assert!(error.to_string().contains("baris 2"), "{error}");
        assert!(error.to_string().contains("berkategori III"), "{error}");
    }

    #[test]
    fn unknown_kinds_frameworks_and_missing_sources_are_refused() {
        for row in [
            "Pemerintah Desa X,desa,Y,2022,KASN_100_400,266,III,src,",
            "Pemerintah Kota X,kota,Y,2022,KASN,266,III,src,",
            "Pemerintah Kota X,kota,Y,2022,KASN_100_400,266,III, ,",
            "Pemerintah Kota X,kota,Y,2022,KASN_100_400,450,IV,src,",
            "Pemerintah Kota X,kota,Y,2022,KASN_100_400,,,src,",
        ] {
            assert!(
                parse_merit_index(&format!("{HEADER}{row}\n")).is_err(),
                "{row}"
            );
        }
    }
}
