//! Jenjang's application crate: pages, components, charts and server functions, plus the pure
//! domain rules they share and, in `api/`, every type that crosses the wire (what a server
//! function takes and returns). Built twice: with `ssr` into the server, with `hydrate` into
//! the WASM that hydrates the islands of the few pages that have any (Leptos islands mode).
//! The pages, their components and charts render on the server only, so the WASM build
//! compiles the islands and the shared types and rules they stand on.

pub mod api;
#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod assets;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod digest;
pub mod domain;
pub mod error;
pub mod export;
pub mod form_outcome;
pub mod format;
pub mod i18n;
pub mod islands;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod store;

/// The WASM entry point, called before the page's islands are hydrated one by one.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
