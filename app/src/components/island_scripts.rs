//! What a page with an island (`crate::islands`) renders to have it hydrated: a page without
//! one (every public page) loads no JavaScript at all.

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
