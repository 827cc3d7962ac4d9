//! The downloads, each a [`Sheet`] with the lines that say what it is. The talent office's
//! (here): the map, its people, the talent pool and succession, with the same filters as
//! their page, written in Bahasa Indonesia, the language of the office's records. The public
//! talent picture's: [`picture`].

mod national;
mod picture;

pub use national::national_sheet;
pub use picture::picture_sheet;

use crate::api::talent_map::{MapFilter, PeopleQuery, SortKey};
use crate::api::talent_pool::PoolQuery;
use crate::auth::guard::InstansiScope;
use crate::domain::calendar::Date;
use crate::domain::nine_box::Kotak;
use crate::error::AppError;
use crate::export::{Cell, Sheet};
use crate::i18n::{checklist, filters, terms, Lang};
use crate::services::clock::now_utc;
use crate::services::{succession, talent_map, talent_pool};

/// What can be downloaded, by the file's base name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dataset {
    /// The 9-box counts of the filtered map.
    Peta,
    /// The people of the filtered map (one kotak with `kotak=`).
    Pegawai,
    /// The talent pool with its stages.
    Krs,
    /// The key posts and their pipelines, or one post's candidates with `kode=`.
    Suksesi,
    /// The filtered map per OPD (or the units under the chosen one) in its period.
    Sebaran,
}

impl Dataset {
    pub fn from_name(name: &str) -> Option<Dataset> {
        match name {
            "peta" => Some(Dataset::Peta),
            "pegawai" => Some(Dataset::Pegawai),
            "krs" => Some(Dataset::Krs),
            "suksesi" => Some(Dataset::Suksesi),
            "sebaran" => Some(Dataset::Sebaran),
            _ => None,
        }
    }
}

const SOURCE: &str = "Jenjang: snapshot penempatan 9 kotak per periode; kotak berlaku = hasil kalibrasi komite bila ada, selain itu kotak hasil perhitungan";

fn about(scope: &InstansiScope<'_>, lines: Vec<(&str, String)>) -> Vec<(String, String)> {
    let mut about = vec![("Instansi".to_owned(), scope.name().to_owned())];
    about.extend(lines.into_iter().map(|(k, v)| (k.to_owned(), v)));
    about.push((
        "Lingkup".to_owned(),
        if scope.units().is_none() {
            "seluruh instansi".to_owned()
        } else {
            "unit kerja dalam lingkup tugas pengunduh".to_owned()
        },
    ));
    about.push(("Sumber".to_owned(), SOURCE.to_owned()));
    about.push(("Dibuat".to_owned(), now_utc()));
    about
}

fn period_text(period: Option<i32>) -> String {
    period.map_or("belum ada periode terpetakan".to_owned(), |p| p.to_string())
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|c| (*c).to_owned()).collect()
}

/// The sheet of `dataset` for the filters in `get` (URL parameters).
pub async fn sheet(
    scope: &InstansiScope<'_>,
    dataset: Dataset,
    get: impl Fn(&str) -> Option<String>,
    today: Date,
) -> Result<Sheet, AppError> {
    match dataset {
        Dataset::Peta => map_sheet(scope, &MapFilter::from_params(&get)).await,
        Dataset::Pegawai => {
            let query = PeopleQuery {
                filter: MapFilter::from_params(&get),
                kotak: get("kotak").and_then(|k| k.parse().ok()),
                cari: get("cari").filter(|c| !c.trim().is_empty()),
                urut: get("urut")
                    .and_then(|u| SortKey::from_code(&u))
                    .unwrap_or_default(),
                halaman: 1,
            };
            people_sheet(scope, &query).await
        }
        Dataset::Krs => pool_sheet(scope, &PoolQuery::from_params(&get)).await,
        Dataset::Sebaran => spread_sheet(scope, &MapFilter::from_params(&get)).await,
        Dataset::Suksesi => match get("kode") {
            Some(code) => plan_sheet(scope, &code, today).await,
            None => succession_sheet(scope, today).await,
        },
    }
}

async fn map_sheet(scope: &InstansiScope<'_>, filter: &MapFilter) -> Result<Sheet, AppError> {
    let map = talent_map::map(scope, filter).await?;
    let placed: i64 = map.per_kotak.iter().sum();
    let mut rows: Vec<Vec<Cell>> = Kotak::all()
        .map(|k| {
            let n = map.per_kotak[usize::from(k.number()) - 1];
            let (kinerja, potensial) = k.categories();
            vec![
                Cell::from(k.number()),
                Cell::from(kinerja.label()),
                Cell::from(potensial.label()),
                Cell::from(n),
                if placed == 0 {
                    Cell::Empty
                } else {
                    Cell::from((n as f64 * 1000.0 / placed as f64).round() / 10.0)
                },
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Empty,
        Cell::from("Belum terpetakan"),
        Cell::Empty,
        Cell::from(map.not_placed),
        Cell::Empty,
    ]);
    Ok(Sheet {
        title: format!("Peta talenta {}", map.instansi),
        about: about(
            scope,
            vec![
                ("Periode", period_text(map.period)),
                ("Filter", filters::map_filter(filter, &map.units, Lang::Id)),
                ("Dikalibrasi komite", map.calibrated.to_string()),
            ],
        ),
        columns: columns(&["Kotak", "Kinerja", "Potensial", "Pegawai", "Persentase"]),
        rows,
    })
}

async fn spread_sheet(scope: &InstansiScope<'_>, filter: &MapFilter) -> Result<Sheet, AppError> {
    let spread = talent_map::distributions(scope, filter).await?;
    let rows = spread
        .by_unit
        .iter()
        .map(|r| {
            let mut row = vec![Cell::from(r.label.clone())];
            row.extend(r.per_kotak.iter().map(|n| Cell::from(*n)));
            row.extend([
                Cell::from(r.placed()),
                Cell::from(r.not_placed),
                Cell::from(r.talent_pool()),
            ]);
            row
        })
        .collect();
    let mut names = vec!["Unit kerja".to_owned()];
    names.extend((1..=9).map(|k| format!("Kotak {k}")));
    names.extend(["Terpetakan", "Belum terpetakan", "Kotak 7-9"].map(str::to_owned));
    Ok(Sheet {
        title: format!(
            "Sebaran talenta per {} {}",
            filters::grouping(&spread, Lang::Id),
            spread.instansi
        ),
        about: about(
            scope,
            vec![
                ("Periode", period_text(spread.period)),
                (
                    "Filter",
                    filters::map_filter(filter, &spread.units, Lang::Id),
                ),
            ],
        ),
        columns: names,
        rows,
    })
}

async fn people_sheet(scope: &InstansiScope<'_>, query: &PeopleQuery) -> Result<Sheet, AppError> {
    let map = talent_map::map(scope, &query.filter).await?;
    let page = talent_map::every_person(scope, query).await?;
    let rows = page
        .people
        .into_iter()
        .map(|p| {
            vec![
                Cell::from(p.name),
                Cell::from(p.nip),
                Cell::from(p.unit),
                Cell::from(p.jabatan),
                Cell::from(p.golongan),
                Cell::from(p.kinerja),
                Cell::from(p.potensial),
                Cell::from(p.kotak),
                Cell::from(p.calibrated_kotak),
                Cell::from(p.calibrated_kotak.or(p.kotak)),
            ]
        })
        .collect();
    let mut filter = filters::map_filter(&query.filter, &map.units, Lang::Id);
    if let Some(k) = query.kotak {
        filter.push_str(&format!(", kotak {k}"));
    }
    if let Some(c) = &query.cari {
        filter.push_str(&format!(", pencarian \"{c}\""));
    }
    Ok(Sheet {
        title: format!("Pegawai pada peta talenta {}", map.instansi),
        about: about(
            scope,
            vec![
                ("Periode", period_text(map.period)),
                ("Filter", filter),
                ("Urutan", query.urut.label().to_owned()),
            ],
        ),
        columns: columns(&[
            "Nama",
            "NIP",
            "Unit kerja",
            "Jabatan",
            "Golongan",
            "Skor kinerja",
            "Skor potensial",
            "Kotak hitung",
            "Kotak kalibrasi",
            "Kotak berlaku",
        ]),
        rows,
    })
}

async fn pool_sheet(scope: &InstansiScope<'_>, query: &PoolQuery) -> Result<Sheet, AppError> {
    let pool = talent_pool::whole_pool(scope, query).await?;
    let mut filter = filters::map_filter(&query.filter, &pool.units, Lang::Id);
    if let Some(t) = &query.tahap {
        filter.push_str(&format!(", tahap {t}"));
    }
    let rows = pool
        .members
        .into_iter()
        .map(|m| {
            vec![
                Cell::from(m.name),
                Cell::from(m.nip),
                Cell::from(m.unit),
                Cell::from(m.jabatan),
                Cell::from(m.golongan),
                Cell::from(m.calibrated_kotak.or(m.kotak)),
                Cell::from(m.tahap.label()),
                Cell::from(if m.nasional { "ya" } else { "tidak" }),
                Cell::from(m.verified_by),
                Cell::from(m.decision_ref),
                Cell::from(m.decided_by),
                Cell::from(m.decided_at),
                Cell::from(m.note),
            ]
        })
        .collect();
    Ok(Sheet {
        title: format!("Kelompok rencana suksesi {}", pool.instansi),
        about: about(
            scope,
            vec![("Periode", period_text(pool.period)), ("Filter", filter)],
        ),
        columns: columns(&[
            "Nama",
            "NIP",
            "Unit kerja",
            "Jabatan",
            "Golongan",
            "Kotak berlaku",
            "Tahap",
            "KRS nasional",
            "Diverifikasi oleh",
            "Nomor keputusan",
            "Diputuskan oleh",
            "Diputuskan pada",
            "Catatan",
        ]),
        rows,
    })
}

async fn succession_sheet(scope: &InstansiScope<'_>, today: Date) -> Result<Sheet, AppError> {
    let overview = succession::overview(scope, today).await?;
    let rows = overview
        .posts
        .into_iter()
        .map(|p| {
            vec![
                Cell::from(p.code),
                Cell::from(p.name),
                Cell::from(p.unit),
                Cell::from(p.jenis),
                Cell::from(if p.kritikal { "ya" } else { "tidak" }),
                Cell::from(if p.target { "ya" } else { "tidak" }),
                Cell::from(p.holder.as_ref().map(|h| h.name.clone())),
                Cell::from(p.holder.and_then(|h| h.retires_on)),
                Cell::from(p.candidates as i64),
                Cell::from(p.ready_now as i64),
                Cell::from(
                    p.flags
                        .iter()
                        .map(|f| f.label())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        })
        .collect();
    Ok(Sheet {
        title: format!("Suksesi jabatan kunci {}", overview.instansi),
        about: about(
            scope,
            vec![(
                "Periode kelompok rencana suksesi",
                period_text(overview.period),
            )],
        ),
        columns: columns(&[
            "Kode jabatan",
            "Jabatan",
            "Unit kerja",
            "Jenis jabatan",
            "Kritikal",
            "Target",
            "Pemangku",
            "BUP pemangku",
            "Kandidat",
            "Siap sekarang",
            "Risiko",
        ]),
        rows,
    })
}

async fn plan_sheet(scope: &InstansiScope<'_>, code: &str, today: Date) -> Result<Sheet, AppError> {
    let plan = succession::plan(scope, code, &[], today).await?;
    let rows = plan
        .candidates
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                Cell::from(i as i64 + 1),
                Cell::from(c.name),
                Cell::from(c.nip),
                Cell::from(c.unit),
                Cell::from(c.jabatan),
                Cell::from(c.golongan),
                Cell::from(c.kotak),
                Cell::from(c.jpm),
                Cell::from(c.score.score),
                Cell::from(terms::readiness_label(c.readiness, Lang::Id)),
                Cell::from(
                    c.checks
                        .iter()
                        .map(|k| {
                            format!(
                                "{}: {}",
                                k.criterion.label(),
                                checklist::attained(&k.attained, Lang::Id)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        })
        .collect();
    Ok(Sheet {
        title: format!("Rencana suksesi {} ({})", plan.post.name, plan.instansi),
        about: about(
            scope,
            vec![
                ("Periode kelompok rencana suksesi", period_text(plan.period)),
                (
                    "Risiko",
                    plan.post
                        .flags
                        .iter()
                        .map(|f| f.label())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                (
                    "Skor kecocokan",
                    "40% syarat terpenuhi, 40% JPM, 20% rata-rata kinerja dan potensial".to_owned(),
                ),
            ],
        ),
        columns: columns(&[
            "Urutan",
            "Nama",
            "NIP",
            "Unit kerja",
            "Jabatan",
            "Golongan",
            "Kotak",
            "JPM (%)",
            "Skor kecocokan",
            "Kesiapan",
            "Syarat",
        ]),
        rows,
    })
}
