//! Seed data loaded on every start: the published merit-index figures (`seed/merit_index.csv`).
//! Rows already in the database are left alone, so restarts and newer seed files only add.

use app::domain::instansi::{instansi_slug, InstansiKind};
use app::domain::merit_index::Framework;
use serde::Deserialize;
use sqlx::AnyPool;
use thiserror::Error;

const MERIT_INDEX_CSV: &str = include_str!("../seed/merit_index.csv");

#[derive(Debug, Error)]
pub enum SeedError {
    #[error("data awal indeks merit baris {line}: {reason}")]
    Invalid { line: usize, reason: String },
    #[error("data awal indeks merit tidak terbaca: {0}")]
    Csv(#[from] csv::Error),
    #[error("data awal tidak dapat disimpan: {0}")]
    Database(#[from] sqlx::Error),
}

#[derive(Debug, Deserialize)]
struct SeedRow {
    instansi: String,
    kind: String,
    province: String,
    year: i32,
    framework: String,
    score: f64,
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
    pub province: String,
    pub year: i32,
    pub framework: Framework,
    pub score: f64,
    pub source: String,
    pub note: String,
}

/// What a load added.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub instansi_added: u64,
    pub scores_added: u64,
}

/// Reads and checks a merit-index CSV in the seed format. The stated category must be the one
/// the domain rules derive from the score: a typo in a published figure stops here.
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
        let category = framework
            .categorize(row.score)
            .map_err(|error| invalid(error.to_string()))?;
        if category.code != row.category.trim() {
            return Err(invalid(format!(
                "kategori tertulis {} tetapi skor {} berkategori {}",
                row.category, row.score, category.code
            )));
        }
        if row.source.trim().is_empty() {
            return Err(invalid("sumber kosong".into()));
        }
        seeds.push(MeritSeed {
            slug: instansi_slug(&row.instansi),
            name: row.instansi.trim().to_owned(),
            kind,
            province: row.province.trim().to_owned(),
            year: row.year,
            framework,
            score: row.score,
            source: row.source.trim().to_owned(),
            note: row.note.trim().to_owned(),
        });
    }
    Ok(seeds)
}

/// Loads the bundled merit-index figures in one transaction.
pub async fn load_merit_index(pool: &AnyPool) -> Result<SeedReport, SeedError> {
    let seeds = parse_merit_index(MERIT_INDEX_CSV)?;
    store_merit_index(pool, &seeds).await
}

/// Adds the instansi and scores that are missing; all or nothing.
pub async fn store_merit_index(
    pool: &AnyPool,
    seeds: &[MeritSeed],
) -> Result<SeedReport, SeedError> {
    let mut report = SeedReport::default();
    let mut tx = pool.begin().await?;
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
        report.scores_added += sqlx::query(
            "INSERT INTO merit_index_score (instansi_id, year, framework, score, source, note) \
             SELECT id, $2, $3, $4, $5, $6 FROM instansi WHERE slug = $1 \
             ON CONFLICT (instansi_id, framework, year) DO NOTHING",
        )
        .bind(&seed.slug)
        .bind(i64::from(seed.year))
        .bind(seed.framework.code())
        .bind(seed.score)
        .bind(&seed.source)
        .bind(&seed.note)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "instansi,kind,province,year,framework,score,category,source,note\n";

    #[test]
    fn the_bundled_seed_is_valid_and_keeps_its_sources() {
        let seeds = parse_merit_index(MERIT_INDEX_CSV).expect("valid seed");
        assert!(seeds.len() >= 29);
        assert!(seeds.iter().all(|s| !s.source.is_empty()));
        let balikpapan = seeds
            .iter()
            .find(|s| s.slug == "kota-balikpapan" && s.year == 2022)
            .expect("Balikpapan 2022");
        assert_eq!(balikpapan.score, 266.0);
        assert_eq!(balikpapan.source, "kaltim.antaranews.com/berita/192789");
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
        ] {
            assert!(
                parse_merit_index(&format!("{HEADER}{row}\n")).is_err(),
                "{row}"
            );
        }
    }
}
