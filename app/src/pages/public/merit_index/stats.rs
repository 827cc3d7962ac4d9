//! The figures drawn from the published results: each province's median per year, scale and
//! body, and the ranking of a year, one table per scale and body. Only scores count: a
//! category published alone enters neither.

use crate::api::merit_index::{
    Instansi, InstansiHistory, MeritScore, ProvinceMedian, RankedScore, Ranking, RankingTable,
};
use crate::domain::merit_index::{competition_ranks, median, Framework};
use crate::domain::merit_result::Body;

/// The scores (not the categories alone) in `histories` on `framework` by `body`, with the
/// instansi and the result they belong to.
fn scored<'a>(
    histories: impl IntoIterator<Item = &'a InstansiHistory>,
    framework: Framework,
    body: Body,
) -> Vec<(&'a Instansi, &'a MeritScore, f64)> {
    histories
        .into_iter()
        .flat_map(|h| {
            h.scores
                .iter()
                .filter(move |s| s.framework == framework && s.body == body)
                .filter_map(move |s| s.score.map(|value| (&h.instansi, s, value)))
        })
        .collect()
}

/// The medians of `provinces` (each once, in the order first named) from every published
/// score in `all`, per scale and body.
pub fn province_medians(all: &[InstansiHistory], provinces: &[String]) -> Vec<ProvinceMedian> {
    let mut medians = Vec::new();
    for (i, province) in provinces.iter().enumerate() {
        if provinces[..i].contains(province) {
            continue;
        }
        for framework in Framework::ALL {
            for body in Body::ALL {
                let in_province = all.iter().filter(|h| &h.instansi.province == province);
                let scores = scored(in_province, framework, body);
                let mut years: Vec<i32> = scores.iter().map(|(_, s, _)| s.year).collect();
                years.sort_unstable();
                years.dedup();
                let points: Vec<(i32, f64, usize)> = years
                    .into_iter()
                    .filter_map(|year| {
                        let values: Vec<f64> = scores
                            .iter()
                            .filter(|(_, s, _)| s.year == year)
                            .map(|(_, _, value)| *value)
                            .collect();
                        median(&values).map(|m| (year, m, values.len()))
                    })
                    .collect();
                if !points.is_empty() {
                    medians.push(ProvinceMedian {
                        province: province.clone(),
                        framework,
                        body,
                        points,
                    });
                }
            }
        }
    }
    medians
}

/// The ranking of `year` (the years alone when it is `None` or has no scores): one table per
/// scale and body, scores only.
pub fn ranking(all: &[InstansiHistory], year: Option<i32>) -> Ranking {
    let mut years: Vec<i32> = all
        .iter()
        .flat_map(|h| {
            h.scores
                .iter()
                .filter(|s| s.score.is_some())
                .map(|s| s.year)
        })
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let year = year.filter(|y| years.contains(y));
    let mut tables = Vec::new();
    if let Some(year) = year {
        let provinces: Vec<String> = all.iter().map(|h| h.instansi.province.clone()).collect();
        let medians = province_medians(all, &provinces);
        for framework in Framework::ALL {
            for body in Body::ALL {
                let mut results: Vec<(&Instansi, &MeritScore, f64)> = scored(all, framework, body)
                    .into_iter()
                    .filter(|(_, s, _)| s.year == year)
                    .collect();
                if results.is_empty() {
                    continue;
                }
                results.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.name.cmp(&b.0.name)));
                let values: Vec<f64> = results.iter().map(|(_, _, value)| *value).collect();
                let rows = results
                    .into_iter()
                    .zip(competition_ranks(&values))
                    .map(|((instansi, score, _), rank)| RankedScore {
                        rank,
                        instansi: instansi.clone(),
                        score: score.clone(),
                        province_median: medians
                            .iter()
                            .find(|m| {
                                m.province == instansi.province
                                    && m.framework == framework
                                    && m.body == body
                            })
                            .and_then(|m| m.at(year)),
                    })
                    .collect();
                tables.push(RankingTable {
                    framework,
                    body,
                    rows,
                });
            }
        }
    }
    Ranking {
        years,
        year,
        tables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instansi::InstansiKind;

    fn instansi(slug: &str, province: &str) -> Instansi {
        Instansi {
            slug: slug.into(),
            name: format!("Pemerintah {slug}"),
            kind: InstansiKind::Kota,
            province: province.into(),
        }
    }

    fn result(year: i32, body: Body, score: Option<f64>) -> MeritScore {
        MeritScore {
            id: 1,
            year,
            framework: Framework::Kasn,
            body,
            score,
            stated_category: score.is_none().then(|| "III".to_owned()),
            source: "sumber".into(),
            source_url: None,
            published_on: None,
            note: String::new(),
            correction: None,
        }
    }

    fn history(slug: &str, province: &str, scores: Vec<MeritScore>) -> InstansiHistory {
        InstansiHistory {
            instansi: instansi(slug, province),
            scores,
        }
    }

    fn scored_history(slug: &str, province: &str, scores: &[(i32, f64)]) -> InstansiHistory {
        let scores = scores
            .iter()
            .map(|(year, score)| result(*year, Body::Kasn, Some(*score)))
            .collect();
        history(slug, province, scores)
    }

    fn published() -> Vec<InstansiHistory> {
        vec![
            scored_history(
                "provinsi-kaltim",
                "Kalimantan Timur",
                &[(2022, 263.5), (2023, 271.0)],
            ),
            scored_history("kota-balikpapan", "Kalimantan Timur", &[(2022, 266.0)]),
            scored_history("kota-bontang", "Kalimantan Timur", &[(2022, 273.0)]),
            scored_history(
                "provinsi-jabar",
                "Jawa Barat",
                &[(2020, 375.5), (2022, 392.0)],
            ),
            scored_history("kota-bandung", "Jawa Barat", &[(2022, 263.5)]),
        ]
    }

    #[test]
    fn a_province_median_is_taken_over_its_instansi_of_that_year() {
        let medians = province_medians(&published(), &["Kalimantan Timur".to_owned()]);
        assert_eq!(medians.len(), 1);
        assert_eq!(medians[0].points, [(2022, 266.0, 3), (2023, 271.0, 1)]);
        assert_eq!(medians[0].at(2022), Some((266.0, 3)));
        assert_eq!(medians[0].at(2019), None);
        // Every instansi names its province: each is computed once.
        let named_twice = ["Kalimantan Timur".to_owned(), "Kalimantan Timur".to_owned()];
        assert_eq!(province_medians(&published(), &named_twice), medians);
    }

    #[test]
    fn a_year_ranks_every_instansi_with_ties_sharing_a_place() {
        let r = ranking(&published(), Some(2022));
        assert_eq!(r.years, [2023, 2022, 2020]);
        assert_eq!(r.year, Some(2022));
        assert_eq!(r.tables.len(), 1);
        let RankingTable {
            framework,
            body,
            rows,
        } = &r.tables[0];
        assert_eq!((*framework, *body), (Framework::Kasn, Body::Kasn));
        let places: Vec<(usize, &str)> = rows
            .iter()
            .map(|row| (row.rank, row.instansi.slug.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (1, "provinsi-jabar"),
                (2, "kota-bontang"),
                (3, "kota-balikpapan"),
                (4, "kota-bandung"),
                (4, "provinsi-kaltim"),
            ]
        );
        assert_eq!(rows[0].province_median, Some((327.75, 2)));
        assert_eq!(rows[1].province_median, Some((266.0, 3)));
        // No year, or one without scores: the years only.
        assert!(ranking(&published(), None).tables.is_empty());
        assert_eq!(ranking(&published(), Some(1999)).year, None);
    }

    #[test]
    fn a_category_alone_enters_no_median_and_no_ranking() {
        let mut all = published();
        all.push(history(
            "kabupaten-kutai-timur",
            "Kalimantan Timur",
            vec![result(2022, Body::Kasn, None)],
        ));
        let medians = province_medians(&all, &["Kalimantan Timur".to_owned()]);
        assert_eq!(medians[0].at(2022), Some((266.0, 3)));
        let r = ranking(&all, Some(2022));
        assert!(r.tables[0]
            .rows
            .iter()
            .all(|row| row.instansi.slug != "kabupaten-kutai-timur"));
        // A year with categories alone has nothing to rank.
        let only_categories = vec![history(
            "kota-x",
            "Bali",
            vec![result(2019, Body::Kasn, None)],
        )];
        assert!(ranking(&only_categories, None).years.is_empty());
    }

    #[test]
    fn the_kasn_and_bkn_rounds_of_one_year_are_ranked_and_taken_apart() {
        let all = vec![
            history(
                "bpom",
                "",
                vec![
                    result(2024, Body::Kasn, Some(400.0)),
                    result(2024, Body::Bkn, Some(400.0)),
                ],
            ),
            history("bps", "", vec![result(2024, Body::Bkn, Some(336.0))]),
            history("lpsk", "", vec![result(2024, Body::Kasn, Some(262.0))]),
        ];
        let r = ranking(&all, Some(2024));
        let tables: Vec<(Body, Vec<&str>)> = r
            .tables
            .iter()
            .map(|t| {
                (
                    t.body,
                    t.rows
                        .iter()
                        .map(|row| row.instansi.slug.as_str())
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            tables,
            [
                (Body::Kasn, vec!["bpom", "lpsk"]),
                (Body::Bkn, vec!["bpom", "bps"]),
            ]
        );
        let medians = province_medians(&all, &[String::new()]);
        let kasn = medians.iter().find(|m| m.body == Body::Kasn).expect("KASN");
        let bkn = medians.iter().find(|m| m.body == Body::Bkn).expect("BKN");
        assert_eq!(kasn.at(2024), Some((331.0, 2)));
        assert_eq!(bkn.at(2024), Some((368.0, 2)));
    }
}
