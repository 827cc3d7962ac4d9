//! The chart's data as an accessible table, every result with its body, category and source
//! (a category published alone says so; a corrected result says so, and on the instansi's
//! page why), and the same data as downloads.

use super::{median_text, score_text};
use crate::api::merit_index::{InstansiHistory, MeritScore, ProvinceMedian};
use crate::domain::merit_result::Value;
use crate::i18n::{terms, use_lang, Lang};
use leptos::prelude::*;

#[component]
pub fn MeritTable(
    histories: Vec<InstansiHistory>,
    #[prop(into)] caption: String,
    /// Whether to repeat the instansi on every row (off on a single instansi's page, which
    /// says why each corrected result was corrected).
    #[prop(optional)]
    single_instansi: bool,
    /// The medians of the instansi's provinces: a column beside each score when given.
    #[prop(optional)]
    medians: Vec<ProvinceMedian>,
) -> impl IntoView {
    let lang = use_lang();
    let with_medians = !medians.is_empty();
    let rows = histories
        .into_iter()
        .flat_map(|history| {
            let instansi = history.instansi;
            history.scores.into_iter().map(move |score| (instansi.clone(), score))
        })
        .map(|(instansi, score)| {
            let median = with_medians.then(|| {
                let text = medians
                    .iter()
                    .find(|m| {
                        m.province == instansi.province
                            && m.framework == score.framework
                            && m.body == score.body
                    })
                    .and_then(|m| m.at(score.year))
                    .filter(|_| score.score.is_some())
                    .map_or("—".to_owned(), |(m, n)| median_text(lang, m, n));
                view! { <td class="angka">{text}</td> }
            });
            let category = score
                .category()
                .map(|c| terms::merit_category(&c, lang))
                .unwrap_or_default();
            let instansi_cells = (!single_instansi).then(|| {
                view! {
                    <th scope="row">
                        <a href=format!("/indeks-merit/{}", instansi.slug)>{instansi.name.clone()}</a>
                    </th>
                    <td class="kol-provinsi">{terms::province(&instansi.province, lang)}</td>
                }
            });
            let corrected = score.correction.is_some().then(|| {
                view! { " "<span class="dikoreksi">{lang.pick("dikoreksi", "corrected")}</span> }
            });
            let why = single_instansi
                .then(|| correction_note(&score, lang))
                .flatten()
                .map(|text| view! { <span class="koreksi">{text}</span> });
            view! {
                <tr>
                    {instansi_cells}
                    <td class="angka">{score.year}</td>
                    <td>{score.body.code()}</td>
                    <td class="angka">{score_text(&score, lang)}{corrected}</td>
                    <td>{category}</td>
                    <td class="sumber">
                        <ResultSource score=score.clone()/>
                        {why}
                    </td>
                    {median}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {(!single_instansi).then(|| view! {
                            <th scope="col">"Instansi"</th>
                            <th scope="col" class="kol-provinsi">{lang.pick("Provinsi", "Province")}</th>
                        })}
                        <th scope="col" class="angka">{lang.pick("Tahun", "Year")}</th>
                        <th scope="col">{lang.pick("Penilai", "Assessed by")}</th>
                        <th scope="col" class="angka">{lang.pick("Skor", "Score")}</th>
                        <th scope="col">{lang.pick("Kategori", "Category")}</th>
                        <th scope="col">{lang.pick("Sumber", "Source")}</th>
                        {with_medians.then(|| view! {
                            <th scope="col" class="angka">{lang.pick("Median provinsi", "Province median")}</th>
                        })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Why and when a result was corrected and what it said before: "Dikoreksi (versi 2,
/// 2026-12-08 17.00 WIB): … Sebelumnya: 263,5."
fn correction_note(score: &MeritScore, lang: Lang) -> Option<String> {
    let correction = score.correction.as_ref()?;
    let (version, at, reason) = (
        correction.version,
        lang.timestamp(&correction.recorded_at),
        &correction.reason,
    );
    let before = score
        .previous_value()
        .map(|value| match value {
            Value::Score(number) => lang.decimal(number, 2),
            Value::Category(category) => terms::merit_category(&category, lang),
        })
        .unwrap_or_default();
    Some(lang.pick(
        format!(" Dikoreksi (versi {version}, {at}): {reason} Sebelumnya: {before}."),
        format!(" Corrected (version {version}, {at}): {reason} Before: {before}."),
    ))
}

/// A result's source: the citation, linked when it has an address, with its note and the
/// day it was published.
#[component]
pub fn ResultSource(score: MeritScore) -> impl IntoView {
    let lang = use_lang();
    let citation = match &score.source_url {
        Some(url) => view! {
            <a href=url.clone() rel="noopener noreferrer external">{score.source.clone()}</a>
        }
        .into_any(),
        None => view! { <span>{score.source.clone()}</span> }.into_any(),
    };
    let note = (!score.note.is_empty()).then(|| {
        view! { <span class="catatan">{format!(" ({})", score.note)}</span> }
    });
    let published = score.published_on.map(|day| {
        view! { <span class="terbit">{lang.pick(format!(" · terbit {day}"), format!(" · published {day}"))}</span> }
    });
    view! { {citation}{note}{published} }
}

/// The table's data as CSV and XLSX, for the selection in `query` (`instansi=…`).
#[component]
pub fn MeritDownloads(query: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="unduh">
            {lang.pick("Unduh data tabel: ", "Download the table's data: ")}
            <a href=format!("/unduh/indeks-merit.csv?{query}") download="indeks-merit.csv">"CSV"</a>
            " · "
            <a href=format!("/unduh/indeks-merit.xlsx?{query}") download="indeks-merit.xlsx">"XLSX"</a>
            {lang.pick(
                " (data yang sama dengan tabel, termasuk sumber dan waktu pembuatan)",
                " (the same data as the table, with sources and the time it was made)",
            )}
        </p>
    }
}
