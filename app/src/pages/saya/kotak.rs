//! "Kotak saya": where I sit in the 9-box, why (every component and its source), what moves
//! me up, and my path over the periods.

use super::{my_kotak, SayaNav};
use crate::api::self_service::{ComponentLine, KotakExplanation, RulesVersion};
use crate::api::talent::PlacementView;
use crate::charts::kotak_history::{self, PathPoint};
use crate::components::loaded::Loaded;
use crate::components::nine_box::NineBoxGrid;
use crate::components::page_title::PageTitle;
use crate::components::placement::{PlacementHistory, PlacementSummary};
use crate::domain::advancement::{Advancement, AxisStep};
use crate::domain::placement_note::{Stored, Unplaced};
use crate::domain::scoring::Component;
use crate::i18n::count::POIN;
use crate::i18n::{notes, terms, use_lang, Lang};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn MyKotakPage() -> impl IntoView {
    let lang = use_lang();
    let explanation = Resource::new(|| (), |_| my_kotak());
    view! {
        <PageTitle text=lang.pick("Kotak saya | Jenjang", "My box | Jenjang")/>
        <SayaNav current="/saya"/>
        <Loaded resource=explanation show=|e| view! { <Explanation e/> }/>
    }
}

#[component]
fn Explanation(e: KotakExplanation) -> impl IntoView {
    let lang = use_lang();
    let Some(latest) = e.latest.clone() else {
        return Either::Left(view! {
            <h1>{e.name.clone()}</h1>
            <p class="pemberitahuan">
                {lang.pick(
                    "Anda belum pernah dipetakan. BKPSDM memetakan pegawai setelah data SKP, asesmen, pelatihan dan pendidikan lengkap; periksa kelengkapannya di ",
                    "You have not been mapped yet. BKPSDM maps an employee once their SKP, assessment, training and education data are complete; check yours under ",
                )}
                <a href="/saya/data">{lang.pick("Data saya", "My data")}</a>"."
            </p>
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
                <h2>{lang.pick("Rekomendasi untuk kotak Anda", "What your box recommends")}</h2>
                <ul>{e.recommendations.iter().map(|r| view! { <li>{terms::recommendation(*r, lang)}</li> }).collect_view()}</ul>
            </section>
        })}
        {e.advancement.clone().map(|a| view! { <MovesUp a goals=e.idp_goals.clone() placement=latest.clone()/> })}
        {e.rules.clone().map(|rules| view! { <Components title=lang.pick("Dari mana nilai saya berasal", "Where my scores come from") lines=e.components.clone() rules computed_at=e.computed_at.clone().unwrap_or_default()/> })}
        <History title=lang.pick("Riwayat kotak saya", "My box over the periods") history=e.history.clone() rules=e.rules.clone()/>
    })
}

#[component]
fn NotPlaced(reason: Option<Stored<Unplaced>>, missing: Vec<ComponentLine>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="kartu">
            <h2>{lang.pick("Mengapa Anda belum terpetakan", "Why you are not mapped yet")}</h2>
            <p>{reason.map(|r| notes::unplaced(&r, lang))}</p>
            <ul>
                {missing
                    .into_iter()
                    .map(|c| view! { <li><strong>{terms::component(c.component, lang)}</strong>": "{notes::note(&c.note, lang)}</li> })
                    .collect_view()}
            </ul>
            <p>
                {lang.pick("Jika data Anda sebenarnya ada, ajukan koreksi di ", "If your data does exist, ask for a correction under ")}
                <a href="/saya/data">{lang.pick("Data saya", "My data")}</a>"."
            </p>
        </section>
    }
}

/// "Apa yang menaikkan kotak saya": per axis, the gap to the next threshold from the kotak in
/// force and the components that could close it, each linked to an IDP goal.
#[component]
fn MovesUp(
    a: Advancement,
    goals: Vec<(Component, i64)>,
    placement: PlacementView,
) -> impl IntoView {
    let lang = use_lang();
    let calibrated = match (placement.kotak, placement.calibrated_kotak) {
        (Some(computed), Some(calibrated)) if computed != calibrated => Some(lang.pick(
            format!("Kotak {calibrated} berlaku karena kalibrasi komite talenta; nilai Anda sendiri menempatkan Anda di kotak {computed}. Langkah di bawah dihitung dari kotak {calibrated}."),
            format!("Box {calibrated} is in force through the talent committee's calibration; your scores alone place you in box {computed}. The steps below start from box {calibrated}."),
        )),
        _ => None,
    };
    view! {
        <section class="kartu">
            <h2>{lang.pick("Apa yang menaikkan kotak saya", "What moves my box up")}</h2>
            {calibrated.map(|text| view! { <p>{text}</p> })}
            <Axis title=kinerja_axis(lang) step=a.kinerja goals=goals.clone()/>
            <Axis title=potensial_axis(lang) step=a.potensial goals/>
        </section>
    }
}

#[component]
fn Axis(title: &'static str, step: AxisStep, goals: Vec<(Component, i64)>) -> impl IntoView {
    let lang = use_lang();
    let value = lang.decimal(step.score, 2);
    let next = match step.next_threshold {
        Some(t) if step.gap == 0.0 => {
            let t = lang.decimal(t, 0);
            lang.pick(
                format!("Nilai {value} sudah mencapai {t}; tingkat pada sumbu ini ditetapkan melalui kalibrasi."),
                format!("Score {value} already reaches {t}; the level on this axis was set by a calibration."),
            )
        }
        Some(t) => {
            let (gap, t) = (lang.amount(step.gap, 2, POIN), lang.decimal(t, 0));
            lang.pick(
                format!("Nilai {value}; perlu {gap} lagi untuk mencapai {t}."),
                format!("Score {value}; {gap} short of {t}."),
            )
        }
        None if step.to_hold.is_some() => lang.pick(
            format!("Nilai {value}: tingkat tertinggi pada sumbu ini berlaku karena kalibrasi."),
            format!("Score {value}: the top level on this axis is in force through a calibration."),
        ),
        None => lang.pick(
            format!("Nilai {value}: sudah di tingkat tertinggi. Pertahankan komponen berikut."),
            format!("Score {value}: already at the top level. Keep up these components."),
        ),
    };
    // A level given by a calibration: what the score itself still needs to earn it.
    let hold = step.to_hold.map(|hold| {
        let (gap, t) = (
            lang.amount(hold.gap, 2, POIN),
            lang.decimal(hold.threshold, 0),
        );
        lang.pick(
            format!(" Agar nilai Anda sendiri mencapai tingkat ini, perlu {gap} lagi untuk mencapai {t}."),
            format!(" For your own score to reach this level, you are {gap} short of {t}."),
        )
    });
    let status = format!("{next}{}", hold.unwrap_or_default());
    let holding = step.next_threshold.is_none();
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
                        Some(id) => Either::Left(view! { <a href=format!("/saya/idp#sasaran-{id}")>{lang.pick("Lihat sasaran IDP", "See the IDP goal")}</a> }),
                        None => Either::Right(view! { <a href="/saya/idp#tambah">{lang.pick("Rencanakan di IDP", "Plan it in the IDP")}</a> }),
                    };
                    let (score, weight, headroom) = (
                        lang.decimal(l.score, 2),
                        lang.decimal(l.weight, 0),
                        lang.amount(l.headroom, 2, POIN),
                    );
                    let enough = match (l.closes_gap_alone, holding) {
                        (false, _) => "",
                        (true, false) => lang.pick(" (cukup untuk naik)", " (enough to move up)"),
                        (true, true) => lang.pick(" (cukup untuk mempertahankannya)", " (enough to hold it)"),
                    };
                    view! {
                        <li>
                            <strong>{terms::component(l.component, lang)}</strong>
                            {lang.pick(
                                format!(": nilai {score} dari 100, bobot {weight} %; dapat menambah hingga {headroom}{enough}. "),
                                format!(": score {score} of 100, weight {weight} %; can add up to {headroom}{enough}. "),
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
    let lang = use_lang();
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
                            <th scope="col">{lang.pick("Komponen", "Component")}</th>
                            <th scope="col" class="angka">{lang.pick("Nilai", "Score")}</th>
                            <th scope="col" class="angka">{lang.pick("Bobot", "Weight")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|l| view! {
                                <tr>
                                    <th scope="row">
                                        {terms::component(l.component, lang)}
                                        <span class="keterangan">{notes::note(&l.note, lang)}</span>
                                        <small class="keterangan">{source(&l.source_table, &l.record_ids, lang)}</small>
                                    </th>
                                    <td class="angka">{lang.score(l.score)}</td>
                                    <td class="angka">{format!("{} %", lang.decimal(l.weight, 0))}</td>
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
            <p class="pengantar">{rules_used(&rules, &computed_at, lang)}</p>
            {axis(&Component::KINERJA, kinerja_axis(lang))}
            {axis(&Component::POTENSIAL, potensial_axis(lang))}
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
    let lang = use_lang();
    let chart = kotak_history::draw(&points, high, middle, lang);
    let positions = points
        .iter()
        .map(|p| {
            let (potensial, kinerja) = (lang.decimal(p.potensial, 1), lang.decimal(p.kinerja, 1));
            lang.pick(
                format!("{}: potensial {potensial}, kinerja {kinerja}", p.period),
                format!("{}: potential {potensial}, performance {kinerja}", p.period),
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let description = lang.pick(
        format!("Posisi di 9 kotak per periode: {positions}"),
        format!("Place in the 9-box per period: {positions}"),
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

fn kinerja_axis(lang: Lang) -> &'static str {
    lang.pick("Kinerja (sumbu Y)", "Performance (Y axis)")
}

fn potensial_axis(lang: Lang) -> &'static str {
    lang.pick("Potensial (sumbu X)", "Potential (X axis)")
}

/// "SKP: catatan #3, catatan #4": where a component's value was read.
fn source(table: &str, record_ids: &[i64], lang: Lang) -> String {
    let records = if record_ids.is_empty() {
        lang.pick("tidak ada catatan", "no record").to_owned()
    } else {
        record_ids
            .iter()
            .map(|id| format!("{} #{id}", lang.pick("catatan", "record")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("{}: {records}", terms::record_source(table, lang))
}

/// When a placement was computed and under which parameters.
fn rules_used(rules: &RulesVersion, computed_at: &str, lang: Lang) -> String {
    let (at, name, version) = (lang.timestamp(computed_at), &rules.name, rules.version);
    let (high, middle) = (lang.decimal(rules.high, 0), lang.decimal(rules.middle, 0));
    lang.pick(
        format!("Dihitung {at} dengan parameter \"{name}\" versi {version}: nilai ≥ {high} tinggi, ≥ {middle} menengah."),
        format!("Computed {at} with the parameters \"{name}\" version {version}: a score ≥ {high} is high, ≥ {middle} middle."),
    )
}
