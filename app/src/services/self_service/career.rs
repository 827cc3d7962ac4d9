//! The career path: posts to aim for, and for a chosen post the eligibility checklist, the
//! competency gaps and JPM against its standard, and the estimated readiness.

use super::{education, SelfServiceError};
use crate::api::self_service::{CareerPath, GapRow, PostOption, TargetAssessment};
use crate::auth::guard::PersonScope;
use crate::domain::calendar::Date;
use crate::domain::career::{checklist, readiness, CandidateFacts, PostLevel, Requirements};
use crate::domain::golongan::PnsGolongan;
use crate::domain::jabatan::{JenisJabatan, JenjangFungsional};
use crate::domain::jpm::{
    jpm, CompetencyLevel, CompetencyMatch, MappingCategory, SelectionCategory,
};
use crate::domain::kompetensi::Kompetensi;
use crate::domain::nine_box::Kotak;
use crate::domain::scoring::Education;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// A post of the instansi as the career and succession pages need it.
pub(crate) struct Post {
    pub(crate) id: i64,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) unit: Option<String>,
    pub(crate) level: Option<PostLevel>,
    field: Option<String>,
    pub(crate) kritikal: bool,
    pub(crate) target: bool,
}

pub(crate) fn post(row: &AnyRow) -> Result<Post, sqlx::Error> {
    let jenis: String = row.try_get("jenis")?;
    let jenjang: Option<String> = row.try_get("jenjang")?;
    Ok(Post {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        unit: row.try_get("unit")?,
        level: JenisJabatan::parse(&jenis).ok().map(|jenis| PostLevel {
            jenis,
            jenjang: jenjang
                .as_deref()
                .and_then(|j| JenjangFungsional::parse(j).ok()),
        }),
        field: row.try_get("field")?,
        kritikal: row.try_get::<i64, _>("kritikal")? == 1,
        target: row.try_get::<i64, _>("target")? == 1,
    })
}

impl Post {
    fn option(&self, suggested: bool) -> PostOption {
        PostOption {
            code: self.code.clone(),
            name: self.name.clone(),
            unit: self.unit.clone(),
            suggested,
            kritikal: self.kritikal,
        }
    }
}

pub(crate) const POSTS: &str = "SELECT j.id, j.code, j.name, j.jenis, j.jenjang, j.field, \
     CASE WHEN j.kritikal THEN 1 ELSE 0 END AS kritikal, \
     CASE WHEN j.target THEN 1 ELSE 0 END AS target, u.name AS unit \
     FROM jabatan j LEFT JOIN unit_kerja u ON u.id = j.unit_kerja_id";

/// The requirements BKPSDM set for the post, or the defaults of its kind.
pub(crate) async fn requirements(
    conn: &mut AnyConnection,
    post: &Post,
) -> Result<(Requirements, bool), SelfServiceError> {
    let jenis = post.level.map_or(JenisJabatan::Pelaksana, |l| l.jenis);
    let Some(row) = sqlx::query(
        "SELECT min_golongan, min_education, education_field, required_training, \
         min_years_in_post, allowed_kotak, min_jpm, hukdis_free_years FROM syarat_jabatan \
         WHERE jabatan_id = $1",
    )
    .bind(post.id)
    .fetch_optional(conn)
    .await?
    else {
        return Ok((Requirements::default_for(jenis), false));
    };
    let defaults = Requirements::default_for(jenis);
    let allowed: Option<String> = row.try_get("allowed_kotak")?;
    Ok((
        Requirements {
            min_golongan: row
                .try_get::<Option<String>, _>("min_golongan")?
                .and_then(|g| PnsGolongan::parse(&g).ok()),
            min_education: row
                .try_get::<Option<String>, _>("min_education")?
                .and_then(|e| Education::parse(&e)),
            education_field: row.try_get("education_field")?,
            required_training: row.try_get("required_training")?,
            min_years_in_post: row.try_get("min_years_in_post")?,
            allowed_kotak: allowed.map_or(defaults.allowed_kotak, |list| {
                list.split(',')
                    .filter_map(|k| k.trim().parse::<u8>().ok())
                    .filter_map(Kotak::from_number)
                    .map(Kotak::number)
                    .collect()
            }),
            min_jpm: row.try_get("min_jpm")?,
            hukdis_free_years: u8::try_from(row.try_get::<i64, _>("hukdis_free_years")?)
                .unwrap_or(defaults.hukdis_free_years),
        },
        true,
    ))
}

/// The target post's standard against the person's latest assessment.
async fn gaps(
    conn: &mut AnyConnection,
    pegawai_id: i64,
    post_id: i64,
) -> Result<Vec<GapRow>, SelfServiceError> {
    let rows = sqlx::query(
        "SELECT s.kompetensi, s.level AS required, (SELECT k.level FROM asesmen_kompetensi k \
         WHERE k.kompetensi = s.kompetensi AND k.asesmen_id = (SELECT a.id FROM asesmen a \
         WHERE a.pegawai_id = $1 ORDER BY a.assessed_on DESC LIMIT 1)) AS attained \
         FROM standar_kompetensi s WHERE s.jabatan_id = $2",
    )
    .bind(pegawai_id)
    .bind(post_id)
    .fetch_all(conn)
    .await?;
    let mut gaps: Vec<(Option<Kompetensi>, GapRow)> = Vec::new();
    for row in rows {
        let code: String = row.try_get("kompetensi")?;
        let kompetensi = Kompetensi::from_code(&code);
        gaps.push((
            kompetensi,
            GapRow {
                kompetensi: kompetensi.map_or(code, |k| k.label().to_owned()),
                required: u8::try_from(row.try_get::<i64, _>("required")?).unwrap_or(5),
                attained: row
                    .try_get::<Option<i64>, _>("attained")?
                    .and_then(|l| u8::try_from(l).ok()),
            },
        ));
    }
    // The order of PermenPANRB 38/2017, then teknis competencies by name.
    gaps.sort_by(|(a, x), (b, y)| match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.kompetensi.cmp(&y.kompetensi),
    });
    Ok(gaps.into_iter().map(|(_, row)| row).collect())
}

/// JPM of the gap table, when every competency of the standard was assessed.
pub(crate) fn jpm_of(gaps: &[GapRow]) -> Option<(f64, MappingCategory, SelectionCategory)> {
    let matches = gaps
        .iter()
        .map(|g| {
            Some(CompetencyMatch {
                required: CompetencyLevel::new(g.required).ok()?,
                attained: CompetencyLevel::new(g.attained?).ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let result = jpm(&matches).ok()?;
    Some((
        result.percent(),
        result.mapping_category(),
        result.selection_category(),
    ))
}

pub(crate) async fn facts(
    conn: &mut AnyConnection,
    pegawai_id: i64,
    jpm_for_post: Option<f64>,
) -> Result<CandidateFacts, SelfServiceError> {
    let person = sqlx::query("SELECT kind, golongan, tmt_jabatan FROM pegawai WHERE id = $1")
        .bind(pegawai_id)
        .fetch_one(&mut *conn)
        .await?;
    let kind: String = person.try_get("kind")?;
    let golongan: String = person.try_get("golongan")?;
    let trainings = sqlx::query_scalar("SELECT name FROM riwayat_pelatihan WHERE pegawai_id = $1")
        .bind(pegawai_id)
        .fetch_all(&mut *conn)
        .await?;
    let kotak: Option<i64> = sqlx::query_scalar(
        "SELECT final_kotak FROM placement_calibrated WHERE pegawai_id = $1 \
         ORDER BY period DESC LIMIT 1",
    )
    .bind(pegawai_id)
    .fetch_optional(&mut *conn)
    .await?
    .flatten();
    let serious_hukdis = sqlx::query(
        "SELECT tmt_start, tmt_end FROM hukuman_disiplin WHERE pegawai_id = $1 \
         AND level IN ('sedang', 'berat')",
    )
    .bind(pegawai_id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .filter_map(|row| {
        let start = Date::parse(&row.try_get::<String, _>("tmt_start").ok()?)?;
        let end = row
            .try_get::<Option<String>, _>("tmt_end")
            .ok()?
            .as_deref()
            .and_then(Date::parse);
        Some((start, end))
    })
    .collect();
    Ok(CandidateFacts {
        golongan: (kind == "pns")
            .then(|| PnsGolongan::parse(&golongan).ok())
            .flatten(),
        education: education(&mut *conn, pegawai_id).await?,
        trainings,
        in_post_since: person
            .try_get::<Option<String>, _>("tmt_jabatan")?
            .as_deref()
            .and_then(Date::parse),
        kotak: kotak
            .and_then(|k| u8::try_from(k).ok())
            .and_then(Kotak::from_number),
        jpm_for_post,
        serious_hukdis,
    })
}

/// The career-path page: the posts to choose from and, for `target` (a post code), the
/// assessment of the person against it.
pub async fn career_path(
    scope: &PersonScope<'_>,
    target: Option<&str>,
    today: Date,
) -> Result<CareerPath, SelfServiceError> {
    let mut conn = scope.pool().acquire().await?;
    let current: Option<i64> = sqlx::query_scalar("SELECT jabatan_id FROM pegawai WHERE id = $1")
        .bind(scope.pegawai_id())
        .fetch_one(&mut *conn)
        .await?;
    let posts = sqlx::query(&format!("{POSTS} WHERE j.instansi_id = $1 ORDER BY j.name"))
        .bind(scope.instansi_id())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(post)
        .collect::<Result<Vec<_>, _>>()?;
    let by_id: HashMap<i64, &Post> = posts.iter().map(|p| (p.id, p)).collect();
    let mine = current.and_then(|id| by_id.get(&id).copied());
    let suggested = |p: &Post| {
        mine.is_some_and(|m| {
            matches!((m.level, p.level), (Some(a), Some(b)) if a.is_next_up(b))
                && (m.field.is_none() || m.field == p.field)
        })
    };
    let mut options: Vec<PostOption> = posts
        .iter()
        .filter(|p| suggested(p) || p.kritikal || p.target)
        .map(|p| p.option(suggested(p)))
        .collect();
    options.sort_by(|a, b| b.suggested.cmp(&a.suggested).then(a.name.cmp(&b.name)));
    let target = match target {
        None => None,
        Some(code) => {
            let post = posts
                .iter()
                .find(|p| p.code == code)
                .ok_or(SelfServiceError::NotFound)?;
            let (requirements, requirements_set) = requirements(&mut conn, post).await?;
            let gaps = gaps(&mut conn, scope.pegawai_id(), post.id).await?;
            let jpm = jpm_of(&gaps);
            let facts = facts(&mut conn, scope.pegawai_id(), jpm.as_ref().map(|j| j.0)).await?;
            let checks = checklist(&requirements, &facts, today);
            Some(TargetAssessment {
                post: post.option(suggested(post)),
                requirements_set,
                readiness: readiness(&checks),
                checks,
                gaps,
                jpm,
            })
        }
    };
    Ok(CareerPath {
        current_post: mine.map(|m| m.name.clone()),
        options,
        target,
    })
}
