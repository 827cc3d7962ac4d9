//! `/akun/sandi`: change one's password; required after a reset by BKPSDM or an admin.

use super::{current_account, ChangePassword};
use crate::auth::policy::MIN_LENGTH;
use crate::components::notice::ErrorNotice;
use crate::components::outcome::PostForm;
use crate::components::page_title::PageTitle;
use crate::error::AppError;
use crate::i18n::use_lang;
use leptos::either::Either;
use leptos::prelude::*;

/// Only for someone signed in: anybody else is sent to `/masuk` first.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let me = Resource::new(|| (), |_| current_account());
    let lang = use_lang();
    view! {
        <Transition fallback=move || view! { <p class="memuat">{lang.pick("Memuat…", "Loading…")}</p> }>
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
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Ganti kata sandi | Jenjang", "Change password | Jenjang")/>
        <section class="kartu sempit">
            <h1>{lang.pick("Ganti kata sandi", "Change password")}</h1>
            <p class="pengantar">{lang.pick(
                format!("Minimal {MIN_LENGTH} karakter, tidak memuat NIP atau nama pengguna, tidak hanya angka. Setelah diganti, semua sesi lain akun ini berakhir."),
                format!("At least {MIN_LENGTH} characters, without your NIP or user name, not only digits. Once changed, every other session of this account ends."),
            )}</p>
            <PostForm<ChangePassword> id="ganti-sandi" class="formulir">
                <label for="sandi-lama">{lang.pick("Kata sandi saat ini", "Current password")}</label>
                <input id="sandi-lama" name="sandi_lama" type="password" autocomplete="current-password" required/>
                <label for="sandi-baru">{lang.pick("Kata sandi baru", "New password")}</label>
                <input id="sandi-baru" name="sandi_baru" type="password" autocomplete="new-password"
                    minlength=MIN_LENGTH.to_string() required/>
                <label for="sandi-ulang">{lang.pick("Ulangi kata sandi baru", "Repeat the new password")}</label>
                <input id="sandi-ulang" name="sandi_ulang" type="password" autocomplete="new-password"
                    minlength=MIN_LENGTH.to_string() required/>
                <button type="submit">{lang.pick("Simpan kata sandi", "Save password")}</button>
            </PostForm<ChangePassword>>
        </section>
    }
}
