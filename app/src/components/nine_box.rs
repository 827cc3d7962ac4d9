//! The 9-box in the official PermenPANRB numbering (domain.md §3): potensial left to right,
//! kinerja bottom to top. [`NineBox`] lays out cells a page draws; [`NineBoxGrid`] marks one
//! person's box.

use crate::domain::nine_box::{Expectation, Kotak, Potential};
use crate::i18n::{terms, use_lang, Lang};
use leptos::prelude::*;

/// The grid with its axis labels; `cell` draws each kotak (its element carries the `sel`
/// class). `label` describes the whole figure to a screen reader, `caption` to everyone.
#[component]
pub fn NineBox<F, V>(label: String, caption: String, cell: F) -> impl IntoView
where
    F: Fn(Kotak) -> V + Clone + Send + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let rows = Expectation::ALL.into_iter().rev().map(move |kinerja| {
        let cell = cell.clone();
        view! {
            <div class="baris-label">{terms::expectation(kinerja, lang)}</div>
            {Potential::ALL
                .into_iter()
                .map(|potential| cell(Kotak::of(kinerja, potential)))
                .collect_view()}
        }
    });
    view! {
        <figure class="sembilan-kotak">
            <div class="kisi" role="group" aria-label=label>
                {rows.collect_view()}
                <div class="sudut"></div>
                {Potential::ALL.into_iter().map(|p| view! { <div class="kolom-label">{terms::potential(p, lang)}</div> }).collect_view()}
            </div>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// The cell classes: the talent-pool boxes (7-9) are tinted, and the text says so too.
pub fn cell_class(kotak: Kotak, marked: bool) -> &'static str {
    match (marked, kotak.in_talent_pool()) {
        (true, _) => "sel saya",
        (false, true) => "sel krs",
        (false, false) => "sel",
    }
}

/// The axes and what the tint means, in words as well as colour.
pub fn caption(lang: Lang) -> &'static str {
    lang.pick(
        "Sumbu Y: kinerja · Sumbu X: potensial · Kotak 7-9 (hijau) adalah kelompok rencana suksesi",
        "Y axis: performance · X axis: potential · Boxes 7-9 (green) are the succession pool",
    )
}

/// One person's box marked with `marker` ("Anda", "You", on the person's own page).
#[component]
pub fn NineBoxGrid(
    highlight: Option<u8>,
    #[prop(optional)] marker: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let marker = marker.unwrap_or_else(|| lang.pick("Anda", "You"));
    let label = highlight.map_or_else(
        || {
            lang.pick("9 kotak manajemen talenta", "9-box talent grid")
                .to_owned()
        },
        |k| {
            lang.pick(
                format!("9 kotak manajemen talenta; {marker} di kotak {k}"),
                format!("9-box talent grid; {marker} in box {k}"),
            )
        },
    );
    view! {
        <NineBox label caption=caption(lang).to_owned() cell=move |kotak: Kotak| {
            let mine = highlight == Some(kotak.number());
            view! {
                <div class=cell_class(kotak, mine) aria-current=mine.then_some("true")>
                    <span class="nomor">{kotak.number()}</span>
                    {mine.then_some(view! { <span class="penanda">{marker}</span> })}
                </div>
            }
        }/>
    }
}
