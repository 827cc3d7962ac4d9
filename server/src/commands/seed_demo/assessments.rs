//! The assessed cohort's results, one round at a time (November 2023 and November 2025):
//! competency levels against their post's standard, the JPM they give, and the potential
//! dimensions.

use super::store::{ids_by, Stored};
use crate::synthetic::{day_of_year, Rng};
use app::domain::jpm::{jpm, CompetencyLevel, CompetencyMatch};
use app::domain::kompetensi::{potential_score, DimensiPotensi, Kompetensi};
use app::store::sql::{insert_rows, SqlValue};
use app::store::StoreError;
use sqlx::AnyConnection;
use std::collections::HashMap;

const ASSESSOR: &str = "UPT Penilaian Kompetensi Pegawai BKN (simulasi)";
/// A competency draw (talent × 2 plus chance, 0-3) from which the assessment centre finds a
/// level above the post's standard: only the most talented reach it, and only sometimes.
/// Their own JPM caps at the standard; a post one rung up (succession) sees the difference.
const ABOVE_STANDARD: f64 = 2.4;

/// An assessment round of the assessment centre.
#[derive(Debug, Clone, Copy)]
pub(super) struct Round {
    /// Held in November of this year; valid three years.
    pub(super) year: i32,
    /// How far each person's talent may have drifted since this round (0 for the newest):
    /// people grow, and a few fall back, so the two rounds differ.
    pub(super) drift: f64,
}

pub(super) async fn store_assessments(
    conn: &mut AnyConnection,
    rng: &mut Rng,
    stored: &Stored<'_>,
    cohort: &[usize],
    round: Round,
) -> Result<u64, StoreError> {
    let Stored {
        batch_id,
        people,
        posts,
        post_ids,
        ids,
    } = *stored;
    let mut rows = Vec::with_capacity(cohort.len());
    let mut levels = Vec::new();
    for &index in cohort {
        let person = &people[index];
        let post = &posts[person.post];
        let standard = post.standard();
        // Most grew since an earlier round; about one in five was stronger then.
        let talent = if round.drift > 0.0 {
            (person.talent - round.drift * (rng.unit() - 0.2)).clamp(0.0, 1.0)
        } else {
            person.talent
        };
        let attained: Vec<(Kompetensi, u8, u8)> = standard
            .iter()
            .map(|(k, required)| {
                let draw = talent * 2.0 + rng.unit();
                let shift = if draw >= ABOVE_STANDARD {
                    1
                } else {
                    draw.floor() as i64 - 2
                };
                let level = (i64::from(*required) + shift).clamp(1, 5) as u8;
                (*k, level, *required)
            })
            .collect();
        let matches: Vec<CompetencyMatch> = attained
            .iter()
            .filter_map(|(_, level, required)| {
                Some(CompetencyMatch {
                    required: CompetencyLevel::new(*required).ok()?,
                    attained: CompetencyLevel::new(*level).ok()?,
                })
            })
            .collect();
        let jpm_percent = jpm(&matches)
            .map(|j| (j.percent() * 100.0).round() / 100.0)
            .unwrap_or(0.0);
        let dimensions: Vec<f64> = DimensiPotensi::ALL
            .iter()
            .map(|_| rng.score(50.0 + talent * 40.0, 12.0))
            .collect();
        let dims: [f64; 8] = std::array::from_fn(|i| dimensions[i]);
        let date = day_of_year(round.year, 306 + rng.below(19) as u32);
        let mut row: Vec<SqlValue> = vec![
            ids[index].into(),
            date.to_string().into(),
            date.add_years(3).to_string().into(),
            ASSESSOR.into(),
            post_ids.get(person.post).copied().into(),
            jpm_percent.into(),
            potential_score(&dims).into(),
        ];
        row.extend(dims.iter().map(|d| SqlValue::from(*d)));
        row.push(batch_id.into());
        row.push((index as i64 + 1).into());
        rows.push(row);
        levels.push((ids[index], attained));
    }
    let mut columns = vec![
        "pegawai_id",
        "assessed_on",
        "valid_until",
        "provider",
        "jabatan_id",
        "jpm",
        "potential",
    ];
    columns.extend(DimensiPotensi::ALL.iter().map(|d| d.code()));
    columns.extend(["import_batch_id", "source_row"]);
    let mut written = insert_rows(conn, "asesmen", &columns, &rows, "").await?;
    let asesmen_ids: HashMap<i64, i64> = ids_by(
        conn,
        &format!(
            "SELECT pegawai_id, id FROM asesmen WHERE import_batch_id = $1 \
             AND assessed_on LIKE '{}-%'",
            round.year
        ),
        batch_id,
    )
    .await?;
    let level_rows: Vec<Vec<SqlValue>> = levels
        .iter()
        .filter_map(|(pegawai, attained)| asesmen_ids.get(pegawai).map(|id| (*id, attained)))
        .flat_map(|(id, attained)| {
            attained.iter().map(move |(k, level, required)| {
                vec![
                    id.into(),
                    k.code().into(),
                    i64::from(*level).into(),
                    i64::from(*required).into(),
                ]
            })
        })
        .collect();
    written += insert_rows(
        conn,
        "asesmen_kompetensi",
        &["asesmen_id", "kompetensi", "level", "required_level"],
        &level_rows,
        "",
    )
    .await?;
    Ok(written)
}
