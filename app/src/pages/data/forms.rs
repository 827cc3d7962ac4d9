//! The desk's two forms: recording a published result, and correcting one with a reason.
//! Both are plain forms; a refusal comes back inside the form, in the reader's language.

use super::{AddResult, CorrectResult};
use crate::api::merit_results::DeskLine;
use crate::components::outcome::{typed_value, PostForm};
use crate::domain::merit_index::Framework;
use crate::domain::merit_result::{Body, MAX_REASON_CHARS, MIN_REASON_CHARS};
use crate::i18n::{terms, use_lang};
use crate::pages::public::merit_index::score_text;
use leptos::prelude::*;

/// A category to choose, grouped by scale; "—" for a result with a score alone (its
/// category follows from it). A refused form's choice comes first.
#[component]
fn CategoryChoice(id: &'static str, chosen: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let chosen = typed_value("kategori").or(chosen);
    let groups = Framework::ALL
        .into_iter()
        .map(|framework| {
            let options = framework
                .categories()
                .iter()
                .map(|category| {
                    let selected = chosen.as_deref() == Some(category.code);
                    view! {
                        <option value=category.code selected=selected>{terms::merit_category(category, lang)}</option>
                    }
                })
                .collect_view();
            view! { <optgroup label=framework.scale()>{options}</optgroup> }
        })
        .collect_view();
    view! {
        <label for=id>{lang.pick(
            "Kategori (wajib bila tanpa skor; bila ada skor, harus sesuai)",
            "Category (required without a score; with a score, it must match)",
        )}</label>
        <select id=id name="kategori">
            <option value="">"—"</option>
            {groups}
        </select>
    }
}

/// The source's address, the day it was published and a note: what every result carries,
/// filled in with what a refused form held, else the result's own when it is corrected.
#[component]
fn SourceFields(
    prefix: &'static str,
    url: Option<String>,
    day: Option<String>,
    note: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let (url, day, note) = (
        typed_value("sumber").or(url),
        typed_value("tanggal").or(day),
        typed_value("catatan").or(note),
    );
    view! {
        <label for=format!("{prefix}-sumber")>{lang.pick(
            "Alamat sumber (https://…)",
            "Address of the source (https://…)",
        )}</label>
        <input id=format!("{prefix}-sumber") name="sumber" type="url" required maxlength="500" value=url/>
        <label for=format!("{prefix}-tanggal")>{lang.pick("Tanggal publikasi", "Publication date")}</label>
        <input id=format!("{prefix}-tanggal") name="tanggal" type="date" required value=day/>
        <label for=format!("{prefix}-catatan")>{lang.pick(
            "Catatan (misalnya putaran penilaian)",
            "Note (the assessment round, say)",
        )}</label>
        <input id=format!("{prefix}-catatan") name="catatan" maxlength="500" value=note/>
    }
}

/// Records a result: the instansi from the catalogue, the year, who assessed, the scale, a
/// score or a category alone, and the source.
#[component]
pub fn AddForm(instansi_names: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let catalogue = instansi_names
        .into_iter()
        .map(|name| view! { <option value=name></option> })
        .collect_view();
    view! {
        <section class="kartu" aria-labelledby="judul-tambah">
            <h2 id="judul-tambah">{lang.pick("Catat hasil", "Record a result")}</h2>
            <PostForm<AddResult> id="tambah-hasil" class="formulir"
                confirmation=lang.pick("Hasil dicatat dan tercatat di log audit.", "Result recorded, and in the audit log.")>
                <label for="tambah-instansi">"Instansi"</label>
                <input id="tambah-instansi" name="instansi" list="katalog-instansi" required value=typed_value("instansi")/>
                <datalist id="katalog-instansi">{catalogue}</datalist>
                <label for="tambah-tahun">{lang.pick("Tahun penilaian", "Year assessed")}</label>
                <input id="tambah-tahun" name="tahun" type="number" min="2000" required value=typed_value("tahun")/>
                <label for="tambah-badan">{lang.pick("Penilai", "Assessed by")}</label>
                <select id="tambah-badan" name="badan">
                    {Body::ALL.into_iter().map(|body| view! {
                        <option value=body.code() selected=typed_value("badan").as_deref() == Some(body.code())>{body.code()}</option>
                    }).collect_view()}
                </select>
                <label for="tambah-skala">{lang.pick("Skala", "Scale")}</label>
                <select id="tambah-skala" name="skala">
                    {Framework::ALL.into_iter().map(|f| view! {
                        <option value=f.code() selected=typed_value("skala").as_deref() == Some(f.code())>{terms::framework_title(f, lang)}</option>
                    }).collect_view()}
                </select>
                <label for="tambah-skor">{lang.pick("Skor (kosongkan bila hanya kategori)", "Score (empty when only a category was published)")}</label>
                <input id="tambah-skor" name="skor" inputmode="decimal" value=typed_value("skor")/>
                <CategoryChoice id="tambah-kategori" chosen=None/>
                <SourceFields prefix="tambah" url=None day=None note=None/>
                <button type="submit">{lang.pick("Catat hasil", "Record the result")}</button>
            </PostForm<AddResult>>
        </section>
    }
}

/// Corrects the result in force of `line`: a new value, source and date, with the reason.
#[component]
pub fn CorrectForm(line: DeskLine) -> impl IntoView {
    let lang = use_lang();
    let DeskLine { instansi, result } = line;
    let what = lang.pick(
        format!(
            "{}, {}, penilaian {}: {}",
            instansi.name,
            result.year,
            result.body.code(),
            score_text(&result, lang)
        ),
        format!(
            "{}, {}, {} assessment: {}",
            instansi.name,
            result.year,
            result.body.code(),
            score_text(&result, lang)
        ),
    );
    let note = Some(result.note.clone()).filter(|n| !n.is_empty());
    let score = result.score.map(|s| s.to_string());
    let history = result.correction.as_ref().map(|c| {
        lang.pick(
            format!("Versi {} (dikoreksi: {}).", c.version, c.reason),
            format!("Version {} (corrected: {}).", c.version, c.reason),
        )
    });
    view! {
        <section class="kartu" id="koreksi" aria-labelledby="judul-koreksi">
            <h2 id="judul-koreksi">{lang.pick("Koreksi hasil", "Correct a result")}</h2>
            <p>{what}</p>
            {history.map(|text| view! { <p>{text}</p> })}
            <PostForm<CorrectResult> id="koreksi-hasil" class="formulir"
                confirmation=lang.pick(
                    "Koreksi dicatat sebagai versi baru; halaman publik menandainya.",
                    "Correction recorded as a new version; the public pages mark it.",
                )>
                <input type="hidden" name="id" value=result.id/>
                <label for="koreksi-skor">{lang.pick("Skor (kosongkan bila hanya kategori)", "Score (empty when only a category was published)")}</label>
                <input id="koreksi-skor" name="skor" inputmode="decimal" value=typed_value("skor").or(score)/>
                <CategoryChoice id="koreksi-kategori" chosen=result.stated_category.clone()/>
                <SourceFields prefix="koreksi" url=result.source_url.clone() day=result.published_on.clone() note/>
                <label for="koreksi-alasan">{lang.pick(
                    "Alasan koreksi (akan terlihat di halaman publik)",
                    "Reason for the correction (shown on the public pages)",
                )}</label>
                <textarea id="koreksi-alasan" name="alasan" rows="3" required
                    minlength=MIN_REASON_CHARS.to_string() maxlength=MAX_REASON_CHARS.to_string()>{typed_value("alasan")}</textarea>
                <button type="submit">{lang.pick("Catat koreksi", "Record the correction")}</button>
            </PostForm<CorrectResult>>
        </section>
    }
}
