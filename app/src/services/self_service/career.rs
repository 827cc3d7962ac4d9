//! The career path: posts to aim for, and for a chosen post the eligibility checklist, the
//! competency gaps and JPM against its standard, and the estimated readiness.

use super::SelfServiceError;
use crate::api::self_service::{CareerPath, GapRow, PostOption, TargetAssessment};
use crate::auth::guard::PersonScope;
use crate::domain::calendar::Date;
use crate::domain::career::{checklist, readiness, CandidateFacts, Requirements};
use crate::domain::golongan::PnsGolongan;
use crate::domain::jabatan::JenisJabatan;
use crate::domain::jpm::{
    jpm, CompetencyLevel, CompetencyMatch, MappingCategory, SelectionCategory,
};
use crate::domain::kompetensi::Kompetensi;
use crate::store::posts::{self, Post};
use crate::store::{self, corrections, placements, training, Conn};
use std::collections::HashMap;

/// The post as a choice on the career-path page.
fn option(post: &Post, suggested: bool) -> PostOption {
    PostOption {
        code: post.code.clone(),
        name: post.name.clone(),
        unit: post.unit.clone(),
        suggested,
        kritikal: post.kritikal,
    }
}

/// The requirements BKPSDM set for the post, or the defaults of its kind; and whether BKPSDM
/// set them.
pub(crate) async fn requirements(
    conn: &mut Conn,
    post: &Post,
) -> Result<(Requirements, bool), SelfServiceError> {
    let jenis = post.level.map_or(JenisJabatan::Pelaksana, |l| l.jenis);
    let defaults = Requirements::default_for(jenis);
    Ok(match posts::requirements(conn, post.id, &defaults).await? {
        Some(set) => (set, true),
        None => (defaults, false),
    })
}

/// The target post's standard against the person's latest assessment.
async fn gaps(
    conn: &mut Conn,
    pegawai_id: i64,
    post_id: i64,
) -> Result<Vec<GapRow>, SelfServiceError> {
    let mut gaps: Vec<(Option<Kompetensi>, GapRow)> =
        posts::standard_against_latest_assessment(conn, pegawai_id, post_id)
            .await?
            .into_iter()
            .map(|level| {
                let kompetensi = Kompetensi::from_code(&level.kompetensi);
                (
                    kompetensi,
                    GapRow {
                        kompetensi: kompetensi.map_or(level.kompetensi, |k| k.label().to_owned()),
                        known: kompetensi,
                        required: level.required,
                        attained: level.attained,
                    },
                )
            })
            .collect();
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

/// What is on record about the candidate, for a post's checklist; `jpm_for_post` is their JPM
/// against that post's standard, when known.
pub(crate) async fn facts(
    conn: &mut Conn,
    pegawai_id: i64,
    jpm_for_post: Option<f64>,
) -> Result<CandidateFacts, SelfServiceError> {
    let person = posts::candidate(&mut *conn, pegawai_id).await?;
    let trainings = training::names(&mut *conn, pegawai_id).await?;
    let kotak = placements::latest_kotak(&mut *conn, pegawai_id).await?;
    let serious_hukdis = posts::serious_sentences(&mut *conn, pegawai_id).await?;
    Ok(CandidateFacts {
        golongan: (person.kind == "pns")
            .then(|| PnsGolongan::parse(&person.golongan).ok())
            .flatten(),
        education: corrections::highest_education(&mut *conn, pegawai_id).await?,
        trainings,
        in_post_since: person.tmt_jabatan.as_deref().and_then(Date::parse),
        kotak,
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
    let mut conn = store::acquire(scope.pool()).await?;
    let current = posts::held_by(&mut conn, scope.pegawai_id()).await?;
    let posts = posts::of_instansi(&mut conn, scope.instansi_id()).await?;
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
        .map(|p| option(p, suggested(p)))
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
                post: option(post, suggested(post)),
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
