//! The few interactive parts of Jenjang, as Leptos islands (`#[island]`). The page around
//! them is rendered on the server and ships no code; the WASM (the `hydrate` build) holds
//! these modules and what they use, not the pages.

pub mod calibration_board;
pub mod uploader;

use leptos::prelude::*;

/// Marks the island around `root` as hydrated (`data-hydrated="true"` on its
/// `<leptos-island>`), once the browser has taken it over: end-to-end tests and the phone
/// benchmark wait for it, since an island that never hydrates still shows its HTML.
pub fn mark_hydrated(root: NodeRef<leptos::html::Div>) {
    Effect::new(move |_| {
        if let Some(island) = root
            .get()
            .and_then(|root| root.closest("leptos-island").ok().flatten())
        {
            // A test marker that cannot be set must not break the island.
            let _ = island.set_attribute("data-hydrated", "true");
        }
    });
}
