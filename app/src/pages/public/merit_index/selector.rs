//! Choosing which instansi to compare: a plain GET form, so the page needs no JavaScript.
//! With a hundred instansi and more, the choice is a list grouped by province that a text
//! filter narrows (sent with the same form); the chosen ones stay in the list whatever the
//! filter, and in the address, for a link that shows the same comparison.

use super::{FILTER_PARAM, SELECTION_PARAM, YEAR_PARAM};
use crate::api::merit_index::Instansi;
use crate::domain::instansi::matches_words;
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;

/// How many lines the list shows at once.
const LIST_ROWS: &str = "12";

#[component]
pub fn InstansiSelector(
    catalogue: Vec<Instansi>,
    selected: Vec<String>,
    /// The ranking's year, kept when the selection changes.
    year: Option<i32>,
    /// What the list is narrowed to, as typed.
    filter: String,
) -> impl IntoView {
    let lang = use_lang();
    let count = selected.len();
    let summary = lang.pick(
        format!("Pilih instansi yang dibandingkan ({count} dipilih)"),
        format!("Choose the instansi to compare ({count} selected)"),
    );
    let shown: Vec<&Instansi> = catalogue
        .iter()
        .filter(|i| {
            let text = format!("{} {}", i.name, terms::province(&i.province, lang));
            selected.contains(&i.slug) || matches_words(&text, &filter)
        })
        .collect();
    let mut provinces: Vec<&str> = shown.iter().map(|i| i.province.as_str()).collect();
    provinces.dedup();
    let groups = provinces
        .into_iter()
        .map(|province| {
            let options = shown
                .iter()
                .filter(|i| i.province == province)
                .map(|instansi| {
                    let chosen = selected.contains(&instansi.slug);
                    view! {
                        <option value=instansi.slug.clone() selected=chosen>{instansi.short_name().to_owned()}</option>
                    }
                })
                .collect_view();
            view! { <optgroup label=terms::province(province, lang)>{options}</optgroup> }
        })
        .collect_view();
    let nothing_found = (shown.is_empty() && !filter.trim().is_empty()).then(|| {
        view! {
            <p class="pemberitahuan" role="status">{lang.pick(
                format!("Tidak ada instansi yang cocok dengan \u{201c}{filter}\u{201d}."),
                format!("No instansi matches \u{201c}{filter}\u{201d}."),
            )}</p>
        }
    });
    // A narrowed list stays open, so the reader sees what the filter left.
    let open = !filter.trim().is_empty();
    view! {
        <details class="pemilih" open=open>
            <summary>{summary}</summary>
            <form method="get" action="/indeks-merit">
                // Keeps the parameter present when nothing is chosen, so an empty choice
                // stays empty instead of falling back to the default.
                <input type="hidden" name=SELECTION_PARAM value=""/>
                {year.map(|y| view! { <input type="hidden" name=YEAR_PARAM value=y.to_string()/> })}
                <div class="saring">
                    <label for="saring-instansi">{lang.pick(
                        "Saring daftar menurut nama atau provinsi",
                        "Narrow the list by name or province",
                    )}</label>
                    <input id="saring-instansi" type="search" name=FILTER_PARAM value=filter.clone()/>
                    <button type="submit" class="sekunder">{lang.pick("Saring", "Narrow")}</button>
                </div>
                {nothing_found}
                <label for="pilih-instansi">{lang.pick(
                    "Instansi, menurut provinsi (tahan Ctrl atau \u{2318} untuk memilih beberapa)",
                    "Instansi by province (hold Ctrl or \u{2318} to choose several)",
                )}</label>
                <select id="pilih-instansi" name=SELECTION_PARAM multiple size=LIST_ROWS>{groups}</select>
                <div class="aksi">
                    <button type="submit">{lang.pick("Terapkan pilihan", "Apply selection")}</button>
                    <a href="/indeks-merit">{lang.pick(
                        "Kembali ke pilihan bawaan (Kalimantan Timur)",
                        "Back to the default selection (Kalimantan Timur)",
                    )}</a>
                    <a href=format!("/indeks-merit?{SELECTION_PARAM}=")>{lang.pick("Kosongkan pilihan", "Clear selection")}</a>
                </div>
            </form>
        </details>
    }
}
