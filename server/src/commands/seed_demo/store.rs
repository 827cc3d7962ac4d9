//! Writing the planned demo: units, posts with their standards, people, their histories and
//! the assessed cohort's results, in bulk inside the seed's transaction.

use super::catalogue::TRAININGS;
use super::plan::{plan_units, PersonPlan, PostPlan};
use crate::synthetic::{day_of_year, Rng};
use app::domain::jabatan::retirement_date;
use app::domain::nine_box::Expectation;
use app::domain::placement_note::SentenceLevel;
use app::domain::skp::predikat;
use app::store::sql::{insert_rows, SqlValue};
use app::store::StoreError;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The periods with records.
const YEARS: [i32; 3] = [2023, 2024, 2025];
/// The JPM against a target post's standard its candidates need: the floor of "masih
/// memenuhi syarat" in the selection categories (domain.md §4), as that standard is a rung up.
const MIN_JPM_FOR_TARGET: f64 = 68.0;

/// The rows already planned and stored that the history tables refer to.
pub(super) struct Stored<'a> {
    pub(super) batch_id: i64,
    pub(super) people: &'a [PersonPlan],
    pub(super) posts: &'a [PostPlan],
    pub(super) post_ids: &'a [i64],
    pub(super) ids: &'a [i64],
}

/// `SELECT key, id ... WHERE ... = $1` as a map from key to id: how rows inserted in bulk are
/// found again.
pub(super) async fn ids_by<K>(
    conn: &mut AnyConnection,
    sql: &str,
    value: i64,
) -> Result<HashMap<K, i64>, StoreError>
where
    K: Eq
        + std::hash::Hash
        + Send
        + Unpin
        + for<'r> sqlx::Decode<'r, sqlx::Any>
        + sqlx::Type<sqlx::Any>,
{
    Ok(sqlx::query_as::<_, (K, i64)>(sql)
        .bind(value)
        .fetch_all(conn)
        .await?
        .into_iter()
        .collect())
}

pub(super) async fn store_units(
    conn: &mut AnyConnection,
    instansi_id: i64,
) -> Result<Vec<i64>, StoreError> {
    let plan = plan_units();
    let mut ids: Vec<i64> = Vec::with_capacity(plan.len());
    for (code, name, parent) in &plan {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO unit_kerja (instansi_id, parent_id, code, name) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(instansi_id)
        .bind(parent.and_then(|p| ids.get(p).copied()))
        .bind(code)
        .bind(name)
        .fetch_one(&mut *conn)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

pub(super) async fn store_posts(
    conn: &mut AnyConnection,
    instansi_id: i64,
    posts: &[PostPlan],
    units: &[i64],
) -> Result<Vec<i64>, StoreError> {
    let rows: Vec<Vec<SqlValue>> = posts
        .iter()
        .map(|p| {
            vec![
                instansi_id.into(),
                units.get(p.unit).copied().into(),
                p.code.as_str().into(),
                p.name.as_str().into(),
                p.jenis.code().into(),
                p.jenjang.map(|j| j.code().to_owned()).into(),
                p.kelas.into(),
                p.field.into(),
                p.kritikal.into(),
                p.target.into(),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "jabatan",
        &[
            "instansi_id",
            "unit_kerja_id",
            "code",
            "name",
            "jenis",
            "jenjang",
            "kelas",
            "field",
            "kritikal",
            "target",
        ],
        &rows,
        "",
    )
    .await?;
    let by_code: HashMap<String, i64> = ids_by(
        conn,
        "SELECT code, id FROM jabatan WHERE instansi_id = $1",
        instansi_id,
    )
    .await?;
    let ids: Vec<i64> = posts
        .iter()
        .filter_map(|p| by_code.get(&p.code).copied())
        .collect();
    let standards: Vec<Vec<SqlValue>> = posts
        .iter()
        .zip(&ids)
        .flat_map(|(post, id)| {
            post.standard()
                .into_iter()
                .map(move |(k, level)| vec![(*id).into(), k.code().into(), i64::from(level).into()])
        })
        .collect();
    insert_rows(
        conn,
        "standar_kompetensi",
        &["jabatan_id", "kompetensi", "level"],
        &standards,
        "",
    )
    .await?;
    let requirements: Vec<Vec<SqlValue>> = posts
        .iter()
        .zip(&ids)
        .filter_map(|(post, id)| {
            let (golongan, education, training) = post.requirements()?;
            Some(vec![
                (*id).into(),
                golongan.into(),
                education.into(),
                training.into(),
                2.0.into(),
                MIN_JPM_FOR_TARGET.into(),
            ])
        })
        .collect();
    insert_rows(
        conn,
        "syarat_jabatan",
        &[
            "jabatan_id",
            "min_golongan",
            "min_education",
            "required_training",
            "min_years_in_post",
            "min_jpm",
        ],
        &requirements,
        "",
    )
    .await?;
    Ok(ids)
}

pub(super) async fn store_people(
    conn: &mut AnyConnection,
    instansi_id: i64,
    batch_id: i64,
    people: &[PersonPlan],
    posts: &[PostPlan],
    post_ids: &[i64],
    units: &[i64],
) -> Result<Vec<i64>, StoreError> {
    let rows: Vec<Vec<SqlValue>> = people
        .iter()
        .enumerate()
        .map(|(row, p)| {
            let post = &posts[p.post];
            vec![
                instansi_id.into(),
                p.nip.as_str().into(),
                p.kind.into(),
                p.name.as_str().into(),
                if p.female { "P" } else { "L" }.into(),
                p.birth.to_string().into(),
                p.tmt_asn.to_string().into(),
                p.golongan.as_str().into(),
                p.tmt_asn.to_string().into(),
                post_ids.get(p.post).copied().into(),
                units.get(post.unit).copied().into(),
                p.tmt_jabatan.to_string().into(),
                retirement_date(p.birth, post.jenis, post.jenjang)
                    .to_string()
                    .into(),
                batch_id.into(),
                (row as i64 + 1).into(),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "pegawai",
        &[
            "instansi_id",
            "nip",
            "kind",
            "name",
            "gender",
            "birth_date",
            "tmt_asn",
            "golongan",
            "tmt_golongan",
            "jabatan_id",
            "unit_kerja_id",
            "tmt_jabatan",
            "retirement_date",
            "import_batch_id",
            "source_row",
        ],
        &rows,
        "",
    )
    .await?;
    let by_nip: HashMap<String, i64> = ids_by(
        conn,
        "SELECT nip, id FROM pegawai WHERE instansi_id = $1",
        instansi_id,
    )
    .await?;
    let ids: Vec<i64> = people
        .iter()
        .map(|p| by_nip.get(&p.nip).copied().unwrap_or_default())
        .collect();
    let links: Vec<(i64, i64)> = people
        .iter()
        .zip(&ids)
        .filter_map(|(p, id)| p.atasan.map(|a| (*id, ids[a])))
        .collect();
    for chunk in links.chunks(2_000) {
        let tuples: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "UPDATE pegawai SET atasan_id = v.column2 FROM (VALUES {}) AS v \
             WHERE pegawai.id = v.column1",
            tuples.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (id, atasan) in chunk {
            query = query.bind(*id).bind(*atasan);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(ids)
}

/// The history rows of every person, by table, before they are written in bulk; each row
/// ends with its provenance (the demo's import batch and the person's row in it).
struct History {
    batch_id: i64,
    rows: HashMap<&'static str, Vec<Vec<SqlValue>>>,
}

/// The history tables and their columns (provenance apart), in the order they are written.
const HISTORY_TABLES: [(&str, &[&str]); 9] = [
    ("riwayat_pangkat", &["pegawai_id", "golongan", "tmt"]),
    (
        "riwayat_jabatan",
        &["pegawai_id", "jabatan_id", "jabatan_name", "tmt_start"],
    ),
    ("riwayat_pendidikan", &["pegawai_id", "level", "field"]),
    (
        "skp",
        &["pegawai_id", "year", "hasil_kerja", "perilaku", "predikat"],
    ),
    (
        "penghargaan",
        &["pegawai_id", "year", "description", "score"],
    ),
    (
        "penugasan_tim",
        &["pegawai_id", "year", "description", "score"],
    ),
    (
        "umpan_balik_360",
        &["pegawai_id", "year", "score", "raters"],
    ),
    (
        "riwayat_pelatihan",
        &[
            "pegawai_id",
            "name",
            "organiser",
            "start_date",
            "year",
            "jp",
        ],
    ),
    (
        "hukuman_disiplin",
        &["pegawai_id", "level", "tmt_start", "tmt_end", "description"],
    ),
];

impl History {
    fn add(&mut self, table: &'static str, source_row: usize, mut row: Vec<SqlValue>) {
        row.push(self.batch_id.into());
        row.push((source_row as i64 + 1).into());
        self.rows.entry(table).or_default().push(row);
    }

    /// Rank, post (and the one before it, if any) and education.
    fn career(
        &mut self,
        row: usize,
        id: i64,
        person: &PersonPlan,
        post: &PostPlan,
        post_id: Option<i64>,
    ) {
        self.add(
            "riwayat_pangkat",
            row,
            vec![
                id.into(),
                person.golongan.as_str().into(),
                person.tmt_asn.to_string().into(),
            ],
        );
        self.add(
            "riwayat_jabatan",
            row,
            vec![
                id.into(),
                post_id.into(),
                post.name.as_str().into(),
                person.tmt_jabatan.to_string().into(),
            ],
        );
        if person.tmt_asn < person.tmt_jabatan {
            self.add(
                "riwayat_jabatan",
                row,
                vec![
                    id.into(),
                    SqlValue::Int(None),
                    "Jabatan sebelumnya".into(),
                    person.tmt_asn.to_string().into(),
                ],
            );
        }
        self.add(
            "riwayat_pendidikan",
            row,
            vec![
                id.into(),
                person.education.code().into(),
                person.field.into(),
            ],
        );
    }

    /// One year's SKP, the other kinerja scores and the trainings, drawn from the person's
    /// talent.
    fn year(&mut self, row: usize, id: i64, person: &PersonPlan, year: i32, rng: &mut Rng) {
        let hasil = expectation(person.talent, rng);
        let perilaku = if rng.chance(0.04) {
            Expectation::Below
        } else {
            expectation(person.talent, rng)
        };
        self.add(
            "skp",
            row,
            vec![
                id.into(),
                i64::from(year).into(),
                hasil.code().into(),
                perilaku.code().into(),
                predikat(hasil, perilaku).code().into(),
            ],
        );
        let mean = 55.0 + person.talent * 35.0;
        for table in ["penghargaan", "penugasan_tim"] {
            self.add(
                table,
                row,
                vec![
                    id.into(),
                    i64::from(year).into(),
                    "Nilai tahunan (berkas SKP)".into(),
                    rng.score(mean, 15.0).into(),
                ],
            );
        }
        self.add(
            "umpan_balik_360",
            row,
            vec![
                id.into(),
                i64::from(year).into(),
                rng.score(mean, 10.0).into(),
                rng.between(4, 9).into(),
            ],
        );
        // Most people get some training every year; a few have none on record yet.
        let trainings = if rng.chance(0.05) {
            0
        } else {
            rng.between(1, 3)
        };
        for _ in 0..trainings {
            let start = day_of_year(year, rng.below(330) as u32);
            self.add(
                "riwayat_pelatihan",
                row,
                vec![
                    id.into(),
                    (*rng.pick(TRAININGS)).into(),
                    "BPSDM Provinsi Kalimantan Timur".into(),
                    start.to_string().into(),
                    i64::from(year).into(),
                    f64::from(*rng.pick(&[2u8, 4, 4, 8, 8, 12, 16, 24])).into(),
                ],
            );
        }
    }

    /// A discipline sentence, for a few.
    fn discipline(&mut self, row: usize, id: i64, rng: &mut Rng) {
        if !rng.chance(0.015) {
            return;
        }
        let level = *rng.pick(&[
            SentenceLevel::Ringan,
            SentenceLevel::Ringan,
            SentenceLevel::Sedang,
            SentenceLevel::Berat,
        ]);
        let start = day_of_year(rng.between(2021, 2025) as i32, rng.below(300) as u32);
        self.add(
            "hukuman_disiplin",
            row,
            vec![
                id.into(),
                level.code().into(),
                start.to_string().into(),
                start.add_years(1).to_string().into(),
                "Catatan sintetis".into(),
            ],
        );
    }
}

/// A rating drawn from chance and talent: mostly as expected, the talented more often above.
fn expectation(talent: f64, rng: &mut Rng) -> Expectation {
    let roll = rng.unit() * 0.6 + talent * 0.4;
    if roll > 0.72 {
        Expectation::Above
    } else if roll < 0.12 {
        Expectation::Below
    } else {
        Expectation::Meets
    }
}

/// Histories: rank, post, education, SKP and the other yearly kinerja scores, training,
/// and discipline. Returns how many rows were written.
pub(super) async fn store_records(
    conn: &mut AnyConnection,
    rng: &mut Rng,
    stored: &Stored<'_>,
) -> Result<u64, StoreError> {
    let mut history = History {
        batch_id: stored.batch_id,
        rows: HashMap::new(),
    };
    for (row, (person, id)) in stored.people.iter().zip(stored.ids).enumerate() {
        let post_id = stored.post_ids.get(person.post).copied();
        history.career(row, *id, person, &stored.posts[person.post], post_id);
        for year in YEARS.into_iter().filter(|y| *y >= person.tmt_asn.year()) {
            history.year(row, *id, person, year, rng);
        }
        history.discipline(row, *id, rng);
    }
    let mut written = 0;
    for (table, columns) in HISTORY_TABLES {
        let mut columns = columns.to_vec();
        columns.extend(["import_batch_id", "source_row"]);
        let rows = history.rows.remove(table).unwrap_or_default();
        // The same training twice on one day is one record.
        let suffix = if table == "riwayat_pelatihan" {
            "ON CONFLICT DO NOTHING"
        } else {
            ""
        };
        written += insert_rows(conn, table, &columns, &rows, suffix).await?;
    }
    Ok(written)
}
