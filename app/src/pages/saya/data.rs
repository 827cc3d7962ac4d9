//! "Data saya": what is missing from my "data 9 box", a request to correct my record, and
//! what BKPSDM decided on my earlier requests.

use super::{own_data, RequestCorrection, SayaNav};
use crate::api::self_service::{CorrectionView, MyData};
use crate::components::loaded::Loaded;
use crate::components::outcome::{typed_value, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::correction::{Field, GroupState};
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| own_data());
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Data saya | Jenjang", "My data | Jenjang")/>
        <SayaNav current="/saya/data"/>
        <h1>{lang.pick("Data saya", "My data")}</h1>
        <Loaded resource=data show=move |data| view! { <Data data/> }/>
    }
}

/// The "data 9 box" groups, each complete or with what is missing.
#[component]
pub fn Completeness(groups: Vec<GroupState>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section>
            <h2>{lang.pick("Kelengkapan data 9 kotak", "Completeness of the 9-box data")}</h2>
            <ul class="kelengkapan">
                {groups.into_iter().map(|g| {
                    let (mark, class) = if g.complete {
                        (lang.pick("✓ Lengkap", "✓ Complete"), "lulus")
                    } else {
                        (lang.pick("✗ Belum lengkap", "✗ Incomplete"), "gagal")
                    };
                    view! {
                        <li class=class>
                            <strong>{terms::data_group(g.group, lang)}</strong>": "{mark}
                            {(!g.missing.is_empty()).then(|| view! {
                                <ul>{g.missing.into_iter().map(|m| view! { <li>{terms::missing(m, lang)}</li> }).collect_view()}</ul>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Data(data: MyData) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Completeness groups=data.groups/>
        <section class="kartu">
            <h2>{lang.pick("Ajukan koreksi data", "Ask for a correction")}</h2>
            <p>{lang.pick("Data yang tercatat sekarang:", "What the record holds now:")}</p>
            <dl class="tercatat">
                {data.current.into_iter().map(|(field, value)| view! { <dt>{terms::recorded_field(field, lang)}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            <PostForm<RequestCorrection> id="ajukan-koreksi" class="formulir"
                confirmation=lang.pick("Permohonan terkirim. BKPSDM akan memeriksanya.", "Request sent. BKPSDM will look into it.")>
                <label for="koreksi-jenis">{lang.pick("Data yang salah atau belum ada", "What is wrong or missing")}</label>
                <select id="koreksi-jenis" name="jenis" required>
                    {Field::ALL.into_iter().map(|f| view! {
                        <option value=f.code() selected=typed_value("jenis").as_deref() == Some(f.code())>{terms::correction_field(f, lang)}</option>
                    }).collect_view()}
                </select>
                <ul class="petunjuk">
                    {Field::ALL.into_iter().map(|f| view! {
                        <li><strong>{terms::correction_field(f, lang)}</strong>": "{terms::correction_hint(f, lang)}</li>
                    }).collect_view()}
                </ul>
                <label for="koreksi-nilai">{lang.pick("Nilai yang benar", "The right value")}</label>
                <input id="koreksi-nilai" name="nilai" value=typed_value("nilai")/>
                <label for="koreksi-tanggal">{lang.pick("Tanggal (TMT atau tanggal mulai pelatihan)", "Date (TMT, or the training's start)")}</label>
                <input id="koreksi-tanggal" name="tanggal" type="date" value=typed_value("tanggal")/>
                <label for="koreksi-jp">{lang.pick("JP (untuk pelatihan)", "JP (for training)")}</label>
                <input id="koreksi-jp" name="jp" inputmode="decimal" value=typed_value("jp")/>
                <label for="koreksi-penjelasan">{lang.pick("Apa yang salah", "What is wrong")}</label>
                <textarea id="koreksi-penjelasan" name="penjelasan" required minlength="10" maxlength="1000" rows="3">{typed_value("penjelasan")}</textarea>
                <label for="koreksi-bukti">{lang.pick("Tautan bukti (SK, ijazah, sertifikat)", "Link to evidence (decree, diploma, certificate)")}</label>
                <input id="koreksi-bukti" name="bukti" type="url" inputmode="url" required placeholder="https://" value=typed_value("bukti")/>
                <button type="submit">{lang.pick("Kirim permohonan", "Send the request")}</button>
            </PostForm<RequestCorrection>>
        </section>
        <Requests requests=data.requests/>
    }
}

#[component]
fn Requests(requests: Vec<CorrectionView>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section>
            <h2>{lang.pick("Riwayat permohonan koreksi", "My correction requests")}</h2>
            {requests.is_empty().then(|| view! { <p>{lang.pick("Belum ada permohonan.", "No requests yet.")}</p> })}
            <ul class="permohonan">
                {requests.into_iter().map(|r| view! {
                    <li class="kartu">
                        <p>
                            <strong>{terms::correction_field(r.field, lang)}</strong>
                            {format!(" — {} {}", lang.pick("diajukan", "sent"), lang.timestamp(&r.requested_at))}
                        </p>
                        <p>{lang.pick("Tercatat: ", "On record: ")}{r.current_value}{lang.pick(" → usulan: ", " → proposed: ")}{r.proposed}</p>
                        <p class="status-koreksi">"Status: "<strong>{terms::request_status(r.status, lang)}</strong></p>
                        {r.decision_reason.map(|reason| view! { <p>{lang.pick("Keterangan BKPSDM: ", "BKPSDM's note: ")}{reason}</p> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
