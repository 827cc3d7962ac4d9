//! `/indeks-merit/nasional` and `/indeks-merit/provinsi/{provinsi}`: the newest release of
//! every instansi that publishes, the instansi as rows, and their sum. Every figure is one a
//! release published; a sum is withheld when any part of it was.

use crate::api::national_picture::{Figures, NationalPicture};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::domain::disclosure::Disclosed;
use crate::error::AppError;
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[server(endpoint = "indeks-merit/nasional")]
pub async fn get_national_picture(provinsi: Option<String>) -> Result<NationalPicture, AppError> {
    if provinsi
        .as_deref()
        .is_some_and(|p| !crate::domain::instansi::is_valid_slug(p))
    {
        return Err(AppError::NotFound);
    }
    let pool = crate::auth::guard::gate()?.public().clone();
    crate::services::releases::national::picture(&pool, provinsi.as_deref())
        .await?
        .ok_or(AppError::NotFound)
}

#[component]
pub fn NationalPage() -> impl IntoView {
    let params = use_params_map();
    let province = Memo::new(move |_| params.with(|p| p.get("provinsi")));
    let picture = Resource::new(move || province.get(), get_national_picture);
    view! { <Loaded resource=picture show=|picture| view! { <Picture picture/> }/> }
}

fn cell(lang: Lang, count: Disclosed) -> impl IntoView {
    view! { <td class="angka">{count.text(lang)}</td> }
}

fn figures(lang: Lang, f: &Figures) -> impl IntoView {
    view! {
        {cell(lang, f.pegawai)}
        {cell(lang, f.mapped())}
        {f.per_kotak.iter().map(|k| cell(lang, *k)).collect_view()}
        {cell(lang, f.pool())}
        {cell(lang, f.reached)}
    }
}

#[component]
fn Picture(picture: NationalPicture) -> impl IntoView {
    let lang = use_lang();
    let (title, download) = match &picture.province {
        Some(p) => (
            lang.pick(
                format!("Gambaran talenta Provinsi {}", p.name),
                format!("Talent picture of the province of {}", p.name),
            ),
            format!("/unduh/nasional.csv?provinsi={}", p.slug),
        ),
        None => (
            lang.pick("Gambaran talenta nasional", "National talent picture")
                .to_owned(),
            "/unduh/nasional.csv".to_owned(),
        ),
    };
    let xlsx = download.replacen(".csv", ".xlsx", 1);
    let publishing = lang.decimal(picture.rows.len() as f64, 0);
    let rows = picture
        .rows
        .iter()
        .map(|r| {
            let href = format!(
                "/indeks-merit/{}?periode={}&versi={}",
                r.slug, r.period, r.version
            );
            view! {
                <tr>
                    <th scope="row"><a href=href>{r.name.clone()}</a></th>
                    <td>{format!("{} v{}", r.period, r.version)}</td>
                    {figures(lang, &r.figures)}
                </tr>
            }
        })
        .collect_view();
    let provinces = picture
        .provinces
        .iter()
        .map(|p| {
            let current = picture
                .province
                .as_ref()
                .is_some_and(|here| here.slug == p.slug)
                .then_some("page");
            view! { <li><a href=format!("/indeks-merit/provinsi/{}", p.slug) aria-current=current>{p.name.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <PageTitle text=format!("{title} | Jenjang")/>
        <p class="remah"><a href="/indeks-merit">{lang.pick("← Indeks Sistem Merit", "← Merit System Index")}</a></p>
        <h1>{title}</h1>
        {picture.rows.is_empty().then(|| view! {
            <p class="pemberitahuan">{lang.pick(
                "Belum ada instansi yang menerbitkan rilis.",
                "No instansi has published a release yet.",
            )}</p>
        })}
        <p class="pengantar">{lang.pick(
            format!("{publishing} instansi menerbitkan rilis. Setiap baris adalah rilis terbaru instansi itu; jumlahnya hanya menjumlahkan angka yang sudah terbit, dan disamarkan (\"–\") bila satu bagiannya disamarkan."),
            format!("{publishing} instansi publish releases. Each row is that instansi's newest release; the sums only add figures already published, and are masked (\"–\") when any part is."),
        )}</p>
        <nav aria-label=lang.pick("Provinsi", "Provinces")>
            <p><a href="/indeks-merit/nasional">{lang.pick("Seluruh Indonesia", "All of Indonesia")}</a></p>
            <ul class="sebaris">{provinces}</ul>
        </nav>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick("Rilis terbaru per instansi", "Newest release per instansi")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Instansi"</th>
                        <th scope="col">{lang.pick("Periode, versi", "Period, version")}</th>
                        <th scope="col" class="angka">{lang.pick("Pegawai", "Employees")}</th>
                        <th scope="col" class="angka">{lang.pick("Dipetakan", "Placed")}</th>
                        {(1..=9).map(|k| view! { <th scope="col" class="angka">{format!("K{k}")}</th> }).collect_view()}
                        <th scope="col" class="angka">{lang.pick("KRS (7-9)", "Pool (7-9)")}</th>
                        <th scope="col" class="angka">{lang.pick("Mencapai target JP", "Reached the JP target")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{lang.pick("Jumlah", "Total")}</th>
                        <td></td>
                        {figures(lang, &picture.total)}
                    </tr>
                </tfoot>
            </table>
        </div>
        <p class="unduh">
            {lang.pick("Unduh tabel: ", "Download the table: ")}
            <a href=download download>"CSV"</a>" "<a href=xlsx download>"XLSX"</a>
        </p>
    }
}
