use crate::support::TestApp;

async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_published_figures_load_once_and_only_once() {
    for app in TestApp::each_engine().await {
        // TestApp::start loaded the seed once already.
        let instansi = count(&app, "instansi").await;
        let scores = count(&app, "merit_index_score").await;
        assert_eq!(scores, 147, "{:?}", app.engine);
        assert_eq!(instansi, 108, "{:?}", app.engine);

        let again = jenjang::seed::load_merit_index(&app.pool)
            .await
            .expect("reload");
        assert_eq!(
            (again.instansi_added, again.scores_added),
            (0, 0),
            "{:?}",
            app.engine
        );
        assert_eq!(count(&app, "merit_index_score").await, 147);

        let slug: String = sqlx::query_scalar("SELECT slug FROM instansi WHERE name = $1")
            .bind("Pemerintah Kabupaten Kutai Timur")
            .fetch_one(&app.pool)
            .await
            .expect("slug");
        assert_eq!(slug, "kabupaten-kutai-timur");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_seed_writes_nothing() {
    for app in TestApp::each_engine().await {
        let mut seeds = jenjang::seed::parse_merit_index(
            "instansi,kind,province,year,framework,score,category,source,note\n\
             Pemerintah Kota Baru,kota,Kalimantan Timur,2024,KASN_100_400,300,III,src,\n\
             Pemerintah Kota Baru Dua,kota,Kalimantan Timur,2024,KASN_100_400,300,III,src,\n",
        )
        .expect("valid");
        // The second row breaks a CHECK constraint (year) after the first was written.
        seeds[1].year = 1990;
        let result = jenjang::seed::store_merit_index(&app.pool, &seeds).await;
        assert!(result.is_err(), "{:?}", app.engine);
        let written: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM instansi WHERE slug LIKE 'kota-baru%'")
                .fetch_one(&app.pool)
                .await
                .expect("count");
        assert_eq!(
            written, 0,
            "{:?}: the transaction must roll back",
            app.engine
        );
        app.finish().await;
    }
}
