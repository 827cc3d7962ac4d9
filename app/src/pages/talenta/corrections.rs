//! `/talenta/koreksi`: BKPSDM's queue of data-correction requests. Accepting updates the
//! person's record (and the audit log); rejecting needs a reason the person will read.

use super::{correction_queue, DecideCorrection};
use crate::api::self_service::CorrectionView;
use crate::components::loaded::Loaded;
use crate::components::outcome::PostForm;
use crate::components::page_title::PageTitle;
use crate::domain::correction::RequestStatus;
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let queue = Resource::new(move || instansi.get(), correction_queue);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Koreksi data | Jenjang", "Data corrections | Jenjang")/>
        <h1>{lang.pick("Permohonan koreksi data", "Data correction requests")}</h1>
        <p class="pengantar">{lang.pick(
            "Periksa bukti, lalu terima (data pegawai langsung diperbarui dan tercatat di log audit) atau tolak dengan alasan.",
            "Check the evidence, then accept (the record is updated at once and the audit log records it) or reject with a reason.",
        )}</p>
        <Loaded resource=queue show=move |requests| view! { <Queue requests/> }/>
    }
}

#[component]
fn Queue(requests: Vec<CorrectionView>) -> impl IntoView {
    let lang = use_lang();
    view! {
        {requests.is_empty().then(|| view! { <p>{lang.pick("Belum ada permohonan.", "No requests yet.")}</p> })}
        <ul class="permohonan">
            {requests.into_iter().map(|r| view! { <Request r/> }).collect_view()}
        </ul>
    }
}

#[component]
fn Request(r: CorrectionView) -> impl IntoView {
    let lang = use_lang();
    let waiting = r.status == RequestStatus::Diajukan;
    let id = r.id;
    view! {
        <li class="kartu" id=format!("koreksi-{id}")>
            <h2>{format!("{} — {}", r.name, terms::correction_field(r.field, lang))}</h2>
            <p class="nip">{r.nip.clone()}</p>
            <p>{lang.pick("Tercatat: ", "On record: ")}{r.current_value}</p>
            <p>{lang.pick("Usulan: ", "Proposed: ")}{r.proposed}</p>
            <p>{lang.pick("Penjelasan: ", "Explanation: ")}{r.explanation}</p>
            <p>{lang.pick("Bukti: ", "Evidence: ")}<a href=r.evidence_url.clone() rel="noopener noreferrer" target="_blank">{r.evidence_url.clone()}</a></p>
            <p class="status-koreksi">
                "Status: "<strong>{terms::request_status(r.status, lang)}</strong>
                {format!(" ({} {})", lang.pick("diajukan", "sent"), lang.timestamp(&r.requested_at))}
            </p>
            {r.decision_reason.map(|reason| view! { <p>{lang.pick("Keterangan: ", "Note: ")}{reason}</p> })}
            {waiting.then(|| view! {
                <div class="dua-kolom">
                    <PostForm<DecideCorrection> id=format!("terima-koreksi-{id}") class="formulir">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="keputusan" value="terima"/>
                        <label for=format!("catatan-{id}")>{lang.pick("Catatan (opsional)", "Note (optional)")}</label>
                        <input id=format!("catatan-{id}") name="alasan" maxlength="1000"/>
                        <button type="submit">{lang.pick("Terima dan perbarui data", "Accept and update the record")}</button>
                    </PostForm<DecideCorrection>>
                    <PostForm<DecideCorrection> id=format!("tolak-koreksi-{id}") class="formulir">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="keputusan" value="tolak"/>
                        <label for=format!("alasan-{id}")>{lang.pick("Alasan penolakan", "Reason for rejecting")}</label>
                        <input id=format!("alasan-{id}") name="alasan" required minlength="10" maxlength="1000"/>
                        <button type="submit" class="sekunder">{lang.pick("Tolak", "Reject")}</button>
                    </PostForm<DecideCorrection>>
                </div>
            })}
        </li>
    }
}
