use crate::support::TestApp;
use http::StatusCode;

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_trend_page_shows_kalimantan_timur_with_indonesian_numbers() {
    for app in TestApp::each_engine().await {
        let page = app.get("/indeks-merit").await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", app.engine);
        // One chart, drawn wide for screens and narrow for phones.
        assert_eq!(page.count(".grafik-kanvas.lebar .grafik-svg svg"), 1);
        assert_eq!(page.count(".grafik-kanvas.sempit .grafik-svg svg"), 1);
        assert!(page.header("cache-control").starts_with("public"));
        let rows = page.table_rows();
        for expected in [
            row(&[
                "Pemerintah Kota Balikpapan",
                "Kalimantan Timur",
                "2022",
                "KASN",
                "266",
                "III (Baik)",
                "kaltim.antaranews.com/berita/192789",
                "266 (3 instansi)",
            ]),
            row(&[
                "Pemerintah Provinsi Kalimantan Timur",
                "Kalimantan Timur",
                "2022",
                "KASN",
                "263,5",
                "III (Baik)",
                "kaltim.antaranews.com/berita/192789 (statement of Kepala BKD Kaltim)",
                "266 (3 instansi)",
            ]),
            // A category published alone: in the table, in no median.
            row(&[
                "Pemerintah Kabupaten Kutai Timur",
                "Kalimantan Timur",
                "2022",
                "KASN",
                "hanya kategori",
                "II (Kurang)",
                "https://kordinat.co/pemkab-kutim-raih-anugrah-meritokrasi-dari-kasn-di-kaltim-hanya-kutim-dan-samarinda-meraih-gelar-itu (Dec 2023) (category only; article says 2022 was 'kurang')",
                "—",
            ]),
        ] {
            assert!(
                rows.contains(&expected),
                "{:?}: missing {expected:?} in {rows:#?}",
                app.engine
            );
        }
        let kaltim_2023 = rows
            .iter()
            .find(|r| r[0] == "Pemerintah Provinsi Kalimantan Timur" && r[2] == "2023")
            .expect("Kaltim 2023");
        assert_eq!(
            kaltim_2023[4..6],
            ["271".to_owned(), "III (Baik)".to_owned()]
        );
        // Kaltim and Kutai Timur published for 2023: the median is between them.
        assert_eq!(kaltim_2023[7], "267 (2 instansi)");
        assert_eq!(
            rows.len(),
            9,
            "the five Kalimantan Timur instansi have 9 results"
        );
        assert!(rows.iter().all(|r| r[1] == "Kalimantan Timur"));
        // Machine format stays out of the page's table.
        assert!(!rows.iter().any(|r| r[4].contains('.')));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_year_ranks_every_instansi_that_published_and_keeps_the_selection() {
    for app in TestApp::each_engine().await {
        let page = app
            .get("/indeks-merit?instansi=kota-bontang&tahun=2022")
            .await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", app.engine);
        let ranked: Vec<Vec<String>> = page
            .table_rows()
            .into_iter()
            .filter(|r| r.len() == 7 && r[0].parse::<usize>().is_ok())
            .collect();
        // Every score of 2022 (all of KASN's round); the categories published alone that
        // year (Kutai Timur, Aceh, Badung, ...) are not ranked.
        assert_eq!(
            ranked
                .iter()
                .map(|r| format!("{} | {} | {} | {}", r[0], r[1], r[3], r[5]))
                .collect::<Vec<_>>(),
            [
                "1 | Pemerintah Provinsi Jawa Barat | 392 | 375,75 (2 instansi)",
                "2 | Pemerintah Kota Tangerang | 366 | 366 (1 instansi)",
                "3 | Pemerintah Kota Bandung | 359,5 | 375,75 (2 instansi)",
                "4 | Pemerintah Provinsi Sumatera Utara | 333,5 | 333,5 (1 instansi)",
                "5 | Pemerintah Kabupaten Buleleng | 330,5 | 330,5 (1 instansi)",
                "6 | Pemerintah Kota Padang Panjang | 325 | 325 (1 instansi)",
                "7 | Pemerintah Kabupaten Malang | 299,5 | 291,5 (3 instansi)",
                "8 | Pemerintah Kota Malang | 291,5 | 291,5 (3 instansi)",
                "9 | Pemerintah Kabupaten Bojonegoro | 277,5 | 291,5 (3 instansi)",
                "10 | Pemerintah Kota Bontang | 273 | 266 (3 instansi)",
                "11 | Pemerintah Kabupaten Sukoharjo | 267,5 | 264,5 (3 instansi)",
                "12 | Pemerintah Kota Balikpapan | 266 | 266 (3 instansi)",
                "13 | Pemerintah Kota Pekalongan | 264,5 | 264,5 (3 instansi)",
                "14 | Pemerintah Provinsi Kalimantan Timur | 263,5 | 266 (3 instansi)",
                "15 | Pemerintah Kabupaten Pinrang | 257,5 | 257,5 (1 instansi)",
                "16 | Pemerintah Kabupaten Semarang | 163,5 | 264,5 (3 instansi)",
            ]
        );
        assert!(page.body.contains("penilaian KASN"), "the round is named");
        // The year's form carries the selection, so choosing a year keeps the chart.
        assert_eq!(
            page.count("input[type=hidden][name=instansi][value=kota-bontang]"),
            1
        );
        assert_eq!(page.count("select[name=tahun] option[selected]"), 1);
        // Without a year, no ranking is drawn up.
        let plain = app.get("/indeks-merit?instansi=kota-bontang").await;
        assert!(plain
            .table_rows()
            .iter()
            .all(|r| r.len() != 7 || r[0].parse::<usize>().is_err()));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_selection_lives_in_the_query() {
    for app in TestApp::each_engine().await {
        let page = app
            .get("/indeks-merit?instansi=provinsi-jawa-barat&instansi=tidak-ada")
            .await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = page.table_rows();
        assert_eq!(
            rows.iter()
                .map(|r| (r[2].as_str(), r[4].as_str()))
                .collect::<Vec<_>>(),
            [("2020", "375,5"), ("2022", "392"), ("2024", "400")],
            "{:?}",
            app.engine
        );
        assert_eq!(
            page.count("select[name=instansi] option[value=provinsi-jawa-barat][selected]"),
            1
        );
        assert_eq!(
            page.count("select[name=instansi] option[value=kota-balikpapan][selected]"),
            0
        );
        // The list is grouped by province; kementerian and lembaga are national.
        assert_eq!(page.count("optgroup[label=\"Jawa Barat\"]"), 1);
        assert_eq!(page.count("optgroup[label=Nasional]"), 1);
        assert!(page
            .body
            .contains("/unduh/indeks-merit.csv?instansi=provinsi-jawa-barat"));

        let empty = app.get("/indeks-merit?instansi=").await;
        assert_eq!(empty.count(".grafik-svg svg"), 0);
        assert!(empty.body.contains("Belum ada instansi yang dipilih."));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instansi_page_shows_its_history_and_unknown_ones_are_404() {
    for app in TestApp::each_engine().await {
        let page = app.get("/indeks-merit/kabupaten-bojonegoro").await;
        assert_eq!(page.status, StatusCode::OK, "{:?}", app.engine);
        assert_eq!(
            page.table_rows(),
            [
                row(&["2021", "KASN", "140", "I (Buruk)", "detikkasus.com"]),
                row(&["2022", "KASN", "277,5", "III (Baik)", "detikkasus.com"]),
            ]
        );
        for missing in [
            "/indeks-merit/tidak-ada",
            "/indeks-merit/..%2F..%2Fetc",
            "/halaman-lain",
        ] {
            let response = app.get(missing).await;
            assert_eq!(response.status, StatusCode::NOT_FOUND, "{missing}");
            assert!(
                response.body.contains("Halaman tidak ditemukan"),
                "{missing}"
            );
        }
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_csv_honours_the_selection_in_machine_format() {
    const HEADER: &str = "instansi,slug,kind,province,year,framework,body,score,category,source,note,source_url,published_on,correction_reason";
    /// The rows under the header: the lines above it say what the file is.
    fn records(body: &str) -> Vec<&str> {
        body.lines().skip_while(|l| *l != HEADER).skip(1).collect()
    }
    for app in TestApp::each_engine().await {
        let csv = app.get("/unduh/indeks-merit.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(csv
            .header("content-disposition")
            .contains("indeks-merit.csv"));
        assert!(csv.body.contains("Indeks Sistem Merit ASN per instansi"));
        assert!(csv.body.contains("Tahun,20"), "{}", csv.body);
        assert!(csv.body.contains("Dibuat,20"), "{}", csv.body);
        assert_eq!(
            records(&csv.body).len(),
            9,
            "{:?}: the 9 Kalimantan Timur results",
            app.engine
        );
        assert!(csv.body.contains(
            "Pemerintah Provinsi Kalimantan Timur,provinsi-kalimantan-timur,provinsi,Kalimantan Timur,2022,KASN_100_400,KASN,263.5,III,kaltim.antaranews.com/berita/192789,statement of Kepala BKD Kaltim,,,"
        ));
        // A category published alone: no score, its category.
        assert!(csv.body.contains(
            "Pemerintah Kabupaten Kutai Timur,kabupaten-kutai-timur,kabupaten,Kalimantan Timur,2022,KASN_100_400,KASN,,II,"
        ));

        let chosen = app
            .get("/unduh/indeks-merit.csv?instansi=kota-malang")
            .await;
        let malang = records(&chosen.body);
        assert_eq!(malang.len(), 2, "{malang:?}");
        assert_eq!(
            malang[0],
            "Pemerintah Kota Malang,kota-malang,kota,Jawa Timur,2021,KASN_100_400,KASN,256.5,III,surabaya.tribunnews.com (7 Dec 2021),,,2021-12-07,"
        );
        assert!(malang[1].starts_with(
            "Pemerintah Kota Malang,kota-malang,kota,Jawa Timur,2022,KASN_100_400,KASN,291.5,III,https://jatimtimes.com/"
        ));
        let none = app.get("/unduh/indeks-merit.csv?instansi=").await;
        assert!(records(&none.body).is_empty());

        // The same selection as a workbook; the lines about it in the reader's language.
        let xlsx = app
            .get("/unduh/indeks-merit.xlsx?instansi=kota-malang")
            .await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx.header("content-type").contains("spreadsheetml"));
        let english = app
            .get_as(
                "/unduh/indeks-merit.csv?instansi=kota-malang",
                Some("bahasa=en"),
            )
            .await;
        assert!(english.body.contains("ASN Merit System Index per instansi"));
        assert!(english.body.contains("Generated,20"));
        assert_eq!(records(&english.body), records(&chosen.body));
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cells_that_look_like_formulas_are_neutralised_in_the_csv() {
    for app in TestApp::each_engine().await {
        sqlx::query(
            "INSERT INTO merit_index_score (instansi_id, year, framework, body, score, source, \
             note, recorded_by, recorded_at) \
             SELECT id, 2024, 'KASN_100_400', 'KASN', 300, '=HYPERLINK(\"http://x\")', \
             '@SUM(A1)', 'uji', '2026-12-08T00:00:00Z' FROM instansi WHERE slug = 'kota-malang'",
        )
        .execute(&app.pool)
        .await
        .expect("insert crafted row");
        let csv = app
            .get("/unduh/indeks-merit.csv?instansi=kota-malang")
            .await;
        assert!(
            csv.body
                .contains(r#","'=HYPERLINK(""http://x"")",'@SUM(A1)"#),
            "{:?}: {}",
            app.engine,
            csv.body
        );
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_function_answers_json_at_a_stable_url() {
    for app in TestApp::each_engine().await {
        let response = app
            .post_json("/api/indeks-merit", r#"{"selection":["kota-bontang"]}"#)
            .await;
        assert_eq!(
            response.status,
            StatusCode::OK,
            "{:?}: {}",
            app.engine,
            response.body
        );
        let json: serde_json::Value = serde_json::from_str(&response.body).expect("json");
        assert_eq!(json["selected"][0]["instansi"]["slug"], "kota-bontang");
        assert_eq!(json["selected"][0]["scores"][0]["score"], 273.0);
        assert!(json["catalogue"].as_array().is_some_and(|c| c.len() == 108));

        let missing = app
            .post_json("/api/indeks-merit/instansi", r#"{"slug":"tidak-ada"}"#)
            .await;
        assert!(missing.status.is_server_error() || missing.status.is_client_error());
        assert!(missing.body.contains("NotFound"), "{}", missing.body);
        app.finish().await;
    }
}
