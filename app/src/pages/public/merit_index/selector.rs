//! Choosing which instansi to compare. A plain GET form, so it works without JavaScript;
//! once hydrated, each tick navigates at once and the chart follows.

use super::{selection_query, Instansi, SELECTION_PARAM, YEAR_PARAM};
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use web_sys::HtmlDetailsElement;

#[component]
pub fn InstansiSelector(
    catalogue: Vec<Instansi>,
    selected: Vec<String>,
    /// Whether the list is unfolded. Owned by the page, so it stays as the reader left it
    /// while the content below is redrawn for a new selection.
    open: RwSignal<bool>,
    /// The ranking's year, kept when the selection changes.
    year: Option<i32>,
) -> impl IntoView {
    let lang = use_lang();
    let count = selected.len();
    let summary = lang.pick(
        format!("Pilih instansi yang dibandingkan ({count} dipilih)"),
        format!("Choose the institutions to compare ({count} selected)"),
    );
    let selected = StoredValue::new(selected);
    let navigate = use_navigate();
    let toggle = move |slug: String, checked: bool| {
        let mut next = selected.get_value();
        next.retain(|s| *s != slug);
        if checked {
            next.push(slug);
        }
        let mut href = format!("/indeks-merit?{}", selection_query(&next));
        if let Some(year) = year {
            href.push_str(&format!("&{YEAR_PARAM}={year}"));
        }
        navigate(&href, Default::default());
    };
    let mut provinces: Vec<String> = catalogue.iter().map(|i| i.province.clone()).collect();
    provinces.dedup();
    let groups = provinces
        .into_iter()
        .map(|province| {
            let members = catalogue
                .iter()
                .filter(|i| i.province == province)
                .map(|instansi| {
                    let slug = instansi.slug.clone();
                    let checked = selected.with_value(|s| s.contains(&slug));
                    let toggle = toggle.clone();
                    view! {
                        <label class="pilihan-instansi">
                            <input type="checkbox" name=SELECTION_PARAM value=slug.clone() checked=checked
                                on:change=move |ev| toggle(slug.clone(), event_target_checked(&ev))/>
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
        <details class="pemilih" prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<HtmlDetailsElement>(&ev).open())>
            <summary>{summary}</summary>
            <form method="get" action="/indeks-merit">
                // Keeps the parameter present when every box is cleared, so an empty choice
                // stays empty instead of falling back to the default.
                <input type="hidden" name=SELECTION_PARAM value=""/>
                {year.map(|y| view! { <input type="hidden" name=YEAR_PARAM value=y.to_string()/> })}
                <div class="kelompok">{groups}</div>
                <div class="aksi">
                    // Hidden once hydrated: then every tick applies itself.
                    <button type="submit" class="tanpa-js">{lang.pick("Terapkan pilihan", "Apply selection")}</button>
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
