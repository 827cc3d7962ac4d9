//! "IDP saya": this year's development plan. Started from my gaps and my kotak, edited goal by
//! goal, submitted to my atasan; their decision and comment shown at the top.

use super::{
    idp_this_year, AddIdpGoal, RemoveIdpGoal, ReviseIdp, SaveIdpGoal, SayaNav, StartIdp, SubmitIdp,
};
use crate::api::self_service::{IdpGoal, IdpView, MyIdp, ThreadEntry};
use crate::components::loaded::Loaded;
use crate::components::outcome::{typed_value, was_refused, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::idp::{IdpStatus, Method, MAX_NOTE_CHARS, MIN_REASON_CHARS};
use crate::i18n::{terms, use_lang, Lang};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn MyIdpPage() -> impl IntoView {
    let lang = use_lang();
    let idp = Resource::new(|| (), |_| idp_this_year());
    view! {
        <PageTitle text=lang.pick("IDP saya | Jenjang", "My IDP | Jenjang")/>
        <SayaNav current="/saya/idp"/>
        <Loaded resource=idp show=move |idp| view! { <Plan idp/> }/>
    }
}

#[component]
fn Plan(idp: MyIdp) -> impl IntoView {
    let lang = use_lang();
    let Some(plan) = idp.plan else {
        return Either::Left(view! {
            <h1>{title(idp.year, lang)}</h1>
            <p>{lang.pick(
                format!("IDP Anda untuk periode {} (periode yang berlaku di instansi Anda) belum dibuat. Jenjang menyiapkan sasarannya dari kesenjangan kompetensi hasil asesmen dan rekomendasi kotak Anda; Anda melengkapi kegiatannya lalu mengajukannya kepada atasan.", idp.year),
                format!("Your IDP for period {} (the period in force at your instansi) has not been made yet. Jenjang proposes its goals from the competency gaps of your assessment and what your box recommends; you fill in the activities and submit it to your supervisor.", idp.year),
            )}</p>
            <PostForm<StartIdp> id="susun-idp">
                <button type="submit">{lang.pick("Susun IDP saya", "Draw up my IDP")}</button>
            </PostForm<StartIdp>>
        });
    };
    let status = plan.status;
    Either::Right(view! {
        <h1>{title(plan.year, lang)}</h1>
        <PlanStatus plan=plan.clone()/>
        <GoalList goals=plan.goals.clone() edit=true status/>
        {status.editable().then(|| view! {
            <AddGoal/>
            <section class="kartu">
                <h2>{lang.pick("Ajukan kepada atasan", "Submit to my supervisor")}</h2>
                <p>{lang.pick("Setiap sasaran harus memiliki metode dan tanggal target.", "Every goal needs a method and a target date.")}</p>
                <PostForm<SubmitIdp> id="ajukan-idp" class="formulir">
                    <label for="catatan-ajukan">{lang.pick("Catatan untuk atasan (opsional)", "A note for your supervisor (optional)")}</label>
                    <textarea id="catatan-ajukan" name="catatan" rows="2" maxlength=MAX_NOTE_CHARS.to_string()>{typed_value("catatan")}</textarea>
                    <button type="submit">{lang.pick("Ajukan IDP", "Submit the IDP")}</button>
                </PostForm<SubmitIdp>>
            </section>
        })}
        {(status == IdpStatus::Disetujui).then(|| view! { <Revise/> })}
    })
}

/// Reopens an approved plan to add or change activities, with the reason; it goes back to
/// the atasan once submitted.
#[component]
fn Revise() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="kartu" id="revisi">
            <h2>{lang.pick("Revisi IDP", "Revise the IDP")}</h2>
            <p>{lang.pick(
                "Perlu menambah atau mengubah kegiatan? Buka revisi dengan alasannya: IDP kembali menjadi draf, lalu ajukan lagi kepada atasan.",
                "Need to add or change activities? Open a revision with its reason: the IDP becomes a draft again, then submit it to your supervisor once more.",
            )}</p>
            <PostForm<ReviseIdp> id="revisi-idp" class="formulir">
                <label for="alasan-revisi">{lang.pick(
                    format!("Alasan revisi (sekurang-kurangnya {MIN_REASON_CHARS} karakter)"),
                    format!("Reason for the revision (at least {MIN_REASON_CHARS} characters)"),
                )}</label>
                <textarea id="alasan-revisi" name="alasan" rows="3" required
                    minlength=MIN_REASON_CHARS.to_string() maxlength=MAX_NOTE_CHARS.to_string()>{typed_value("alasan")}</textarea>
                <button type="submit" class="sekunder">{lang.pick("Buka revisi", "Open a revision")}</button>
            </PostForm<ReviseIdp>>
        </section>
    }
}

/// The plan's status and the atasan's last comment.
#[component]
pub fn PlanStatus(plan: IdpView) -> impl IntoView {
    let lang = use_lang();
    let class = match plan.status {
        IdpStatus::Disetujui => "status-idp disetujui",
        IdpStatus::Dikembalikan => "status-idp dikembalikan",
        _ => "status-idp",
    };
    view! {
        <p class=class role="status">"Status: "<strong>{terms::idp_status(plan.status, lang)}</strong></p>
        {(!plan.thread.is_empty()).then(|| view! { <Thread entries=plan.thread.clone()/> })}
    }
}

/// The plan's conversation, oldest first: who wrote, when, at which step, and what.
#[component]
fn Thread(entries: Vec<ThreadEntry>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="percakapan" aria-label=lang.pick("Riwayat percakapan IDP", "The IDP's conversation")>
            <h2>{lang.pick("Percakapan", "Conversation")}</h2>
            <ol class="percakapan-idp">
                {entries.into_iter().map(|entry| {
                    let heading = format!(
                        "{} · {} · {}",
                        entry.author,
                        lang.timestamp(&entry.at),
                        terms::idp_thread_kind(entry.kind, lang)
                    );
                    view! {
                        <li>
                            <p class="keterangan">{heading}</p>
                            {(!entry.text.is_empty()).then(|| view! { <p class="pemberitahuan">{entry.text}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn title(year: i32, lang: Lang) -> String {
    lang.pick(
        format!("Rencana pengembangan individu {year}"),
        format!("Individual development plan {year}"),
    )
}

fn jp_label(jp: Option<f64>, lang: Lang) -> String {
    jp.map_or_else(String::new, |jp| format!(", {} JP", lang.decimal(jp, 1)))
}

/// The goals of a plan; with `edit`, each carries its activity form.
#[component]
pub fn GoalList(
    goals: Vec<IdpGoal>,
    #[prop(optional)] edit: bool,
    status: IdpStatus,
) -> impl IntoView {
    let lang = use_lang();
    if goals.is_empty() {
        return Either::Left(
            view! { <p>{lang.pick("Belum ada sasaran pengembangan.", "No development goals yet.")}</p> },
        );
    }
    Either::Right(view! {
        <ol class="sasaran">
            {goals
                .into_iter()
                .map(|g| {
                    let summary = match (g.method, &g.target_date) {
                        (Some(m), Some(date)) => format!("{}{}, target {date}", terms::method(m, lang), jp_label(g.jp, lang)),
                        _ => lang.pick("Kegiatan belum direncanakan", "No activity planned yet").to_owned(),
                    };
                    let evidence = g.evidence_url.clone();
                    view! {
                        <li id=format!("sasaran-{}", g.id) class="kartu">
                            <p class="asal">{terms::goal_origin(&g.origin, lang)}</p>
                            <h3>{terms::idp_goal(&g, lang)}</h3>
                            <p>{summary}</p>
                            {evidence.map(|url| view! { <p>{lang.pick("Bukti: ", "Evidence: ")}<a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a></p> })}
                            {edit.then(|| view! { <GoalForm goal=g.clone() status/> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    })
}

/// The method select, starting from what a refused submission chose, else `selected`.
#[component]
fn MethodSelect(id: String, selected: Option<Method>) -> impl IntoView {
    let lang = use_lang();
    let selected = typed_value("metode")
        .and_then(|code| Method::from_code(&code))
        .or(selected);
    view! {
        <select id=id name="metode" required>
            <option value="" selected=selected.is_none()>{lang.pick("— pilih metode —", "— choose a method —")}</option>
            {Method::ALL
                .into_iter()
                .map(|m| view! { <option value=m.code() selected={selected == Some(m)}>{terms::method(m, lang)}</option> })
                .collect_view()}
        </select>
    }
}

/// A goal's activity: everything while the plan can be edited, the evidence link once approved.
#[component]
fn GoalForm(goal: IdpGoal, status: IdpStatus) -> impl IntoView {
    let lang = use_lang();
    let id = goal.id;
    let unplanned = goal.method.is_none() || goal.target_date.is_none();
    // Open while unplanned, and when its form comes back refused.
    let open = unplanned || was_refused::<SaveIdpGoal>(&format!("simpan-{id}"));
    let field = move |name: &str| format!("{name}-{id}");
    let stored_evidence = goal.evidence_url.clone().unwrap_or_default();
    // Called inside its form, so that a refused link comes back as typed.
    let evidence = move || {
        view! {
            <label for=field("bukti")>{evidence_label(lang)}</label>
            <input id=field("bukti") name="bukti" type="url" inputmode="url" value=typed_value("bukti").unwrap_or(stored_evidence) placeholder="https://"/>
        }
    };
    if status.editable() {
        Either::Left(view! {
            <details open=open>
                <summary>{lang.pick("Atur kegiatan", "Plan the activity")}</summary>
                <PostForm<SaveIdpGoal> id=field("simpan") class="formulir">
                    <input type="hidden" name="id" value=id/>
                    <label for=field("metode")>{method_label(lang)}</label>
                    <MethodSelect id=field("metode") selected=goal.method/>
                    <label for=field("jp")>{jp_field_label(lang)}</label>
                    <input id=field("jp") name="jp" inputmode="decimal"
                        value=typed_value("jp").unwrap_or_else(|| goal.jp.map(|jp| jp.to_string()).unwrap_or_default())/>
                    <label for=field("tanggal")>{target_date_label(lang)}</label>
                    <input id=field("tanggal") name="tanggal_target" type="date" required
                        value=typed_value("tanggal_target").unwrap_or_else(|| goal.target_date.clone().unwrap_or_default())/>
                    {evidence()}
                    <button type="submit">{lang.pick("Simpan kegiatan", "Save the activity")}</button>
                </PostForm<SaveIdpGoal>>
                <PostForm<RemoveIdpGoal> id=field("hapus") class="sebaris">
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="sekunder">{lang.pick("Hapus sasaran", "Remove the goal")}</button>
                </PostForm<RemoveIdpGoal>>
            </details>
        })
    } else if status.accepts_evidence() {
        Either::Right(Either::Left(view! {
            <PostForm<SaveIdpGoal> id=field("simpan") class="formulir">
                <input type="hidden" name="id" value=id/>
                {evidence()}
                <button type="submit">{lang.pick("Simpan bukti", "Save the evidence")}</button>
            </PostForm<SaveIdpGoal>>
        }))
    } else {
        Either::Right(Either::Right(()))
    }
}

#[component]
fn AddGoal() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="kartu" id="tambah">
            <h2>{lang.pick("Tambah sasaran sendiri", "Add a goal of my own")}</h2>
            <PostForm<AddIdpGoal> id="tambah-sasaran-baru" class="formulir">
                <label for="tambah-sasaran">{lang.pick("Sasaran pengembangan", "Development goal")}</label>
                <input id="tambah-sasaran" name="sasaran" required minlength="5" maxlength="300" value=typed_value("sasaran")/>
                <label for="tambah-metode">{method_label(lang)}</label>
                <MethodSelect id="tambah-metode".to_owned() selected=None/>
                <label for="tambah-jp">{jp_field_label(lang)}</label>
                <input id="tambah-jp" name="jp" inputmode="decimal" value=typed_value("jp")/>
                <label for="tambah-tanggal">{target_date_label(lang)}</label>
                <input id="tambah-tanggal" name="tanggal_target" type="date" required value=typed_value("tanggal_target")/>
                <label for="tambah-bukti">{evidence_label(lang)}</label>
                <input id="tambah-bukti" name="bukti" type="url" inputmode="url" placeholder="https://" value=typed_value("bukti")/>
                <button type="submit">{lang.pick("Tambah sasaran", "Add the goal")}</button>
            </PostForm<AddIdpGoal>>
        </section>
    }
}

fn method_label(lang: Lang) -> &'static str {
    lang.pick("Metode", "Method")
}

fn jp_field_label(lang: Lang) -> &'static str {
    lang.pick(
        "JP (wajib untuk pelatihan dan e-learning)",
        "JP (required for training and e-learning)",
    )
}

fn target_date_label(lang: Lang) -> &'static str {
    lang.pick("Tanggal target", "Target date")
}

fn evidence_label(lang: Lang) -> &'static str {
    lang.pick("Tautan bukti (opsional)", "Link to evidence (optional)")
}
