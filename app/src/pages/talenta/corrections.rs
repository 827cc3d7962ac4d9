//! `/talenta/koreksi`: BKPSDM's queue of data-correction requests. Accepting updates the
//! person's record (and the audit log); rejecting needs a reason the person will read.

use super::{correction_queue, DecideCorrection};
use crate::components::loaded::Loaded;
use crate::domain::correction::RequestStatus;
use crate::format::timestamp;
use crate::pages::akses::ActionError;
use crate::self_service::CorrectionView;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CorrectionsPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let decide = ServerAction::<DecideCorrection>::new();
    let queue = Resource::new(
        move || (instansi.get(), decide.version().get()),
        |(instansi, _)| correction_queue(instansi),
    );
    view! {
        <Title text="Koreksi data | Jenjang"/>
        <h1>"Permohonan koreksi data"</h1>
        <p class="pengantar">"Periksa bukti, lalu terima (data pegawai langsung diperbarui dan tercatat di log audit) atau tolak dengan alasan."</p>
        <ActionError action=decide/>
        <Loaded resource=queue show=move |requests| view! { <Queue requests decide/> }/>
    }
}

#[component]
fn Queue(requests: Vec<CorrectionView>, decide: ServerAction<DecideCorrection>) -> impl IntoView {
    view! {
        {requests.is_empty().then(|| view! { <p>"Belum ada permohonan."</p> })}
        <ul class="permohonan">
            {requests.into_iter().map(|r| view! { <Request r decide/> }).collect_view()}
        </ul>
    }
}

#[component]
fn Request(r: CorrectionView, decide: ServerAction<DecideCorrection>) -> impl IntoView {
    let waiting = r.status == RequestStatus::Diajukan;
    let id = r.id;
    view! {
        <li class="kartu" id=format!("koreksi-{id}")>
            <h2>{format!("{} — {}", r.name, r.field)}</h2>
            <p class="nip">{r.nip.clone()}</p>
            <p>{format!("Tercatat: {}", r.current_value)}</p>
            <p>{format!("Usulan: {}", r.proposed)}</p>
            <p>{format!("Penjelasan: {}", r.explanation)}</p>
            <p>"Bukti: "<a href=r.evidence_url.clone() rel="noopener noreferrer" target="_blank">{r.evidence_url.clone()}</a></p>
            <p class="status-koreksi">"Status: "<strong>{r.status.label()}</strong>{format!(" (diajukan {})", timestamp(&r.requested_at))}</p>
            {r.decision_reason.map(|reason| view! { <p>{format!("Keterangan: {reason}")}</p> })}
            {waiting.then(|| view! {
                <div class="dua-kolom">
                    <ActionForm action=decide attr:class="formulir">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="keputusan" value="terima"/>
                        <label for=format!("catatan-{id}")>"Catatan (opsional)"</label>
                        <input id=format!("catatan-{id}") name="alasan" maxlength="1000"/>
                        <button type="submit">"Terima dan perbarui data"</button>
                    </ActionForm>
                    <ActionForm action=decide attr:class="formulir">
                        <input type="hidden" name="id" value=id/>
                        <input type="hidden" name="keputusan" value="tolak"/>
                        <label for=format!("alasan-{id}")>"Alasan penolakan"</label>
                        <input id=format!("alasan-{id}") name="alasan" required minlength="10" maxlength="1000"/>
                        <button type="submit" class="sekunder">"Tolak"</button>
                    </ActionForm>
                </div>
            })}
        </li>
    }
}
