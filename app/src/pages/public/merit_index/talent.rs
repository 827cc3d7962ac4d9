//! The talent-management picture on `/indeks-merit/{slug}` for an instansi that maps its ASN
//! with Jenjang: pegawai mapped, the 9-box per OPD and per period, the talent pool and the
//! 20 JP attainment. Every number arrives already through disclosure control.

use crate::api::talent_picture::{share, sum, TalentPicture, NOT_MAPPED};
use crate::components::loaded::Loaded;
use crate::domain::disclosure::{Disclosed, MIN_COUNT, MIN_PEOPLE_FOR_AVERAGE};
use crate::error::AppError;
use crate::i18n::count::PEGAWAI;
use crate::i18n::releases::release_change;
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

/// The picture as a published release shows it: never live rows.
#[server(endpoint = "indeks-merit/talenta")]
pub async fn get_talent_picture(
    slug: String,
    periode: Option<i32>,
    versi: Option<i64>,
) -> Result<Option<TalentPicture>, AppError> {
    if !crate::domain::instansi::is_valid_slug(&slug) {
        return Err(AppError::NotFound);
    }
    let pool = crate::auth::guard::gate()?.public().clone();
    Ok(crate::services::releases::picture(&pool, &slug, periode, versi).await?)
}

/// The section, or nothing when the instansi does not map its ASN with Jenjang.
#[component]
pub fn TalentPictureSection(slug: String) -> impl IntoView {
    let query = use_query_map();
    let period = Memo::new(move |_| {
        query.with(|q| q.get("periode").and_then(|p| p.trim().parse::<i32>().ok()))
    });
    let version = Memo::new(move |_| {
        query.with(|q| q.get("versi").and_then(|v| v.trim().parse::<i64>().ok()))
    });
    let picture = Resource::new(
        move || (slug.clone(), period.get(), version.get()),
        |(slug, periode, versi)| get_talent_picture(slug, periode, versi),
    );
    view! { <Loaded resource=picture show=maybe_picture/> }
}

fn maybe_picture(picture: Option<TalentPicture>) -> impl IntoView {
    picture.map(|picture| view! { <Picture picture/> })
}

fn percent(lang: Lang, part: Disclosed, whole: Disclosed) -> String {
    share(part, whole).map_or("—".to_owned(), |p| format!("{} %", lang.decimal(p, 1)))
}

/// A derived count, shown only when it is a sum of published counts.
fn published(lang: Lang, n: Option<u64>) -> String {
    Disclosed::derived(n).text(lang)
}

#[component]
fn Picture(picture: TalentPicture) -> impl IntoView {
    let totals = &picture.kotak.column_totals;
    let mapped = picture.mapped_total();
    let pool = totals.get(6..9).and_then(sum);
    let reached = picture
        .training
        .column_totals
        .first()
        .copied()
        .unwrap_or(Disclosed::Hidden);
    let everyone = picture.kotak.total;
    let lang = use_lang();
    let (period, people, jp) = (
        picture.period,
        lang.with_noun(everyone.text(lang), PEGAWAI),
        lang.decimal(picture.jp_target, 0),
    );
    let (mapped_share, reached_share) = (
        percent(lang, Disclosed::derived(mapped), everyone),
        percent(lang, reached, everyone),
    );
    let (mapped, pool, reached) = (
        published(lang, mapped),
        published(lang, pool),
        reached.text(lang),
    );
    let summary = lang.pick(
        format!("Periode {period}: {people}; {mapped} dipetakan ke 9 kotak ({mapped_share}); {pool} di kelompok rencana suksesi (kotak 7-9); {reached} mencapai {jp} JP pengembangan kompetensi ({reached_share})."),
        format!("Period {period}: {people}; {mapped} placed in the 9-box ({mapped_share}); {pool} in the succession pool (boxes 7-9); {reached} reached {jp} JP of competency development ({reached_share})."),
    );
    let small = MIN_COUNT - 1;
    let rules = lang.pick(
        format!("Hanya angka agregat. Jumlah 1-{small} orang ditampilkan sebagai \"<{MIN_COUNT}\", dan angka lain yang dapat dipakai untuk menghitungnya disamarkan (\"–\"). Persentase hanya untuk {MIN_PEOPLE_FOR_AVERAGE} orang atau lebih."),
        format!("Aggregates only. Counts of 1-{small} people are shown as \"<{MIN_COUNT}\", and any other figure that would let them be worked out is masked (\"–\"). Percentages only over {MIN_PEOPLE_FOR_AVERAGE} people or more."),
    );
    let periods = picture.periods.clone();
    let current = picture.period;
    let version = picture.release.version;
    view! {
        <section class="gambaran-talenta" aria-labelledby="gambaran-talenta">
            <h2 id="gambaran-talenta">{lang.pick("Gambaran manajemen talenta", "Talent-management picture")}</h2>
            <p>{summary}</p>
            <p class="keterangan">{rules}</p>
            <Form method="GET" action=format!("/indeks-merit/{}", picture.slug) attr:class="cari">
                <label for="periode-talenta">{lang.pick("Periode", "Period")}</label>
                <select name="periode" id="periode-talenta">
                    {periods.into_iter().map(|p| view! {
                        <option value=p.to_string() selected=p == current>{p.to_string()}</option>
                    }).collect_view()}
                </select>
                <button type="submit">{lang.pick("Tampilkan", "Show")}</button>
            </Form>
            <ReleaseNote picture=picture.clone()/>
            <PerOpd picture=picture.clone()/>
            <Training picture=picture.clone()/>
            <PerPeriod picture=picture.clone()/>
            <p class="unduh">
                {lang.pick(format!("Unduh tabel periode {current}, rilis versi {version}: "), format!("Download the tables of period {current}, release version {version}: "))}
                <a href=format!("/unduh/talenta/{}.csv?periode={current}&versi={version}", picture.slug) download>"CSV"</a>
                " "
                <a href=format!("/unduh/talenta/{}.xlsx?periode={current}&versi={version}", picture.slug) download>"XLSX"</a>
            </p>
        </section>
    }
}

/// Which release the tables come from, what changed since the version before, and every
/// version of the period with its own link and downloads.
#[component]
fn ReleaseNote(picture: TalentPicture) -> impl IntoView {
    let lang = use_lang();
    let release = &picture.release;
    let (version, published, data_as_of) = (
        release.version,
        lang.timestamp_in(&release.published_at, picture.zone),
        lang.timestamp_in(&release.data_as_of, picture.zone),
    );
    let (publisher, parameters) = (release.publisher.clone(), release.parameter_version);
    let heading = lang.pick(
        format!("Rilis versi {version}, diterbitkan {published} oleh {publisher}; data per {data_as_of}; parameter versi {parameters}."),
        format!("Release version {version}, published {published} by {publisher}; data as of {data_as_of}; parameter version {parameters}."),
    );
    let note = (!release.note.is_empty()).then(|| {
        let note = release.note.clone();
        view! { <p><strong>{lang.pick("Catatan penerbitan ulang: ", "Why it was published again: ")}</strong>{note}</p> }
    });
    let changes = release
        .changes
        .iter()
        .map(|c| view! { <li>{release_change(c, lang)}</li> })
        .collect_view();
    let newest = picture.versions.first().map(|v| v.version);
    let (slug, period) = (picture.slug.clone(), picture.period);
    let versions = (picture.versions.len() > 1).then(|| {
        let items = picture
            .versions
            .iter()
            .map(|v| {
                let label = lang.pick(
                    format!("Versi {} ({})", v.version, lang.timestamp_in(&v.published_at, picture.zone)),
                    format!("Version {} ({})", v.version, lang.timestamp_in(&v.published_at, picture.zone)),
                );
                let marker = (Some(v.version) == newest)
                    .then(|| lang.pick(" — terbaru", " — newest"));
                let superseded = (Some(v.version) != newest)
                    .then(|| lang.pick(" — sudah diganti versi yang lebih baru", " — superseded by a newer version"));
                let href = format!("/indeks-merit/{slug}?periode={period}&versi={}", v.version);
                let current = (v.version == version).then_some("page");
                view! {
                    <li><a href=href aria-current=current>{label}</a>{marker}{superseded}</li>
                }
            })
            .collect_view();
        view! {
            <p>{lang.pick("Semua versi periode ini tetap dapat dibaca dan diunduh:", "Every version of this period stays readable and downloadable:")}</p>
            <ul>{items}</ul>
        }
    });
    view! {
        <div class="rilis">
            <p>{heading}</p>
            {note}
            <p>{lang.pick("Yang berubah sejak versi sebelumnya:", "What changed since the previous version:")}</p>
            <ul>{changes}</ul>
            {versions}
        </div>
    }
}

fn kotak_headers(lang: Lang) -> impl IntoView {
    (1..=9)
        .map(|k| {
            let title = lang.pick(format!("kotak {k}"), format!("box {k}"));
            view! { <th scope="col" class="angka"><abbr title=title>{format!("K{k}")}</abbr></th> }
        })
        .collect_view()
}

fn cells(lang: Lang, counts: &[Disclosed]) -> impl IntoView {
    counts
        .iter()
        .map(|c| view! { <td class="angka">{c.text(lang)}</td> })
        .collect_view()
}

#[component]
fn PerOpd(picture: TalentPicture) -> impl IntoView {
    let lang = use_lang();
    let rows = picture
        .opd
        .iter()
        .zip(&picture.kotak.cells)
        .zip(&picture.kotak.row_totals)
        .enumerate()
        .map(|(r, ((name, row), total))| {
            let total = *total;
            let mapped = picture.mapped(r);
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="angka">{total.text(lang)}</td>
                    <td class="angka">{published(lang, mapped)}</td>
                    <td class="angka">{percent(lang, Disclosed::derived(mapped), total)}</td>
                    {cells(lang, row.get(..NOT_MAPPED).unwrap_or_default())}
                    <td class="angka">{published(lang, picture.pool(r))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick(
                    format!("Sebaran 9 kotak per perangkat daerah, periode {}", picture.period),
                    format!("9-box distribution per regional office (OPD), period {}", picture.period),
                )}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Perangkat daerah", "Regional office (OPD)")}</th>
                        <th scope="col" class="angka">{lang.pick("Pegawai", "Employees")}</th>
                        <th scope="col" class="angka">{lang.pick("Dipetakan", "Placed")}</th>
                        <th scope="col" class="angka">{lang.pick("% dipetakan", "% placed")}</th>
                        {kotak_headers(lang)}
                        <th scope="col" class="angka">{lang.pick("KRS (7-9)", "Pool (7-9)")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Training(picture: TalentPicture) -> impl IntoView {
    let lang = use_lang();
    let rows = picture
        .opd
        .iter()
        .zip(&picture.training.cells)
        .zip(&picture.training.row_totals)
        .map(|((name, row), total)| {
            let reached = row.first().copied().unwrap_or(Disclosed::Hidden);
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    <td class="angka">{total.text(lang)}</td>
                    {cells(lang, row)}
                    <td class="angka">{percent(lang, reached, *total)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{
                    let (jp, year) = (lang.decimal(picture.jp_target, 0), picture.period);
                    lang.pick(
                        format!("Capaian {jp} JP pengembangan kompetensi per perangkat daerah, tahun {year}"),
                        format!("Attainment of {jp} JP of competency development per regional office, year {year}"),
                    )
                }</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Perangkat daerah", "Regional office (OPD)")}</th>
                        <th scope="col" class="angka">{lang.pick("Pegawai", "Employees")}</th>
                        <th scope="col" class="angka">{lang.pick("Mencapai", "Reached")}</th>
                        <th scope="col" class="angka">{lang.pick("Belum mencapai", "Not yet")}</th>
                        <th scope="col" class="angka">{lang.pick("% mencapai", "% reached")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn PerPeriod(picture: TalentPicture) -> impl IntoView {
    let lang = use_lang();
    let rows = picture
        .by_period
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row">{d.period.to_string()}</th>
                    <td class="angka">{d.mapped.text(lang)}</td>
                    {cells(lang, &d.per_kotak)}
                    <td class="angka">{published(lang, d.per_kotak.get(6..9).and_then(sum))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick(
                    "Sebaran 9 kotak per periode, seluruh instansi",
                    "9-box distribution per period, whole instansi",
                )}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Periode", "Period")}</th>
                        <th scope="col" class="angka">{lang.pick("Dipetakan", "Placed")}</th>
                        {kotak_headers(lang)}
                        <th scope="col" class="angka">{lang.pick("KRS (7-9)", "Pool (7-9)")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
