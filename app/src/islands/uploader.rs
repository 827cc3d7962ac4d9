//! The import upload on `/talenta/impor`: the file, its upload progress, the dry run's report
//! and the button that saves it. An island, since a plain form could show neither the
//! progress nor the dry run before saving.

use super::mark_hydrated;
use crate::api::intake::{ImportKind, ImportReport, RowStatus};
use crate::i18n::count::{BARIS, BARIS_BARU, BARIS_BERUBAH};
use crate::i18n::{refusals, terms, use_lang, Lang};
use leptos::either::EitherOf3;
use leptos::html::Input;
use leptos::prelude::*;

/// The largest file the server takes (`server::http::office_import::IMPORT_LIMIT_BYTES`).
pub const LIMIT_MB: u32 = 16;

/// How many rows of a report the page lists (the counts cover them all).
const ROWS_SHOWN: usize = 300;

/// Where an upload stands. Only the browser moves it on; the server renders `Idle`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Phase {
    Idle,
    /// Bytes sent of the total.
    Uploading(f64, f64),
    /// Sent; the server is reading the rows.
    Checking,
    /// The dry run's report.
    Checked(ImportReport),
    /// The import's report.
    Saved(ImportReport),
    Failed(String),
}

/// The upload form, its progress and the report: an island, since a plain form could show
/// neither the progress nor the dry run before saving.
#[island]
pub fn Uploader(slug: String) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    mark_hydrated(root);
    let kind = RwSignal::new(ImportKind::Roster);
    let phase = RwSignal::new(Phase::Idle);
    let file: NodeRef<Input> = NodeRef::new();
    let slug = StoredValue::new(slug);
    let lang = use_lang();
    let send = move |commit: bool| {
        #[cfg(feature = "hydrate")]
        upload::send(
            file,
            &slug.get_value(),
            kind.get_untracked(),
            commit,
            phase,
            lang,
        );
        #[cfg(not(feature = "hydrate"))]
        let _ = (commit, slug, file, lang);
    };
    let busy = move || matches!(phase.get(), Phase::Uploading(..) | Phase::Checking);
    view! {
        <div node_ref=root>
            <form class="formulir impor" on:submit=move |ev| {
                ev.prevent_default();
                send(false);
            }>
                <label for="jenis-impor">{lang.pick("Jenis berkas", "Kind of file")}</label>
                <select id="jenis-impor" on:change=move |ev| {
                    if let Some(k) = ImportKind::from_code(&event_target_value(&ev)) {
                        kind.set(k);
                        phase.set(Phase::Idle);
                    }
                }>
                    {ImportKind::ALL.into_iter().map(|k| view! {
                        <option value=k.code() selected=k == ImportKind::Roster>{terms::import_kind(k, lang)}</option>
                    }).collect_view()}
                </select>
                <label for="berkas-impor">{lang.pick("Berkas", "File")}</label>
                <input id="berkas-impor" type="file" accept=".csv,.xlsx,text/csv" required node_ref=file
                    on:change=move |_| phase.set(Phase::Idle)/>
                <noscript><p>{lang.pick(
                    "Pengunggahan memerlukan JavaScript. Tanpa peramban, gunakan perintah jenjang import.",
                    "Uploading needs JavaScript. Without a browser, use the command jenjang import.",
                )}</p></noscript>
                <button type="submit" disabled=busy>{lang.pick("Periksa berkas (tidak menyimpan)", "Check the file (saves nothing)")}</button>
            </form>
            <div aria-live="polite">{move || view! { <PhaseView phase=phase.get() on_save=Callback::new(move |()| send(true))/> }}</div>
        </div>
    }
}

#[component]
fn PhaseView(phase: Phase, on_save: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    match phase {
        Phase::Idle => None,
        Phase::Uploading(sent, total) => Some(
            view! {
                <p class="kemajuan">
                    <label for="kemajuan-unggah">{
                        let (sent, total) = (lang.decimal(sent / 1024.0, 0), lang.decimal(total / 1024.0, 0));
                        lang.pick(format!("Mengunggah {sent} dari {total} KB"), format!("Uploading {sent} of {total} KB"))
                    }</label>
                    <progress id="kemajuan-unggah" max=total value=sent></progress>
                </p>
            }
            .into_any(),
        ),
        Phase::Checking => Some(
            view! {
                <p class="kemajuan">
                    <label for="kemajuan-periksa">{lang.pick("Berkas terkirim; memeriksa setiap baris…", "File sent; checking every row…")}</label>
                    <progress id="kemajuan-periksa"></progress>
                </p>
            }
            .into_any(),
        ),
        Phase::Checked(report) => {
            let c = report.counts;
            let next = if c.rejected > 0 {
                let rejected = lang.count(c.rejected, BARIS);
                EitherOf3::A(view! {
                    <p class="pemberitahuan galat">{lang.pick(
                        format!("{rejected} ditolak. Perbaiki berkas lalu periksa lagi; berkas dengan baris yang ditolak tidak dapat disimpan."),
                        format!("{rejected} rejected. Correct the file and check it again; a file with rejected rows cannot be saved."),
                    )}</p>
                })
            } else if c.new + c.changed == 0 {
                EitherOf3::B(view! { <p class="pemberitahuan">{lang.pick(
                    "Semua baris sudah sama dengan data tersimpan; tidak ada yang perlu disimpan.",
                    "Every row equals the data on record; there is nothing to save.",
                )}</p> })
            } else {
                let (new, changed) = (
                    lang.count(c.new, BARIS_BARU),
                    lang.count(c.changed, BARIS_BERUBAH),
                );
                EitherOf3::C(view! {
                    <div class="formulir">
                        <button type="button" on:click=move |_| on_save.run(())>
                            {lang.pick(format!("Simpan {new} dan {changed}"), format!("Save {new} and {changed}"))}
                        </button>
                    </div>
                })
            };
            Some(
                view! {
                    <section class="kartu">
                        <h2>{lang.pick("Hasil pemeriksaan (uji coba)", "Result of the check (dry run)")}</h2>
                        <Report report/>
                        {next}
                    </section>
                }
                .into_any(),
            )
        }
        Phase::Saved(report) => Some(
            view! {
                <section class="kartu">
                    <h2>{lang.pick("Impor tersimpan", "Import saved")}</h2>
                    <p class="pemberitahuan">{match report.batch_id {
                        Some(id) => lang.pick(
                            format!("Tersimpan sebagai batch impor #{id}; tercatat di log audit."),
                            format!("Saved as import batch #{id}; recorded in the audit log."),
                        ),
                        None => lang.pick("Tidak ada yang berubah; tidak ada yang ditulis.", "Nothing changed; nothing was written.").to_owned(),
                    }}</p>
                    <Report report/>
                </section>
            }
            .into_any(),
        ),
        Phase::Failed(message) => {
            Some(view! { <p class="pemberitahuan galat" role="alert">{message}</p> }.into_any())
        }
    }
}

fn status_label(status: &RowStatus, lang: Lang) -> &'static str {
    match status {
        RowStatus::New => lang.pick("Baru", "New"),
        RowStatus::Changed => lang.pick("Berubah", "Changed"),
        RowStatus::Unchanged => lang.pick("Tetap", "Unchanged"),
        RowStatus::Rejected(_) => lang.pick("Ditolak", "Rejected"),
    }
}

/// The counts and the rows that are not unchanged, rejected ones first.
#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let lang = use_lang();
    let count = |n: usize| lang.decimal(n as f64, 0);
    let c = report.counts;
    let mut rows: Vec<_> = report
        .rows
        .into_iter()
        .filter(|r| r.status != RowStatus::Unchanged)
        .collect();
    rows.sort_by_key(|r| (!matches!(r.status, RowStatus::Rejected(_)), r.row));
    let listed = rows.len();
    rows.truncate(ROWS_SHOWN);
    view! {
        <p>{
            let (new, changed, unchanged, rejected) = (count(c.new), count(c.changed), count(c.unchanged), count(c.rejected));
            let file = format!("{} ({})", report.file_name, terms::import_kind(report.kind, lang));
            lang.pick(
                format!("{file}: {new} baru, {changed} berubah, {unchanged} tetap, {rejected} ditolak."),
                format!("{file}: {new} new, {changed} changed, {unchanged} unchanged, {rejected} rejected."),
            )
        }</p>
        {(listed > 0).then(|| view! {
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{if listed > ROWS_SHOWN {
                        lang.pick(
                            format!("{ROWS_SHOWN} dari {listed} baris yang baru, berubah atau ditolak"),
                            format!("{ROWS_SHOWN} of {listed} rows that are new, changed or rejected"),
                        )
                    } else {
                        lang.pick("Baris yang baru, berubah atau ditolak", "Rows that are new, changed or rejected").to_owned()
                    }}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="angka">{lang.pick("Baris", "Row")}</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">{lang.pick("Data / alasan", "Data / reason")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let detail = match (&r.status, &r.person) {
                                (RowStatus::Rejected(reason), _) => refusals::import_refusal(reason, lang).to_owned(),
                                (_, Some(person)) => format!("{person} ({})", r.key),
                                (_, None) => r.key.clone(),
                            };
                            view! {
                                <tr>
                                    <td class="angka">{r.row}</td>
                                    <td class=matches!(r.status, RowStatus::Rejected(_)).then_some("gagal")>{status_label(&r.status, lang)}</td>
                                    <td>
                                        {detail}
                                        {(!r.changes.is_empty()).then(|| view! {
                                            <ul class="perubahan">
                                                {r.changes.into_iter().map(|c| view! {
                                                    <li>{format!("{}: {} → {}", c.column, c.before, c.after)}</li>
                                                }).collect_view()}
                                            </ul>
                                        })}
                                    </td>
                                </tr>
                            }
                            // A row's type is erased: nested in the report's, it would pass
                            // the compiler's depth limit for the WASM build.
                            .into_any()
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

/// The upload itself, in the browser: an XMLHttpRequest, whose upload events give the
/// progress that `fetch` does not.
#[cfg(feature = "hydrate")]
mod upload {
    use super::{Phase, LIMIT_MB};
    use crate::api::intake::{ImportKind, ImportReport};
    use crate::format::url_component;
    use crate::i18n::Lang;
    use leptos::html::Input;
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{ProgressEvent, XmlHttpRequest};

    fn fail(phase: RwSignal<Phase>, message: &str) {
        phase.set(Phase::Failed(message.to_owned()));
    }

    fn too_large(lang: Lang) -> String {
        lang.pick(
            format!("Berkas lebih besar dari {LIMIT_MB} MB; bagi menjadi beberapa berkas."),
            format!("The file is larger than {LIMIT_MB} MB; split it into several files."),
        )
    }

    pub fn send(
        input: NodeRef<Input>,
        slug: &str,
        kind: ImportKind,
        commit: bool,
        phase: RwSignal<Phase>,
        lang: Lang,
    ) {
        let cannot_start = lang.pick(
            "Pengunggahan tidak dapat dimulai.",
            "The upload could not start.",
        );
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return fail(
                phase,
                lang.pick("Pilih berkas lebih dulu.", "Choose a file first."),
            );
        };
        if file.size() > f64::from(LIMIT_MB) * 1024.0 * 1024.0 {
            return fail(phase, &too_large(lang));
        }
        let Ok(xhr) = XmlHttpRequest::new() else {
            return fail(
                phase,
                lang.pick(
                    "Peramban ini tidak dapat mengunggah berkas.",
                    "This browser cannot upload files.",
                ),
            );
        };
        let url = format!(
            "/talenta/impor/unggah?instansi={}&jenis={}&mode={}",
            url_component(slug),
            kind.code(),
            if commit { "simpan" } else { "uji" }
        );
        if xhr.open("POST", &url).is_err()
            || xhr
                .set_request_header("x-nama-berkas", &url_component(&file.name()))
                .is_err()
        {
            return fail(phase, cannot_start);
        }
        phase.set(Phase::Uploading(0.0, file.size()));
        if let Ok(upload) = xhr.upload() {
            let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |ev: ProgressEvent| {
                phase.set(Phase::Uploading(ev.loaded(), ev.total()));
            });
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
            progress.forget();
            let sent = Closure::once_into_js(move || phase.set(Phase::Checking));
            upload.set_onload(Some(sent.unchecked_ref()));
        }
        let answered = xhr.clone();
        let done = Closure::once_into_js(move || {
            let status = answered.status().unwrap_or(0);
            let text = answered.response_text().ok().flatten().unwrap_or_default();
            match status {
                200 => match serde_json::from_str::<ImportReport>(&text) {
                    Ok(report) if commit => phase.set(Phase::Saved(report)),
                    Ok(report) => phase.set(Phase::Checked(report)),
                    Err(_) => fail(
                        phase,
                        lang.pick(
                            "Jawaban server tidak dapat dibaca; muat ulang halaman.",
                            "The server's answer could not be read; reload the page.",
                        ),
                    ),
                },
                413 => fail(phase, &too_large(lang)),
                401 => fail(
                    phase,
                    lang.pick(
                        "Sesi Anda berakhir; masuk lagi lalu unggah ulang.",
                        "Your session ended; sign in again and upload again.",
                    ),
                ),
                _ if !text.is_empty() => phase.set(Phase::Failed(text)),
                _ => fail(
                    phase,
                    lang.pick(
                        "Pengunggahan gagal; coba lagi.",
                        "The upload failed; try again.",
                    ),
                ),
            }
        });
        xhr.set_onload(Some(done.unchecked_ref()));
        let broken = Closure::once_into_js(move || {
            fail(
                phase,
                lang.pick(
                    "Koneksi terputus saat mengunggah; coba lagi.",
                    "The connection broke during the upload; try again.",
                ),
            );
        });
        xhr.set_onerror(Some(broken.unchecked_ref()));
        if xhr.send_with_opt_blob(Some(&file)).is_err() {
            fail(phase, cannot_start);
        }
    }
}
