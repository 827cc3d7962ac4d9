//! Succession for key posts: the jabatan kritikal and target of the instansi (in the viewer's
//! units), their holders, and candidates from the talent pool of the latest period (kotak in
//! force 7-9, not refused by the komite) on the rung below or the same rung. Each candidate
//! is checked against the post's requirements (domain.md §5), scored and ranked by
//! `domain::succession`.

use crate::api::self_service::GapRow;
use crate::api::succession::{
    Holder, KeyPost, SuccessionCandidate, SuccessionOverview, SuccessionPlan,
};
use crate::auth::guard::InstansiScope;
use crate::domain::calendar::Date;
use crate::domain::career::{
    checklist, readiness, CandidateFacts, PostLevel, Readiness, Requirements,
};
use crate::domain::jabatan::retirement_date;
use crate::domain::kompetensi::Kompetensi;
use crate::domain::nip::{NiPppk, Nip};
use crate::domain::succession::{
    field_match, is_candidate_rung, match_score, pipeline_flags, rank_order, MatchInputs,
    MAX_COMPARED,
};
use crate::domain::unit_tree::UnitTree;
use crate::error::AppError;
use crate::services::self_service::career::{facts, jpm_of, requirements};
use crate::services::self_service::SelfServiceError;
use crate::store::filter::{periods, FilterError};
use crate::store::posts::Post;
use crate::store::succession::PoolMember;
use crate::store::{self, Conn, StoreError};
use std::collections::{HashMap, HashSet};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SuccessionError {
    #[error("Jabatan kunci ini tidak ditemukan.")]
    NotFound,
    #[error(transparent)]
    Records(#[from] SelfServiceError),
    #[error(transparent)]
    Periods(#[from] FilterError),
    #[error(transparent)]
    Access(#[from] AppError),
    #[error("basis data: {0}")]
    Database(#[from] StoreError),
}

impl From<SuccessionError> for AppError {
    fn from(error: SuccessionError) -> Self {
        match error {
            SuccessionError::NotFound => AppError::NotFound,
            SuccessionError::Records(e) => e.into(),
            SuccessionError::Periods(e) => e.into(),
            SuccessionError::Access(e) => e,
            SuccessionError::Database(e) => e.into(),
        }
    }
}

type Result<T> = std::result::Result<T, SuccessionError>;

/// The most NIPs chosen for comparison that a request is read for: a few more than a
/// comparison shows, so that the ones left out can be counted.
const MAX_CHOICES_READ: usize = 64;

/// A member of the talent pool, with what every post's check needs.
struct Member {
    placed: PoolMember,
    facts: CandidateFacts,
    /// Attained level per competency code in the latest assessment.
    levels: HashMap<String, u8>,
}

/// Whether someone holding a post at `level` is a candidate for a post at `target`.
fn on_candidate_rung(level: Option<PostLevel>, target: PostLevel) -> bool {
    level.is_some_and(|l| is_candidate_rung(l, target))
}

/// The talent pool of `period` in the scope's units whose post `wanted` (by jabatan id), with
/// each member's facts; the facts of anyone else are never read.
async fn pool_members(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    period: i32,
    wanted: impl Fn(Option<i64>) -> bool,
) -> Result<Vec<Member>> {
    let mut members = Vec::new();
    for placed in store::succession::pool(&mut *conn, scope, period).await? {
        if !wanted(placed.jabatan_id) {
            continue;
        }
        let levels = store::succession::latest_levels(&mut *conn, placed.pegawai_id).await?;
        members.push(Member {
            facts: facts(&mut *conn, placed.pegawai_id, None).await?,
            levels,
            placed,
        });
    }
    Ok(members)
}

/// Everything the pages need to weigh candidates: the posts of the instansi by id (for the
/// candidates' levels) and the pool.
struct Pipeline {
    posts: HashMap<i64, Post>,
    pool: Vec<Member>,
    period: Option<i32>,
    /// The instansi's units, to tell a candidate's OPD.
    units: UnitTree,
}

impl Pipeline {
    /// The OPD (top-level unit) of a unit.
    fn opd(&self, unit: Option<i64>) -> Option<i64> {
        unit.and_then(|id| self.units.roll_up(id, None))
            .map(|u| u.id)
    }
}

/// The posts of the instansi and the pool members who are candidates for any of `targets`.
async fn pipeline(
    conn: &mut Conn,
    scope: &InstansiScope<'_>,
    targets: &[&Post],
) -> Result<Pipeline> {
    let period = periods(scope).await?.first().copied();
    let posts: HashMap<i64, Post> = store::succession::posts(&mut *conn, scope)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let levels: Vec<PostLevel> = targets.iter().filter_map(|t| t.level).collect();
    let wanted = |jabatan_id: Option<i64>| {
        let level = jabatan_id
            .and_then(|id| posts.get(&id))
            .and_then(|p| p.level);
        levels.iter().any(|t| on_candidate_rung(level, *t))
    };
    let pool = match period {
        Some(period) => pool_members(conn, scope, period, wanted).await?,
        None => Vec::new(),
    };
    Ok(Pipeline {
        posts,
        pool,
        period,
        units: store::units::tree(&mut *conn, scope.instansi_id()).await?,
    })
}

/// The post's holder, if any, with their retirement date for this post.
async fn holder(conn: &mut Conn, post: &Post) -> Result<Option<Holder>> {
    let Some(row) = store::succession::holder(conn, post.id).await? else {
        return Ok(None);
    };
    let birth = if row.kind == "pns" {
        Nip::parse(&row.nip).ok().map(|n| n.birth_date())
    } else {
        NiPppk::parse(&row.nip).ok().map(|n| n.birth_date())
    };
    let retires = birth
        .zip(post.level)
        .map(|(birth, level)| retirement_date(birth, level.jenis, level.jenjang));
    Ok(Some(Holder {
        nip: row.nip,
        name: row.name,
        retires_on: retires.map(|d| d.to_string()),
    }))
}

/// The candidates for `post`, ranked.
fn candidates(
    pipeline: &Pipeline,
    post: &Post,
    requirements: &Requirements,
    standard: &[(String, u8)],
    today: Date,
) -> Vec<SuccessionCandidate> {
    let Some(target) = post.level else {
        return Vec::new();
    };
    let post_opd = pipeline.opd(post.unit_id);
    let mut list: Vec<SuccessionCandidate> = pipeline
        .pool
        .iter()
        .filter(|m| m.placed.jabatan_id != Some(post.id))
        .filter(|m| {
            let level = m
                .placed
                .jabatan_id
                .and_then(|id| pipeline.posts.get(&id))
                .and_then(|p| p.level);
            on_candidate_rung(level, target)
        })
        .map(|m| {
            let gaps: Vec<GapRow> = standard
                .iter()
                .map(|(code, required)| GapRow {
                    kompetensi: code.clone(),
                    known: Kompetensi::from_code(code),
                    required: *required,
                    attained: m.levels.get(code).copied(),
                })
                .collect();
            let jpm = jpm_of(&gaps).map(|(percent, _, _)| percent);
            let facts = CandidateFacts {
                jpm_for_post: jpm,
                ..m.facts.clone()
            };
            let checks = checklist(requirements, &facts, today);
            let placed = &m.placed;
            let own_post = placed.jabatan_id.and_then(|id| pipeline.posts.get(&id));
            let education_field = facts.education.as_ref().and_then(|(_, f)| f.as_deref());
            let opds = (pipeline.opd(placed.unit_id), post_opd);
            let inputs = MatchInputs {
                checks: &checks,
                jpm,
                field: field_match(
                    post.field.as_deref(),
                    own_post.and_then(|p| p.field.as_deref()),
                    education_field,
                ),
                same_opd: match opds {
                    (Some(theirs), Some(posts)) => Some(theirs == posts),
                    _ => None,
                },
                talent: placed.kinerja.zip(placed.potensial),
            };
            let score = match_score(&inputs);
            SuccessionCandidate {
                nip: placed.nip.clone(),
                name: placed.name.clone(),
                unit: placed.unit.clone(),
                jabatan: placed.jabatan.clone(),
                golongan: placed.golongan.clone(),
                kotak: placed.kotak,
                kinerja: placed.kinerja,
                potensial: placed.potensial,
                jpm,
                readiness: readiness(&checks),
                score,
                checks,
            }
        })
        .collect();
    list.sort_by(|a, b| {
        rank_order(
            (a.readiness, a.score.score, &a.name),
            (b.readiness, b.score.score, &b.name),
        )
    });
    list
}

/// A key post's pipeline: its holder, its ranked candidates and its flags.
async fn assess(
    conn: &mut Conn,
    pipeline: &Pipeline,
    post: &Post,
    today: Date,
) -> Result<(KeyPost, bool, Vec<SuccessionCandidate>)> {
    let (requirements, requirements_set) = requirements(&mut *conn, post).await?;
    let standard = store::succession::standard(&mut *conn, post.id).await?;
    let candidates = candidates(pipeline, post, &requirements, &standard, today);
    let holder = holder(&mut *conn, post).await?;
    let readiness: Vec<_> = candidates.iter().map(|c| c.readiness).collect();
    let flags = pipeline_flags(
        holder
            .as_ref()
            .map(|h| h.retires_on.as_deref().and_then(Date::parse)),
        &readiness,
        today,
    );
    let key = KeyPost {
        code: post.code.clone(),
        name: post.name.clone(),
        unit: post.unit.clone(),
        jenis: post
            .level
            .map(|l| l.jenis.label().to_owned())
            .unwrap_or_default(),
        kritikal: post.kritikal,
        target: post.target,
        holder,
        candidates: candidates.len(),
        ready_now: readiness
            .iter()
            .filter(|r| **r == Some(Readiness::SiapSekarang))
            .count(),
        flags,
    };
    Ok((key, requirements_set, candidates))
}

/// Every key post in scope with its pipeline, the posts with the most flags first.
pub async fn overview(scope: &InstansiScope<'_>, today: Date) -> Result<SuccessionOverview> {
    let mut conn = store::acquire(scope.pool()).await?;
    let key = store::succession::key_posts(&mut conn, scope).await?;
    let pipeline = pipeline(&mut conn, scope, &key.iter().collect::<Vec<_>>()).await?;
    let mut posts = Vec::new();
    for post in &key {
        posts.push(assess(&mut conn, &pipeline, post, today).await?.0);
    }
    posts.sort_by(|a, b| b.flags.len().cmp(&a.flags.len()).then(a.name.cmp(&b.name)));
    Ok(SuccessionOverview {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        period: pipeline.period,
        posts,
    })
}

/// One key post's plan, with up to [`MAX_COMPARED`] of `compared` (NIPs of its candidates)
/// chosen for the side-by-side comparison.
pub async fn plan(
    scope: &InstansiScope<'_>,
    code: &str,
    compared: &[String],
    today: Date,
) -> Result<SuccessionPlan> {
    let mut conn = store::acquire(scope.pool()).await?;
    let post = store::succession::key_posts(&mut conn, scope)
        .await?
        .into_iter()
        // Codes are compared without case: the router's form navigation lower-cases the
        // path, and a code typed by hand may be too.
        .find(|p| p.code.eq_ignore_ascii_case(code))
        .ok_or(SuccessionError::NotFound)?;
    let pipeline = pipeline(&mut conn, scope, &[&post]).await?;
    let (key, requirements_set, candidates) = assess(&mut conn, &pipeline, &post, today).await?;
    let known: HashSet<&str> = candidates.iter().map(|c| c.nip.as_str()).collect();
    let mut chosen: Vec<String> = Vec::new();
    let mut not_compared = 0;
    // However many NIPs a request names, only the first few are read.
    for nip in compared.iter().take(MAX_CHOICES_READ).map(|n| n.trim()) {
        if chosen.iter().any(|c| c == nip) || !known.contains(nip) {
            continue;
        }
        if chosen.len() < MAX_COMPARED {
            chosen.push(nip.to_owned());
        } else {
            not_compared += 1;
        }
    }
    Ok(SuccessionPlan {
        instansi: scope.name().to_owned(),
        slug: scope.slug().to_owned(),
        period: pipeline.period,
        post: key,
        requirements_set,
        candidates,
        compared: chosen,
        not_compared,
    })
}
