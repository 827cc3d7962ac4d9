//! `/talenta/krs`: the talent pool (kelompok rencana suksesi) of a period. Everyone in kotak
//! 7-9 is proposed; BKPSDM verifies a proposal, the komite decides it under a decision
//! reference. The map's filters, the stage, a search and the page live in the URL.

use super::nav::{pool_query, DownloadLinks, OfficeNav, Pager};
use super::widgets::FilterForm;
use super::widgets::PersonHeading;
use super::{get_talent_pool, TalentPoolStep};
use crate::api::talent::kotak_with_calibration;
use crate::api::talent_pool::{PoolMember, PoolQuery, TalentPool};
use crate::components::loaded::Loaded;
use crate::components::outcome::{was_refused, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::talent_pool::{Tahap, MAX_NOTE_CHARS, MAX_REFERENCE_CHARS, MIN_REJECTION_CHARS};
use crate::i18n::count::{ORANG, USULAN};
use crate::i18n::{filters, terms, use_lang};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TalentPoolPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| query.with(|q| PoolQuery::from_params(|key| q.get(key))));
    let pool = Resource::new(move || request.get(), get_talent_pool);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Kelompok rencana suksesi | Jenjang", "Succession pool | Jenjang")/>
        <Loaded resource=pool show=move |pool| view! { <PoolView pool request/> }/>
    }
}

#[component]
fn PoolView(pool: TalentPool, request: Memo<PoolQuery>) -> impl IntoView {
    let lang = use_lang();
    let query = request.get_untracked();
    let description = filters::map_filter(&query.filter, &pool.units, lang);
    let stage_link = {
        let query = query.clone();
        move |tahap: Option<Tahap>| {
            let mut q = PoolQuery {
                tahap: tahap.map(|t| t.code().to_owned()),
                ..query.clone()
            };
            q.halaman = 1;
            format!("/talenta/krs?{}#daftar", pool_query(&q, &[]))
        }
    };
    let all: i64 = pool.per_tahap.iter().sum();
    let current = query.tahap.as_deref().and_then(Tahap::from_code);
    let stages = std::iter::once((None, lang.pick("Semua", "All"), all))
        .chain(
            Tahap::ALL
                .into_iter()
                .zip(pool.per_tahap)
                .map(|(t, n)| (Some(t), terms::tahap(t, lang), n)),
        )
        .map(|(tahap, label, n)| {
            let here = tahap == current;
            view! {
                <a href=stage_link(tahap) aria-current=here.then_some("true")>
                    {format!("{label} ({})", lang.decimal(n as f64, 0))}
                </a>
            }
        })
        .collect_view();
    let pager = {
        let query = query.clone();
        let link = move |h: u32| {
            format!(
                "/talenta/krs?{}#daftar",
                pool_query(&query, &[("halaman", h.to_string())])
            )
        };
        view! { <Pager halaman=pool.halaman pages=pool.pages link/> }
    };
    let period = pool.period;
    let slug = pool.slug.clone();
    let (may_verify, may_decide) = (pool.may_verify, pool.may_decide);
    let national = lang.count(pool.nasional, ORANG);
    let proposals = lang.count(pool.total, USULAN);
    view! {
        <h1>{format!("{} {}", lang.pick("Kelompok rencana suksesi", "Succession pool (KRS) of"), pool.instansi)}</h1>
        <p class="pengantar">{match period {
            Some(p) => lang.pick(
                format!("Periode {p}: {description}. Pegawai di kotak 7, 8 dan 9 diusulkan otomatis; BKPSDM memverifikasi datanya, lalu komite talenta menetapkan atau menolak dengan nomor keputusan. Kotak 9 juga diusulkan ke KRS nasional."),
                format!("Period {p}: {description}. Everyone in boxes 7, 8 and 9 is proposed automatically; BKPSDM verifies their data, then the talent committee confirms or rejects under a decision number. Box 9 is also proposed to the national KRS."),
            ),
            None => lang.pick("Belum ada periode yang dipetakan.", "No period mapped yet.").to_owned(),
        }}</p>
        <OfficeNav slug=pool.slug.clone() here="/talenta/krs"/>
        <FilterForm slug=pool.slug.clone() units=pool.units.clone() filter=query.filter.clone()
            action="/talenta/krs".to_owned() periods=pool.periods.clone() period/>
        <section id="daftar">
            <nav class="tahap" aria-label=lang.pick("Tahap usulan", "Stages of the proposals")>{stages}</nav>
            <p>{lang.pick(
                format!("Diusulkan ke KRS nasional (kotak 9): {national}."),
                format!("Proposed to the national KRS (box 9): {national}."),
            )}</p>
            <DownloadLinks dataset="krs" what=lang.pick("daftar ini", "this list").to_owned() query=pool_query(&query, &[])/>
            <Form method="GET" action="/talenta/krs" attr:class="cari">
                {query.filter.pairs().into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                {query.tahap.clone().map(|t| view! { <input type="hidden" name="tahap" value=t/> })}
                <label for="cari-krs">{lang.pick("Cari nama atau NIP", "Search a name or NIP")}</label>
                <input id="cari-krs" name="cari" type="search" value=query.cari.clone().unwrap_or_default()/>
                <button type="submit">{lang.pick("Cari", "Search")}</button>
            </Form>
            <div class="tabel-gulir" tabindex="0">
                <table class="data krs">
                    <caption>{match current {
                        None => proposals,
                        Some(t) => {
                            let stage = terms::tahap(t, lang).to_lowercase();
                            lang.pick(format!("{proposals} berstatus {stage}"), format!("{proposals} {stage}"))
                        }
                    }}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Nama / NIP", "Name / NIP")}</th>
                            <th scope="col">{lang.pick("Unit kerja / jabatan", "Work unit / post")}</th>
                            <th scope="col">{lang.pick("Gol.", "Grade")}</th>
                            <th scope="col" class="angka">{lang.pick("Kotak", "Box")}</th>
                            <th scope="col">{lang.pick("Tahap", "Stage")}</th>
                            <th scope="col">{lang.pick("Keputusan", "Decision")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {pool.members.into_iter().map(|m| {
                            let step = period.map(|period| view! {
                                <StepControls member=m.clone() period slug=slug.clone() may_verify may_decide/>
                            });
                            view! { <MemberRow member=m step/> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {pager}
        </section>
    }
}

#[component]
fn MemberRow(member: PoolMember, step: Option<impl IntoView + 'static>) -> impl IntoView {
    let lang = use_lang();
    let m = member;
    let decision = m.decision_ref.clone().map(|reference| {
        format!(
            "No. {reference} · {} · {}",
            m.decided_by.clone().unwrap_or_default(),
            m.decided_at
                .as_deref()
                .map(|at| lang.timestamp(at))
                .unwrap_or_default()
        )
    });
    view! {
        <tr>
            <PersonHeading nip=m.nip.clone() name=m.name.clone()/>
            <td>{m.unit.clone().unwrap_or_default()}<span class="keterangan">{m.jabatan.clone().unwrap_or_default()}</span></td>
            <td>{m.golongan.clone()}</td>
            <td class="angka">{kotak_with_calibration(m.kotak, m.calibrated_kotak)}</td>
            <td>
                <span class=format!("tahap tahap-{}", m.tahap.code())>{terms::tahap(m.tahap, lang)}</span>
                {m.nasional.then(|| view! { <span class="lencana">{lang.pick("KRS nasional", "National KRS")}</span> })}
                {m.verified_by.clone().map(|by| view! { <span class="keterangan">{lang.pick("Diverifikasi: ", "Verified by: ")}{by}</span> })}
            </td>
            <td>
                {decision.map(|d| view! { <span>{d}</span> })}
                {m.note.clone().map(|n| view! { <span class="keterangan">{n}</span> })}
                {step}
            </td>
        </tr>
    }
}

/// The step the viewer may take on a proposal: BKPSDM's verification button, the komite's
/// decision form (tetapkan or tolak, the decision reference, a note; a reason when refusing).
#[component]
fn StepControls(
    member: PoolMember,
    period: i32,
    slug: String,
    may_verify: bool,
    may_decide: bool,
) -> impl IntoView {
    let lang = use_lang();
    let verify = may_verify && member.tahap == Tahap::Diusulkan;
    let decide = may_decide && member.tahap.is_open();
    let nip = member.nip.clone();
    let id = move |what: &str| format!("{what}-{nip}");
    let hidden = view! {
        <input type="hidden" name="instansi" value=slug/>
        <input type="hidden" name="periode" value=period/>
        <input type="hidden" name="nip" value=member.nip.clone()/>
    };
    match (verify, decide) {
        (false, false) => None,
        (true, _) if !decide => Some(
            view! {
                <PostForm<TalentPoolStep> id=id("verifikasi") class="formulir krs-langkah">
                    {hidden}
                    <input type="hidden" name="langkah" value="verifikasi"/>
                    <button type="submit">{format!("{} {}", lang.pick("Verifikasi", "Verify"), member.name)}</button>
                </PostForm<TalentPoolStep>>
            }
            .into_any(),
        ),
        _ => Some({
            // Open again when its form comes back refused, so its message is seen (and takes
            // the focus).
            let refused = was_refused::<TalentPoolStep>(&id("putuskan"));
            view! {
                <details class="krs-langkah" open=refused>
                    <summary>{format!("{} {}", lang.pick("Putuskan usulan", "Decide the proposal of"), member.name)}</summary>
                    <PostForm<TalentPoolStep> id=id("putuskan") class="formulir">
                        {hidden}
                        <label for=id("langkah")>{lang.pick("Langkah", "Step")}</label>
                        <select id=id("langkah") name="langkah" required>
                            {verify.then(|| view! { <option value="verifikasi">{lang.pick("Verifikasi data", "Verify the data")}</option> })}
                            {(member.tahap == Tahap::Diverifikasi).then(|| view! { <option value="tetapkan">{lang.pick("Tetapkan masuk KRS", "Confirm into the KRS")}</option> })}
                            <option value="tolak">{lang.pick("Tolak usulan", "Reject the proposal")}</option>
                        </select>
                        <label for=id("nomor")>{lang.pick("Nomor keputusan (untuk tetapkan atau tolak)", "Decision number (to confirm or reject)")}</label>
                        <input id=id("nomor") name="nomor" type="text" maxlength=MAX_REFERENCE_CHARS.to_string()
                            placeholder=lang.pick("mis. 800/123/BKPSDM/2026", "e.g. 800/123/BKPSDM/2026")/>
                        <label for=id("catatan")>{lang.pick(
                            format!("Catatan (alasan penolakan sekurang-kurangnya {MIN_REJECTION_CHARS} karakter)"),
                            format!("Note (a rejection needs a reason of at least {MIN_REJECTION_CHARS} characters)"),
                        )}</label>
                        <textarea id=id("catatan") name="catatan" rows="2" maxlength=MAX_NOTE_CHARS.to_string()></textarea>
                        <button type="submit">{lang.pick("Simpan", "Save")}</button>
                    </PostForm<TalentPoolStep>>
                </details>
            }
            .into_any()
        }),
    }
}
