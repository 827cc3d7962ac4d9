//! A person's placements as both the person (`/saya`) and the office (`/pegawai/{nip}`) see
//! them: the latest kotak with the calibration beside the computed one, and every period's
//! placement in a table.

use crate::api::talent::{kotak_with_calibration, PlacementView};
use crate::i18n::{notes, terms, use_lang};
use leptos::prelude::*;

/// The latest kotak: the one that counts, and after a calibration the computed one beside
/// it with the komite's reason (domain.md §3: both stay visible).
#[component]
pub fn PlacementSummary(placement: PlacementView) -> impl IntoView {
    let lang = use_lang();
    let period = placement.period;
    let summary = match placement.final_kotak() {
        Some(kotak) => lang.pick(
            format!("Periode {period}: kotak {kotak}"),
            format!("Period {period}: box {kotak}"),
        ),
        None => format!(
            "{} {period}: {}",
            lang.pick("Periode", "Period"),
            terms::placement_status(&placement.status, lang)
        ),
    };
    let calibrated = match (placement.kotak, placement.calibrated_kotak) {
        (Some(computed), Some(calibrated)) if computed != calibrated => Some(lang.pick(
            format!("Hasil perhitungan: kotak {computed}; hasil kalibrasi komite talenta: kotak {calibrated}."),
            format!("Computed: box {computed}; calibrated by the talent committee: box {calibrated}."),
        )),
        _ => None,
    };
    view! {
        <p class="kotak-kini">{summary}</p>
        {calibrated.map(|line| view! {
            <div class="kalibrasi-info">
                <p>{line}</p>
                {placement.calibration_reason.clone().map(|r| view! { <p>{lang.pick("Alasan kalibrasi: ", "Reason for the calibration: ")}<q>{r}</q></p> })}
            </div>
        })}
        {placement.reason.map(|reason| view! { <p class="pemberitahuan">{notes::unplaced(&reason, lang)}</p> })}
    }
}

/// Every period's placement in a table, newest first.
#[component]
pub fn PlacementHistory(placements: Vec<PlacementView>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick(
                    "Riwayat pemetaan (kotak hasil perhitungan → hasil kalibrasi)",
                    "Mapping history (computed box → calibrated box)",
                )}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Periode", "Period")}</th>
                        <th scope="col">"Status"</th>
                        <th scope="col" class="angka">{lang.pick("Kinerja", "Performance")}</th>
                        <th scope="col" class="angka">{lang.pick("Potensial", "Potential")}</th>
                        <th scope="col" class="angka">{lang.pick("Kotak", "Box")}</th>
                    </tr>
                </thead>
                <tbody>
                    {placements
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <th scope="row">{p.period}</th>
                                    <td>{terms::placement_status(&p.status, lang)}</td>
                                    <td class="angka">{lang.score(p.kinerja)}</td>
                                    <td class="angka">{lang.score(p.potensial)}</td>
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
