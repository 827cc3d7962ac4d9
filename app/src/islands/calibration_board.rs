//! Drag and drop on an open calibration session's board (`/talenta/kalibrasi/{id}`).

use super::mark_hydrated;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{DragEvent, Element, HtmlDetailsElement, HtmlElement, HtmlSelectElement};

/// Drag and drop on the calibration board. The map and the people are rendered on the server
/// (the children); the island only listens to the drag events that bubble up to it. A person
/// (`data-nip`) dropped on a box (`data-kotak`) gets their form opened, that box chosen and
/// the reason field focused: the move is still saved by the form, with its reason.
#[island]
pub fn CalibrationBoard(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    mark_hydrated(root);
    // Who is being dragged: a drop does not always see the drag's data (it is protected
    // until the drop, and empty in some synthetic drags).
    let dragging = StoredValue::new(None::<String>);
    view! {
        <div class="papan-kalibrasi" node_ref=root
            on:dragstart=move |ev: DragEvent| {
                let nip = dragged(&ev);
                if let (Some(nip), Some(data)) = (&nip, ev.data_transfer()) {
                    // Some browsers start a drag only with data attached.
                    let _ = data.set_data("text/plain", nip);
                }
                dragging.set_value(nip);
            }
            on:dragover=|ev: DragEvent| if drop_box(&ev).is_some() { ev.prevent_default() }
            on:drop=move |ev: DragEvent| {
                if let (Some(kotak), Some(nip), Some(board)) = (drop_box(&ev), dragging.get_value(), root.get()) {
                    ev.prevent_default();
                    prepare_move(&board, &nip, kotak);
                }
            }
            on:dragend=move |_: DragEvent| dragging.set_value(None)>
            {children()}
        </div>
    }
}

/// The element an event happened on, or the nearest one around it matching `selector`.
fn closest(ev: &DragEvent, selector: &str) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The NIP of the person being dragged.
fn dragged(ev: &DragEvent) -> Option<String> {
    closest(ev, "[data-nip]")?.get_attribute("data-nip")
}

/// The kotak of the box under the pointer.
fn drop_box(ev: &DragEvent) -> Option<u8> {
    closest(ev, "[data-kotak]")?
        .get_attribute("data-kotak")?
        .parse()
        .ok()
}

/// Opens `nip`'s calibration form on the board with `kotak` chosen, and focuses its reason.
fn prepare_move(board: &Element, nip: &str, kotak: u8) {
    if nip.is_empty() || !nip.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let Some(person) = board
        .query_selector(&format!("[data-nip=\"{nip}\"]"))
        .ok()
        .flatten()
    else {
        return;
    };
    let find = |selector: &str| person.query_selector(selector).ok().flatten();
    if let Some(details) = find("details").and_then(|e| e.dyn_into::<HtmlDetailsElement>().ok()) {
        details.set_open(true);
    }
    if let Some(select) = find("select").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok()) {
        select.set_value(&kotak.to_string());
    }
    if let Some(reason) = find("textarea").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = reason.focus();
    }
}
