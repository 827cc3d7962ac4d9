//! `/talenta/impor`: BKPSDM uploads a roster, assessment, SKP or training file. The server
//! first checks it (a dry run: every row new, changed, unchanged or rejected with its reason);
//! only a clean check offers the button that imports it, all or nothing. The upload shows
//! its progress, then that the rows are being checked.

use super::import_offer;
use super::nav::OfficeNav;
use crate::components::island_scripts::IslandScripts;
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::use_lang;
use crate::islands::uploader::{Uploader, LIMIT_MB};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ImportPage() -> impl IntoView {
    let query = use_query_map();
    let offer = Resource::new(move || query.with(|q| q.get("instansi")), import_offer);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Impor data | Jenjang", "Data import | Jenjang")/>
        <Loaded resource=offer show=move |offer| view! {
            <h1>{format!("{} {}", lang.pick("Impor data", "Data import for"), offer.instansi)}</h1>
            <p class="pengantar">{lang.pick(
                format!("Unggah daftar pegawai, hasil asesmen, SKP atau riwayat pelatihan (CSV dengan koma atau titik koma, atau XLSX; baris pertama berisi judul kolom; paling besar {LIMIT_MB} MB). Berkas diperiksa lebih dulu tanpa menyimpan apa pun; hanya berkas tanpa baris yang ditolak yang dapat disimpan, dan penyimpanan berlaku seluruhnya atau tidak sama sekali."),
                format!("Upload an employee roster, assessment results, SKP or training history (CSV with commas or semicolons, or XLSX; the first row holds the column headings; at most {LIMIT_MB} MB). The file is checked first without saving anything; only a file without rejected rows can be saved, and saving applies all of it or nothing."),
            )}</p>
            <OfficeNav slug=offer.slug.clone() here="/talenta/impor"/>
            <Uploader slug=offer.slug/>
            <IslandScripts/>
        }/>
    }
}
