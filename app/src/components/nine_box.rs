//! The 9-box in the official PermenPANRB numbering (domain.md §3): potensial left to right,
//! kinerja bottom to top, one box marked.

use crate::domain::nine_box::{Expectation, Kotak, Potential};
use leptos::prelude::*;

#[component]
pub fn NineBoxGrid(highlight: Option<u8>) -> impl IntoView {
    let rows = Expectation::ALL.into_iter().rev().map(move |kinerja| {
        let cells = Potential::ALL.into_iter().map(move |potential| {
            let kotak = Kotak::of(kinerja, potential).number();
            let mine = highlight == Some(kotak);
            let class = match (mine, kotak >= 7) {
                (true, _) => "sel saya",
                (false, true) => "sel krs",
                (false, false) => "sel",
            };
            view! {
                <div class=class aria-current=mine.then_some("true")>
                    <span class="nomor">{kotak}</span>
                    {mine.then_some(view! { <span class="penanda">"Anda"</span> })}
                </div>
            }
        });
        view! {
            <div class="baris-label">{kinerja.label()}</div>
            {cells.collect_view()}
        }
    });
    view! {
        <figure class="sembilan-kotak">
            <div class="kisi" role="img" aria-label=highlight.map_or_else(
                || "9 kotak manajemen talenta".to_owned(),
                |k| format!("9 kotak manajemen talenta; Anda di kotak {k}"),
            )>
                {rows.collect_view()}
                <div class="sudut"></div>
                {Potential::ALL.into_iter().map(|p| view! { <div class="kolom-label">{p.label()}</div> }).collect_view()}
            </div>
            <figcaption>"Sumbu Y: kinerja · Sumbu X: potensial · Kotak 7-9 (hijau) adalah kelompok rencana suksesi"</figcaption>
        </figure>
    }
}
