//! `jenjang user add`: the first administrator, from the command line.

use crate::support::{session_cookie, TestApp};

fn user_add(app: &TestApp, args: &[&str], password: Option<&str>) -> (bool, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_jenjang"));
    command
        .args(["user", "add"])
        .args(args)
        .env("DATABASE_URL", app.url())
        .env("RUST_LOG", "off")
        .env_remove("JENJANG_PASSWORD");
    if let Some(password) = password {
        command.env("JENJANG_PASSWORD", password);
    }
    let output = command.output().expect("run jenjang user add");
    (
        output.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_administrator_is_created_from_the_command_line() {
    for app in TestApp::each_engine().await {
        let (ok, output) = user_add(
            &app,
            &[
                "--peran",
                "admin",
                "--nama-pengguna",
                "Admin",
                "--nama",
                "Administrator",
            ],
            Some("menara-pandang-2025"),
        );
        assert!(ok, "{output}");
        assert!(
            output.contains("Akun \"admin\" (Administrator) dibuat"),
            "{output}"
        );
        let signed_in = app
            .call(
                "masuk",
                &[
                    ("nama_pengguna", "admin"),
                    ("kata_sandi", "menara-pandang-2025"),
                ],
                None,
            )
            .await;
        assert!(session_cookie(&signed_in).is_some(), "{}", signed_in.body);
        assert_eq!(signed_in.header("location"), "/akun");

        // Without a password given, a temporary one is printed and must be changed.
        let (ok, output) = user_add(
            &app,
            &[
                "--peran",
                "bkpsdm",
                "--nama-pengguna",
                "bkd.kaltim",
                "--nama",
                "BKD Kaltim",
                "--instansi",
                "provinsi-kalimantan-timur",
            ],
            None,
        );
        assert!(ok, "{output}");
        let temporary = output
            .lines()
            .find_map(|l| {
                l.strip_prefix("Kata sandi sementara (wajib diganti saat pertama masuk): ")
            })
            .expect("a temporary password")
            .to_owned();
        let first = app
            .call(
                "masuk",
                &[("nama_pengguna", "bkd.kaltim"), ("kata_sandi", &temporary)],
                None,
            )
            .await;
        assert_eq!(first.header("location"), "/akun/sandi");

        // Mistakes are explained, and nothing is written.
        for (args, message) in [
            (
                vec!["--peran", "raja", "--nama-pengguna", "x.y.z", "--nama", "X"],
                "peran \"raja\" tidak dikenal",
            ),
            (
                vec![
                    "--peran",
                    "komite",
                    "--nama-pengguna",
                    "x.y.z",
                    "--nama",
                    "X",
                ],
                "peran komite memerlukan --instansi",
            ),
            (
                vec![
                    "--peran",
                    "admin",
                    "--nama-pengguna",
                    "admin",
                    "--nama",
                    "Lagi",
                ],
                "nama pengguna \"admin\" sudah dipakai",
            ),
            (
                vec![
                    "--peran",
                    "pegawai",
                    "--nip",
                    "199001012015011001",
                    "--instansi",
                    "kota-balikpapan",
                ],
                "pegawai dengan NIP 199001012015011001 tidak ditemukan",
            ),
        ] {
            let (ok, output) = user_add(&app, &args, Some("menara-pandang-2025"));
            assert!(!ok && output.contains(message), "{args:?}: {output}");
        }
        let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM akun")
            .fetch_one(&app.pool)
            .await
            .expect("count");
        assert_eq!(accounts, 2);
        app.finish().await;
    }
}
