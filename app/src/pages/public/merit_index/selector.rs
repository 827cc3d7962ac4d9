//! Choosing which instansi to compare. A plain GET form, so it works without JavaScript;
//! once hydrated, each tick navigates at once and the chart follows.

use super::{selection_query, Instansi, SELECTION_PARAM};
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
) -> impl IntoView {
    let summary = format!(
        "Pilih instansi yang dibandingkan ({} dipilih)",
        selected.len()
    );
    let selected = StoredValue::new(selected);
    let navigate = use_navigate();
    let toggle = move |slug: String, checked: bool| {
        let mut next = selected.get_value();
        next.retain(|s| *s != slug);
        if checked {
            next.push(slug);
        }
        navigate(
            &format!("/indeks-merit?{}", selection_query(&next)),
            Default::default(),
        );
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
                <div class="kelompok">{groups}</div>
                <div class="aksi">
                    // Hidden once hydrated: then every tick applies itself.
                    <button type="submit" class="tanpa-js">"Terapkan pilihan"</button>
                    <a href="/indeks-merit">"Kembali ke pilihan bawaan (Kalimantan Timur)"</a>
                    <a href=format!("/indeks-merit?{SELECTION_PARAM}=")>"Kosongkan pilihan"</a>
                </div>
            </form>
        </details>
    }
}
