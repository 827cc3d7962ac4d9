//! `/masuk`: sign in with a NIP (or a staff user name) and a password.

use super::SignIn;
use crate::components::outcome::{typed_value, PostForm};
use crate::components::page_title::PageTitle;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let back = query.with_untracked(|q| q.get("kembali").unwrap_or_default());
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Masuk | Jenjang", "Sign in | Jenjang")/>
        <section class="kartu sempit">
            <h1>{lang.pick("Masuk ke Jenjang", "Sign in to Jenjang")}</h1>
            <p class="pengantar">{lang.pick(
                "ASN masuk dengan NIP; petugas tanpa NIP dengan nama pengguna yang diberikan BKPSDM.",
                "An ASN signs in with their NIP; staff without a NIP with the user name BKPSDM gave them.",
            )}</p>
            <PostForm<SignIn> id="masuk" class="formulir">
                <input type="hidden" name="kembali" value=back/>
                <label for="nama-pengguna">{lang.pick("NIP atau nama pengguna", "NIP or user name")}</label>
                <input id="nama-pengguna" name="nama_pengguna" autocomplete="username"
                    inputmode="text" required autofocus value=typed_value("nama_pengguna")/>
                <label for="kata-sandi">{lang.pick("Kata sandi", "Password")}</label>
                <input id="kata-sandi" name="kata_sandi" type="password"
                    autocomplete="current-password" required/>
                <button type="submit">{lang.pick("Masuk", "Sign in")}</button>
            </PostForm<SignIn>>
        </section>
    }
}
