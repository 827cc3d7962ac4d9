//! `/`: the public's way in. What the merit index and talent management are, each
//! instansi's most recent published merit-index score, and where to look further. Published
//! figures only: no person appears here.

use super::merit_index::{Instansi, InstansiHistory, MeritScore};
use crate::components::loaded::Loaded;
use crate::error::AppError;
use crate::format::decimal_id;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// An instansi's most recent published score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LatestScore {
    pub instansi: Instansi,
    pub score: MeritScore,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Landing {
    /// Newest year first; within a year by scale, then the higher score first.
    pub latest: Vec<LatestScore>,
    pub provinces: usize,
}

/// Each instansi's newest score (in a year with both scales, the newer NISM one), ordered
/// newest year first, then by scale and the higher score first; scores on different scales
/// are never ranked against each other.
pub fn latest_scores(histories: Vec<InstansiHistory>) -> Vec<LatestScore> {
    let mut latest: Vec<LatestScore> = histories
        .into_iter()
        .filter_map(|h| {
            let score = h.scores.into_iter().max_by_key(|s| (s.year, s.framework))?;
            Some(LatestScore {
                instansi: h.instansi,
                score,
            })
        })
        .collect();
    latest.sort_by(|a, b| {
        b.score
            .year
            .cmp(&a.score.year)
            .then(a.score.framework.cmp(&b.score.framework))
            .then(b.score.score.total_cmp(&a.score.score))
            .then_with(|| a.instansi.name.cmp(&b.instansi.name))
    });
    latest
}

#[server(endpoint = "beranda")]
pub async fn get_landing() -> Result<Landing, AppError> {
    use super::merit_index::queries;
    let pool = crate::auth::guard::gate()?.public().clone();
    let catalogue = queries::catalogue(&pool).await?;
    let mut provinces: Vec<&str> = catalogue.iter().map(|i| i.province.as_str()).collect();
    provinces.sort_unstable();
    provinces.dedup();
    let provinces = provinces.len();
    let slugs: Vec<String> = catalogue.into_iter().map(|i| i.slug).collect();
    Ok(Landing {
        latest: latest_scores(queries::histories(&pool, &slugs).await?),
        provinces,
    })
}

#[component]
pub fn LandingPage() -> impl IntoView {
    let landing = Resource::new(|| (), |_| get_landing());
    view! {
        <Title text="Jenjang: manajemen talenta dan transparansi sistem merit ASN"/>
        <h1>"Karier ASN yang mengikuti merit, terbuka untuk diperiksa"</h1>
        <p class="pengantar">
            "Jenjang membantu pemerintah daerah memetakan talenta aparatur sipil negara secara adil "
            "dan menunjukkan kepada publik bahwa promosi mengikuti kinerja dan potensial, bukan kedekatan."
        </p>
        <div class="tiga-kartu">
            <section class="kartu">
                <h2>"Indeks Sistem Merit"</h2>
                <p>
                    "Penilaian atas cara sebuah instansi mengelola ASN: perencanaan kebutuhan, pengadaan, "
                    "pengembangan karier, promosi dan mutasi, kinerja, penggajian dan disiplin, perlindungan, "
                    "serta sistem informasi. Skala KASN/BKN 100-400 (kategori I Buruk sampai IV Sangat Baik) "
                    "dipakai 2018-2024; PermenPANRB 19/2025 memperkenalkan skala baru 0-1."
                </p>
            </section>
            <section class="kartu">
                <h2>"Manajemen talenta 9 kotak"</h2>
                <p>
                    "Setiap ASN dipetakan dari kinerja dan potensialnya ke salah satu dari 9 kotak "
                    "(PermenPANRB 3/2020). Kotak 7, 8 dan 9 membentuk kelompok rencana suksesi, "
                    "sumber pengisian jabatan kunci."
                </p>
            </section>
            <section class="kartu">
                <h2>"Data pribadi terlindungi"</h2>
                <p>
                    "Halaman publik hanya memuat angka agregat dengan sumbernya. Tidak ada nama, NIP "
                    "atau skor seseorang; sel yang mewakili kurang dari lima orang disamarkan."
                </p>
            </section>
        </div>
        <Loaded resource=landing show=|landing| view! { <LatestScores landing/> }/>
        <section>
            <h2>"Jelajahi"</h2>
            <ul class="jelajahi">
                <li><a href="/indeks-merit">"Tren Indeks Sistem Merit"</a>" per kota, kabupaten dan provinsi, dengan grafik, tabel dan unduhan CSV"</li>
                <li><a href="/metodologi">"Metodologi pemetaan talenta"</a>": aturan 9 kotak, bobot, ambang dan dasar hukum, dibaca dari parameter yang berlaku"</li>
                <li><a href="/masuk">"Masuk"</a>" bagi ASN (kotak, rencana pengembangan, karier, 20 JP) dan bagi BKPSDM serta komite talenta"</li>
            </ul>
        </section>
    }
}

#[component]
fn LatestScores(landing: Landing) -> impl IntoView {
    let Landing { latest, provinces } = landing;
    let summary = format!(
        "Skor terbaru yang dipublikasikan untuk {} instansi di {provinces} provinsi. Skala lama dan baru ditampilkan terpisah, tidak dibandingkan.",
        latest.len()
    );
    let rows = latest
        .into_iter()
        .map(|LatestScore { instansi, score }| {
            let category = score.category().map(|c| c.display_name()).unwrap_or_default();
            let digits = if score.score.fract() == 0.0 { 0 } else { 2 };
            view! {
                <tr>
                    <th scope="row"><a href=format!("/indeks-merit/{}", instansi.slug)>{instansi.name.clone()}</a></th>
                    <td class="angka">{score.year}</td>
                    <td class="angka">{decimal_id(score.score, digits)}</td>
                    <td>{score.framework.scale()}</td>
                    <td>{category}</td>
                    <td class="sumber">{score.source.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2>"Skor terbaru"</h2>
            <p>{summary}</p>
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>"Skor Indeks Sistem Merit terbaru per instansi, dengan sumbernya"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Instansi"</th>
                            <th scope="col" class="angka">"Tahun"</th>
                            <th scope="col" class="angka">"Skor"</th>
                            <th scope="col">"Skala"</th>
                            <th scope="col">"Kategori"</th>
                            <th scope="col">"Sumber"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instansi::InstansiKind;
    use crate::domain::merit_index::Framework;

    fn history(slug: &str, scores: &[(i32, Framework, f64)]) -> InstansiHistory {
        InstansiHistory {
            instansi: Instansi {
                slug: slug.into(),
                name: format!("Pemerintah {slug}"),
                kind: InstansiKind::Kota,
                province: "Kalimantan Timur".into(),
            },
            scores: scores
                .iter()
                .map(|(year, framework, score)| MeritScore {
                    year: *year,
                    framework: *framework,
                    score: *score,
                    source: "sumber".into(),
                    note: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn each_instansi_shows_its_newest_score_newest_year_first() {
        let latest = latest_scores(vec![
            history(
                "a",
                &[
                    (2019, Framework::Kasn, 300.0),
                    (2023, Framework::Kasn, 250.0),
                ],
            ),
            history(
                "b",
                &[(2024, Framework::Kasn, 260.0), (2025, Framework::Nism, 0.7)],
            ),
            history("c", &[(2023, Framework::Kasn, 330.0)]),
            history("d", &[]),
        ]);
        let shown: Vec<(&str, i32, f64)> = latest
            .iter()
            .map(|l| (l.instansi.slug.as_str(), l.score.year, l.score.score))
            .collect();
        assert_eq!(
            shown,
            [("b", 2025, 0.7), ("c", 2023, 330.0), ("a", 2023, 250.0)]
        );
    }

    #[test]
    fn in_one_year_the_scales_are_kept_apart() {
        let latest = latest_scores(vec![
            history("lama", &[(2025, Framework::Kasn, 390.0)]),
            history("baru", &[(2025, Framework::Nism, 0.9)]),
            history(
                "dua",
                &[(2025, Framework::Kasn, 200.0), (2025, Framework::Nism, 0.5)],
            ),
        ]);
        let shown: Vec<(&str, Framework)> = latest
            .iter()
            .map(|l| (l.instansi.slug.as_str(), l.score.framework))
            .collect();
        assert_eq!(
            shown,
            [
                ("lama", Framework::Kasn),
                ("baru", Framework::Nism),
                ("dua", Framework::Nism)
            ]
        );
    }
}
