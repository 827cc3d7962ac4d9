//! "Kotak saya": where I sit in the 9-box, why (every component and its source), what moves
//! me up, and my path over the periods.

use super::{my_kotak, SayaNav};
use crate::charts::kotak_history::{self, PathPoint};
use crate::components::loaded::Loaded;
use crate::components::nine_box::NineBoxGrid;
use crate::domain::advancement::{Advancement, AxisStep};
use crate::domain::scoring::Component;
use crate::format::{decimal_id, score, timestamp};
use crate::pages::pegawai::{PlacementHistory, PlacementSummary};
use crate::self_service::{ComponentLine, KotakExplanation, RulesVersion};
use crate::talent::PlacementView;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyKotakPage() -> impl IntoView {
    let explanation = Resource::new(|| (), |_| my_kotak());
    view! {
        <Title text="Kotak saya | Jenjang"/>
        <SayaNav current="/saya"/>
        <Loaded resource=explanation show=|e| view! { <Explanation e/> }/>
    }
}

#[component]
fn Explanation(e: KotakExplanation) -> impl IntoView {
    let Some(latest) = e.latest.clone() else {
        return Either::Left(view! {
            <h1>{e.name.clone()}</h1>
            <p class="pemberitahuan">"Anda belum pernah dipetakan. BKPSDM memetakan pegawai setelah data SKP, asesmen, pelatihan dan pendidikan lengkap; periksa kelengkapannya di "<a href="/saya/data">"Data saya"</a>"."</p>
        });
    };
    let missing: Vec<ComponentLine> = e
        .components
        .iter()
        .filter(|c| c.score.is_none())
        .cloned()
        .collect();
    Either::Right(view! {
        <h1>{e.name.clone()}</h1>
        <PlacementSummary placement=PlacementView { reason: None, ..latest.clone() }/>
        <NineBoxGrid highlight=latest.final_kotak()/>
        {latest.kotak.is_none().then(|| view! { <NotPlaced reason=latest.reason.clone() missing/> })}
        {(!e.recommendations.is_empty()).then(|| view! {
            <section class="kartu">
                <h2>"Rekomendasi untuk kotak Anda"</h2>
                <ul>{e.recommendations.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
            </section>
        })}
        {e.advancement.clone().map(|a| view! { <MovesUp a goals=e.idp_goals.clone()/> })}
        {e.rules.clone().map(|rules| view! { <Components title="Dari mana nilai saya berasal" lines=e.components.clone() rules computed_at=e.computed_at.clone().unwrap_or_default()/> })}
        <History title="Riwayat kotak saya" history=e.history.clone() rules=e.rules.clone()/>
    })
}

#[component]
fn NotPlaced(reason: Option<String>, missing: Vec<ComponentLine>) -> impl IntoView {
    view! {
        <section class="kartu">
            <h2>"Mengapa Anda belum terpetakan"</h2>
            <p>{reason}</p>
            <ul>
                {missing
                    .into_iter()
                    .map(|c| view! { <li><strong>{c.component.label()}</strong>": "{c.note}</li> })
                    .collect_view()}
            </ul>
            <p>"Jika data Anda sebenarnya ada, ajukan koreksi di "<a href="/saya/data">"Data saya"</a>"."</p>
        </section>
    }
}

/// "Apa yang menaikkan kotak saya": per axis, the gap to the next threshold and the
/// components that could close it, each linked to an IDP goal.
#[component]
fn MovesUp(a: Advancement, goals: Vec<(Component, i64)>) -> impl IntoView {
    view! {
        <section class="kartu">
            <h2>"Apa yang menaikkan kotak saya"</h2>
            <Axis title="Kinerja (sumbu Y)" step=a.kinerja goals=goals.clone()/>
            <Axis title="Potensial (sumbu X)" step=a.potensial goals/>
        </section>
    }
}

#[component]
fn Axis(title: &'static str, step: AxisStep, goals: Vec<(Component, i64)>) -> impl IntoView {
    let status = match step.next_threshold {
        Some(t) => format!(
            "Nilai {}; perlu {} poin lagi untuk mencapai {}.",
            decimal_id(step.score, 2),
            decimal_id(step.gap, 2),
            decimal_id(t, 0)
        ),
        None => format!(
            "Nilai {}: sudah di tingkat tertinggi. Pertahankan komponen berikut.",
            decimal_id(step.score, 2)
        ),
    };
    view! {
        <h3>{title}</h3>
        <p>{status}</p>
        <ul class="pengungkit">
            {step
                .levers
                .into_iter()
                .map(|l| {
                    let goal = goals.iter().find(|(c, _)| *c == l.component).map(|(_, id)| *id);
                    let link = match goal {
                        Some(id) => Either::Left(view! { <a href=format!("/saya/idp#sasaran-{id}")>"Lihat sasaran IDP"</a> }),
                        None => Either::Right(view! { <a href="/saya/idp#tambah">"Rencanakan di IDP"</a> }),
                    };
                    view! {
                        <li>
                            <strong>{l.component.label()}</strong>
                            {format!(
                                ": nilai {} dari 100, bobot {} %; dapat menambah hingga {} poin{}. ",
                                decimal_id(l.score, 2),
                                decimal_id(l.weight, 0),
                                decimal_id(l.headroom, 2),
                                if l.closes_gap_alone { " (cukup untuk naik)" } else { "" },
                            )}
                            {link}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Every component's score, weight and source, per axis, under the parameter version used.
#[component]
pub fn Components(
    title: &'static str,
    lines: Vec<ComponentLine>,
    rules: RulesVersion,
    computed_at: String,
) -> impl IntoView {
    let axis = |axis: &'static [Component], title: &'static str| {
        let rows: Vec<ComponentLine> = lines
            .iter()
            .filter(|l| axis.contains(&l.component))
            .cloned()
            .collect();
        view! {
            <div class="tabel-gulir" tabindex="0">
                <table class="data komponen">
                    <caption>{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Komponen"</th>
                            <th scope="col" class="angka">"Nilai"</th>
                            <th scope="col" class="angka">"Bobot"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|l| view! {
                                <tr>
                                    <th scope="row">
                                        {l.component.label()}
                                        <span class="keterangan">{l.note}</span>
                                        <small class="keterangan">{l.source}</small>
                                    </th>
                                    <td class="angka">{score(l.score)}</td>
                                    <td class="angka">{format!("{} %", decimal_id(l.weight, 0))}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    view! {
        <section>
            <h2>{title}</h2>
            <p class="pengantar">{format!(
                "Dihitung {} dengan parameter \"{}\" versi {}: nilai ≥ {} tinggi, ≥ {} menengah.",
                timestamp(&computed_at),
                rules.name,
                rules.version,
                decimal_id(rules.high, 0),
                decimal_id(rules.middle, 0)
            )}</p>
            {axis(&Component::KINERJA, "Kinerja (sumbu Y)")}
            {axis(&Component::POTENSIAL, "Potensial (sumbu X)")}
        </section>
    }
}

/// The (potensial, kinerja) point of every period over the grid, with the table beside it.
#[component]
pub fn History(
    title: &'static str,
    history: Vec<PlacementView>,
    rules: Option<RulesVersion>,
) -> impl IntoView {
    let mut points: Vec<PathPoint> = history
        .iter()
        .filter_map(|p| {
            Some(PathPoint {
                period: p.period,
                potensial: p.potensial?,
                kinerja: p.kinerja?,
            })
        })
        .collect();
    points.sort_by_key(|p| p.period);
    let (high, middle) = rules.map_or((80.0, 60.0), |r| (r.high, r.middle));
    let chart = kotak_history::draw(&points, high, middle);
    let description = format!(
        "Posisi di 9 kotak per periode: {}",
        points
            .iter()
            .map(|p| format!(
                "{}: potensial {}, kinerja {}",
                p.period,
                decimal_id(p.potensial, 1),
                decimal_id(p.kinerja, 1)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    view! {
        <section>
            <h2>{title}</h2>
            {match chart {
                Ok(svg) if !points.is_empty() => Either::Left(view! {
                    <div class="grafik-svg grafik-kecil" role="img" aria-label=description inner_html=svg></div>
                }),
                _ => Either::Right(()),
            }}
            <PlacementHistory placements=history/>
        </section>
    }
}
