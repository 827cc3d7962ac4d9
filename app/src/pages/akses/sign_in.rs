//! `/masuk`: sign in with a NIP (or a staff user name) and a password.

use super::SignIn;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let back = move || query.with(|q| q.get("kembali").unwrap_or_default());
    view! {
        <Title text="Masuk | Jenjang"/>
        <section class="kartu sempit">
            <h1>"Masuk ke Jenjang"</h1>
            <p class="pengantar">
                "ASN masuk dengan NIP; petugas tanpa NIP dengan nama pengguna yang diberikan BKPSDM."
            </p>
            <ActionForm action attr:class="formulir">
                <input type="hidden" name="kembali" value=back/>
                <label for="nama-pengguna">"NIP atau nama pengguna"</label>
                <input id="nama-pengguna" name="nama_pengguna" autocomplete="username"
                    inputmode="text" required autofocus/>
                <label for="kata-sandi">"Kata sandi"</label>
                <input id="kata-sandi" name="kata_sandi" type="password"
                    autocomplete="current-password" required/>
                <button type="submit" disabled=move || action.pending().get()>"Masuk"</button>
            </ActionForm>
            <ActionError action/>
        </section>
    }
}

/// The error of the last submission of a form, announced to screen readers.
#[component]
pub fn ActionError<S>(action: ServerAction<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    move || {
        action.value().get().and_then(Result::err).map(|error| {
            view! { <p class="pemberitahuan galat" role="alert">{error.to_string()}</p> }
        })
    }
}
