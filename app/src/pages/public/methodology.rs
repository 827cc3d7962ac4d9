//! `/metodologi`: how a kotak is computed, generated from the parameter data itself (the
//! default "BKN 2025" set and the version each instansi uses), with its legal basis. Rules
//! only: no person appears here.

use crate::api::methodology::{InstansiRules, Methodology};
use crate::components::loaded::Loaded;
use crate::components::nine_box::NineBoxGrid;
use crate::components::page_title::PageTitle;
use crate::domain::nine_box::Kotak;
use crate::domain::scoring::{Component, Discipline, Education, ParameterSet};
use crate::domain::skp::Predikat;
use crate::error::AppError;
use crate::i18n::count::TAHUN;
use crate::i18n::{terms, use_lang, Lang};
use leptos::prelude::*;

/// The default rules and the version in force in every instansi.
#[server(endpoint = "metodologi")]
pub async fn get_methodology() -> Result<Methodology, AppError> {
    let pool = crate::auth::guard::gate()?.public().clone();
    let instansi = crate::services::parameters::in_force_everywhere(&pool)
        .await?
        .into_iter()
        .map(|(slug, instansi, stored)| InstansiRules {
            slug,
            instansi,
            version: stored.version,
            adopted_at: stored.created_at,
            rules: stored.rules,
        })
        .collect();
    Ok(Methodology {
        reference: ParameterSet::bkn_2025(),
        instansi,
    })
}

fn legal_basis(lang: Lang) -> [&'static str; 6] {
    [
        lang.pick(
            "PermenPANRB 3/2020 tentang Manajemen Talenta ASN, diubah dengan PermenPANRB 20/2025",
            "PermenPANRB 3/2020 on ASN Talent Management, amended by PermenPANRB 20/2025",
        ),
        lang.pick(
            "Keputusan Kepala BKN 411/2025: setiap instansi membangun manajemen talenta",
            "Decree of the Head of BKN 411/2025: every instansi builds talent management",
        ),
        lang.pick(
            "PermenPANRB 6/2022: pengelolaan kinerja (SKP), masukan kinerja",
            "PermenPANRB 6/2022: performance management (SKP), the performance input",
        ),
        lang.pick(
            "PermenPANRB 38/2017: standar kompetensi jabatan, masukan kompetensi",
            "PermenPANRB 38/2017: competency standards of posts, the competency input",
        ),
        lang.pick(
            "UU 5/2014 Pasal 111 dan UU 20/2023: pengisian JPT dari kelompok rencana suksesi",
            "Law 5/2014 Article 111 and Law 20/2023: senior posts (JPT) filled from the succession pool",
        ),
        lang.pick(
            "UU 27/2022 tentang Pelindungan Data Pribadi: data publik hanya agregat",
            "Law 27/2022 on Personal Data Protection: public data are aggregates only",
        ),
    ]
}

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let methodology = Resource::new(|| (), |_| get_methodology());
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Metodologi pemetaan talenta | Jenjang", "Talent-mapping methodology | Jenjang")/>
        <h1>{lang.pick("Metodologi pemetaan talenta", "Talent-mapping methodology")}</h1>
        <p class="pengantar">{lang.pick(
            "Setiap ASN dipetakan ke 9 kotak dari dua sumbu: kinerja (Y) dan potensial (X). Bobot, ambang dan skor di halaman ini dibaca langsung dari data parameter yang dipakai untuk menghitung; setiap penempatan menyimpan versi parameter yang dipakai.",
            "Every ASN is placed in one of 9 boxes from two axes: performance (Y) and potential (X). The weights, thresholds and scores on this page are read directly from the parameter data used in the computation; every placement records the parameter version it used.",
        )}</p>
        <section>
            <h2>{lang.pick("Dasar hukum", "Legal basis")}</h2>
            <ul>{legal_basis(lang).into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
        </section>
        <section>
            <h2>{lang.pick("Penomoran 9 kotak (PermenPANRB)", "Numbering of the 9 boxes (PermenPANRB)")}</h2>
            <NineBoxGrid highlight=None/>
            <Recommendations/>
        </section>
        <Loaded resource=methodology show=|m| view! { <Rules m/> }/>
    }
}

#[component]
fn Recommendations() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick("Tindak lanjut yang direkomendasikan per kotak", "Recommended follow-up per box")}</caption>
                <thead><tr>
                    <th scope="col">{lang.pick("Kotak", "Box")}</th>
                    <th scope="col">{lang.pick("Rekomendasi", "Recommendation")}</th>
                </tr></thead>
                <tbody>
                    {Kotak::all().collect::<Vec<_>>().into_iter().rev().map(|k| view! {
                        <tr>
                            <th scope="row">{k.number()}</th>
                            <td>{k.recommendations().iter().map(|r| terms::recommendation(*r, lang)).collect::<Vec<_>>().join("; ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>{lang.pick(
            "Kelompok rencana suksesi (KRS) instansi: kotak 7, 8 dan 9; kotak 9 juga KRS nasional.",
            "The instansi's succession pool (KRS): boxes 7, 8 and 9; box 9 is also in the national pool.",
        )}</p>
    }
}

#[component]
fn Rules(m: Methodology) -> impl IntoView {
    let lang = use_lang();
    let reference = m.reference;
    let name = &reference.name;
    let heading = lang.pick(
        format!("Parameter bawaan \"{name}\""),
        format!("Default parameters \"{name}\""),
    );
    view! {
        <section>
            <h2>{heading}</h2>
            <RuleTables rules=reference/>
        </section>
        <section>
            <h2>{lang.pick("Versi parameter yang dipakai tiap instansi", "The parameter version each instansi uses")}</h2>
            {m.instansi.is_empty().then(|| view! {
                <p>{lang.pick(
                    "Belum ada instansi yang memetakan talenta dengan Jenjang.",
                    "No instansi maps its talent with Jenjang yet.",
                )}</p>
            })}
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{lang.pick("Parameter yang berlaku", "Parameters in force")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Instansi"</th>
                            <th scope="col">{lang.pick(
                                "Parameter, versi dan ambang tinggi / menengah",
                                "Parameters, version and high / middle thresholds",
                            )}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {m.instansi.into_iter().map(|i| view! {
                            <tr>
                                <th scope="row">{i.instansi}</th>
                                <td>{
                                    let (name, version, since) = (&i.rules.name, i.version, lang.timestamp(&i.adopted_at));
                                    let high = lang.decimal(i.rules.thresholds.high, 1);
                                    let middle = lang.decimal(i.rules.thresholds.middle, 1);
                                    lang.pick(
                                        format!("\"{name}\" versi {version}, sejak {since}; ambang {high} / {middle}"),
                                        format!("\"{name}\" version {version}, since {since}; thresholds {high} / {middle}"),
                                    )
                                }</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The weights, thresholds and score maps of one parameter set.
#[component]
fn RuleTables(rules: ParameterSet) -> impl IntoView {
    let lang = use_lang();
    let weights = |axis: &'static [Component], caption: &'static str| {
        view! {
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{lang.pick("Komponen", "Component")}</th>
                        <th scope="col" class="angka">{lang.pick("Bobot", "Weight")}</th>
                    </tr></thead>
                    <tbody>
                        {axis.iter().map(|c| view! {
                            <tr>
                                <th scope="row">{terms::component(*c, lang)}</th>
                                <td class="angka">{format!("{} %", lang.decimal(rules.weight(*c), 1))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    let maps = rules.score_maps;
    let map = |caption: &'static str, rows: Vec<(String, f64)>| {
        view! {
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{lang.pick("Nilai masukan", "Input value")}</th>
                        <th scope="col" class="angka">{lang.pick("Skor", "Score")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(label, score)| view! {
                            <tr><th scope="row">{label}</th><td class="angka">{lang.decimal(score, 1)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    let evidence = rules.evidence;
    let (high, middle) = (
        lang.decimal(rules.thresholds.high, 1),
        lang.decimal(rules.thresholds.middle, 1),
    );
    let jp = lang.decimal(maps.jp_target, 1);
    let full_years = lang.amount(evidence.experience_full_years, 1, TAHUN);
    let (matching, mismatching) = (
        lang.decimal(evidence.field_match, 1),
        lang.decimal(evidence.field_mismatch, 1),
    );
    let (valid_years, lookback) = (
        lang.count(evidence.assessment_valid_years, TAHUN),
        lang.count(evidence.hukdis_lookback_years, TAHUN),
    );
    view! {
        {weights(&Component::KINERJA, lang.pick("Kinerja (sumbu Y): bobot komponen", "Performance (Y axis): component weights"))}
        {weights(&Component::POTENSIAL, lang.pick("Potensial (sumbu X): bobot komponen", "Potential (X axis): component weights"))}
        <p>{lang.pick(
            format!("Ambang: nilai ≥ {high} tinggi (di atas ekspektasi), ≥ {middle} menengah (sesuai ekspektasi), di bawahnya rendah. Batas bawah termasuk."),
            format!("Thresholds: a value ≥ {high} is high (above expectations), ≥ {middle} middle (meets expectations), anything below is low. Lower bounds are inclusive."),
        )}</p>
        {map(
            lang.pick("Predikat SKP", "SKP predikat (performance rating)"),
            Predikat::ALL.iter().map(|p| terms::predikat(*p, lang)).zip(maps.predikat).collect(),
        )}
        {map(
            lang.pick("Pendidikan terakhir", "Highest education"),
            Education::ALL.iter().map(|e| terms::education(*e, lang).to_owned()).zip(maps.education).collect(),
        )}
        {map(
            lang.pick("Integritas (riwayat hukuman disiplin)", "Integrity (disciplinary record)"),
            Discipline::ALL.iter().map(|d| terms::discipline(*d, lang).to_owned()).zip(maps.discipline).collect(),
        )}
        <ul>
            <li>{lang.pick(
                format!("Pengembangan kompetensi: JP yang dicapai dibagi target {jp} JP setahun (paling tinggi 100)."),
                format!("Competency development: the JP reached divided by the target of {jp} JP a year (at most 100)."),
            )}</li>
            <li>{lang.pick(
                format!("Pengalaman jabatan: penuh setelah {full_years} dalam jabatan."),
                format!("Experience in post: full after {full_years} in the post."),
            )}</li>
            <li>{lang.pick(
                format!("Kesesuaian bidang ilmu: {matching} bila sesuai, {mismatching} bila tidak."),
                format!("Field of study: {matching} when it matches the post, {mismatching} when not."),
            )}</li>
            <li>{lang.pick(
                format!("Hasil asesmen berlaku {valid_years}."),
                format!("An assessment result is valid for {valid_years}."),
            )}</li>
            <li>{if evidence.exclude_serious_hukdis {
                lang.pick(
                    format!("Pegawai dengan hukuman disiplin sedang atau berat dalam {lookback} terakhir tidak dipetakan."),
                    format!("Employees with a moderate or severe disciplinary penalty in the last {lookback} are not placed."),
                )
            } else {
                lang.pick(
                    format!("Hukuman disiplin dalam {lookback} terakhir dinilai pada komponen integritas."),
                    format!("Disciplinary penalties of the last {lookback} count in the integrity component."),
                )
            }}</li>
            <li>{lang.pick(
                "Data yang tidak ada tidak pernah dihitung nol: pegawai tidak dipetakan dan diberi tahu data mana yang belum ada.",
                "Missing data never counts as zero: the employee is not placed and is told which data are missing.",
            )}</li>
        </ul>
    }
}
