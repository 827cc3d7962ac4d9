//! The audit log: every write leaves an entry, the chain detects edits and deletions, and
//! `jenjang audit verify` says so.

use super::world::{self, ASN, PASSWORD};
use crate::support::TestApp;
use jenjang::db::Engine;
use std::process::Command;

fn verify(app: &TestApp) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_jenjang"))
        .args(["audit", "verify"])
        .env("DATABASE_URL", app.url())
        .env("RUST_LOG", "off")
        .output()
        .expect("run jenjang audit verify");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// Lifts the append-only guard, as someone with direct database access could.
async fn lift_guard(app: &TestApp) {
    let statements: &[&str] = match app.engine {
        Engine::Sqlite => &[
            "DROP TRIGGER audit_log_append_only_update",
            "DROP TRIGGER audit_log_append_only_delete",
        ],
        Engine::Postgres => &["DROP TRIGGER audit_log_append_only ON audit_log"],
    };
    for sql in statements {
        sqlx::query(sql).execute(&app.pool).await.expect(sql);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_are_logged_and_the_log_refuses_edits() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let hr = app.sign_in("bkpsdm.a", PASSWORD).await;
        app.call(
            "akun/setel-ulang-sandi",
            &[("nama_pengguna", ASN)],
            Some(&hr),
        )
        .await;
        let actions: Vec<String> = sqlx::query_scalar("SELECT action FROM audit_log ORDER BY seq")
            .fetch_all(&app.pool)
            .await
            .expect("log");
        assert!(
            actions.iter().filter(|a| *a == "akun.buat").count() >= 9,
            "{actions:?}"
        );
        assert_eq!(
            &actions[actions.len() - 2..],
            ["sesi.masuk", "akun.setel_ulang_sandi"]
        );
        let after: String =
            sqlx::query_scalar("SELECT after_state FROM audit_log ORDER BY seq DESC LIMIT 1")
                .fetch_one(&app.pool)
                .await
                .expect("entry");
        assert!(!after.contains("argon2"), "no hash in the log: {after}");
        // The log itself refuses to be edited or emptied.
        assert!(sqlx::query("UPDATE audit_log SET actor = 'x'")
            .execute(&app.pool)
            .await
            .is_err());
        assert!(sqlx::query("DELETE FROM audit_log")
            .execute(&app.pool)
            .await
            .is_err());
        let (ok, output) = verify(&app);
        assert!(ok, "{output}");
        assert!(output.contains("Log audit utuh"), "{output}");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edited_row_is_reported_by_audit_verify() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        lift_guard(&app).await;
        sqlx::query("UPDATE audit_log SET actor = 'orang-lain' WHERE seq = 3")
            .execute(&app.pool)
            .await
            .expect("tamper");
        let (ok, output) = verify(&app);
        assert!(!ok, "{output}");
        assert!(output.contains("entri 3: isinya diubah"), "{output}");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleted_rows_in_the_middle_or_at_the_end_are_reported() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        lift_guard(&app).await;
        sqlx::query("DELETE FROM audit_log WHERE seq = 2")
            .execute(&app.pool)
            .await
            .expect("delete");
        let (ok, output) = verify(&app);
        assert!(!ok && output.contains("entri 2 hilang"), "{output}");
        let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
            .fetch_one(&app.pool)
            .await
            .expect("max");
        sqlx::query("DELETE FROM audit_log WHERE seq = $1")
            .bind(last)
            .execute(&app.pool)
            .await
            .expect("delete last");
        let (_, output) = verify(&app);
        assert!(output.contains("entri di akhir log dihapus"), "{output}");
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_page_shows_the_instansi_entries_to_its_office_only() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;
        let page = app
            .get_as("/talenta/audit?instansi=uji-a", Some(&komite))
            .await;
        assert_eq!(page.status, http::StatusCode::OK);
        assert!(page.body.contains("akun.buat"), "{}", page.body);
        assert!(page.body.contains("bkpsdm.a1"));
        // Instansi B's accounts are logged under B.
        assert!(!page.body.contains("staf.b"));
        app.finish().await;
    }
}
