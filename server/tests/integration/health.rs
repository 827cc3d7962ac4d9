use crate::support::TestApp;
use http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_is_200_with_a_database_and_503_without() {
    for app in TestApp::each_engine().await {
        let ok = app.get("/healthz").await;
        assert_eq!(ok.status, StatusCode::OK, "{:?}", app.engine);
        assert_eq!(ok.body, "ok");

        app.pool.close().await;
        let down = app.get("/healthz").await;
        assert_eq!(
            down.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{:?}",
            app.engine
        );
        assert!(
            !down.body.contains("pool"),
            "no internals in {:?}",
            down.body
        );
        app.finish().await;
    }
}
