//! Private pages under concurrent load all answer, in one runtime as in the server.

use super::world::{self, ASN, OTHER_INSTANSI, PASSWORD};
use crate::support::TestApp;
use http::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_private_pages_all_answer() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let cookie = app.sign_in(ASN, PASSWORD).await;
        for round in 0..40 {
            let (uri, expected) = if round % 2 == 0 {
                (format!("/pegawai/{OTHER_INSTANSI}"), StatusCode::FORBIDDEN)
            } else {
                ("/saya".to_owned(), StatusCode::OK)
            };
            let requests: Vec<_> = (0..6).map(|_| app.get_as(&uri, Some(&cookie))).collect();
            for response in futures_util::future::join_all(requests).await {
                assert_eq!(response.status, expected, "{:?} {uri}", app.engine);
            }
        }
        app.finish().await;
    }
}
