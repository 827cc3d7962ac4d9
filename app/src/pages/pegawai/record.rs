//! The talent record view: who the person is and their kotak in each period scored.

use super::get_talent_record;
use crate::components::loaded::Loaded;
use crate::format::decimal_id;
use crate::talent::{kotak_label, PlacementView, TalentRecord};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PersonRecordPage() -> impl IntoView {
    let params = use_params_map();
    let nip = Memo::new(move |_| params.with(|p| p.get("nip").unwrap_or_default()));
    let record = Resource::new(move || nip.get(), |nip| get_talent_record(Some(nip)));
    view! { <Loaded resource=record show=|record| view! { <Record record/> }/> }
}

#[component]
fn Record(record: TalentRecord) -> impl IntoView {
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
            Some(placement) => Either::Left(view! { <Latest placement/> }),
            None => Either::Right(view! { <p>"Belum ada hasil pemetaan talenta."</p> }),
        }}
        <PlacementHistory placements=record.placements/>
    }
}

#[component]
fn Latest(placement: PlacementView) -> impl IntoView {
    let summary = match placement.kotak {
        Some(kotak) => format!("Periode {}: kotak {kotak}", placement.period),
        None => format!("Periode {}: {}", placement.period, placement.status_label()),
    };
    view! {
        <p class="kotak-kini">{summary}</p>
        {placement.reason.map(|reason| view! { <p class="pemberitahuan">{reason}</p> })}
    }
}

/// Every period's placement in a table, newest first.
#[component]
pub fn PlacementHistory(placements: Vec<PlacementView>) -> impl IntoView {
    let score = |value: Option<f64>| value.map_or_else(|| "—".to_owned(), |v| decimal_id(v, 2));
    view! {
        <div class="tabel-gulir">
            <table class="data">
                <caption>"Riwayat pemetaan"</caption>
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
                                    <td class="angka">{kotak_label(p.kotak)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
