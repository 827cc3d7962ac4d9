//! Bad input is a 4xx, never a 5xx (issue 18, item 6). Arguments that do not decode never
//! reach a server function's body, and server_fn answered them with its own 500: every
//! registered server function is now sent malformed bodies, by an anonymous visitor and by
//! signed-in officers, and must answer below 500 with an error a person can read.

use super::world::{self, Actor, PASSWORD};
use crate::support::TestApp;
use http::Method;

const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";

/// Bodies no form or client of Jenjang sends.
fn malformed() -> Vec<(&'static str, String)> {
    vec![
        (FORM, String::new()),
        (
            FORM,
            "periode=abc&id=99999999999999999999999&ke=300&urut=zzz&halaman=-1&kotak=300&\
             tahun=1e999&nip=%ZZ&instansi=tidak-ada&jp=-5"
                .to_owned(),
        ),
        (FORM, "a[b][c]=1&&&=&%%%&\u{0}=\u{1}".to_owned()),
        (FORM, "x=".to_owned() + &"9".repeat(4_000)),
        (JSON, String::new()),
        (JSON, "{".to_owned()),
        (JSON, "[".repeat(5_000) + &"]".repeat(5_000)),
        (
            JSON,
            r#"{"id": 99999999999999999999999, "periode": "abc"}"#.to_owned(),
        ),
        ("text/plain", "\u{0}\u{1}biner".to_owned()),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_answers_malformed_input_below_500() {
    let functions: Vec<(String, Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method))
        .collect();
    assert!(functions.len() > 20, "{} functions", functions.len());
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let mut callers = vec![(Actor::Anonymous, None)];
        for actor in [Actor::Bkpsdm, Actor::Komite, Actor::Admin, Actor::Pegawai] {
            let name = actor.username().expect("a signed-in actor");
            callers.push((actor, Some(app.sign_in(name, PASSWORD).await)));
        }
        let mut failures = Vec::new();
        for (actor, cookie) in &callers {
            for (path, method) in &functions {
                // Signing out would end this caller's session for the functions after it.
                if cookie.is_some() && path == "/api/keluar" {
                    continue;
                }
                for (content_type, body) in malformed() {
                    let response = if *method == Method::GET {
                        let query = body.replace(['#', ' '], "");
                        let uri = format!("{path}?{query}");
                        match http::Uri::try_from(uri.as_str()) {
                            Ok(_) => {
                                app.send(Method::GET, &uri, content_type, "", cookie.as_deref())
                                    .await
                            }
                            Err(_) => continue,
                        }
                    } else {
                        app.send(method.clone(), path, content_type, &body, cookie.as_deref())
                            .await
                    };
                    if response.status.is_server_error() {
                        let shown: String = body.chars().take(60).collect();
                        let answer: String = response.body.chars().take(200).collect();
                        failures.push(format!(
                            "{actor:?} {method} {path} [{content_type}] {shown:?}: {} {answer}",
                            response.status
                        ));
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} answers were 5xx:\n{}",
            failures.len(),
            failures.join("\n")
        );
        app.finish().await;
    }
}
