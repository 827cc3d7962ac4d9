//! The talent card (`/pegawai/{nip}`): who the person is, their kotak (computed and, after a
//! calibration, calibrated) and why, what the kotak recommends, their history, data
//! completeness and every calibration. The komite calibrates from here in an open session.

use super::get_talent_card;
use crate::components::loaded::Loaded;
use crate::components::nine_box::NineBoxGrid;
use crate::format::{score, timestamp};
use crate::pages::saya::{Completeness, Components, History};
use crate::pages::talenta::CalibrateForm;
use crate::talent::{kotak_with_calibration, PlacementView};
use crate::talent_map::{CalibrationOffer, MoveLine, TalentCard};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PersonRecordPage() -> impl IntoView {
    let params = use_params_map();
    let nip = Memo::new(move |_| params.with(|p| p.get("nip").unwrap_or_default()));
    let moved = RwSignal::new(0u32);
    let card = Resource::new(
        move || (nip.get(), moved.get()),
        |(nip, _)| get_talent_card(Some(nip)),
    );
    view! { <Loaded resource=card show=move |card| view! { <Card card moved/> }/> }
}

#[component]
fn Card(card: TalentCard, moved: RwSignal<u32>) -> impl IntoView {
    let TalentCard {
        record,
        explanation: e,
        data,
        calibrations,
        calibration,
    } = card;
    let person = record.person;
    let latest = record.placements.first().cloned();
    view! {
        <Title text=format!("{} | Jenjang", person.name)/>
        <h1>{person.name.clone()}</h1>
        <dl class="profil">
            <dt>"NIP"</dt><dd class="nip">{person.nip.clone()}</dd>
            <dt>"Instansi"</dt><dd>{record.instansi}</dd>
            <dt>"Unit kerja"</dt><dd>{person.unit.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>"Jabatan"</dt><dd>{person.jabatan.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>"Golongan"</dt><dd>{format!("{} ({})", person.golongan, person.kind_label())}</dd>
        </dl>
        <h2>"Posisi dalam 9 kotak"</h2>
        {match latest {
            Some(placement) => Either::Left(view! {
                <PlacementSummary placement=placement.clone()/>
                <NineBoxGrid highlight=placement.final_kotak() marker="Di sini"/>
            }),
            None => Either::Right(view! { <p>"Belum ada hasil pemetaan talenta."</p> }),
        }}
        {calibration.map(|offer| view! { <CalibrationPanel offer nip=person.nip.clone() moved/> })}
        {(!e.recommendations.is_empty()).then(|| view! {
            <section class="kartu">
                <h2>"Rekomendasi kotak"</h2>
                <ul>{e.recommendations.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        {e.rules.clone().map(|rules| view! {
            <Components title="Komponen nilai dan sumbernya" lines=e.components.clone() rules
                computed_at=e.computed_at.clone().unwrap_or_default()/>
        })}
        <History title="Riwayat kotak" history=e.history.clone() rules=e.rules.clone()/>
        <Completeness groups=data.groups/>
        <CalibrationHistory moves=calibrations/>
    }
}

/// The latest kotak: the one that counts, and after a calibration the computed one beside
/// it with the komite's reason (domain.md §3: both stay visible).
#[component]
pub fn PlacementSummary(placement: PlacementView) -> impl IntoView {
    let summary = match placement.final_kotak() {
        Some(kotak) => format!("Periode {}: kotak {kotak}", placement.period),
        None => format!("Periode {}: {}", placement.period, placement.status_label()),
    };
    let calibrated = match (placement.kotak, placement.calibrated_kotak) {
        (Some(computed), Some(calibrated)) if computed != calibrated => Some(format!(
            "Hasil perhitungan: kotak {computed}; hasil kalibrasi komite talenta: kotak {calibrated}."
        )),
        _ => None,
    };
    view! {
        <p class="kotak-kini">{summary}</p>
        {calibrated.map(|line| view! {
            <div class="kalibrasi-info">
                <p>{line}</p>
                {placement.calibration_reason.clone().map(|r| view! { <p>"Alasan kalibrasi: "<q>{r}</q></p> })}
            </div>
        })}
        {placement.reason.map(|reason| view! { <p class="pemberitahuan">{reason}</p> })}
    }
}

/// The komite's controls on the card: calibrate in the open session, or open one.
#[component]
fn CalibrationPanel(offer: CalibrationOffer, nip: String, moved: RwSignal<u32>) -> impl IntoView {
    view! {
        <section class="kartu" id="kalibrasi">
            <h2>"Kalibrasi"</h2>
            {match offer.session {
                Some(session) => Either::Left(view! {
                    <p>{format!("Sesi terbuka: {} (periode {}).", session.name, session.period)}" "
                        <a href=format!("/talenta/kalibrasi/{}", session.id)>"Buka sesi"</a></p>
                    <CalibrateForm session=session.id nip target=RwSignal::new(None) done=moved/>
                }),
                None => Either::Right(view! {
                    <p>{format!("Belum ada sesi kalibrasi yang terbuka untuk periode {}. ", offer.period)}
                        <a href="/talenta/kalibrasi">"Buka sesi kalibrasi"</a></p>
                }),
            }}
        </section>
    }
}

#[component]
fn CalibrationHistory(moves: Vec<MoveLine>) -> impl IntoView {
    (!moves.is_empty()).then(|| {
        view! {
            <section>
                <h2>"Riwayat kalibrasi"</h2>
                <ul class="riwayat-kalibrasi">
                    {moves.into_iter().map(|m| view! {
                        <li>
                            <strong>{format!("Kotak {} → {}", m.from, m.to)}</strong>
                            {format!(" (hasil perhitungan: kotak {}) oleh {}, {}", m.computed, m.decided_by, timestamp(&m.decided_at))}
                            <br/>"Alasan: "<q>{m.reason}</q>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// Every period's placement in a table, newest first.
#[component]
pub fn PlacementHistory(placements: Vec<PlacementView>) -> impl IntoView {
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>"Riwayat pemetaan (kotak hasil perhitungan → hasil kalibrasi)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Periode"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="angka">"Kinerja"</th>
                        <th scope="col" class="angka">"Potensial"</th>
                        <th scope="col" class="angka">"Kotak"</th>
                    </tr>
                </thead>
                <tbody>
                    {placements
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <th scope="row">{p.period}</th>
                                    <td>{p.status_label()}</td>
                                    <td class="angka">{score(p.kinerja)}</td>
                                    <td class="angka">{score(p.potensial)}</td>
                                    <td class="angka">{kotak_with_calibration(p.kotak, p.calibrated_kotak)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
