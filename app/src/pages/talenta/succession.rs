//! `/talenta/suksesi`: the key posts (jabatan kritikal and target) with their succession
//! pipelines, posts at risk first; `/talenta/suksesi/{kode}`: one post's candidates from the
//! talent pool, ranked by their match with the post, then readiness, each score with its
//! parts; the best ten first (all on request, as cards on a phone), two or three side by side.

use super::nav::{DownloadLinks, OfficeNav};
use super::widgets::PersonHeading;
use super::{get_succession_overview, get_succession_plan};
use crate::api::succession::{KeyPost, SuccessionCandidate, SuccessionOverview, SuccessionPlan};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::domain::career::{Check, CheckOutcome};
use crate::domain::succession::{
    MatchScore, MAX_COMPARED, WEIGHT_CHECKS, WEIGHT_EXPERIENCE, WEIGHT_FIELD, WEIGHT_JPM,
    WEIGHT_TALENT,
};
use crate::format::url_component;
use crate::i18n::count::JABATAN_KUNCI;
use crate::i18n::{checklist, terms, use_lang, Lang};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SuccessionPage() -> impl IntoView {
    let query = use_query_map();
    let overview = Resource::new(
        move || query.with(|q| q.get("instansi")),
        get_succession_overview,
    );
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Suksesi jabatan kunci | Jenjang", "Succession of key posts | Jenjang")/>
        <Loaded resource=overview show=|o| view! { <OverviewView o/> }/>
    }
}

fn flag_list(post: &KeyPost, lang: Lang) -> impl IntoView {
    if post.flags.is_empty() {
        Either::Left(
            view! { <span class="aman">{lang.pick("Tidak ada risiko tercatat", "No risk on record")}</span> },
        )
    } else {
        Either::Right(view! {
            <ul class="risiko">
                {post.flags.iter().map(|f| view! { <li>"⚠ "{terms::pipeline_flag(*f, lang)}</li> }).collect_view()}
            </ul>
        })
    }
}

fn holder_text(post: &KeyPost, lang: Lang) -> String {
    match &post.holder {
        Some(h) => match &h.retires_on {
            Some(date) => format!("{} (BUP {date})", h.name),
            None => h.name.clone(),
        },
        None => lang.pick("Kosong", "Vacant").to_owned(),
    }
}

fn percent(value: Option<f64>, lang: Lang) -> String {
    value.map_or("—".to_owned(), |j| format!("{} %", lang.decimal(j, 1)))
}

#[component]
fn OverviewView(o: SuccessionOverview) -> impl IntoView {
    let lang = use_lang();
    let at_risk = o.posts.iter().filter(|p| !p.flags.is_empty()).count();
    let posts = lang.count(o.posts.len(), JABATAN_KUNCI);
    let slug = o.slug.clone();
    view! {
        <h1>{format!("{} {}", lang.pick("Suksesi jabatan kunci", "Succession of the key posts of"), o.instansi)}</h1>
        <p class="pengantar">{match o.period {
            Some(p) => lang.pick(
                format!("{posts}; {at_risk} di antaranya berisiko. Kandidat diambil dari kelompok rencana suksesi periode {p} (kotak 7-9, tidak ditolak komite) pada jenjang jabatan yang sama atau satu tingkat di bawahnya; jabatan fungsional keahlian dihitung setara (ahli muda setara pengawas, ahli madya setara administrator)."),
                format!("{posts}; {at_risk} of them at risk. Candidates come from the succession pool of period {p} (boxes 7-9, not rejected by the committee) at the same level of post or one below; expert functional posts count as equal (ahli muda as pengawas, ahli madya as administrator)."),
            ),
            None => lang.pick(
                "Belum ada periode yang dipetakan, sehingga belum ada kandidat.",
                "No period mapped yet, so there are no candidates yet.",
            ).to_owned(),
        }}</p>
        <OfficeNav slug=o.slug.clone() here="/talenta/suksesi"/>
        <DownloadLinks dataset="suksesi" what=lang.pick("daftar jabatan kunci", "the list of key posts").to_owned() query=format!("instansi={}", o.slug)/>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick("Jabatan kunci, yang paling berisiko lebih dahulu", "Key posts, the most at risk first")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Jabatan / unit", "Post / unit")}</th>
                        <th scope="col">{lang.pick("Pemangku", "Holder")}</th>
                        <th scope="col" class="angka">{lang.pick("Kandidat", "Candidates")}</th>
                        <th scope="col" class="angka">{lang.pick("Siap sekarang", "Ready now")}</th>
                        <th scope="col">{lang.pick("Risiko", "Risks")}</th>
                    </tr>
                </thead>
                <tbody>
                    {o.posts.into_iter().map(|p| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/talenta/suksesi/{}?instansi={slug}", p.code)>{p.name.clone()}</a>
                                <span class="keterangan">{format!("{} · {}{}", p.unit.clone().unwrap_or_default(), p.jenis,
                                    match (p.kritikal, p.target) {
                                        (true, true) => lang.pick(" · kritikal, target", " · critical, target"),
                                        (true, false) => lang.pick(" · kritikal", " · critical"),
                                        _ => " · target",
                                    })}</span>
                            </th>
                            <td>{holder_text(&p, lang)}</td>
                            <td class="angka">{p.candidates}</td>
                            <td class="angka">{p.ready_now}</td>
                            <td>{flag_list(&p, lang)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn SuccessionPlanPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let request = Memo::new(move |_| {
        (
            query.with(|q| q.get("instansi")),
            params.with(|p| p.get("kode").unwrap_or_default()),
            query.with(|q| q.get_all("banding").unwrap_or_default()),
        )
    });
    let everyone = Memo::new(move |_| query.with(|q| q.get("semua").as_deref() == Some("1")));
    let plan = Resource::new(
        move || request.get(),
        |(instansi, kode, banding)| get_succession_plan(instansi, kode, banding),
    );
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Rencana suksesi | Jenjang", "Succession plan | Jenjang")/>
        <Loaded resource=plan show=move |plan| view! { <PlanView plan everyone=everyone.get_untracked()/> }/>
    }
}

/// How many candidates a plan lists before "all of them".
const CANDIDATES_SHOWN: usize = 10;

/// Why a candidate scores what they score: each part's value, in the order weighed.
fn why_text(m: &MatchScore, lang: Lang) -> String {
    m.parts
        .iter()
        .map(|(part, value, _)| {
            format!(
                "{} {}",
                terms::match_part(*part, lang),
                lang.decimal(*value, 0)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn match_text(m: &MatchScore, lang: Lang) -> String {
    let mut text = m.score.map_or("—".to_owned(), |s| lang.decimal(s, 1));
    if !m.missing.is_empty() {
        text.push_str(&format!(
            " ({} {})",
            lang.pick("tanpa", "without"),
            m.missing
                .iter()
                .map(|p| terms::match_part(*p, lang))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    text
}

#[component]
fn PlanView(plan: SuccessionPlan, everyone: bool) -> impl IntoView {
    let lang = use_lang();
    let post = plan.post.clone();
    let action = format!("/talenta/suksesi/{}", post.code);
    let compared: Vec<SuccessionCandidate> = plan
        .compared
        .iter()
        .filter_map(|nip| plan.candidates.iter().find(|c| &c.nip == nip).cloned())
        .collect();
    let chosen = plan.compared.clone();
    let total = plan.candidates.len();
    // The best first, all of them on request; the chosen for comparison are always listed.
    let shown: Vec<(usize, SuccessionCandidate)> = plan
        .candidates
        .iter()
        .enumerate()
        .filter(|(i, c)| everyone || *i < CANDIDATES_SHOWN || chosen.contains(&c.nip))
        .map(|(i, c)| (i + 1, c.clone()))
        .collect();
    let shown_count = shown.len();
    // "All of them" keeps the comparison chosen, and comparing keeps "all of them".
    let chosen_query: String = chosen
        .iter()
        .map(|nip| format!("&banding={}", url_component(nip)))
        .collect();
    let all_link = format!(
        "{action}?instansi={}&semua=1{chosen_query}#kandidat",
        plan.slug
    );
    view! {
        <h1>{format!("{}: {}", lang.pick("Rencana suksesi", "Succession plan"), post.name)}</h1>
        <p class="pengantar">{format!(
            "{} · {} · {}: {}. {}",
            post.unit.clone().unwrap_or_default(),
            post.jenis,
            lang.pick("pemangku", "holder"),
            holder_text(&post, lang),
            if plan.requirements_set {
                lang.pick("Syarat jabatan ditetapkan BKPSDM.", "BKPSDM set the requirements of the post.")
            } else {
                lang.pick(
                    "Syarat jabatan memakai ketentuan bawaan jenis jabatannya.",
                    "The requirements are the defaults of its kind of post.",
                )
            }
        )}</p>
        <OfficeNav slug=plan.slug.clone() here="/talenta/suksesi"/>
        <section class="kartu">
            <h2>{lang.pick("Kesehatan jalur suksesi", "Health of the succession pipeline")}</h2>
            {flag_list(&post, lang)}
            <p class="keterangan">{lang.pick(
                format!("Skor kecocokan 0-100: {WEIGHT_CHECKS:.0}% syarat jabatan terpenuhi, {WEIGHT_JPM:.0}% JPM terhadap standar kompetensi jabatan ini, {WEIGHT_FIELD:.0}% kesesuaian bidang (bidang jabatan kandidat 100, bidang pendidikannya 60), {WEIGHT_EXPERIENCE:.0}% pengalaman di OPD jabatan ini, {WEIGHT_TALENT:.0}% rata-rata skor kinerja dan potensial. Bagian yang belum tercatat tidak dihitung nol: bobotnya dibagi ke bagian lain dan disebutkan. Di bawah setiap skor tertulis nilai tiap bagiannya."),
                format!("Match score 0-100: {WEIGHT_CHECKS:.0}% requirements met, {WEIGHT_JPM:.0}% JPM against this post's competency standard, {WEIGHT_FIELD:.0}% field of work (the candidate's post in the field 100, their education 60), {WEIGHT_EXPERIENCE:.0}% experience in this post's OPD, {WEIGHT_TALENT:.0}% mean of the performance and potential scores. A part not on record does not count as zero: its weight goes to the other parts, and this is said. Under each score, the value of each part."),
            )}</p>
        </section>
        {(plan.not_compared > 0).then(|| view! {
            <p class="pemberitahuan" role="status">{lang.pick(
                format!("Perbandingan memuat paling banyak {MAX_COMPARED} kandidat: {} yang dipilih sesudahnya tidak ditampilkan.", plan.not_compared),
                format!("A comparison shows at most {MAX_COMPARED} candidates: {} chosen after them not shown.", plan.not_compared),
            )}</p>
        })}
        {(!compared.is_empty()).then(|| view! { <Comparison candidates=compared/> })}
        <section id="kandidat">
            <h2>{format!("{} ({})", lang.pick("Kandidat", "Candidates"), plan.candidates.len())}</h2>
            <DownloadLinks dataset="suksesi" what=lang.pick("daftar kandidat", "the list of candidates").to_owned()
                query=format!("instansi={}&kode={}", plan.slug, url_component(&post.code))/>
            {if plan.candidates.is_empty() {
                Either::Left(view! { <p>{lang.pick(
                    "Belum ada kandidat dari kelompok rencana suksesi untuk jabatan ini.",
                    "No candidates from the succession pool for this post yet.",
                )}</p> })
            } else {
                Either::Right(view! {
                    <Form method="GET" action=action attr:class="banding-kandidat">
                        <input type="hidden" name="instansi" value=plan.slug.clone()/>
                        {everyone.then(|| view! { <input type="hidden" name="semua" value="1"/> })}
                        <div class="tabel-gulir" tabindex="0">
                            <table class="data kandidat">
                                <caption>{lang.pick("Kandidat menurut skor kecocokan dengan jabatan ini, lalu kesiapan", "Candidates by their match with this post, then readiness")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{lang.pick("Bandingkan", "Compare")}</th>
                                        <th scope="col" class="angka">{lang.pick("Urutan", "Rank")}</th>
                                        <th scope="col">{lang.pick("Nama / NIP", "Name / NIP")}</th>
                                        <th scope="col">{lang.pick("Unit kerja / jabatan", "Work unit / post")}</th>
                                        <th scope="col" class="angka">{lang.pick("Kotak", "Box")}</th>
                                        <th scope="col" class="angka">"JPM"</th>
                                        <th scope="col" class="angka">{match_heading(lang)}</th>
                                        <th scope="col">{readiness_heading(lang)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {shown.into_iter().map(|(rank, c)| {
                                        let checked = chosen.contains(&c.nip);
                                        let id = format!("banding-{}", c.nip);
                                        view! {
                                            <tr>
                                                <td data-label=lang.pick("Bandingkan", "Compare")>
                                                    <input type="checkbox" name="banding" id=id.clone() value=c.nip.clone() checked=checked
                                                        aria-label=format!("{} {}", lang.pick("Bandingkan", "Compare"), c.name)/>
                                                </td>
                                                <td class="angka" data-label=lang.pick("Urutan", "Rank")>{rank}</td>
                                                <PersonHeading nip=c.nip.clone() name=c.name.clone()/>
                                                <td data-label=lang.pick("Unit / jabatan", "Unit / post")>{c.unit.clone().unwrap_or_default()}<span class="keterangan">{format!("{} · {}", c.jabatan.clone().unwrap_or_default(), c.golongan)}</span></td>
                                                <td class="angka" data-label=lang.pick("Kotak", "Box")>{c.kotak.map_or("—".to_owned(), |k| k.to_string())}</td>
                                                <td class="angka" data-label="JPM">{percent(c.jpm, lang)}</td>
                                                <td class="angka" data-label=match_heading(lang)>
                                                    {match_text(&c.score, lang)}
                                                    <span class="keterangan mengapa">{why_text(&c.score, lang)}</span>
                                                </td>
                                                <td data-label=readiness_heading(lang)>{terms::readiness_label(c.readiness, lang)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        {(total > shown_count).then(|| view! {
                            <p><a href=all_link.clone()>{lang.pick(
                                format!("Tampilkan semua {total} kandidat ›"),
                                format!("Show all {total} candidates ›"),
                            )}</a></p>
                        })}
                        <button type="submit">{lang.pick(
                            format!("Bandingkan yang dipilih (2-{MAX_COMPARED} kandidat)"),
                            format!("Compare the chosen (2-{MAX_COMPARED} candidates)"),
                        )}</button>
                    </Form>
                })
            }}
        </section>
    }
}

fn match_heading(lang: Lang) -> &'static str {
    lang.pick("Skor kecocokan", "Match score")
}

fn readiness_heading(lang: Lang) -> &'static str {
    lang.pick("Kesiapan", "Readiness")
}

fn outcome_text(check: &Check, lang: Lang) -> String {
    let mark = match check.outcome {
        CheckOutcome::Pass => lang.pick("✓ memenuhi", "✓ met"),
        CheckOutcome::Fail => lang.pick("✗ belum memenuhi", "✗ not met yet"),
        CheckOutcome::Unknown => lang.pick("? belum tercatat", "? not on record"),
    };
    format!("{mark}: {}", checklist::attained(&check.attained, lang))
}

/// Two or three candidates side by side: one column each, one row per check.
#[component]
fn Comparison(candidates: Vec<SuccessionCandidate>) -> impl IntoView {
    let lang = use_lang();
    let criteria: Vec<(String, String)> = candidates
        .first()
        .map(|c| {
            c.checks
                .iter()
                .map(|k| {
                    (
                        terms::criterion(k.criterion, lang).to_owned(),
                        checklist::required(&k.required, lang),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let row = |title: String, cells: Vec<String>| {
        view! {
            <tr>
                <th scope="row">{title}</th>
                {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
            </tr>
        }
    };
    let each =
        |f: &dyn Fn(&SuccessionCandidate) -> String| candidates.iter().map(f).collect::<Vec<_>>();
    let summary = vec![
        row(
            readiness_heading(lang).into(),
            each(&|c| terms::readiness_label(c.readiness, lang).to_owned()),
        ),
        row(
            match_heading(lang).into(),
            each(&|c| match_text(&c.score, lang)),
        ),
        row(
            lang.pick("Kotak", "Box").into(),
            each(&|c| c.kotak.map_or("—".to_owned(), |k| k.to_string())),
        ),
        row(
            lang.pick("Kinerja / potensial", "Performance / potential")
                .into(),
            each(&|c| format!("{} / {}", lang.score(c.kinerja), lang.score(c.potensial))),
        ),
        row("JPM".into(), each(&|c| percent(c.jpm, lang))),
    ];
    let checks = criteria
        .into_iter()
        .enumerate()
        .map(|(i, (label, required))| {
            row(
                format!("{label} ({required})"),
                each(&|c| {
                    c.checks
                        .get(i)
                        .map(|k| outcome_text(k, lang))
                        .unwrap_or_default()
                }),
            )
        })
        .collect_view();
    view! {
        <section id="banding" class="kartu">
            <h2>{lang.pick("Perbandingan kandidat", "Candidates compared")}</h2>
            <div class="tabel-gulir" tabindex="0">
                <table class="data banding">
                    <caption>{lang.pick("Kandidat terpilih berdampingan", "The chosen candidates side by side")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Aspek", "Aspect")}</th>
                            {candidates.iter().map(|c| view! {
                                <th scope="col"><a href=format!("/pegawai/{}", c.nip)>{c.name.clone()}</a></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {summary}
                        {checks}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
