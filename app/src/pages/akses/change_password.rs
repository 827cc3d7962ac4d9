//! `/akun/sandi`: change one's password; required after a reset by BKPSDM or an admin.

use super::sign_in::ActionError;
use super::{current_account, ChangePassword};
use crate::auth::policy::MIN_LENGTH;
use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

/// Only for someone signed in: anybody else is sent to `/masuk` first.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let me = Resource::new(|| (), |_| current_account());
    view! {
        <Transition fallback=|| view! { <p class="memuat">"Memuat…"</p> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(Some(_)) => Either::Left(view! { <ChangePasswordForm/> }),
                    Ok(None) => Either::Right(view! { <ErrorNotice error=AppError::Unauthenticated/> }),
                    Err(error) => Either::Right(view! { <ErrorNotice error/> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let action = ServerAction::<ChangePassword>::new();
    view! {
        <Title text="Ganti kata sandi | Jenjang"/>
        <section class="kartu sempit">
            <h1>"Ganti kata sandi"</h1>
            <p class="pengantar">
                {format!("Minimal {MIN_LENGTH} karakter, tidak memuat NIP atau nama pengguna, tidak hanya angka. \
                 Setelah diganti, semua sesi lain akun ini berakhir.")}
            </p>
            <ActionForm action attr:class="formulir">
                <label for="sandi-lama">"Kata sandi saat ini"</label>
                <input id="sandi-lama" name="sandi_lama" type="password" autocomplete="current-password" required/>
                <label for="sandi-baru">"Kata sandi baru"</label>
                <input id="sandi-baru" name="sandi_baru" type="password" autocomplete="new-password"
                    minlength=MIN_LENGTH.to_string() required/>
                <label for="sandi-ulang">"Ulangi kata sandi baru"</label>
                <input id="sandi-ulang" name="sandi_ulang" type="password" autocomplete="new-password"
                    minlength=MIN_LENGTH.to_string() required/>
                <button type="submit" disabled=move || action.pending().get()>"Simpan kata sandi"</button>
            </ActionForm>
            <ActionError action/>
        </section>
    }
}
