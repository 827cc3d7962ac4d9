//! `/metodologi`: how a kotak is computed, generated from the parameter data itself (the
//! default "BKN 2025" set and the version each instansi uses), with its legal basis. Rules
//! only: no person appears here.

use crate::components::loaded::Loaded;
use crate::components::nine_box::NineBoxGrid;
use crate::domain::nine_box::Kotak;
use crate::domain::scoring::{Component, Discipline, Education, ParameterSet};
use crate::domain::skp::Predikat;
use crate::error::AppError;
use crate::format::{decimal_id, timestamp};
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// The rules an instansi scores with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiRules {
    pub slug: String,
    pub instansi: String,
    pub version: i64,
    pub adopted_at: String,
    pub rules: ParameterSet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Methodology {
    /// The default set, which an instansi adopts until it versions its own.
    pub reference: ParameterSet,
    pub instansi: Vec<InstansiRules>,
}

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

const LEGAL_BASIS: [&str; 6] = [
    "PermenPANRB 3/2020 tentang Manajemen Talenta ASN, diubah dengan PermenPANRB 20/2025",
    "Keputusan Kepala BKN 411/2025: setiap instansi membangun manajemen talenta",
    "PermenPANRB 6/2022: pengelolaan kinerja (SKP), masukan kinerja",
    "PermenPANRB 38/2017: standar kompetensi jabatan, masukan kompetensi",
    "UU 5/2014 Pasal 111 dan UU 20/2023: pengisian JPT dari kelompok rencana suksesi",
    "UU 27/2022 tentang Pelindungan Data Pribadi: data publik hanya agregat",
];

#[component]
pub fn MethodologyPage() -> impl IntoView {
    let methodology = Resource::new(|| (), |_| get_methodology());
    view! {
        <Title text="Metodologi pemetaan talenta | Jenjang"/>
        <h1>"Metodologi pemetaan talenta"</h1>
        <p class="pengantar">"Setiap ASN dipetakan ke 9 kotak dari dua sumbu: kinerja (Y) dan potensial (X). Bobot, ambang dan skor di halaman ini dibaca langsung dari data parameter yang dipakai untuk menghitung; setiap penempatan menyimpan versi parameter yang dipakai."</p>
        <section>
            <h2>"Dasar hukum"</h2>
            <ul>{LEGAL_BASIS.iter().map(|l| view! { <li>{*l}</li> }).collect_view()}</ul>
        </section>
        <section>
            <h2>"Penomoran 9 kotak (PermenPANRB)"</h2>
            <NineBoxGrid highlight=None/>
            <Recommendations/>
        </section>
        <Loaded resource=methodology show=|m| view! { <Rules m/> }/>
    }
}

#[component]
fn Recommendations() -> impl IntoView {
    view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>"Tindak lanjut yang direkomendasikan per kotak"</caption>
                <thead><tr><th scope="col">"Kotak"</th><th scope="col">"Rekomendasi"</th></tr></thead>
                <tbody>
                    {Kotak::all().collect::<Vec<_>>().into_iter().rev().map(|k| view! {
                        <tr>
                            <th scope="row">{k.number()}</th>
                            <td>{k.recommendations().iter().map(|r| r.label()).collect::<Vec<_>>().join("; ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>"Kelompok rencana suksesi (KRS) instansi: kotak 7, 8 dan 9; kotak 9 juga KRS nasional."</p>
    }
}

#[component]
fn Rules(m: Methodology) -> impl IntoView {
    let reference = m.reference;
    view! {
        <section>
            <h2>{format!("Parameter bawaan \"{}\"", reference.name)}</h2>
            <RuleTables rules=reference/>
        </section>
        <section>
            <h2>"Versi parameter yang dipakai tiap instansi"</h2>
            {m.instansi.is_empty().then(|| view! { <p>"Belum ada instansi yang memetakan talenta dengan Jenjang."</p> })}
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>"Parameter yang berlaku"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Instansi"</th>
                            <th scope="col">"Parameter, versi dan ambang tinggi / menengah"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {m.instansi.into_iter().map(|i| view! {
                            <tr>
                                <th scope="row">{i.instansi}</th>
                                <td>{format!(
                                    "\"{}\" versi {}, sejak {}; ambang {} / {}",
                                    i.rules.name,
                                    i.version,
                                    timestamp(&i.adopted_at),
                                    decimal_id(i.rules.thresholds.high, 1),
                                    decimal_id(i.rules.thresholds.middle, 1)
                                )}</td>
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
    let weights = |axis: &'static [Component], caption: &'static str| {
        view! {
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Komponen"</th><th scope="col" class="angka">"Bobot"</th></tr></thead>
                    <tbody>
                        {axis.iter().map(|c| view! {
                            <tr><th scope="row">{c.label()}</th><td class="angka">{format!("{} %", decimal_id(rules.weight(*c), 1))}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    let maps = rules.score_maps;
    let map = |caption: &'static str, rows: Vec<(&'static str, f64)>| {
        view! {
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Nilai masukan"</th><th scope="col" class="angka">"Skor"</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(label, score)| view! {
                            <tr><th scope="row">{label}</th><td class="angka">{decimal_id(score, 1)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    };
    let evidence = rules.evidence;
    view! {
        {weights(&Component::KINERJA, "Kinerja (sumbu Y): bobot komponen")}
        {weights(&Component::POTENSIAL, "Potensial (sumbu X): bobot komponen")}
        <p>{format!(
            "Ambang: nilai ≥ {} tinggi (di atas ekspektasi), ≥ {} menengah (sesuai ekspektasi), di bawahnya rendah. Batas bawah termasuk.",
            decimal_id(rules.thresholds.high, 1),
            decimal_id(rules.thresholds.middle, 1)
        )}</p>
        {map("Predikat SKP", Predikat::ALL.iter().map(|p| p.label()).zip(maps.predikat).collect())}
        {map("Pendidikan terakhir", Education::ALL.iter().map(|e| e.label()).zip(maps.education).collect())}
        {map("Integritas (riwayat hukuman disiplin)", Discipline::ALL.iter().map(|d| d.label()).zip(maps.discipline).collect())}
        <ul>
            <li>{format!("Pengembangan kompetensi: JP yang dicapai dibagi target {} JP setahun (paling tinggi 100).", decimal_id(maps.jp_target, 1))}</li>
            <li>{format!("Pengalaman jabatan: penuh setelah {} tahun dalam jabatan.", decimal_id(evidence.experience_full_years, 1))}</li>
            <li>{format!("Kesesuaian bidang ilmu: {} bila sesuai, {} bila tidak.", decimal_id(evidence.field_match, 1), decimal_id(evidence.field_mismatch, 1))}</li>
            <li>{format!("Hasil asesmen berlaku {} tahun.", evidence.assessment_valid_years)}</li>
            <li>{if evidence.exclude_serious_hukdis {
                format!("Pegawai dengan hukuman disiplin sedang atau berat dalam {} tahun terakhir tidak dipetakan.", evidence.hukdis_lookback_years)
            } else {
                format!("Hukuman disiplin dalam {} tahun terakhir dinilai pada komponen integritas.", evidence.hukdis_lookback_years)
            }}</li>
            <li>"Data yang tidak ada tidak pernah dihitung nol: pegawai tidak dipetakan dan diberi tahu data mana yang belum ada."</li>
        </ul>
    }
}
