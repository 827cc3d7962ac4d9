//! `/tim/idp/{nip}`: a report's IDP of this year, and the atasan's decision on it.

use super::{report_idp, DecideIdp};
use crate::api::self_service::MyIdp;
use crate::components::loaded::Loaded;
use crate::components::outcome::{typed_value, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::idp::{IdpStatus, MAX_NOTE_CHARS, MIN_REASON_CHARS};
use crate::i18n::use_lang;
use crate::pages::saya::{GoalList, PlanStatus};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ReportIdpPage() -> impl IntoView {
    let params = use_params_map();
    let nip = Memo::new(move |_| params.with(|p| p.get("nip").unwrap_or_default()));
    let idp = Resource::new(move || nip.get(), report_idp);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Persetujuan IDP | Jenjang", "IDP approval | Jenjang")/>
        <p><a href="/tim">{lang.pick("← Tim saya", "← My team")}</a></p>
        <Loaded resource=idp show=move |idp| view! { <Review idp/> }/>
    }
}

#[component]
fn Review(idp: MyIdp) -> impl IntoView {
    let lang = use_lang();
    let Some(plan) = idp.plan else {
        return Either::Left(view! {
            <h1>{format!("IDP {}", idp.year)}</h1>
            <p>{lang.pick("Pegawai ini belum menyusun IDP tahun ini.", "This employee has not drawn up an IDP this year.")}</p>
        });
    };
    let waiting = plan.status == IdpStatus::Diajukan;
    let (approve_nip, return_nip) = (plan.nip.clone(), plan.nip.clone());
    Either::Right(view! {
        <h1>{format!("IDP {} — {}", plan.year, plan.name)}</h1>
        <p class="nip">{plan.nip.clone()}</p>
        <PlanStatus plan=plan.clone()/>
        <GoalList goals=plan.goals.clone() status=plan.status/>
        {waiting.then(|| view! {
            <section class="kartu">
                <h2>{lang.pick("Keputusan atasan", "Supervisor's decision")}</h2>
                <PostForm<DecideIdp> id="setujui-idp" class="formulir">
                    <input type="hidden" name="nip" value=approve_nip/>
                    <input type="hidden" name="keputusan" value="setujui"/>
                    <label for="komentar-setujui">{lang.pick("Komentar (opsional)", "Comment (optional)")}</label>
                    <textarea id="komentar-setujui" name="komentar" rows="2" maxlength=MAX_NOTE_CHARS.to_string()>{typed_value("komentar")}</textarea>
                    <button type="submit">{lang.pick("Setujui IDP", "Approve the IDP")}</button>
                </PostForm<DecideIdp>>
                <PostForm<DecideIdp> id="kembalikan-idp" class="formulir">
                    <input type="hidden" name="nip" value=return_nip/>
                    <input type="hidden" name="keputusan" value="kembalikan"/>
                    <label for="komentar-kembalikan">{lang.pick(
                        format!("Alasan pengembalian (sekurang-kurangnya {MIN_REASON_CHARS} karakter)"),
                        format!("Why it goes back (at least {MIN_REASON_CHARS} characters)"),
                    )}</label>
                    <textarea id="komentar-kembalikan" name="komentar" rows="3" required
                        minlength=MIN_REASON_CHARS.to_string() maxlength=MAX_NOTE_CHARS.to_string()>{typed_value("komentar")}</textarea>
                    <button type="submit" class="sekunder">{lang.pick("Kembalikan untuk diperbaiki", "Return for changes")}</button>
                </PostForm<DecideIdp>>
            </section>
        })}
    })
}
