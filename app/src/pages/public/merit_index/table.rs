//! The chart's data as an accessible table: every point with its category and source.

use super::{InstansiHistory, ProvinceMedian};
use crate::format::decimal_id;
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
                    .map_or("—".to_owned(), |(m, n)| format!("{} ({n} instansi)", decimal_id(m, 2)));
                view! { <td class="angka">{text}</td> }
            });
            let category = score.category().map(|c| c.display_name()).unwrap_or_default();
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
                    <td class="angka">{decimal_id(score.score, 2)}</td>
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
                            <th scope="col" class="kol-provinsi">"Provinsi"</th>
                        })}
                        <th scope="col" class="angka">"Tahun"</th>
                        <th scope="col" class="angka">"Skor"</th>
                        <th scope="col">"Kategori"</th>
                        <th scope="col">"Sumber"</th>
                        {with_medians.then(|| view! { <th scope="col" class="angka">"Median provinsi"</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
