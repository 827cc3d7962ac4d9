//! Importing results on the desk: paste a CSV (or open it and copy its text), check it
//! without saving anything (the check lists every row new, already recorded or rejected with
//! its reason), then save exactly the file checked, all or nothing. XLSX files go through
//! the console (`jenjang indeks-merit import`), which reads both.

use super::{CheckImport, SaveImport};
use crate::api::intake::RowStatus;
use crate::api::merit_results::{ImportDraft, ResultImportReport};
use crate::components::outcome::PostForm;
use crate::i18n::count::{BARIS, BARIS_BARU};
use crate::i18n::{refusals, use_lang, Lang};
use crate::services::merit_results::FIELDS;
use leptos::prelude::*;

/// How many rows of a check the page lists (the counts cover them all).
const ROWS_SHOWN: usize = 300;

#[component]
pub fn ImportSection(draft: Option<ImportDraft>) -> impl IntoView {
    let lang = use_lang();
    let columns = FIELDS
        .iter()
        .map(|field| {
            if field.required {
                field.header.to_owned()
            } else {
                lang.pick(
                    format!("{} (boleh kosong)", field.header),
                    format!("{} (may be empty)", field.header),
                )
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="kartu" id="impor" aria-labelledby="judul-impor">
            <h2 id="judul-impor">{lang.pick("Impor CSV", "Import a CSV")}</h2>
            <p>{lang.pick(
                format!("Baris pertama berisi judul kolom: {columns}. Skala KASN_100_400 atau NISM_0_1; penilai KASN atau BKN; tanggal 2024-12-19 atau 19/12/2024. Berkas XLSX diimpor dengan perintah jenjang indeks-merit import."),
                format!("The first row holds the column headings: {columns}. Scale KASN_100_400 or NISM_0_1; assessed by KASN or BKN; dates as 2024-12-19 or 19/12/2024. XLSX files are imported with the command jenjang indeks-merit import."),
            )}</p>
            <PostForm<CheckImport> id="impor-uji" class="formulir">
                <label for="impor-nama">{lang.pick("Nama berkas (untuk catatan)", "File name (for the record)")}</label>
                <input id="impor-nama" name="nama_berkas" maxlength="200"/>
                <label for="impor-isi">{lang.pick("Isi CSV", "CSV content")}</label>
                <textarea id="impor-isi" name="isi" rows="8" required></textarea>
                <button type="submit">{lang.pick("Periksa (tidak menyimpan)", "Check (saves nothing)")}</button>
            </PostForm<CheckImport>>
            {draft.map(|draft| view! { <DraftView draft/> })}
        </section>
    }
}

/// A checked file: its check and, while it waits, the form that saves it.
#[component]
fn DraftView(draft: ImportDraft) -> impl IntoView {
    let lang = use_lang();
    let ImportDraft {
        id,
        staged_by,
        staged_at,
        committed_at,
        report,
    } = draft;
    let savable = report.savable();
    let (new, rejected) = (report.counts.new, report.counts.rejected);
    let state = match committed_at {
        Some(at) => view! {
            <p class="pemberitahuan" role="status">{lang.pick(
                format!("Disimpan pada {}; tercatat di log audit.", lang.timestamp(&at)),
                format!("Saved on {}; recorded in the audit log.", lang.timestamp(&at)),
            )}</p>
        }
        .into_any(),
        None => {
            let next = if savable {
                let new = lang.count(new, BARIS_BARU);
                view! {
                    <button type="submit">{lang.pick(format!("Simpan {new}"), format!("Save {new}"))}</button>
                }
                .into_any()
            } else if rejected > 0 {
                let rejected = lang.count(rejected, BARIS);
                view! {
                    <p class="pemberitahuan galat">{lang.pick(
                        format!("{rejected} ditolak. Perbaiki berkas lalu periksa lagi; berkas dengan baris yang ditolak tidak dapat disimpan."),
                        format!("{rejected} rejected. Correct the file and check it again; a file with rejected rows cannot be saved."),
                    )}</p>
                }
                .into_any()
            } else {
                view! {
                    <p class="pemberitahuan">{lang.pick(
                        "Semua baris sudah tercatat dengan nilai yang sama; tidak ada yang perlu disimpan.",
                        "Every row is already recorded with the same value; there is nothing to save.",
                    )}</p>
                }
                .into_any()
            };
            view! {
                <PostForm<SaveImport> id="impor-simpan" class="formulir">
                    <input type="hidden" name="draf" value=id/>
                    {next}
                </PostForm<SaveImport>>
            }
            .into_any()
        }
    };
    view! {
        <h3>{lang.pick("Hasil pemeriksaan", "Result of the check")}</h3>
        <p>{lang.pick(
            format!("Diperiksa oleh {staged_by} pada {}.", lang.timestamp(&staged_at)),
            format!("Checked by {staged_by} on {}.", lang.timestamp(&staged_at)),
        )}</p>
        <Report report/>
        {state}
    }
}

fn status_label(status: &RowStatus, lang: Lang) -> &'static str {
    match status {
        RowStatus::New => lang.pick("Baru", "New"),
        RowStatus::Changed => lang.pick("Berubah", "Changed"),
        RowStatus::Unchanged => lang.pick("Sudah tercatat", "Already recorded"),
        RowStatus::Rejected(_) => lang.pick("Ditolak", "Rejected"),
    }
}

/// The counts, then the rows that are new or rejected, rejected ones first.
#[component]
fn Report(report: ResultImportReport) -> impl IntoView {
    let lang = use_lang();
    let count = |n: usize| lang.decimal(n as f64, 0);
    let c = report.counts;
    let mut rows: Vec<_> = report
        .rows
        .into_iter()
        .filter(|r| r.status != RowStatus::Unchanged)
        .collect();
    rows.sort_by_key(|r| (!matches!(r.status, RowStatus::Rejected(_)), r.row));
    rows.truncate(ROWS_SHOWN);
    let lines = rows
        .into_iter()
        .map(|row| {
            let reason = match &row.status {
                RowStatus::Rejected(refusal) => refusals::import_refusal(refusal, lang).to_owned(),
                _ => String::new(),
            };
            view! {
                <tr>
                    <td class="angka">{row.row}</td>
                    <td>{status_label(&row.status, lang)}</td>
                    <td>{row.key}</td>
                    <td>{reason}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>{
            let (new, unchanged, rejected) = (count(c.new), count(c.unchanged), count(c.rejected));
            lang.pick(
                format!("{}: {new} baru, {unchanged} sudah tercatat, {rejected} ditolak.", report.file_name),
                format!("{}: {new} new, {unchanged} already recorded, {rejected} rejected.", report.file_name),
            )
        }</p>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick("Baris yang baru atau ditolak", "Rows that are new or rejected")}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="angka">{lang.pick("Baris", "Row")}</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">{lang.pick("Hasil", "Result")}</th>
                        <th scope="col">{lang.pick("Alasan", "Reason")}</th>
                    </tr>
                </thead>
                <tbody>{lines}</tbody>
            </table>
        </div>
    }
}
