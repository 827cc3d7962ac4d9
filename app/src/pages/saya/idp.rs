//! "IDP saya": this year's development plan. Started from my gaps and my kotak, edited goal by
//! goal, submitted to my atasan; their decision and comment shown at the top.

use super::{idp_this_year, AddIdpGoal, RemoveIdpGoal, SaveIdpGoal, SayaNav, StartIdp, SubmitIdp};
use crate::components::loaded::Loaded;
use crate::domain::idp::{IdpStatus, Method};
use crate::format::decimal_id;
use crate::pages::akses::ActionError;
use crate::self_service::{IdpGoal, IdpView, MyIdp};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

/// The forms of the page, shared by its parts.
#[derive(Clone, Copy)]
pub struct Actions {
    start: ServerAction<StartIdp>,
    save: ServerAction<SaveIdpGoal>,
    add: ServerAction<AddIdpGoal>,
    remove: ServerAction<RemoveIdpGoal>,
    submit: ServerAction<SubmitIdp>,
}

#[component]
pub fn MyIdpPage() -> impl IntoView {
    let actions = Actions {
        start: ServerAction::new(),
        save: ServerAction::new(),
        add: ServerAction::new(),
        remove: ServerAction::new(),
        submit: ServerAction::new(),
    };
    let idp = Resource::new(
        move || {
            (
                actions.start.version().get(),
                actions.save.version().get(),
                actions.add.version().get(),
                actions.remove.version().get(),
                actions.submit.version().get(),
            )
        },
        |_| idp_this_year(),
    );
    view! {
        <Title text="IDP saya | Jenjang"/>
        <SayaNav current="/saya/idp"/>
        <Loaded resource=idp show=move |idp| view! { <Plan idp actions/> }/>
    }
}

#[component]
fn Plan(idp: MyIdp, actions: Actions) -> impl IntoView {
    let Some(plan) = idp.plan else {
        return Either::Left(view! {
            <h1>{format!("Rencana pengembangan individu {}", idp.year)}</h1>
            <p>"IDP Anda tahun ini belum dibuat. Jenjang menyiapkan sasarannya dari kesenjangan kompetensi hasil asesmen dan rekomendasi kotak Anda; Anda melengkapi kegiatannya lalu mengajukannya kepada atasan."</p>
            <ActionForm action=actions.start>
                <button type="submit">"Susun IDP saya"</button>
            </ActionForm>
            <ActionError action=actions.start/>
        });
    };
    let status = plan.status;
    Either::Right(view! {
        <h1>{format!("Rencana pengembangan individu {}", plan.year)}</h1>
        <PlanStatus plan=plan.clone()/>
        <GoalList goals=plan.goals.clone() edit=actions status/>
        <ActionError action=actions.save/>
        <ActionError action=actions.remove/>
        {status.editable().then(|| view! {
            <AddGoal action=actions.add/>
            <section class="kartu">
                <h2>"Ajukan kepada atasan"</h2>
                <p>"Setiap sasaran harus memiliki metode dan tanggal target."</p>
                <ActionForm action=actions.submit>
                    <button type="submit">"Ajukan IDP"</button>
                </ActionForm>
                <ActionError action=actions.submit/>
            </section>
        })}
    })
}

/// The plan's status and the atasan's last comment.
#[component]
pub fn PlanStatus(plan: IdpView) -> impl IntoView {
    let class = match plan.status {
        IdpStatus::Disetujui => "status-idp disetujui",
        IdpStatus::Dikembalikan => "status-idp dikembalikan",
        _ => "status-idp",
    };
    view! {
        <p class=class role="status">"Status: "<strong>{plan.status.label()}</strong></p>
        {plan.comment.map(|c| view! {
            <p class="pemberitahuan">{format!("Komentar atasan ({}): ", plan.decided_by.unwrap_or_default())}{c}</p>
        })}
    }
}

fn jp_label(jp: Option<f64>) -> String {
    jp.map_or_else(String::new, |jp| format!(", {} JP", decimal_id(jp, 1)))
}

/// The goals of a plan; with `edit`, each carries its activity form.
#[component]
pub fn GoalList(
    goals: Vec<IdpGoal>,
    #[prop(optional)] edit: Option<Actions>,
    status: IdpStatus,
) -> impl IntoView {
    if goals.is_empty() {
        return Either::Left(view! { <p>"Belum ada sasaran pengembangan."</p> });
    }
    Either::Right(view! {
        <ol class="sasaran">
            {goals
                .into_iter()
                .map(|g| {
                    let summary = match (g.method, &g.target_date) {
                        (Some(m), Some(date)) => format!("{}{}, target {date}", m.label(), jp_label(g.jp)),
                        _ => "Kegiatan belum direncanakan".to_owned(),
                    };
                    let evidence = g.evidence_url.clone();
                    view! {
                        <li id=format!("sasaran-{}", g.id) class="kartu">
                            <p class="asal">{g.origin.clone()}</p>
                            <h3>{g.goal.clone()}</h3>
                            <p>{summary}</p>
                            {evidence.map(|url| view! { <p>"Bukti: "<a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></p> })}
                            {edit.map(|actions| view! { <GoalForm goal=g.clone() actions status/> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    })
}

#[component]
fn MethodSelect(id: String, selected: Option<Method>) -> impl IntoView {
    view! {
        <select id=id name="metode" required>
            <option value="" selected=selected.is_none()>"— pilih metode —"</option>
            {Method::ALL
                .into_iter()
                .map(|m| view! { <option value=m.code() selected={selected == Some(m)}>{m.label()}</option> })
                .collect_view()}
        </select>
    }
}

/// A goal's activity: everything while the plan can be edited, the evidence link once approved.
#[component]
fn GoalForm(goal: IdpGoal, actions: Actions, status: IdpStatus) -> impl IntoView {
    let id = goal.id;
    let unplanned = goal.method.is_none() || goal.target_date.is_none();
    let field = move |name: &str| format!("{name}-{id}");
    let evidence = view! {
        <label for=field("bukti")>"Tautan bukti (opsional)"</label>
        <input id=field("bukti") name="bukti" type="url" inputmode="url" value=goal.evidence_url.clone().unwrap_or_default() placeholder="https://"/>
    };
    if status.editable() {
        Either::Left(view! {
            <details open=unplanned>
                <summary>"Atur kegiatan"</summary>
                <ActionForm action=actions.save attr:class="formulir">
                    <input type="hidden" name="id" value=id/>
                    <label for=field("metode")>"Metode"</label>
                    <MethodSelect id=field("metode") selected=goal.method/>
                    <label for=field("jp")>"JP (wajib untuk pelatihan dan e-learning)"</label>
                    <input id=field("jp") name="jp" inputmode="decimal" value=goal.jp.map(|jp| decimal_id(jp, 1)).unwrap_or_default()/>
                    <label for=field("tanggal")>"Tanggal target"</label>
                    <input id=field("tanggal") name="tanggal_target" type="date" required value=goal.target_date.clone().unwrap_or_default()/>
                    {evidence}
                    <button type="submit">"Simpan kegiatan"</button>
                </ActionForm>
                <ActionForm action=actions.remove attr:class="sebaris">
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="sekunder">"Hapus sasaran"</button>
                </ActionForm>
            </details>
        })
    } else if status.accepts_evidence() {
        Either::Right(Either::Left(view! {
            <ActionForm action=actions.save attr:class="formulir">
                <input type="hidden" name="id" value=id/>
                {evidence}
                <button type="submit">"Simpan bukti"</button>
            </ActionForm>
        }))
    } else {
        Either::Right(Either::Right(()))
    }
}

#[component]
fn AddGoal(action: ServerAction<AddIdpGoal>) -> impl IntoView {
    view! {
        <section class="kartu" id="tambah">
            <h2>"Tambah sasaran sendiri"</h2>
            <ActionForm action attr:class="formulir">
                <label for="tambah-sasaran">"Sasaran pengembangan"</label>
                <input id="tambah-sasaran" name="sasaran" required minlength="5" maxlength="300"/>
                <label for="tambah-metode">"Metode"</label>
                <MethodSelect id="tambah-metode".to_owned() selected=None/>
                <label for="tambah-jp">"JP (wajib untuk pelatihan dan e-learning)"</label>
                <input id="tambah-jp" name="jp" inputmode="decimal"/>
                <label for="tambah-tanggal">"Tanggal target"</label>
                <input id="tambah-tanggal" name="tanggal_target" type="date" required/>
                <label for="tambah-bukti">"Tautan bukti (opsional)"</label>
                <input id="tambah-bukti" name="bukti" type="url" inputmode="url" placeholder="https://"/>
                <button type="submit">"Tambah sasaran"</button>
            </ActionForm>
            <ActionError action/>
        </section>
    }
}
