//! `/talenta/suksesi`: the key posts (jabatan kritikal and target) with their succession
//! pipelines, posts at risk first; `/talenta/suksesi/{kode}`: one post's candidates from the
//! talent pool, ranked by readiness and match score, with two or three side by side.

use super::nav::{DownloadLinks, OfficeNav};
use super::{get_succession_overview, get_succession_plan};
use crate::components::loaded::Loaded;
use crate::domain::career::{Check, CheckOutcome};
use crate::domain::succession::{
    MatchScore, MAX_COMPARED, WEIGHT_CHECKS, WEIGHT_JPM, WEIGHT_TALENT,
};
use crate::format::{decimal_id, score, url_component};
use crate::succession::{
    readiness_label, KeyPost, SuccessionCandidate, SuccessionOverview, SuccessionPlan,
};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SuccessionPage() -> impl IntoView {
    let query = use_query_map();
    let overview = Resource::new(
        move || query.with(|q| q.get("instansi")),
        get_succession_overview,
    );
    view! {
        <Title text="Suksesi jabatan kunci | Jenjang"/>
        <Loaded resource=overview show=|o| view! { <OverviewView o/> }/>
    }
}

fn flag_list(post: &KeyPost) -> impl IntoView {
    if post.flags.is_empty() {
        Either::Left(view! { <span class="aman">"Tidak ada risiko tercatat"</span> })
    } else {
        Either::Right(view! {
            <ul class="risiko">
                {post.flags.iter().map(|f| view! { <li>"⚠ "{f.label()}</li> }).collect_view()}
            </ul>
        })
    }
}

fn holder_text(post: &KeyPost) -> String {
    match &post.holder {
        Some(h) => match &h.retires_on {
            Some(date) => format!("{} (BUP {date})", h.name),
            None => h.name.clone(),
        },
        None => "Kosong".to_owned(),
    }
}

#[component]
fn OverviewView(o: SuccessionOverview) -> impl IntoView {
    let at_risk = o.posts.iter().filter(|p| !p.flags.is_empty()).count();
    let slug = o.slug.clone();
    view! {
        <h1>{format!("Suksesi jabatan kunci {}", o.instansi)}</h1>
        <p class="pengantar">{match o.period {
            Some(p) => format!(
                "{} jabatan kritikal atau target; {at_risk} di antaranya berisiko. Kandidat diambil dari kelompok rencana suksesi periode {p} (kotak 7-9, tidak ditolak komite) pada jenjang jabatan yang sama atau satu tingkat di bawahnya; jabatan fungsional keahlian dihitung setara (ahli muda setara pengawas, ahli madya setara administrator).",
                o.posts.len()
            ),
            None => "Belum ada periode yang dipetakan, sehingga belum ada kandidat.".to_owned(),
        }}</p>
        <OfficeNav slug=o.slug.clone() here="/talenta/suksesi"/>
        <DownloadLinks dataset="suksesi" what="daftar jabatan kunci".to_owned() query=format!("instansi={}", o.slug)/>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>"Jabatan kunci, yang paling berisiko lebih dahulu"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Jabatan / unit"</th>
                        <th scope="col">"Pemangku"</th>
                        <th scope="col" class="angka">"Kandidat"</th>
                        <th scope="col" class="angka">"Siap sekarang"</th>
                        <th scope="col">"Risiko"</th>
                    </tr>
                </thead>
                <tbody>
                    {o.posts.into_iter().map(|p| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/talenta/suksesi/{}?instansi={slug}", p.code)>{p.name.clone()}</a>
                                <span class="keterangan">{format!("{} · {}{}", p.unit.clone().unwrap_or_default(), p.jenis,
                                    match (p.kritikal, p.target) {
                                        (true, true) => " · kritikal, target",
                                        (true, false) => " · kritikal",
                                        _ => " · target",
                                    })}</span>
                            </th>
                            <td>{holder_text(&p)}</td>
                            <td class="angka">{p.candidates}</td>
                            <td class="angka">{p.ready_now}</td>
                            <td>{flag_list(&p)}</td>
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
    let plan = Resource::new(
        move || request.get(),
        |(instansi, kode, banding)| get_succession_plan(instansi, kode, banding),
    );
    view! {
        <Title text="Rencana suksesi | Jenjang"/>
        <Loaded resource=plan show=|plan| view! { <PlanView plan/> }/>
    }
}

fn match_text(m: &MatchScore) -> String {
    let mut text = m.score.map_or("—".to_owned(), |s| decimal_id(s, 1));
    if !m.missing.is_empty() {
        text.push_str(&format!(
            " (tanpa {})",
            m.missing
                .iter()
                .map(|p| p.label())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    text
}

#[component]
fn PlanView(plan: SuccessionPlan) -> impl IntoView {
    let post = plan.post.clone();
    let action = format!("/talenta/suksesi/{}", post.code);
    let compared: Vec<SuccessionCandidate> = plan
        .compared
        .iter()
        .filter_map(|nip| plan.candidates.iter().find(|c| &c.nip == nip).cloned())
        .collect();
    let chosen = plan.compared.clone();
    view! {
        <h1>{format!("Rencana suksesi: {}", post.name)}</h1>
        <p class="pengantar">{format!(
            "{} · {} · pemangku: {}. {}",
            post.unit.clone().unwrap_or_default(),
            post.jenis,
            holder_text(&post),
            if plan.requirements_set {
                "Syarat jabatan ditetapkan BKPSDM."
            } else {
                "Syarat jabatan memakai ketentuan bawaan jenis jabatannya."
            }
        )}</p>
        <OfficeNav slug=plan.slug.clone() here="/talenta/suksesi"/>
        <section class="kartu">
            <h2>"Kesehatan jalur suksesi"</h2>
            {flag_list(&post)}
            <p class="keterangan">{format!(
                "Skor kecocokan 0-100: {WEIGHT_CHECKS:.0}% syarat jabatan terpenuhi, {WEIGHT_JPM:.0}% JPM terhadap standar kompetensi jabatan, {WEIGHT_TALENT:.0}% rata-rata skor kinerja dan potensial. Bagian yang belum tercatat tidak dihitung nol: bobotnya dibagi ke bagian lain dan disebutkan."
            )}</p>
        </section>
        {(!compared.is_empty()).then(|| view! { <Comparison candidates=compared/> })}
        <section id="kandidat">
            <h2>{format!("Kandidat ({})", plan.candidates.len())}</h2>
            <DownloadLinks dataset="suksesi" what="daftar kandidat".to_owned()
                query=format!("instansi={}&kode={}", plan.slug, url_component(&post.code))/>
            {if plan.candidates.is_empty() {
                Either::Left(view! { <p>"Belum ada kandidat dari kelompok rencana suksesi untuk jabatan ini."</p> })
            } else {
                Either::Right(view! {
                    <Form method="GET" action=action attr:class="banding-kandidat">
                        <input type="hidden" name="instansi" value=plan.slug.clone()/>
                        <div class="tabel-gulir" tabindex="0">
                            <table class="data">
                                <caption>"Kandidat menurut kesiapan, lalu skor kecocokan"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Bandingkan"</th>
                                        <th scope="col" class="angka">"Urutan"</th>
                                        <th scope="col">"Nama / NIP"</th>
                                        <th scope="col">"Unit kerja / jabatan"</th>
                                        <th scope="col" class="angka">"Kotak"</th>
                                        <th scope="col" class="angka">"JPM"</th>
                                        <th scope="col" class="angka">"Skor kecocokan"</th>
                                        <th scope="col">"Kesiapan"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {plan.candidates.into_iter().enumerate().map(|(i, c)| {
                                        let checked = chosen.contains(&c.nip);
                                        let id = format!("banding-{}", c.nip);
                                        view! {
                                            <tr>
                                                <td>
                                                    <input type="checkbox" name="banding" id=id.clone() value=c.nip.clone() checked=checked
                                                        aria-label=format!("Bandingkan {}", c.name)/>
                                                </td>
                                                <td class="angka">{i + 1}</td>
                                                <th scope="row">
                                                    <a href=format!("/pegawai/{}", c.nip)>{c.name.clone()}</a>
                                                    <span class="keterangan nip">{c.nip.clone()}</span>
                                                </th>
                                                <td>{c.unit.clone().unwrap_or_default()}<span class="keterangan">{format!("{} · {}", c.jabatan.clone().unwrap_or_default(), c.golongan)}</span></td>
                                                <td class="angka">{c.kotak.map_or("—".to_owned(), |k| k.to_string())}</td>
                                                <td class="angka">{c.jpm.map_or("—".to_owned(), |j| format!("{} %", decimal_id(j, 1)))}</td>
                                                <td class="angka">{match_text(&c.score)}</td>
                                                <td>{readiness_label(c.readiness)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <button type="submit">{format!("Bandingkan yang dipilih (2-{MAX_COMPARED} kandidat)")}</button>
                    </Form>
                })
            }}
        </section>
    }
}

fn outcome_text(check: &Check) -> String {
    let mark = match check.outcome {
        CheckOutcome::Pass => "✓ memenuhi",
        CheckOutcome::Fail => "✗ belum memenuhi",
        CheckOutcome::Unknown => "? belum tercatat",
    };
    format!("{mark}: {}", check.actual)
}

/// Two or three candidates side by side: one column each, one row per check.
#[component]
fn Comparison(candidates: Vec<SuccessionCandidate>) -> impl IntoView {
    let criteria: Vec<(String, String)> = candidates
        .first()
        .map(|c| {
            c.checks
                .iter()
                .map(|k| (k.criterion.label().to_owned(), k.required.clone()))
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
            "Kesiapan".into(),
            each(&|c| readiness_label(c.readiness).to_owned()),
        ),
        row("Skor kecocokan".into(), each(&|c| match_text(&c.score))),
        row(
            "Kotak".into(),
            each(&|c| c.kotak.map_or("—".to_owned(), |k| k.to_string())),
        ),
        row(
            "Kinerja / potensial".into(),
            each(&|c| format!("{} / {}", score(c.kinerja), score(c.potensial))),
        ),
        row(
            "JPM".into(),
            each(&|c| {
                c.jpm
                    .map_or("—".to_owned(), |j| format!("{} %", decimal_id(j, 1)))
            }),
        ),
    ];
    let checks = criteria
        .into_iter()
        .enumerate()
        .map(|(i, (label, required))| {
            row(
                format!("{label} ({required})"),
                each(&|c| c.checks.get(i).map(outcome_text).unwrap_or_default()),
            )
        })
        .collect_view();
    view! {
        <section id="banding" class="kartu">
            <h2>"Perbandingan kandidat"</h2>
            <div class="tabel-gulir" tabindex="0">
                <table class="data banding">
                    <caption>"Kandidat terpilih berdampingan"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Aspek"</th>
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
