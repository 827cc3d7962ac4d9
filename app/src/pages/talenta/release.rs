//! `/talenta/rilis`: BKPSDM publishes a period's public release once it is scored and its
//! calibration sessions are closed, republishes with a reason, and reads the disclosure audit
//! of what is out. The public pages show releases only.

use super::nav::OfficeNav;
use crate::api::talent_picture::{AuditedCell, PeriodOffer, ReleaseInfo, ReleaseOffice};
use crate::components::loaded::Loaded;
use crate::components::outcome::{form_outcome, typed_value, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::release::MIN_NOTE_CHARS;
use crate::error::AppError;
use crate::i18n::releases::audited_cell;
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[cfg(feature = "ssr")]
use crate::auth::request::in_instansi;
#[cfg(feature = "ssr")]
use crate::domain::access::Action;

/// The instansi's scored periods, what stands in the way of publishing each, and its versions.
#[server(endpoint = "talenta/rilis")]
pub async fn get_release_office(instansi: Option<String>) -> Result<ReleaseOffice, AppError> {
    in_instansi(Action::PublishRelease, instansi, async |scope| {
        Ok(crate::services::releases::office(scope).await?)
    })
    .await
}

/// Publishes a period; answers the version published.
#[server(endpoint = "talenta/rilis/terbitkan")]
pub async fn publish_release(
    instansi: Option<String>,
    periode: i32,
    #[server(default)] catatan: String,
) -> Result<i64, AppError> {
    in_instansi(Action::PublishRelease, instansi, async |scope| {
        let publication = crate::services::releases::publish(scope, periode, &catatan).await?;
        Ok(publication.release.version)
    })
    .await
}

fn page_title(lang: Lang) -> &'static str {
    lang.pick("Rilis statistik publik", "Public statistical releases")
}

#[component]
pub fn ReleasePage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let office = Resource::new(move || instansi.get(), get_release_office);
    let lang = use_lang();
    view! {
        <PageTitle text=page_title(lang)/>
        <Loaded resource=office show=move |office| view! { <Office office/> }/>
    }
}

#[component]
fn Office(office: ReleaseOffice) -> impl IntoView {
    let lang = use_lang();
    let slug = office.slug.clone();
    let published = form_outcome::<PublishRelease>(None)
        .and_then(Result::ok)
        .map(|version| {
            let link = format!("/indeks-merit/{slug}");
            view! {
                <p class="pemberitahuan" role="status">
                    {lang.pick(format!("Rilis versi {version} diterbitkan. "), format!("Release version {version} published. "))}
                    <a href=link>{lang.pick("Lihat halaman publik", "See the public page")}</a>
                </p>
            }
        });
    view! {
        <OfficeNav slug=office.slug.clone() here="/talenta/rilis"/>
        <h1>{page_title(lang)}</h1>
        <p class="pengantar">{office.instansi.clone()}". "{lang.pick(
            "Halaman publik dan unduhannya hanya menampilkan rilis: tabel yang dihitung sekali, diaudit pengungkapannya, dan dibekukan. Kalibrasi sesudah rilis tidak mengubah halaman publik sampai periode diterbitkan ulang. Setiap versi tetap dapat dibaca publik.",
            "The public page and its downloads show releases only: tables computed once, disclosure-audited and frozen. A calibration after a release changes nothing public until the period is published again. Every version stays readable by the public.",
        )}</p>
        {published}
        {office.periods.is_empty().then(|| view! {
            <p>{lang.pick("Belum ada periode yang diskor.", "No period has been scored yet.")}</p>
        })}
        {office.periods.into_iter().map(|period| view! { <Period slug=office.slug.clone() period/> }).collect_view()}
    }
}

#[component]
fn Period(slug: String, period: PeriodOffer) -> impl IntoView {
    let lang = use_lang();
    let p = period.period;
    let form = format!("terbitkan-{p}");
    let republish = !period.versions.is_empty();
    let blocked = (period.open_sessions > 0).then(|| {
        let open = period.open_sessions;
        view! {
            <p class="pemberitahuan galat">{lang.pick(
                format!("{open} sesi kalibrasi periode {p} masih terbuka: tutup sesi sebelum menerbitkan."),
                format!("{open} calibration session(s) of period {p} are still open: close them before publishing."),
            )}</p>
        }
    });
    // Built inside its form, so that a refused reason comes back as typed.
    let note = move || {
        republish.then(|| view! {
        <label for=format!("catatan-{p}")>{lang.pick(
            format!("Alasan penerbitan ulang (minimal {MIN_NOTE_CHARS} karakter, tampil di halaman publik)"),
            format!("Why it is published again (at least {MIN_NOTE_CHARS} characters, shown on the public page)"),
        )}</label>
        <textarea id=format!("catatan-{p}") name="catatan" rows="3" required minlength=MIN_NOTE_CHARS.to_string()>{typed_value("catatan")}</textarea>
    })
    };
    let button = if republish {
        lang.pick(
            format!("Terbitkan ulang periode {p}"),
            format!("Publish period {p} again"),
        )
    } else {
        lang.pick(
            format!("Terbitkan periode {p}"),
            format!("Publish period {p}"),
        )
    };
    let placed = lang.decimal(period.placements as f64, 0);
    let hidden_slug = slug.clone();
    view! {
        <section class="kartu" aria-labelledby=format!("periode-{p}")>
            <h2 id=format!("periode-{p}")>{lang.pick(format!("Periode {p}"), format!("Period {p}"))}</h2>
            <p>{lang.pick(format!("{placed} pegawai diskor untuk periode ini."), format!("{placed} employees scored for this period."))}</p>
            {blocked}
            <PostForm<PublishRelease> id=form class="formulir">
                <input type="hidden" name="instansi" value=hidden_slug/>
                <input type="hidden" name="periode" value=p.to_string()/>
                {note()}
                <button type="submit">{button}</button>
            </PostForm<PublishRelease>>
            <Versions slug versions=period.versions/>
            <Audit cells=period.audit/>
        </section>
    }
}

#[component]
fn Versions(slug: String, versions: Vec<ReleaseInfo>) -> impl IntoView {
    let lang = use_lang();
    (!versions.is_empty()).then(|| {
        let items = versions
            .into_iter()
            .map(|v| {
                let href = format!("/indeks-merit/{slug}?periode={}&versi={}", v.period, v.version);
                let (version, at, by) = (v.version, lang.timestamp(&v.published_at), v.publisher);
                let note = (!v.note.is_empty()).then(|| format!(" — {}", v.note));
                view! {
                    <li>
                        <a href=href>{lang.pick(format!("Versi {version}"), format!("Version {version}"))}</a>
                        {lang.pick(format!(", {at} oleh {by}"), format!(", {at} by {by}"))}
                        {note}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{lang.pick("Versi terbit", "Published versions")}</h3>
            <ul>{items}</ul>
        }
    })
}

/// The audit of the newest version: for every "<5", what everything published allows it
/// to be.
#[component]
fn Audit(cells: Vec<AuditedCell>) -> impl IntoView {
    let lang = use_lang();
    (!cells.is_empty()).then(|| {
        let rows = cells
            .iter()
            .map(|cell| {
                let largest = cell
                    .largest
                    .map_or(lang.pick("tak terbatas", "unbounded").to_owned(), |l| lang.decimal(l, 0));
                view! {
                    <tr>
                        <th scope="row">{audited_cell(cell, lang)}</th>
                        <td class="angka">{lang.decimal(cell.smallest, 0)}</td>
                        <td class="angka">{largest}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <details>
                <summary>{lang.pick(
                    format!("Audit pengungkapan versi terbaru: {} sel \"<5\", termasuk sel versi sebelumnya yang diperiksa ulang", cells.len()),
                    format!("Disclosure audit of the newest version: {} \"<5\" cells, including those of earlier versions checked again", cells.len()),
                )}</summary>
                <p>{lang.pick(
                    "Untuk tiap sel \"<5\", nilai terkecil dan terbesar yang dapat diturunkan dengan program linear dari semua tabel, total dan versi yang terbit. Terlindungi bila terkecil 0 dan terbesar 5 atau lebih.",
                    "For every \"<5\" cell, the smallest and largest value linear programming derives from every table, total and version published. Protected when the smallest is 0 and the largest 5 or more.",
                )}</p>
                <div class="tabel-gulir" tabindex="0">
                    <table class="data">
                        <thead><tr>
                            <th scope="col">{lang.pick("Sel", "Cell")}</th>
                            <th scope="col" class="angka">{lang.pick("Terkecil", "Smallest")}</th>
                            <th scope="col" class="angka">{lang.pick("Terbesar", "Largest")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        }
    })
}
