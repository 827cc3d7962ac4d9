//! The desk's page: what the operator does (record, correct, import) above the list of the
//! results in force, which a GET form filters and whose every line links to its correction.

use super::forms::{AddForm, CorrectForm};
use super::import::ImportSection;
use super::{get_results_desk, CORRECT_PARAM, DRAFT_PARAM, FILTER_PARAM};
use crate::api::merit_results::{DeskLine, ResultsDesk};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::count::HASIL;
use crate::i18n::{terms, use_lang};
use crate::pages::public::merit_index::{score_text, ResultSource};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResultsDeskPage() -> impl IntoView {
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query.with(|q| {
            let number = |name: &str| q.get(name).and_then(|v| v.trim().parse::<i64>().ok());
            (
                q.get(FILTER_PARAM),
                number(CORRECT_PARAM),
                number(DRAFT_PARAM),
            )
        })
    });
    let desk = Resource::new(
        move || asked.get(),
        |(filter, correcting, draft)| get_results_desk(filter, correcting, draft),
    );
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick(
            "Hasil Indeks Sistem Merit | Jenjang",
            "Merit System Index results | Jenjang",
        )/>
        <h1>{lang.pick("Hasil Indeks Sistem Merit yang dipublikasikan", "Published Merit System Index results")}</h1>
        <p class="pengantar">{lang.pick(
            "Catat hasil yang dipublikasikan KASN atau BKN beserta alamat sumber dan tanggal publikasinya. Hasil yang sudah tercatat tidak diubah: koreksi menjadi versi baru dengan alasannya, dan halaman publik menandainya \u{201c}dikoreksi\u{201d}.",
            "Record the results KASN or BKN published, with the address of the source and its publication date. A recorded result is never changed: a correction is a new version with its reason, and the public pages mark it \u{201c}corrected\u{201d}.",
        )}</p>
        <Loaded resource=desk show=|desk| view! { <Desk desk/> }/>
    }
}

#[component]
fn Desk(desk: ResultsDesk) -> impl IntoView {
    let ResultsDesk {
        lines,
        total,
        filter,
        instansi_names,
        correcting,
        draft,
    } = desk;
    view! {
        {correcting.map(|line| view! { <CorrectForm line/> })}
        <div class="dua-kolom">
            <AddForm instansi_names/>
            <ImportSection draft/>
        </div>
        <Results lines total filter/>
    }
}

/// The results in force, filtered, each with the link to its correction.
#[component]
fn Results(lines: Vec<DeskLine>, total: usize, filter: String) -> impl IntoView {
    let lang = use_lang();
    let shown = lang.count(lines.len(), HASIL);
    let all = lang.count(total, HASIL);
    let rows = lines
        .into_iter()
        .map(|DeskLine { instansi, result }| {
            let category = result
                .category()
                .map(|c| terms::merit_category(&c, lang))
                .unwrap_or_default();
            let corrected = result.correction.as_ref().map(|c| {
                lang.pick(
                    format!(" · dikoreksi (versi {})", c.version),
                    format!(" · corrected (version {})", c.version),
                )
            });
            view! {
                <tr>
                    <th scope="row"><a href=format!("/indeks-merit/{}", instansi.slug)>{instansi.name.clone()}</a></th>
                    <td class="kol-provinsi">{terms::province(&instansi.province, lang)}</td>
                    <td class="angka">{result.year}</td>
                    <td>{result.body.code()}</td>
                    <td class="angka">{score_text(&result, lang)}{corrected}</td>
                    <td>{category}</td>
                    <td class="sumber"><ResultSource score=result.clone()/></td>
                    <td>
                        <a href=format!("/data/indeks-merit?{CORRECT_PARAM}={}#koreksi", result.id)>
                            {lang.pick("Koreksi", "Correct")}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="hasil-tercatat">
            <h2 id="hasil-tercatat">{lang.pick("Hasil tercatat", "Recorded results")}</h2>
            <form method="get" action="/data/indeks-merit" class="cari">
                <label for="cari-hasil">{lang.pick(
                    "Saring menurut instansi, provinsi, tahun atau penilai",
                    "Filter by instansi, province, year or assessing body",
                )}</label>
                <input id="cari-hasil" type="search" name=FILTER_PARAM value=filter/>
                <button type="submit">{lang.pick("Saring", "Filter")}</button>
            </form>
            <p>{lang.pick(format!("{shown} dari {all}."), format!("{shown} of {all}."))}</p>
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{lang.pick(
                        "Hasil Indeks Sistem Merit yang berlaku, menurut instansi, tahun dan penilai",
                        "Merit System Index results in force, by instansi, year and assessing body",
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Instansi"</th>
                            <th scope="col" class="kol-provinsi">{lang.pick("Provinsi", "Province")}</th>
                            <th scope="col" class="angka">{lang.pick("Tahun", "Year")}</th>
                            <th scope="col">{lang.pick("Penilai", "Assessed by")}</th>
                            <th scope="col" class="angka">{lang.pick("Skor", "Score")}</th>
                            <th scope="col">{lang.pick("Kategori", "Category")}</th>
                            <th scope="col">{lang.pick("Sumber", "Source")}</th>
                            <th scope="col">{lang.pick("Tindakan", "Action")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
