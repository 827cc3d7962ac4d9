//! `TestApp`: a fresh database per engine, migrated and seeded, behind the real router.

use app::api::intake::ImportReport;
use app::auth::guard::Gate;
use app::domain::access::Action;
use app::services::intake::{import, ImportRequest, IntakeError, Silent};
use app::services::releases::{Publication, ReleaseError};
use app::services::scoring::{score_instansi, ScoringSummary};
use axum::body::Body;
use axum::Router;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use jenjang::db::Engine;
use jenjang::state::AppState;
use leptos::config::LeptosOptions;
use sqlx::{AnyPool, Connection, Executor};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;
use std::time::Duration;
use tower::ServiceExt;

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// One database made for one test.
pub struct TestDb {
    pub engine: Engine,
    pub url: String,
    postgres: Option<(String, String)>,
    _dir: Option<tempfile::TempDir>,
}

fn postgres_admin_url() -> String {
    std::env::var("JENJANG_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_POSTGRES.to_owned())
}

fn unique_name() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    format!(
        "jenjang_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

async fn sqlite_db() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/jenjang.db", dir.path().display());
    TestDb {
        engine: Engine::Sqlite,
        url,
        postgres: None,
        _dir: Some(dir),
    }
}

/// A new, empty PostgreSQL database, or `None` (with a notice) when no server answers outside CI.
async fn postgres_db() -> Option<TestDb> {
    sqlx::any::install_default_drivers();
    let admin = postgres_admin_url();
    let connect = sqlx::AnyConnection::connect(&admin);
    let mut conn = match tokio::time::timeout(Duration::from_secs(5), connect).await {
        Ok(Ok(conn)) => conn,
        failure => {
            let reason = match failure {
                Ok(Err(error)) => error.to_string(),
                _ => "timed out".to_owned(),
            };
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("PostgreSQL is required in CI but {admin} is unreachable: {reason}");
            }
            static NOTICE: Once = Once::new();
            NOTICE.call_once(|| {
                eprintln!("NOTICE: PostgreSQL at {admin} is unreachable ({reason}); PostgreSQL tests are skipped.")
            });
            return None;
        }
    };
    drop_abandoned_databases(&mut conn).await;
    let name = unique_name();
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create test database");
    conn.close().await.expect("close admin connection");
    let (base, _) = admin.rsplit_once('/').expect("database in URL");
    Some(TestDb {
        engine: Engine::Postgres,
        url: format!("{base}/{name}"),
        postgres: Some((admin, name)),
        _dir: None,
    })
}

/// Drops the databases of earlier test runs that died before cleaning up (a panicking test
/// skips `finish`). Their names carry the process id; a process that is gone left them.
async fn drop_abandoned_databases(conn: &mut sqlx::AnyConnection) {
    static ONCE: tokio::sync::OnceCell<()> = tokio::sync::OnceCell::const_new();
    ONCE.get_or_init(|| async {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT datname::text FROM pg_database WHERE datname LIKE 'jenjang_test_%'",
        )
        .fetch_all(&mut *conn)
        .await
        .expect("list test databases");
        for name in names {
            let pid = name.split('_').nth(2).unwrap_or_default();
            if !std::path::Path::new("/proc").join(pid).exists() {
                conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await
                    .expect("drop abandoned test database");
            }
        }
    })
    .await;
}

/// A fresh database on each available engine.
pub async fn test_databases() -> Vec<TestDb> {
    let mut dbs = vec![sqlite_db().await];
    dbs.extend(postgres_db().await);
    dbs
}

impl TestDb {
    /// Drops the PostgreSQL database; SQLite's temp dir goes with `self`.
    pub async fn drop_database(self) {
        if let Some((admin, name)) = &self.postgres {
            let mut conn = sqlx::AnyConnection::connect(admin)
                .await
                .expect("admin connection");
            conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                .await
                .expect("drop test database");
        }
    }
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }

    /// The text of each cell of each body row of the data table, whitespace collapsed.
    pub fn table_rows(&self) -> Vec<Vec<String>> {
        let html = self.html();
        let row = scraper::Selector::parse("table.data tbody tr").expect("selector");
        let cell = scraper::Selector::parse("th, td").expect("selector");
        html.select(&row)
            .map(|r| {
                r.select(&cell)
                    .map(|c| {
                        c.text()
                            .collect::<String>()
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect()
    }

    /// The error a server function answered with, as the browser decodes it.
    pub fn app_error(&self) -> Option<app::error::AppError> {
        serde_json::from_str(&self.body).ok()
    }

    /// The message the browser shows for a server function's error.
    pub fn message(&self) -> String {
        self.app_error().map(|e| e.to_string()).unwrap_or_default()
    }

    pub fn count(&self, selector: &str) -> usize {
        let selector = scraper::Selector::parse(selector).expect("selector");
        self.html().select(&selector).count()
    }
}

/// `jenjang_sesi=<token>` from a response's `Set-Cookie`, when it starts a session.
pub fn session_cookie(response: &TestResponse) -> Option<String> {
    set_cookie(response, "jenjang_sesi")
}

/// `name=value` from a response's `Set-Cookie`, when it sets `name` to a value.
pub fn set_cookie(response: &TestResponse, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    response
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with(&prefix) && pair.len() > prefix.len())
        .map(str::to_owned)
}

pub struct TestApp {
    pub engine: Engine,
    pub pool: AnyPool,
    router: Router,
    db: TestDb,
}

impl TestApp {
    /// A migrated, seeded database behind the real router, for every engine available.
    pub async fn each_engine() -> Vec<TestApp> {
        let mut apps = Vec::new();
        for db in test_databases().await {
            apps.push(TestApp::start(db).await);
        }
        apps
    }

    pub async fn start(db: TestDb) -> TestApp {
        let pool = jenjang::db::connect(&db.url)
            .await
            .expect("connect and migrate");
        jenjang::seed::load_merit_index(&pool).await.expect("seed");
        let state = AppState::new(
            LeptosOptions::builder().output_name("jenjang").build(),
            pool.clone(),
        );
        TestApp {
            engine: db.engine,
            pool,
            router: jenjang::http::router(state),
            db,
        }
    }

    /// A second server process on the same database: its own pool and router, as a second
    /// Jenjang behind the same proxy has. Finishing it leaves the database to `self`.
    pub async fn peer(&self) -> TestApp {
        let pool = jenjang::db::connect(&self.db.url).await.expect("connect");
        let state = AppState::new(
            LeptosOptions::builder().output_name("jenjang").build(),
            pool.clone(),
        );
        TestApp {
            engine: self.engine,
            pool,
            router: jenjang::http::router(state),
            db: TestDb {
                engine: self.engine,
                url: self.db.url.clone(),
                postgres: None,
                _dir: None,
            },
        }
    }

    /// Tries to sign in as a browser at `address` would (the server reads the client's
    /// address from the connection).
    pub async fn sign_in_from(
        &self,
        address: &str,
        username: &str,
        password: &str,
    ) -> TestResponse {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs([("nama_pengguna", username), ("kata_sandi", password)])
            .finish();
        let ip: std::net::IpAddr = address.parse().expect("an IP address");
        let mut request = Self::browser_request(http::Method::POST, "/api/masuk", None)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len())
            .body(Body::from(body))
            .expect("request");
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(
                ip, 40_000,
            )));
        self.request(request).await
    }

    /// The database URL, for commands that open their own connection.
    pub fn url(&self) -> &str {
        &self.db.url
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let what = format!("{:?}: {} {}", self.engine, request.method(), request.uri());
        // A request that never answers fails the test with its address instead of hanging it.
        let response = tokio::time::timeout(
            Duration::from_secs(60),
            self.router.clone().oneshot(request),
        )
        .await
        .unwrap_or_else(|_| panic!("no answer within 60 s: {what}"))
        .expect("infallible router");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        // Text must be UTF-8; a PDF is read as a person reads it (its text, by poppler); a
        // workbook for the text it carries.
        let content_type = headers
            .get(http::header::CONTENT_TYPE)
            .map(|t| t.as_bytes())
            .unwrap_or_default();
        let body = if content_type.starts_with(b"application/pdf") {
            pdf_text(&bytes)
        } else if content_type.starts_with(b"application/vnd.openxmlformats") {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            String::from_utf8(bytes.to_vec()).expect("utf-8 body")
        };
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).expect("request"))
            .await
    }

    pub async fn post_json(&self, uri: &str, json: &str) -> TestResponse {
        let request = Request::post(uri)
            .header("content-type", "application/json")
            .body(Body::from(json.to_owned()))
            .expect("request");
        self.request(request).await
    }

    /// A request as a browser on this site sends it: same-origin, with the session if any.
    fn browser_request(
        method: http::Method,
        uri: &str,
        cookie: Option<&str>,
    ) -> http::request::Builder {
        let mut builder = Request::builder()
            .method(method)
            .uri(uri)
            .header("host", "jenjang.test")
            .header("origin", "http://jenjang.test");
        if let Some(cookie) = cookie {
            builder = builder.header("cookie", cookie);
        }
        builder
    }

    /// Calls a server function with form-encoded arguments, as Leptos' client does.
    pub async fn call(
        &self,
        endpoint: &str,
        args: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> TestResponse {
        self.post_form(endpoint, args, cookie, &[]).await
    }

    /// Submits a plain HTML form on `page` (no JavaScript): the browser accepts HTML and
    /// names the page it posts from.
    pub async fn submit(
        &self,
        endpoint: &str,
        page: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> TestResponse {
        let referer = format!("http://jenjang.test{page}");
        let headers = [
            ("accept", "text/html,application/xhtml+xml"),
            ("referer", referer.as_str()),
        ];
        self.post_form(endpoint, fields, cookie, &headers).await
    }

    /// Posts `fields` form-encoded to the server function at `endpoint`.
    async fn post_form(
        &self,
        endpoint: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let mut request =
            Self::browser_request(http::Method::POST, &format!("/api/{endpoint}"), cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("content-length", body.len());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.request(request.body(Body::from(body)).expect("request"))
            .await
    }

    /// Sends `body` exactly as given, as a same-origin browser request: for hostile input.
    pub async fn send(
        &self,
        method: http::Method,
        uri: &str,
        content_type: &str,
        body: &str,
        cookie: Option<&str>,
    ) -> TestResponse {
        let request = Self::browser_request(method, uri, cookie)
            .header("content-type", content_type)
            .header("content-length", body.len())
            .body(Body::from(body.to_owned()))
            .expect("request");
        self.request(request).await
    }

    /// Posts `bytes` as a request body, as the import page's upload does.
    pub async fn upload(
        &self,
        uri: &str,
        file_name: &str,
        bytes: &[u8],
        cookie: Option<&str>,
    ) -> TestResponse {
        let request = Self::browser_request(http::Method::POST, uri, cookie)
            .header("x-nama-berkas", file_name)
            .header("content-length", bytes.len())
            .body(Body::from(bytes.to_vec()))
            .expect("request");
        self.request(request).await
    }

    /// A page as a signed-in (or anonymous) visitor sees it.
    pub async fn get_as(&self, uri: &str, cookie: Option<&str>) -> TestResponse {
        let request = Self::browser_request(http::Method::GET, uri, cookie)
            .header("accept", "text/html")
            .body(Body::empty())
            .expect("request");
        self.request(request).await
    }

    /// Signs in and returns the `Cookie` header value that carries the new session.
    pub async fn sign_in(&self, username: &str, password: &str) -> String {
        let response = self
            .call(
                "masuk",
                &[("nama_pengguna", username), ("kata_sandi", password)],
                None,
            )
            .await;
        session_cookie(&response).unwrap_or_else(|| {
            panic!(
                "{username} could not sign in: {} {}",
                response.status, response.body
            )
        })
    }

    pub async fn finish(self) {
        self.pool.close().await;
        self.db.drop_database().await;
    }
}

/// Scores `slug` for `period` as the console operator named `actor` in the audit log.
pub async fn score(pool: &AnyPool, slug: &str, period: i32, actor: &str) -> ScoringSummary {
    let operator = Gate::new(pool.clone(), false).operator(actor);
    let scope = operator
        .instansi(Action::ImportRecords, Some(slug))
        .await
        .expect("operator scope");
    score_instansi(&scope, period).await.expect("scored")
}

/// Publishes `slug`'s `period` as the console operator, with `note` (needed from the second
/// version on).
pub async fn publish(
    pool: &AnyPool,
    slug: &str,
    period: i32,
    note: &str,
) -> Result<Publication, ReleaseError> {
    let operator = Gate::new(pool.clone(), false).operator("cli:penerbit");
    let scope = operator
        .instansi(Action::PublishRelease, Some(slug))
        .await
        .expect("operator scope");
    app::services::releases::publish(&scope, period, note).await
}

/// Imports `request` into `slug` as the console operator named `actor` in the audit log.
pub async fn import_as(
    pool: &AnyPool,
    slug: &str,
    actor: &str,
    request: ImportRequest<'_>,
) -> Result<ImportReport, IntakeError> {
    let operator = Gate::new(pool.clone(), false).operator(actor);
    let scope = operator
        .instansi(Action::ImportRecords, Some(slug))
        .await
        .expect("operator scope");
    import(&scope, request, &Silent).await
}

/// The text of a PDF as poppler's `pdftotext` extracts it, in drawing order (`-raw`), so a
/// table cell's lines stay together. poppler-utils is installed by `.ci/install-tools test`.
pub fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pdf)
        .expect("pdf to pdftotext");
    let out = child.wait_with_output().expect("pdftotext ends");
    assert!(out.status.success(), "pdftotext: {out:?}");
    String::from_utf8(out.stdout).expect("utf-8 text")
}

/// Runs `jenjang ARGS` against the test app's database: whether it succeeded, and what it
/// printed (standard output, then standard error).
pub fn console(app: &TestApp, args: &[&str]) -> (bool, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_jenjang"))
        .args(args)
        .env("DATABASE_URL", app.url())
        .env("RUST_LOG", "off")
        .output()
        .expect("run jenjang");
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}
