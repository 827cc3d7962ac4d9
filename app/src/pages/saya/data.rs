//! "Data saya": what is missing from my "data 9 box", a request to correct my record, and
//! what BKPSDM decided on my earlier requests.

use super::{own_data, RequestCorrection, SayaNav};
use crate::components::loaded::Loaded;
use crate::domain::correction::{Field, GroupState};
use crate::format::timestamp;
use crate::pages::akses::ActionError;
use crate::self_service::{CorrectionView, MyData};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let request = ServerAction::<RequestCorrection>::new();
    let data = Resource::new(move || request.version().get(), |_| own_data());
    view! {
        <Title text="Data saya | Jenjang"/>
        <SayaNav current="/saya/data"/>
        <h1>"Data saya"</h1>
        <Loaded resource=data show=move |data| view! { <Data data request/> }/>
    }
}

/// The "data 9 box" groups, each complete or with what is missing.
#[component]
pub fn Completeness(groups: Vec<GroupState>) -> impl IntoView {
    view! {
        <section>
            <h2>"Kelengkapan data 9 kotak"</h2>
            <ul class="kelengkapan">
                {groups.into_iter().map(|g| {
                    let (mark, class) = if g.complete { ("✓ Lengkap", "lulus") } else { ("✗ Belum lengkap", "gagal") };
                    view! {
                        <li class=class>
                            <strong>{g.group.label()}</strong>": "{mark}
                            {(!g.missing.is_empty()).then(|| view! { <ul>{g.missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Data(data: MyData, request: ServerAction<RequestCorrection>) -> impl IntoView {
    view! {
        <Completeness groups=data.groups/>
        <section class="kartu">
            <h2>"Ajukan koreksi data"</h2>
            <p>"Data yang tercatat sekarang:"</p>
            <dl class="tercatat">
                {data.current.into_iter().map(|(_, label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            <ActionForm action=request attr:class="formulir">
                <label for="koreksi-jenis">"Data yang salah atau belum ada"</label>
                <select id="koreksi-jenis" name="jenis" required>
                    {Field::ALL.into_iter().map(|f| view! { <option value=f.code()>{f.label()}</option> }).collect_view()}
                </select>
                <ul class="petunjuk">
                    {Field::ALL.into_iter().map(|f| view! { <li><strong>{f.label()}</strong>": "{f.hint()}</li> }).collect_view()}
                </ul>
                <label for="koreksi-nilai">"Nilai yang benar"</label>
                <input id="koreksi-nilai" name="nilai"/>
                <label for="koreksi-tanggal">"Tanggal (TMT atau tanggal mulai pelatihan)"</label>
                <input id="koreksi-tanggal" name="tanggal" type="date"/>
                <label for="koreksi-jp">"JP (untuk pelatihan)"</label>
                <input id="koreksi-jp" name="jp" inputmode="decimal"/>
                <label for="koreksi-penjelasan">"Apa yang salah"</label>
                <textarea id="koreksi-penjelasan" name="penjelasan" required minlength="10" maxlength="1000" rows="3"></textarea>
                <label for="koreksi-bukti">"Tautan bukti (SK, ijazah, sertifikat)"</label>
                <input id="koreksi-bukti" name="bukti" type="url" inputmode="url" required placeholder="https://"/>
                <button type="submit">"Kirim permohonan"</button>
            </ActionForm>
            <ActionError action=request/>
            {move || request.value().get().and_then(Result::ok).map(|()| view! {
                <p role="status">"Permohonan terkirim. BKPSDM akan memeriksanya."</p>
            })}
        </section>
        <Requests requests=data.requests/>
    }
}

#[component]
fn Requests(requests: Vec<CorrectionView>) -> impl IntoView {
    view! {
        <section>
            <h2>"Riwayat permohonan koreksi"</h2>
            {requests.is_empty().then(|| view! { <p>"Belum ada permohonan."</p> })}
            <ul class="permohonan">
                {requests.into_iter().map(|r| view! {
                    <li class="kartu">
                        <p><strong>{r.field}</strong>{format!(" — diajukan {}", timestamp(&r.requested_at))}</p>
                        <p>{format!("Tercatat: {} → usulan: {}", r.current_value, r.proposed)}</p>
                        <p class="status-koreksi">"Status: "<strong>{r.status.label()}</strong></p>
                        {r.decision_reason.map(|reason| view! { <p>{format!("Keterangan BKPSDM: {reason}")}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
