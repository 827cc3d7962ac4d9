//! What a plain form's submission came to, shown on the page it came back to.
//!
//! Every form in Jenjang is an ordinary HTML form that posts to its server function, so it
//! works before (and without) any WASM. The server answers such a post with Post/Redirect/Get:
//! a `303 See Other` back to the page, and the outcome (the function's error, or its value)
//! in a short-lived cookie that the page reads once (`server::http::form`). The address stays
//! clean, and nobody can craft a link that makes Jenjang show a message of their choosing.
//! The cookie's format is `crate::form_outcome`.

use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::de::DeserializeOwned;

pub use crate::form_outcome::{COOKIE, FORM_FIELD};

/// The outcome of the last plain-form submission to `S` (from the form `form`, or from any
/// when `None`), when this page is where it came back to; `None` otherwise (and always in
/// the browser). Reading it clears the cookie.
pub fn form_outcome<S>(form: Option<&str>) -> Option<Result<S::Output, AppError>>
where
    S: ServerFn<Error = AppError>,
    S::Output: DeserializeOwned,
{
    outcome_with_fields::<S>(form).map(|(outcome, _)| outcome)
}

/// Whether the form `form` of `S` comes back refused on this page, without taking the
/// outcome: a disclosure that holds the form opens, so that its message and fields are seen.
pub fn was_refused<S>(form: &str) -> bool
where
    S: ServerFn<Error = AppError>,
    S::Output: DeserializeOwned,
{
    #[cfg(feature = "ssr")]
    {
        outcome_cookie()
            .and_then(|value| crate::form_outcome::decode::<S::Output>(&value, S::PATH, Some(form)))
            .is_some_and(|outcome| outcome.is_err())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = form;
        false
    }
}

/// The outcome cookie this request carries, if any.
#[cfg(feature = "ssr")]
fn outcome_cookie() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    crate::auth::session::cookie_value(&parts.headers, COOKIE)
}

/// What a refused form held, by field name: the form's fields show it again
/// ([`typed_value`]), so that a refusal costs nobody what they wrote.
#[derive(Debug, Clone, Default)]
struct TypedFields(Vec<(String, String)>);

/// The outcome as [`form_outcome`] reads it, and for a refusal what the form held.
fn outcome_with_fields<S>(form: Option<&str>) -> Option<(Result<S::Output, AppError>, TypedFields)>
where
    S: ServerFn<Error = AppError>,
    S::Output: DeserializeOwned,
{
    #[cfg(feature = "ssr")]
    {
        let value = outcome_cookie()?;
        let (outcome, typed) =
            crate::form_outcome::decode_with_fields::<S::Output>(&value, S::PATH, form)?;
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.append_header(
                http::header::SET_COOKIE,
                http::HeaderValue::from_static(crate::form_outcome::CLEARED),
            );
        }
        Some((outcome.map_err(AppError::respond), TypedFields(typed)))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = form;
        None
    }
}

/// What the field `name` of the enclosing [`PostForm`] held when it was last refused, if it
/// was: a field's `value` (or a textarea's text, or the option selected) starts from it.
pub fn typed_value(name: &str) -> Option<String> {
    use_context::<TypedFields>().and_then(|TypedFields(fields)| {
        fields
            .into_iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value)
    })
}

/// A form that posts to the server function `S`. At its top, the outcome of its last
/// submission: the refusal, announced to screen readers and focused as the page loads (so a
/// phone lands on it, without JavaScript; the page answers with the refusal's 4xx status), or
/// `confirmation` once accepted. `id` must be unique on the page.
#[component]
pub fn PostForm<S>(
    #[prop(into)] id: String,
    #[prop(optional)] class: &'static str,
    /// Said once a submission is accepted, for a form whose effect the page does not show.
    #[prop(optional, into)]
    confirmation: Option<String>,
    children: Children,
    #[prop(optional)] _function: std::marker::PhantomData<S>,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + 'static,
    S::Output: DeserializeOwned,
{
    let lang = use_lang();
    let mut typed = TypedFields::default();
    let outcome = outcome_with_fields::<S>(Some(&id)).map(|(outcome, fields)| match outcome {
        Ok(_) => confirmation
            .map(|text| view! { <p class="pemberitahuan" role="status">{text}</p> }.into_any()),
        Err(error) => {
            typed = fields;
            Some(
                view! { <p class="pemberitahuan galat" role="alert" tabindex="-1" autofocus>{error.message(lang)}</p> }
                    .into_any(),
            )
        }
    });
    let field = id.clone();
    // The fields of this form (and of no other) start from what was typed.
    view! {
        <form method="post" action=S::PATH id=id class=(!class.is_empty()).then_some(class)>
            <input type="hidden" name=FORM_FIELD value=field/>
            {outcome}
            <Provider value=typed>{children()}</Provider>
        </form>
    }
}
