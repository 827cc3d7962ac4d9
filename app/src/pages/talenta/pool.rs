//! `/talenta/krs`: the talent pool (kelompok rencana suksesi) of a period. Everyone in kotak
//! 7-9 is proposed; BKPSDM verifies a proposal, the komite decides it under a decision
//! reference. The map's filters, the stage, a search and the page live in the URL.

use super::map::FilterForm;
use super::nav::{DownloadLinks, OfficeNav, Pager};
use super::{get_talent_pool, TalentPoolStep};
use crate::components::loaded::Loaded;
use crate::domain::talent_pool::{Tahap, MAX_NOTE_CHARS, MAX_REFERENCE_CHARS, MIN_REJECTION_CHARS};
use crate::format::{decimal_id, timestamp};
use crate::pages::akses::ActionError;
use crate::talent::kotak_with_calibration;
use crate::talent_pool::{PoolMember, PoolQuery, TalentPool};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TalentPoolPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| query.with(|q| PoolQuery::from_params(|key| q.get(key))));
    let done = RwSignal::new(0u32);
    let pool = Resource::new(
        move || (request.get(), done.get()),
        |(q, _)| get_talent_pool(q),
    );
    view! {
        <Title text="Kelompok rencana suksesi | Jenjang"/>
        <Loaded resource=pool show=move |pool| view! { <PoolView pool request done/> }/>
    }
}

#[component]
fn PoolView(pool: TalentPool, request: Memo<PoolQuery>, done: RwSignal<u32>) -> impl IntoView {
    let query = request.get_untracked();
    let description = query.filter.describe(&pool.units);
    let stage_link = {
        let query = query.clone();
        move |tahap: Option<Tahap>| {
            let mut q = PoolQuery {
                tahap: tahap.map(|t| t.code().to_owned()),
                ..query.clone()
            };
            q.halaman = 1;
            format!("/talenta/krs?{}#daftar", q.query(&[]))
        }
    };
    let all: i64 = pool.per_tahap.iter().sum();
    let current = query.tahap.as_deref().and_then(Tahap::from_code);
    let stages = std::iter::once((None, "Semua", all))
        .chain(
            Tahap::ALL
                .into_iter()
                .zip(pool.per_tahap)
                .map(|(t, n)| (Some(t), t.label(), n)),
        )
        .map(|(tahap, label, n)| {
            let here = tahap == current;
            view! {
                <a href=stage_link(tahap) aria-current=here.then_some("true")>
                    {format!("{label} ({})", decimal_id(n as f64, 0))}
                </a>
            }
        })
        .collect_view();
    let pager = {
        let query = query.clone();
        let link = move |h: u32| {
            format!(
                "/talenta/krs?{}#daftar",
                query.query(&[("halaman", h.to_string())])
            )
        };
        view! { <Pager halaman=pool.halaman pages=pool.pages link/> }
    };
    let period = pool.period;
    let slug = pool.slug.clone();
    let (may_verify, may_decide) = (pool.may_verify, pool.may_decide);
    view! {
        <h1>{format!("Kelompok rencana suksesi {}", pool.instansi)}</h1>
        <p class="pengantar">{match period {
            Some(p) => format!(
                "Periode {p}: {description}. Pegawai di kotak 7, 8 dan 9 diusulkan otomatis; BKPSDM memverifikasi datanya, lalu komite talenta menetapkan atau menolak dengan nomor keputusan. Kotak 9 juga diusulkan ke KRS nasional."
            ),
            None => "Belum ada periode yang dipetakan.".to_owned(),
        }}</p>
        <OfficeNav slug=pool.slug.clone() here="/talenta/krs"/>
        <FilterForm slug=pool.slug.clone() units=pool.units.clone() filter=query.filter.clone()
            action="/talenta/krs".to_owned() periods=pool.periods.clone() period/>
        <section id="daftar">
            <nav class="tahap" aria-label="Tahap usulan">{stages}</nav>
            <p>{format!("Diusulkan ke KRS nasional (kotak 9): {} orang.", decimal_id(pool.nasional as f64, 0))}</p>
            <DownloadLinks dataset="krs" what="daftar ini".to_owned() query=query.query(&[])/>
            <Form method="GET" action="/talenta/krs" attr:class="cari">
                {query.filter.pairs().into_iter().map(|(name, value)| view! {
                    <input type="hidden" name=name value=value/>
                }).collect_view()}
                {query.tahap.clone().map(|t| view! { <input type="hidden" name="tahap" value=t/> })}
                <label for="cari-krs">"Cari nama atau NIP"</label>
                <input id="cari-krs" name="cari" type="search" value=query.cari.clone().unwrap_or_default()/>
                <button type="submit">"Cari"</button>
            </Form>
            <div class="tabel-gulir" tabindex="0">
                <table class="data krs">
                    <caption>{format!(
                        "{} usulan{}",
                        decimal_id(pool.total as f64, 0),
                        current.map(|t| format!(" berstatus {}", t.label().to_lowercase())).unwrap_or_default()
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Nama / NIP"</th>
                            <th scope="col">"Unit kerja / jabatan"</th>
                            <th scope="col">"Gol."</th>
                            <th scope="col" class="angka">"Kotak"</th>
                            <th scope="col">"Tahap"</th>
                            <th scope="col">"Keputusan"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {pool.members.into_iter().map(|m| {
                            let step = period.map(|period| view! {
                                <StepControls member=m.clone() period slug=slug.clone() may_verify may_decide done/>
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
    let m = member;
    let decision = m.decision_ref.clone().map(|reference| {
        format!(
            "No. {reference} · {} · {}",
            m.decided_by.clone().unwrap_or_default(),
            m.decided_at.as_deref().map(timestamp).unwrap_or_default()
        )
    });
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/pegawai/{}", m.nip)>{m.name.clone()}</a>
                <span class="keterangan nip">{m.nip.clone()}</span>
            </th>
            <td>{m.unit.clone().unwrap_or_default()}<span class="keterangan">{m.jabatan.clone().unwrap_or_default()}</span></td>
            <td>{m.golongan.clone()}</td>
            <td class="angka">{kotak_with_calibration(m.kotak, m.calibrated_kotak)}</td>
            <td>
                <span class=format!("tahap tahap-{}", m.tahap.code())>{m.tahap.label()}</span>
                {m.nasional.then(|| view! { <span class="lencana">"KRS nasional"</span> })}
                {m.verified_by.clone().map(|by| view! { <span class="keterangan">{format!("Diverifikasi: {by}")}</span> })}
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
    done: RwSignal<u32>,
) -> impl IntoView {
    let action = ServerAction::<TalentPoolStep>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            done.update(|n| *n += 1);
        }
    });
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
                <ActionForm action attr:class="formulir krs-langkah">
                    {hidden}
                    <input type="hidden" name="langkah" value="verifikasi"/>
                    <ActionError action/>
                    <button type="submit">{format!("Verifikasi {}", member.name)}</button>
                </ActionForm>
            }
            .into_any(),
        ),
        _ => Some(
            view! {
                <details class="krs-langkah">
                    <summary>{format!("Putuskan usulan {}", member.name)}</summary>
                    <ActionForm action attr:class="formulir">
                        {hidden}
                        <label for=id("langkah")>"Langkah"</label>
                        <select id=id("langkah") name="langkah" required>
                            {verify.then(|| view! { <option value="verifikasi">"Verifikasi data"</option> })}
                            {(member.tahap == Tahap::Diverifikasi).then(|| view! { <option value="tetapkan">"Tetapkan masuk KRS"</option> })}
                            <option value="tolak">"Tolak usulan"</option>
                        </select>
                        <label for=id("nomor")>"Nomor keputusan (untuk tetapkan atau tolak)"</label>
                        <input id=id("nomor") name="nomor" type="text" maxlength=MAX_REFERENCE_CHARS.to_string()
                            placeholder="mis. 800/123/BKPSDM/2026"/>
                        <label for=id("catatan")>{format!("Catatan (alasan penolakan sekurang-kurangnya {MIN_REJECTION_CHARS} karakter)")}</label>
                        <textarea id=id("catatan") name="catatan" rows="2" maxlength=MAX_NOTE_CHARS.to_string()></textarea>
                        <ActionError action/>
                        <button type="submit">"Simpan"</button>
                    </ActionForm>
                </details>
            }
            .into_any(),
        ),
    }
}
