//! A page's data as it loads: a "loading" line, then the data's view or the error.

use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::either::Either;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Shows `show(value)` once `resource` has loaded, or the error (with its HTTP status during
/// server rendering). The previous view stays while a new value loads.
#[component]
pub fn Loaded<T, F, V>(resource: Resource<Result<T, AppError>>, show: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    view! {
        <Transition fallback=move || view! { <p class="memuat">{lang.pick("Memuat data…", "Loading data…")}</p> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => Either::Left(show(value)),
                    Err(error) => Either::Right(view! { <ErrorNotice error/> }),
                }
            })}
        </Transition>
    }
}
