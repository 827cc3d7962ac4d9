//! The few interactive parts of Jenjang are islands (`#[island]`): the page around them is
//! rendered on the server and ships no code. A page with an island asks for the WASM with
//! `<IslandScripts/>`; a page without one (every public page) loads no JavaScript at all.

use crate::assets::{self, Asset};
use leptos::prelude::*;
use leptos_meta::Link;

/// The scripts that load the WASM and hydrate this page's islands. Rendered at the end of a
/// page that has islands; the shell leaves them out everywhere else. The JS and the WASM are
/// also announced in the head, so their download starts with the page's first bytes.
#[component]
pub fn IslandScripts() -> impl IntoView {
    use_context::<LeptosOptions>().map(|options| {
        let js = assets::hashed_href(&options, Asset::Js);
        let wasm = assets::hashed_href(&options, Asset::Wasm);
        view! {
            {js.map(|href| view! { <Link rel="modulepreload" href crossorigin=""/> })}
            {wasm.map(|href| view! {
                <Link rel="preload" href as_="fetch" type_="application/wasm" crossorigin=""/>
            })}
            <HydrationScripts options islands=true/>
        }
    })
}

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
