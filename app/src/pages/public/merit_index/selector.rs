//! Choosing which instansi to compare: a plain GET form, so the page needs no JavaScript.
//! The chosen ones stay in the address, for a link that shows the same comparison.

use super::{SELECTION_PARAM, YEAR_PARAM};
use crate::api::merit_index::Instansi;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn InstansiSelector(
    catalogue: Vec<Instansi>,
    selected: Vec<String>,
    /// The ranking's year, kept when the selection changes.
    year: Option<i32>,
) -> impl IntoView {
    let lang = use_lang();
    let count = selected.len();
    let summary = lang.pick(
        format!("Pilih instansi yang dibandingkan ({count} dipilih)"),
        format!("Choose the instansi to compare ({count} selected)"),
    );
    let mut provinces: Vec<String> = catalogue.iter().map(|i| i.province.clone()).collect();
    provinces.dedup();
    let groups = provinces
        .into_iter()
        .map(|province| {
            let members = catalogue
                .iter()
                .filter(|i| i.province == province)
                .map(|instansi| {
                    let checked = selected.contains(&instansi.slug);
                    view! {
                        <label class="pilihan-instansi">
                            <input type="checkbox" name=SELECTION_PARAM value=instansi.slug.clone() checked=checked/>
                            {instansi.short_name().to_owned()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{province}</legend>
                    {members}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <details class="pemilih">
            <summary>{summary}</summary>
            <form method="get" action="/indeks-merit">
                // Keeps the parameter present when every box is cleared, so an empty choice
                // stays empty instead of falling back to the default.
                <input type="hidden" name=SELECTION_PARAM value=""/>
                {year.map(|y| view! { <input type="hidden" name=YEAR_PARAM value=y.to_string()/> })}
                <div class="kelompok">{groups}</div>
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
