//! The per-engine migrations must describe the same tables and columns.

use crate::support::TestApp;
use jenjang::db::Engine;
use std::collections::BTreeMap;

async fn columns(app: &TestApp) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = match app.engine {
        Engine::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
        ),
        Engine::Postgres => sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
             AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' ORDER BY table_name",
        ),
    }
    .fetch_all(&app.pool)
    .await
    .expect("tables");
    let mut result = BTreeMap::new();
    for table in tables {
        let names: Vec<String> = match app.engine {
            Engine::Sqlite => {
                sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY cid")
            }
            Engine::Postgres => sqlx::query_scalar(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
            ),
        }
        .bind(&table)
        .fetch_all(&app.pool)
        .await
        .expect("columns");
        result.insert(table, names);
    }
    result
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_engines_have_the_same_schema() {
    let apps = TestApp::each_engine().await;
    let mut schemas = Vec::new();
    for app in &apps {
        schemas.push((app.engine, columns(app).await));
    }
    let (_, first) = &schemas[0];
    assert!(first.contains_key("instansi") && first.contains_key("merit_index_score"));
    for (engine, schema) in &schemas[1..] {
        assert_eq!(schema, first, "{engine:?} differs from SQLite");
    }
    for app in apps {
        app.finish().await;
    }
}
