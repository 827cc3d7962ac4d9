//! The audit log: every write leaves an entry, the chain detects edits and deletions, and
//! `jenjang audit verify` says so.

use super::world::{self, ASN, PASSWORD};
use crate::support::TestApp;
use jenjang::db::Engine;
use std::path::Path;
use std::process::Command;

/// Runs `jenjang audit <command>` on the app's database, with the checkpoint key and file in
/// `anchor` (outside the database, as in production).
fn audit(app: &TestApp, anchor: &Path, command: &str) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_jenjang"))
        .args(["audit", command])
        .env("DATABASE_URL", app.url())
        .env("JENJANG_AUDIT_KEY", anchor.join("audit.key"))
        .env("JENJANG_AUDIT_CHECKPOINTS", anchor.join("checkpoints.log"))
        .env("RUST_LOG", "off")
        .output()
        .expect("run jenjang audit");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn verify(app: &TestApp) -> (bool, String) {
    let anchor = tempfile::tempdir().expect("anchor dir");
    audit(app, anchor.path(), "verify")
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
        // Each entry reads as a phrase, the actor by name.
        assert!(page.body.contains("Membuat akun"), "{}", page.body);
        assert!(page.body.contains("bkpsdm.a1"));
        // Instansi B's accounts are logged under B.
        assert!(!page.body.contains("staf.b"));
        app.finish().await;
    }
}

/// Moves the head back to `seq` (the chain's own end), as someone hiding a truncation would.
async fn reset_head(app: &TestApp, seq: i64) {
    sqlx::query(
        "UPDATE audit_head SET seq = $1, hash = COALESCE((SELECT hash FROM audit_log WHERE seq = $1), $2) WHERE id = 1",
    )
    .bind(seq)
    .bind(app::services::audit::GENESIS)
    .execute(&app.pool)
    .await
    .expect("head");
}

/// Edits entry `seq` and hashes it and everything after it again, then moves the head: the
/// chain alone looks whole.
async fn rewrite_from(app: &TestApp, seq: i64) {
    sqlx::query("UPDATE audit_log SET actor = 'orang-lain' WHERE seq = $1")
        .bind(seq)
        .execute(&app.pool)
        .await
        .expect("edit");
    let mut entries = Vec::new();
    app::store::audit::for_each(&app.pool, |e| entries.push(e))
        .await
        .expect("entries");
    let mut previous = app::services::audit::GENESIS.to_owned();
    for mut entry in entries {
        if entry.seq >= seq {
            entry.prev_hash = previous.clone();
            entry.hash = app::services::audit::expected_hash(&entry);
            sqlx::query("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3")
                .bind(&entry.prev_hash)
                .bind(&entry.hash)
                .bind(entry.seq)
                .execute(&app.pool)
                .await
                .expect("rehash");
        }
        previous = entry.hash;
    }
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&previous)
        .execute(&app.pool)
        .await
        .expect("head");
}

/// The three ways an operator with the database alone once rewrote the log unseen (issue
/// 18): each is invisible to the chain and caught by the signed checkpoints.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncation_wiping_and_rehashing_are_caught_by_the_checkpoints() {
    for case in ["truncate", "wipe", "rehash"] {
        for app in TestApp::each_engine().await {
            world::build(&app).await;
            let anchor = tempfile::tempdir().expect("anchor dir");
            let (ok, output) = audit(&app, anchor.path(), "checkpoint");
            assert!(ok && output.contains("Checkpoint ditulis"), "{output}");
            let (ok, output) = audit(&app, anchor.path(), "verify");
            assert!(ok && output.contains("1 checkpoint cocok"), "{output}");
            lift_guard(&app).await;
            let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
                .fetch_one(&app.pool)
                .await
                .expect("last");
            match case {
                "truncate" => {
                    sqlx::query("DELETE FROM audit_log WHERE seq > $1")
                        .bind(last - 3)
                        .execute(&app.pool)
                        .await
                        .expect("truncate");
                    reset_head(&app, last - 3).await;
                }
                "wipe" => {
                    sqlx::query("DELETE FROM audit_log")
                        .execute(&app.pool)
                        .await
                        .expect("wipe");
                    reset_head(&app, 0).await;
                }
                _ => rewrite_from(&app, 5).await,
            }
            // The chain alone no longer sees it ...
            let chain = app::services::audit::verify(&app.pool)
                .await
                .expect("chain");
            assert!(chain.is_intact(), "{case}: {:?}", chain.problems);
            // ... the checkpoints do.
            let (ok, output) = audit(&app, anchor.path(), "verify");
            assert!(!ok, "{case}: {output}");
            let expected = match case {
                "rehash" => "di-hash ulang",
                _ => "tidak ada lagi",
            };
            assert!(output.contains(expected), "{case}: {output}");
            // A forged checkpoint line is refused too.
            let path = anchor.path().join("checkpoints.log");
            let forged = std::fs::read_to_string(&path)
                .expect("checkpoints")
                .replace('\t', "\t0");
            std::fs::write(&path, forged).expect("forge");
            let (_, output) = audit(&app, anchor.path(), "verify");
            assert!(
                output.contains("tanda tangannya tidak sah"),
                "{case}: {output}"
            );
            app.finish().await;
        }
    }
}

/// Two server processes on one database write at once: the chain stays one line, with every
/// entry, and `jenjang audit verify` finds it whole (issue 18, several servers on one
/// database).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_on_two_processes_keep_one_chain() {
    for app in TestApp::each_engine().await {
        let other = app.peer().await;
        let (before, _) = app::store::audit::head(&app.pool).await.expect("head");
        let writes = (0..500).map(|n| {
            let pool = if n % 2 == 0 {
                app.pool.clone()
            } else {
                other.pool.clone()
            };
            tokio::spawn(async move {
                let mut tx = app::store::begin(&pool).await.expect("tx");
                app::services::audit::record(
                    &mut tx,
                    app::services::audit::Change {
                        actor: "uji",
                        instansi_id: None,
                        action: "uji.tulis",
                        entity: "uji",
                        entity_id: Some(n.to_string()),
                        before: None,
                        after: None,
                        reason: None,
                    },
                )
                .await
                .expect("record");
                app::store::commit(tx).await.expect("commit");
            })
        });
        for write in futures_util::future::join_all(writes).await {
            write.expect("writer");
        }
        let (after, _) = app::store::audit::head(&app.pool).await.expect("head");
        assert_eq!(after - before, 500);
        let (ok, output) = verify(&app);
        assert!(ok && output.contains("Log audit utuh"), "{output}");
        other.finish().await;
        app.finish().await;
    }
}
