//! The chart's data as an accessible table, every point with its category and source, and the
//! same data as downloads.

use super::median_text;
use crate::api::merit_index::{InstansiHistory, ProvinceMedian};
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;

#[component]
pub fn MeritTable(
    histories: Vec<InstansiHistory>,
    #[prop(into)] caption: String,
    /// Whether to repeat the instansi on every row (off on a single instansi's page).
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
                    .find(|m| m.province == instansi.province && m.framework == score.framework)
                    .and_then(|m| m.at(score.year))
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
                    <td class="kol-provinsi">{instansi.province.clone()}</td>
                }
            });
            view! {
                <tr>
                    {instansi_cells}
                    <td class="angka">{score.year}</td>
                    <td class="angka">{lang.decimal(score.score, 2)}</td>
                    <td>{category}</td>
                    <td class="sumber">
                        {score.source.clone()}
                        {(!score.note.is_empty()).then(|| view! { <span class="catatan">{format!(" ({})", score.note)}</span> })}
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
