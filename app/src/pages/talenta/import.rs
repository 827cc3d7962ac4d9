//! `/talenta/impor`: BKPSDM uploads a roster, assessment, SKP or training file. The server
//! first checks it (a dry run: every row new, changed, unchanged or rejected with its reason);
//! only a clean check offers the button that imports it, all or nothing. The upload shows
//! its progress, then that the rows are being checked. A template of each kind (XLSX with
//! instructions, or CSV for Excel in the Indonesian locale) shows how to prepare a file.

use super::import_offer;
use super::nav::OfficeNav;
use crate::api::intake::ImportKind;
use crate::components::island_scripts::IslandScripts;
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::export::Format;
use crate::i18n::{terms, use_lang};
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
                format!("Unggah daftar pegawai, hasil asesmen, SKP atau riwayat pelatihan (CSV dengan koma atau titik koma, atau XLSX; satu baris judul kolom, boleh di bawah baris judul berkas; paling besar {LIMIT_MB} MB). Berkas diperiksa lebih dulu tanpa menyimpan apa pun; hanya berkas tanpa baris yang ditolak yang dapat disimpan, dan penyimpanan berlaku seluruhnya atau tidak sama sekali."),
                format!("Upload an employee roster, assessment results, SKP or training history (CSV with commas or semicolons, or XLSX; one row of column headings, which may sit under a title row; at most {LIMIT_MB} MB). The file is checked first without saving anything; only a file without rejected rows can be saved, and saving applies all of it or nothing."),
            )}</p>
            <OfficeNav slug=offer.slug.clone() here="/talenta/impor"/>
            <Templates/>
            <Uploader slug=offer.slug/>
            <IslandScripts/>
        }/>
    }
}

/// A template per kind of file: XLSX with an instructions sheet, or CSV separated by
/// semicolons with NIPs kept as text.
#[component]
fn Templates() -> impl IntoView {
    let lang = use_lang();
    let link = |kind: ImportKind, format: Format, label: &'static str| {
        let file = kind.template_file(format);
        view! {
            <a href=format!("/talenta/impor/templat/{file}") download=file.clone() rel="external">{label}</a>
        }
    };
    view! {
        <section class="kartu" aria-labelledby="judul-templat">
            <h2 id="judul-templat">{lang.pick("Templat berkas", "File templates")}</h2>
            <p>{lang.pick(
                "Setiap templat memuat judul kolom yang dibaca impor dan satu baris contoh. Templat XLSX (disarankan) memuat lembar Petunjuk: kolom wajib, nama lain yang dikenali, cara menulis dan contohnya; kolom NIP-nya berformat teks sehingga NIP tetap 18 angka. Templat CSV memakai titik koma, seperti Excel berbahasa Indonesia; di Excel, ketik tanda petik (') sebelum setiap NIP baru agar angkanya tidak terpotong.",
                "Each template holds the column headings the import reads and one example row. The XLSX template (recommended) has an Instructions sheet: required columns, other names recognised, how to write each value and an example; its NIP columns are text, so each NIP keeps its 18 digits. The CSV template uses semicolons, as Excel does in the Indonesian locale; in Excel, type an apostrophe (') before each new NIP so that its digits are not cut.",
            )}</p>
            <ul class="templat">
                {ImportKind::ALL.into_iter().map(|kind| view! {
                    <li>
                        {terms::import_kind(kind, lang)}": "
                        {link(kind, Format::Xlsx, "XLSX")}" · "{link(kind, Format::Csv, "CSV")}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
