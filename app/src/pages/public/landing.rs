//! `/`: the public's way in. What the merit index and talent management are, each
//! instansi's most recent published merit-index result, and where to look further. Published
//! figures only: no person appears here.

use super::merit_index::score_text;
use crate::api::merit_index::{InstansiHistory, Landing, LatestScore};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::error::AppError;
use crate::i18n::count::{INSTANSI, PROVINSI};
use crate::i18n::{terms, use_lang};
use leptos::prelude::*;

/// Each instansi's newest result (in a year with both scales, the newer NISM one; in a year
/// with two rounds, BKN's, the later), ordered newest year first, then by scale, then the
/// scores (higher first) before the categories published alone (by name); scores on
/// different scales are never ranked against each other, and a category alone is never
/// ranked.
pub fn latest_scores(histories: Vec<InstansiHistory>) -> Vec<LatestScore> {
    let mut latest: Vec<LatestScore> = histories
        .into_iter()
        .filter_map(|h| {
            let score = h
                .scores
                .into_iter()
                .max_by_key(|s| (s.year, s.framework, s.body))?;
            Some(LatestScore {
                instansi: h.instansi,
                score,
            })
        })
        .collect();
    // Scores first, higher first; categories alone after them, unordered among themselves.
    let rank = |s: &LatestScore| s.score.score.map_or(f64::INFINITY, |v| -v);
    latest.sort_by(|a, b| {
        b.score
            .year
            .cmp(&a.score.year)
            .then(a.score.framework.cmp(&b.score.framework))
            .then(rank(a).total_cmp(&rank(b)))
            .then_with(|| a.instansi.name.cmp(&b.instansi.name))
    });
    latest
}

#[server(endpoint = "beranda")]
pub async fn get_landing() -> Result<Landing, AppError> {
    use super::merit_index::queries;
    let pool = crate::auth::guard::gate()?.public().clone();
    let catalogue = queries::catalogue(&pool).await?;
    // Kementerian and lembaga have no province.
    let mut provinces: Vec<&str> = catalogue
        .iter()
        .map(|i| i.province.as_str())
        .filter(|p| !p.trim().is_empty())
        .collect();
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
    let lang = use_lang();
    let landing = Resource::new(|| (), |_| get_landing());
    view! {
        <PageTitle text=lang.pick(
            "Jenjang: manajemen talenta dan transparansi sistem merit ASN",
            "Jenjang: talent management and merit-system transparency for civil servants",
        )/>
        <h1>{lang.pick(
            "Karier ASN yang mengikuti merit, terbuka untuk diperiksa",
            "Civil-service careers that follow merit, open to scrutiny",
        )}</h1>
        <p class="pengantar">{lang.pick(
            "Jenjang membantu pemerintah daerah memetakan talenta aparatur sipil negara secara adil dan menunjukkan kepada publik bahwa promosi mengikuti kinerja dan potensial, bukan kedekatan.",
            "Jenjang helps local governments map the talent of their civil servants (ASN) fairly, and shows the public that promotions follow performance and potential, not connections.",
        )}</p>
        <div class="tiga-kartu">
            <section class="kartu">
                <h2>{lang.pick("Indeks Sistem Merit", "Merit System Index")}</h2>
                <p>{lang.pick(
                    "Penilaian atas cara sebuah instansi mengelola ASN: perencanaan kebutuhan, pengadaan, pengembangan karier, promosi dan mutasi, kinerja, penggajian dan disiplin, perlindungan, serta sistem informasi. Skala KASN/BKN 100-400 (kategori I Buruk sampai IV Sangat Baik) dipakai 2018-2024; PermenPANRB 19/2025 memperkenalkan skala baru 0-1.",
                    "An assessment of how an instansi manages its ASN: workforce planning, recruitment, career development, promotion and transfer, performance, pay and discipline, protection, and information systems. The KASN/BKN scale of 100-400 (category I Poor to IV Very good) was used in 2018-2024; PermenPANRB 19/2025 introduced a new scale of 0-1.",
                )}</p>
            </section>
            <section class="kartu">
                <h2>{lang.pick("Manajemen talenta 9 kotak", "9-box talent management")}</h2>
                <p>{lang.pick(
                    "Setiap ASN dipetakan dari kinerja dan potensialnya ke salah satu dari 9 kotak (PermenPANRB 3/2020). Kotak 7, 8 dan 9 membentuk kelompok rencana suksesi, sumber pengisian jabatan kunci.",
                    "Every ASN is placed by performance and potential in one of 9 boxes (PermenPANRB 3/2020). Boxes 7, 8 and 9 form the succession pool, from which key posts are filled.",
                )}</p>
            </section>
            <section class="kartu">
                <h2>{lang.pick("Data pribadi terlindungi", "Personal data protected")}</h2>
                <p>{lang.pick(
                    "Halaman publik hanya memuat angka agregat dengan sumbernya. Tidak ada nama, NIP atau skor seseorang; sel yang mewakili kurang dari lima orang disamarkan.",
                    "Public pages show only aggregate figures with their sources. No name, NIP or personal score appears; a cell that stands for fewer than five people is masked.",
                )}</p>
            </section>
        </div>
        <Loaded resource=landing show=|landing| view! { <LatestScores landing/> }/>
        <section>
            <h2>{lang.pick("Jelajahi", "Explore")}</h2>
            <ul class="jelajahi">
                <li>
                    <a href="/indeks-merit">{lang.pick("Tren Indeks Sistem Merit", "Merit System Index trends")}</a>
                    {lang.pick(
                        " per kota, kabupaten dan provinsi, dengan grafik, tabel dan unduhan CSV",
                        " by city, regency and province, with charts, tables and CSV downloads",
                    )}
                </li>
                <li>
                    <a href="/metodologi">{lang.pick("Metodologi pemetaan talenta", "Talent-mapping methodology")}</a>
                    {lang.pick(
                        ": aturan 9 kotak, bobot, ambang dan dasar hukum, dibaca dari parameter yang berlaku",
                        ": the 9-box rules, weights, thresholds and legal basis, read from the parameters in force",
                    )}
                </li>
                <li>
                    <a href="/masuk">{lang.pick("Masuk", "Sign in")}</a>
                    {lang.pick(
                        " bagi ASN (kotak, rencana pengembangan, karier, 20 JP) dan bagi BKPSDM serta komite talenta",
                        " for ASN (box, development plan, career, 20 JP) and for BKPSDM and the talent committee",
                    )}
                </li>
            </ul>
        </section>
    }
}

#[component]
fn LatestScores(landing: Landing) -> impl IntoView {
    let lang = use_lang();
    let Landing { latest, provinces } = landing;
    let (count, provinces) = (
        lang.count(latest.len(), INSTANSI),
        lang.count(provinces, PROVINSI),
    );
    let national = latest.iter().any(|l| l.instansi.province.trim().is_empty());
    let place = if national {
        lang.pick(
            format!("{provinces} dan tingkat nasional"),
            format!("{provinces} and nationally"),
        )
    } else {
        provinces
    };
    let summary = lang.pick(
        format!("Hasil terbaru yang dipublikasikan untuk {count} di {place}. Skala lama dan baru ditampilkan terpisah, tidak dibandingkan; hasil yang hanya menyebut kategori tertulis \u{201c}hanya kategori\u{201d}."),
        format!("The latest published results of {count} in {place}. The old and new scales are shown apart, never compared; results that name only a category say \u{201c}category only\u{201d}."),
    );
    let rows = latest
        .into_iter()
        .map(|LatestScore { instansi, score }| {
            let category = score
                .category()
                .map(|c| terms::merit_category(&c, lang))
                .unwrap_or_default();
            view! {
                <tr>
                    <th scope="row"><a href=format!("/indeks-merit/{}", instansi.slug)>{instansi.name.clone()}</a></th>
                    <td class="angka">{score.year}</td>
                    <td>{score.body.code()}</td>
                    <td class="angka">{score_text(&score, lang)}</td>
                    <td>{score.framework.scale()}</td>
                    <td>{category}</td>
                    <td class="sumber">{score.source.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section>
            <h2>{lang.pick("Skor terbaru", "Latest scores")}</h2>
            <p>{summary}</p>
            <div class="tabel-gulir" tabindex="0">
                <table class="data">
                    <caption>{lang.pick(
                        "Skor Indeks Sistem Merit terbaru per instansi, dengan sumbernya",
                        "Latest Merit System Index score per instansi, with its source",
                    )}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Instansi"</th>
                            <th scope="col" class="angka">{lang.pick("Tahun", "Year")}</th>
                            <th scope="col">{lang.pick("Penilai", "Assessed by")}</th>
                            <th scope="col" class="angka">{lang.pick("Skor", "Score")}</th>
                            <th scope="col">{lang.pick("Skala", "Scale")}</th>
                            <th scope="col">{lang.pick("Kategori", "Category")}</th>
                            <th scope="col">{lang.pick("Sumber", "Source")}</th>
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
    use crate::api::merit_index::{Instansi, MeritScore};
    use crate::domain::instansi::InstansiKind;
    use crate::domain::merit_index::Framework;
    use crate::domain::merit_result::Body;

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
                    id: 1,
                    year: *year,
                    framework: *framework,
                    body: Body::Kasn,
                    score: Some(*score),
                    stated_category: None,
                    source: "sumber".into(),
                    source_url: None,
                    published_on: None,
                    note: String::new(),
                    correction: None,
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
        let shown: Vec<(&str, i32, Option<f64>)> = latest
            .iter()
            .map(|l| (l.instansi.slug.as_str(), l.score.year, l.score.score))
            .collect();
        assert_eq!(
            shown,
            [
                ("b", 2025, Some(0.7)),
                ("c", 2023, Some(330.0)),
                ("a", 2023, Some(250.0))
            ]
        );
    }

    #[test]
    fn a_category_alone_comes_after_the_scores_of_its_year_and_bkn_is_the_later_round() {
        let mut alone = history("kemenag", &[]);
        alone.scores.push(MeritScore {
            score: None,
            stated_category: Some("IV".into()),
            ..history("x", &[(2024, Framework::Kasn, 1.0)]).scores[0].clone()
        });
        let mut two_rounds = history("bpom", &[(2024, Framework::Kasn, 390.0)]);
        two_rounds.scores.push(MeritScore {
            body: Body::Bkn,
            score: Some(400.0),
            ..two_rounds.scores[0].clone()
        });
        let latest = latest_scores(vec![
            alone,
            two_rounds,
            history("c", &[(2024, Framework::Kasn, 260.0)]),
        ]);
        let shown: Vec<(&str, Body, Option<f64>)> = latest
            .iter()
            .map(|l| (l.instansi.slug.as_str(), l.score.body, l.score.score))
            .collect();
        assert_eq!(
            shown,
            [
                ("bpom", Body::Bkn, Some(400.0)),
                ("c", Body::Kasn, Some(260.0)),
                ("kemenag", Body::Kasn, None)
            ]
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
