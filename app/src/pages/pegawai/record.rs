//! The talent card (`/pegawai/{nip}`): who the person is, their kotak (computed and, after a
//! calibration, calibrated) and why, what the kotak recommends, their history, data
//! completeness and every calibration. The komite calibrates from here in an open session.

use super::get_talent_card;
use crate::api::calibration::MoveLine;
use crate::api::talent_card::{CalibrationOffer, TalentCard};
use crate::components::loaded::Loaded;
use crate::components::nine_box::NineBoxGrid;
use crate::components::page_title::PageTitle;
use crate::components::placement::PlacementSummary;
use crate::i18n::{terms, use_lang};
use crate::pages::saya::{Completeness, Components, History};
use crate::pages::talenta::CalibrateForm;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PersonRecordPage() -> impl IntoView {
    let params = use_params_map();
    let nip = Memo::new(move |_| params.with(|p| p.get("nip").unwrap_or_default()));
    let card = Resource::new(move || Some(nip.get()), get_talent_card);
    view! { <Loaded resource=card show=move |card| view! { <Card card/> }/> }
}

#[component]
fn Card(card: TalentCard) -> impl IntoView {
    let TalentCard {
        record,
        explanation: e,
        data,
        calibrations,
        calibration,
    } = card;
    let lang = use_lang();
    let person = record.person;
    let latest = record.placements.first().cloned();
    view! {
        <PageTitle text=format!("{} | Jenjang", person.name)/>
        <h1>{person.name.clone()}</h1>
        <dl class="profil">
            <dt>"NIP"</dt><dd class="nip">{person.nip.clone()}</dd>
            <dt>"Instansi"</dt><dd>{record.instansi}</dd>
            <dt>{lang.pick("Unit kerja", "Work unit")}</dt><dd>{person.unit.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{lang.pick("Jabatan", "Post")}</dt><dd>{person.jabatan.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{lang.pick("Golongan", "Grade (golongan)")}</dt><dd>{format!("{} ({})", person.golongan, person.kind_label())}</dd>
        </dl>
        <h2>{lang.pick("Posisi dalam 9 kotak", "Place in the 9-box")}</h2>
        {match latest {
            Some(placement) => Either::Left(view! {
                <PlacementSummary placement=placement.clone()/>
                <NineBoxGrid highlight=placement.final_kotak() marker=lang.pick("Di sini", "Here")/>
            }),
            None => Either::Right(view! { <p>{lang.pick("Belum ada hasil pemetaan talenta.", "No talent mapping yet.")}</p> }),
        }}
        {calibration.map(|offer| view! { <CalibrationPanel offer nip=person.nip.clone()/> })}
        {(!e.recommendations.is_empty()).then(|| view! {
            <section class="kartu">
                <h2>{lang.pick("Rekomendasi kotak", "What the box recommends")}</h2>
                <ul>{e.recommendations.iter().map(|r| view! { <li>{terms::recommendation(*r, lang)}</li> }).collect_view()}</ul>
            </section>
        })}
        {e.rules.clone().map(|rules| view! {
            <Components title=lang.pick("Komponen nilai dan sumbernya", "Score components and their sources") lines=e.components.clone() rules
                computed_at=e.computed_at.clone().unwrap_or_default()/>
        })}
        <History title=lang.pick("Riwayat kotak", "Box history") history=e.history.clone() rules=e.rules.clone()/>
        <Completeness groups=data.groups/>
        <CalibrationHistory moves=calibrations/>
    }
}

/// The komite's controls on the card: calibrate in the open session, or open one.
#[component]
fn CalibrationPanel(offer: CalibrationOffer, nip: String) -> impl IntoView {
    let lang = use_lang();
    let period = offer.period;
    view! {
        <section class="kartu" id="kalibrasi">
            <h2>{lang.pick("Kalibrasi", "Calibration")}</h2>
            {match offer.session {
                Some(session) => Either::Left(view! {
                    <p>{lang.pick(
                        format!("Sesi terbuka: {} (periode {}).", session.name, session.period),
                        format!("Open session: {} (period {}).", session.name, session.period),
                    )}" "
                        <a href=format!("/talenta/kalibrasi/{}", session.id)>{lang.pick("Buka sesi", "Open the session")}</a></p>
                    <CalibrateForm session=session.id nip/>
                }),
                None => Either::Right(view! {
                    <p>{lang.pick(
                        format!("Belum ada sesi kalibrasi yang terbuka untuk periode {period}. "),
                        format!("No calibration session is open for period {period}. "),
                    )}
                        <a href="/talenta/kalibrasi">{lang.pick("Buka sesi kalibrasi", "Open a calibration session")}</a></p>
                }),
            }}
        </section>
    }
}

#[component]
fn CalibrationHistory(moves: Vec<MoveLine>) -> impl IntoView {
    let lang = use_lang();
    (!moves.is_empty()).then(|| {
        view! {
            <section>
                <h2>{lang.pick("Riwayat kalibrasi", "Calibrations")}</h2>
                <ul class="riwayat-kalibrasi">
                    {moves.into_iter().map(|m| view! {
                        <li>
                            <strong>{format!("{} {} → {}", lang.pick("Kotak", "Box"), m.from, m.to)}</strong>
                            {lang.pick(
                                format!(" (hasil perhitungan: kotak {}) oleh {}, {}", m.computed, m.decided_by, lang.timestamp(&m.decided_at)),
                                format!(" (computed: box {}) by {}, {}", m.computed, m.decided_by, lang.timestamp(&m.decided_at)),
                            )}
                            <br/>{lang.pick("Alasan: ", "Reason: ")}<q>{m.reason}</q>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
