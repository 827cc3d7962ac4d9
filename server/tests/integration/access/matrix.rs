//! The authorization matrix: every server function and every page, asked by every role about
//! their own record, a colleague, another unit and another instansi, with the expected
//! answer written down. The test first proves the matrix covers every server function and
//! every route the application registers: a new one without an entry fails it.

use super::world::{
    self, Actor, ASN, BOSS, MATE, NEW_MATE, NEW_OTHER_INSTANSI, NEW_OTHER_UNIT, OTHER_INSTANSI,
    OTHER_UNIT, PASSWORD,
};
use crate::support::TestApp;
use http::StatusCode;
use std::collections::{BTreeSet, HashMap};
use Actor::{Admin, Atasan, Bkpsdm, BkpsdmUnit, DataPublik, Komite, KomiteB, Pegawai};

/// Everyone who is signed in.
const SIGNED_IN: &[Actor] = &[
    Pegawai, Atasan, Bkpsdm, BkpsdmUnit, Komite, KomiteB, DataPublik, Admin,
];

/// Who records the published merit-index results: the public-data operator and the
/// administrator, for every instansi; nobody who reads or decides about people.
const PUBLISHERS: &[Actor] = &[DataPublik, Admin];

/// A result as the operator's form sends it, for an instansi of the world.
const NEW_RESULT: [(&str, &str); 8] = [
    ("instansi", "Pemerintah Kota Uji A"),
    ("tahun", "2024"),
    ("badan", "BKN"),
    ("skala", "KASN_100_400"),
    ("skor", "301,5"),
    ("kategori", "III"),
    ("sumber", "https://contoh.go.id/hasil-merit-2024"),
    ("tanggal", "2024-12-19"),
];

/// Who may read each person's talent record.
const PERSON_READERS: [(&str, &[Actor]); 5] = [
    (ASN, &[Pegawai, Atasan, Bkpsdm, BkpsdmUnit, Komite, Admin]),
    (BOSS, &[Atasan, Bkpsdm, BkpsdmUnit, Komite, Admin]),
    (MATE, &[Atasan, Bkpsdm, BkpsdmUnit, Komite, Admin]),
    (OTHER_UNIT, &[Bkpsdm, Komite, Admin]),
    (OTHER_INSTANSI, &[KomiteB, Admin]),
];

/// One call of a server function and who may make it.
struct Call {
    args: Vec<(&'static str, &'static str)>,
    allowed: &'static [Actor],
}

fn call(args: &[(&'static str, &'static str)], allowed: &'static [Actor]) -> Call {
    Call {
        args: args.to_vec(),
        allowed,
    }
}

/// Server functions anyone may call, and what they are for.
const PUBLIC_FUNCTIONS: [&str; 9] = [
    "/api/indeks-merit",
    "/api/indeks-merit/nasional",
    "/api/metodologi",
    "/api/indeks-merit/instansi",
    "/api/indeks-merit/talenta",
    "/api/beranda",
    "/api/akun/saya",
    "/api/masuk",
    "/api/keluar",
];

/// The guarded server functions: every call and who may make it.
fn function_matrix() -> Vec<(&'static str, Vec<Call>)> {
    let mut record: Vec<Call> = PERSON_READERS
        .iter()
        .map(|(nip, allowed)| call(&[("nip", nip)], allowed))
        .collect();
    record.push(call(&[], &[Pegawai, Atasan]));
    let plan_readers: Vec<Call> = PERSON_READERS
        .iter()
        .map(|(nip, allowed)| call(&[("nip", nip)], allowed))
        .collect();
    // Only the direct atasan decides a plan: not the person, a colleague or HR.
    let decide = |nip: &'static str, allowed: &'static [Actor]| {
        call(
            &[
                ("nip", nip),
                ("keputusan", "kembalikan"),
                ("komentar", "Lengkapi JP"),
            ],
            allowed,
        )
    };
    let own = |args: &[(&'static str, &'static str)]| vec![call(args, &[Pegawai, Atasan])];
    vec![
        ("/api/pegawai/rekam", record),
        ("/api/saya/kotak", own(&[])),
        ("/api/saya/idp", own(&[])),
        ("/api/saya/idp/mulai", own(&[])),
        (
            "/api/saya/idp/sasaran",
            own(&[
                ("id", "1"),
                ("metode", "coaching"),
                ("tanggal_target", "2099-01-01"),
            ]),
        ),
        (
            "/api/saya/idp/tambah",
            own(&[
                ("sasaran", "Belajar analisis data"),
                ("metode", "e_learning"),
                ("jp", "12"),
                ("tanggal_target", "2099-01-01"),
            ]),
        ),
        ("/api/saya/idp/hapus", own(&[("id", "999999")])),
        ("/api/saya/idp/ajukan", own(&[])),
        (
            "/api/saya/idp/revisi",
            own(&[("alasan", "Menambah pelatihan SPBE yang baru dibuka")]),
        ),
        ("/api/saya/karier", own(&[])),
        ("/api/saya/karier/ke-idp", own(&[("jabatan", "TIDAK-ADA")])),
        ("/api/saya/pelatihan", own(&[])),
        ("/api/saya/data", own(&[])),
        (
            "/api/saya/koreksi",
            own(&[
                ("jenis", "tmt_jabatan"),
                ("tanggal", "2020-01-02"),
                ("penjelasan", "TMT jabatan saya salah tercatat"),
                ("bukti", "https://contoh.go.id/sk.pdf"),
            ]),
        ),
        ("/api/tim/idp", vec![call(&[], &[Atasan])]),
        ("/api/tim/idp/rencana", plan_readers),
        (
            "/api/tim/idp/putuskan",
            vec![
                decide(ASN, &[Atasan]),
                decide(MATE, &[Atasan]),
                decide(BOSS, &[]),
                decide(OTHER_UNIT, &[]),
                decide(OTHER_INSTANSI, &[]),
            ],
        ),
        (
            "/api/talenta/koreksi",
            vec![
                call(&[("instansi", "uji-a")], &[Bkpsdm, BkpsdmUnit, Admin]),
                call(&[("instansi", "uji-b")], &[Admin]),
            ],
        ),
        (
            // An unknown request is refused like a forbidden one; real requests are decided
            // in the self-service tests, per scope.
            "/api/talenta/koreksi/putuskan",
            vec![call(&[("id", "999999"), ("keputusan", "terima")], &[])],
        ),
        ("/api/pegawai/tim", vec![call(&[], &[Atasan])]),
        (
            "/api/talenta/ringkasan",
            vec![
                call(
                    &[("instansi", "uji-a")],
                    &[Bkpsdm, BkpsdmUnit, Komite, Admin],
                ),
                call(&[("instansi", "uji-b")], &[KomiteB, Admin]),
                call(&[], &[Bkpsdm, BkpsdmUnit, Komite, KomiteB, Admin]),
            ],
        ),
        (
            "/api/talenta/peta",
            vec![
                call(
                    &[("filter[instansi]", "uji-a")],
                    &[Bkpsdm, BkpsdmUnit, Komite, Admin],
                ),
                call(&[("filter[instansi]", "uji-b")], &[KomiteB, Admin]),
            ],
        ),
        (
            "/api/talenta/peta/orang",
            vec![call(
                &[
                    ("query[filter][instansi]", "uji-a"),
                    ("query[kotak]", "5"),
                    ("query[urut]", "Nama"),
                    ("query[halaman]", "1"),
                ],
                &[Bkpsdm, BkpsdmUnit, Komite, Admin],
            )],
        ),
        (
            "/api/talenta/belum-terpetakan",
            vec![call(
                &[
                    ("query[filter][instansi]", "uji-a"),
                    ("query[kurang]", "PenilaianPotensi"),
                    ("query[halaman]", "1"),
                ],
                &[Bkpsdm, BkpsdmUnit, Komite, Admin],
            )],
        ),
        (
            "/api/talenta/peta/banding",
            vec![call(
                &[("filter[instansi]", "uji-b"), ("dari", "2024")],
                &[KomiteB, Admin],
            )],
        ),
        (
            "/api/talenta/impor",
            vec![
                call(&[("instansi", "uji-a")], &[Bkpsdm, Admin]),
                call(&[("instansi", "uji-b")], &[Admin]),
            ],
        ),
        (
            "/api/talenta/rilis",
            vec![
                call(&[("instansi", "uji-a")], &[Bkpsdm, Admin]),
                call(&[("instansi", "uji-b")], &[Admin]),
            ],
        ),
        (
            // The world has no placements: BKPSDM is told the period is not scored yet;
            // everyone else is refused. Real releases: tests/access/public_picture.rs.
            "/api/talenta/rilis/terbitkan",
            vec![
                call(
                    &[("instansi", "uji-a"), ("periode", "2025")],
                    &[Bkpsdm, Admin],
                ),
                call(&[("instansi", "uji-b"), ("periode", "2025")], &[Admin]),
            ],
        ),
        (
            "/api/talenta/sebaran",
            vec![
                call(
                    &[("filter[instansi]", "uji-a")],
                    &[Bkpsdm, BkpsdmUnit, Komite, Admin],
                ),
                call(&[("filter[instansi]", "uji-b")], &[KomiteB, Admin]),
            ],
        ),
        (
            "/api/talenta/krs",
            vec![
                call(
                    &[("query[filter][instansi]", "uji-a")],
                    &[Bkpsdm, BkpsdmUnit, Komite, Admin],
                ),
                call(&[("query[filter][instansi]", "uji-b")], &[KomiteB, Admin]),
            ],
        ),
        (
            // The world has no placements: those who may take the step are told the person
            // is not mapped; the workflow itself: tests/access/talent_pool.rs.
            "/api/talenta/krs/langkah",
            vec![
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("periode", "2025"),
                        ("nip", ASN),
                        ("langkah", "verifikasi"),
                    ],
                    &[Bkpsdm, BkpsdmUnit, Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("periode", "2025"),
                        ("nip", ASN),
                        ("langkah", "tetapkan"),
                        ("nomor", "800/1/2026"),
                    ],
                    &[Komite, Admin],
                ),
            ],
        ),
        (
            "/api/talenta/suksesi",
            vec![
                call(
                    &[("instansi", "uji-a")],
                    &[Bkpsdm, BkpsdmUnit, Komite, Admin],
                ),
                call(&[("instansi", "uji-b")], &[KomiteB, Admin]),
            ],
        ),
        (
            // The world has no key posts: those who may read are told there is no such post.
            "/api/talenta/suksesi/jabatan",
            vec![call(
                &[("instansi", "uji-a"), ("kode", "TIDAK-ADA")],
                &[Bkpsdm, BkpsdmUnit, Komite, Admin],
            )],
        ),
        (
            "/api/talenta/kalibrasi",
            vec![
                call(&[("instansi", "uji-a")], &[Bkpsdm, Komite, Admin]),
                call(&[("instansi", "uji-b")], &[KomiteB, Admin]),
            ],
        ),
        (
            // No such session: those who may read sessions are told so (404).
            "/api/talenta/kalibrasi/sesi",
            vec![call(
                &[("instansi", "uji-a"), ("id", "999999")],
                &[Bkpsdm, Komite, Admin],
            )],
        ),
        (
            // The world has no placements, so the komite is told there is nothing to
            // calibrate; everyone else is refused. Real sessions: tests/access/calibration.rs.
            "/api/talenta/kalibrasi/buka",
            vec![
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("periode", "2025"),
                        ("nama", "Sidang"),
                    ],
                    &[Komite, Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-b"),
                        ("periode", "2025"),
                        ("nama", "Sidang"),
                    ],
                    &[KomiteB, Admin],
                ),
            ],
        ),
        (
            "/api/talenta/kalibrasi/pindah",
            vec![call(
                &[
                    ("instansi", "uji-a"),
                    ("sesi", "999999"),
                    ("nip", ASN),
                    ("ke", "8"),
                    ("alasan", "Kinerja lintas OPD terbukti tahun ini"),
                ],
                &[Komite, Admin],
            )],
        ),
        (
            "/api/talenta/kalibrasi/tutup",
            vec![call(
                &[
                    ("instansi", "uji-a"),
                    ("sesi", "999999"),
                    ("anggota", "Sekda"),
                ],
                &[Komite, Admin],
            )],
        ),
        (
            "/api/talenta/audit",
            vec![
                call(&[("instansi", "uji-a")], &[Bkpsdm, Komite, Admin]),
                call(&[("instansi", "uji-b")], &[KomiteB, Admin]),
            ],
        ),
        (
            "/api/akun/daftar",
            vec![
                call(&[("instansi", "uji-a")], &[Bkpsdm, BkpsdmUnit, Admin]),
                call(&[("instansi", "uji-b")], &[Admin]),
            ],
        ),
        (
            "/api/akun/buat",
            vec![
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nip", NEW_MATE),
                        ("peran", "pegawai"),
                    ],
                    &[Bkpsdm, BkpsdmUnit, Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nip", NEW_OTHER_UNIT),
                        ("peran", "pegawai"),
                    ],
                    &[Bkpsdm, Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-b"),
                        ("nip", NEW_OTHER_INSTANSI),
                        ("peran", "pegawai"),
                    ],
                    &[Admin],
                ),
                // The komite decides about people across the instansi: only an administrator
                // gives that role (separation of duties), not BKPSDM.
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", "komite.baru"),
                        ("nama", "Komite Baru"),
                        ("peran", "komite"),
                    ],
                    &[Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", "admin.baru"),
                        ("nama", "Admin Baru"),
                        ("peran", "admin"),
                    ],
                    &[Admin],
                ),
            ],
        ),
        (
            "/api/akun/peran",
            vec![
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", MATE),
                        ("peran", "atasan"),
                    ],
                    &[Bkpsdm, BkpsdmUnit, Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", OTHER_UNIT),
                        ("peran", "atasan"),
                    ],
                    &[Bkpsdm, Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-b"),
                        ("nama_pengguna", OTHER_INSTANSI),
                        ("peran", "atasan"),
                    ],
                    &[Admin],
                ),
                // Giving a role to the instansi's own komite member, then to an administrator:
                // accounts holding those roles are an administrator's to manage.
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", "komite.a"),
                        ("peran", "pegawai"),
                    ],
                    &[Admin],
                ),
                call(
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", "admin2"),
                        ("peran", "pegawai"),
                    ],
                    &[Admin],
                ),
            ],
        ),
        (
            "/api/akun/setel-ulang-sandi",
            vec![
                call(&[("nama_pengguna", MATE)], &[Bkpsdm, BkpsdmUnit, Admin]),
                call(&[("nama_pengguna", OTHER_UNIT)], &[Bkpsdm, Admin]),
                call(&[("nama_pengguna", OTHER_INSTANSI)], &[Admin]),
                call(&[("nama_pengguna", "staf.b")], &[Admin]),
                call(&[("nama_pengguna", "admin2")], &[Admin]),
                // A komite member's password: not BKPSDM's to reset, or it could take over
                // the account (separation of duties).
                call(&[("nama_pengguna", "komite.a2")], &[Admin]),
                call(&[("nama_pengguna", "tidak.ada")], &[]),
            ],
        ),
        // The operator's desk. The first publisher records the result, the second is told
        // it is already there (400): both are allowed, everyone else is refused first.
        ("/api/data/indeks-merit", vec![call(&[], PUBLISHERS)]),
        (
            "/api/data/indeks-merit/tambah",
            vec![call(&NEW_RESULT, PUBLISHERS)],
        ),
        (
            // No such result: those who may correct are told so (404).
            "/api/data/indeks-merit/koreksi",
            vec![call(
                &[
                    ("id", "999999"),
                    ("skor", "302"),
                    ("sumber", "https://contoh.go.id/koreksi"),
                    ("tanggal", "2024-12-20"),
                    ("alasan", "Salah ketik pada sumber pertama"),
                ],
                PUBLISHERS,
            )],
        ),
        (
            "/api/data/indeks-merit/impor/uji",
            vec![call(
                &[
                    ("nama_berkas", "hasil.csv"),
                    (
                        "isi",
                        "Instansi,Tahun,Badan,Skala,Skor,Kategori,Sumber,Tanggal Publikasi\n\
                         Pemerintah Kota Uji B,2024,BKN,KASN_100_400,280,,https://contoh.go.id/b,2024-12-19\n",
                    ),
                ],
                PUBLISHERS,
            )],
        ),
        (
            // No such draft: those who may save are told so (404).
            "/api/data/indeks-merit/impor/simpan",
            vec![call(&[("draf", "999999")], PUBLISHERS)],
        ),
        (
            // A wrong current password: the call is allowed and answered, nothing changes.
            "/api/akun/ganti-sandi",
            vec![call(
                &[
                    ("sandi_lama", "salah-sekali-123"),
                    ("sandi_baru", "baru-sekali-123"),
                    ("sandi_ulang", "baru-sekali-123"),
                ],
                SIGNED_IN,
            )],
        ),
    ]
}

/// Pages anyone may open.
const PUBLIC_ROUTES: [&str; 7] = [
    "/",
    "/indeks-merit",
    "/indeks-merit/nasional",
    "/indeks-merit/provinsi/{provinsi}",
    "/indeks-merit/{slug}",
    "/metodologi",
    "/masuk",
];

/// An address opened, and who sees the page.
type Visit = (String, &'static [Actor]);

/// The private pages: each address opened and who sees it.
fn route_matrix() -> Vec<(&'static str, Vec<Visit>)> {
    vec![
        ("/saya", vec![("/saya".to_owned(), &[Pegawai, Atasan][..])]),
        (
            "/saya/idp",
            vec![("/saya/idp".to_owned(), &[Pegawai, Atasan][..])],
        ),
        (
            "/saya/karier",
            vec![("/saya/karier".to_owned(), &[Pegawai, Atasan][..])],
        ),
        (
            "/saya/pelatihan",
            vec![("/saya/pelatihan".to_owned(), &[Pegawai, Atasan][..])],
        ),
        (
            "/saya/data",
            vec![("/saya/data".to_owned(), &[Pegawai, Atasan][..])],
        ),
        (
            "/tim/idp/{nip}",
            PERSON_READERS
                .iter()
                .map(|(nip, allowed)| (format!("/tim/idp/{nip}"), *allowed))
                .collect(),
        ),
        (
            "/talenta/koreksi",
            vec![(
                "/talenta/koreksi?instansi=uji-a".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Admin][..],
            )],
        ),
        (
            "/pegawai/{nip}",
            PERSON_READERS
                .iter()
                .map(|(nip, allowed)| (format!("/pegawai/{nip}"), *allowed))
                .collect(),
        ),
        ("/tim", vec![("/tim".to_owned(), &[Atasan][..])]),
        (
            "/talenta",
            vec![
                (
                    "/talenta".to_owned(),
                    &[Bkpsdm, BkpsdmUnit, Komite, KomiteB, Admin][..],
                ),
                ("/talenta?instansi=uji-b".to_owned(), &[KomiteB, Admin][..]),
            ],
        ),
        (
            "/talenta/peta",
            vec![(
                "/talenta/peta?instansi=uji-a".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Komite, Admin][..],
            )],
        ),
        (
            "/talenta/impor",
            vec![(
                "/talenta/impor?instansi=uji-a".to_owned(),
                &[Bkpsdm, Admin][..],
            )],
        ),
        (
            "/talenta/rilis",
            vec![(
                "/talenta/rilis?instansi=uji-a".to_owned(),
                &[Bkpsdm, Admin][..],
            )],
        ),
        (
            "/talenta/sebaran",
            vec![(
                "/talenta/sebaran?instansi=uji-a".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Komite, Admin][..],
            )],
        ),
        (
            "/talenta/belum-terpetakan",
            vec![(
                "/talenta/belum-terpetakan?instansi=uji-a&kurang=asesmen".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Komite, Admin][..],
            )],
        ),
        (
            "/talenta/krs",
            vec![(
                "/talenta/krs?instansi=uji-a".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Komite, Admin][..],
            )],
        ),
        (
            "/talenta/suksesi",
            vec![(
                "/talenta/suksesi?instansi=uji-a".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Komite, Admin][..],
            )],
        ),
        (
            // No such key post: found by no one; real posts in tests/access/talent_pool.rs.
            "/talenta/suksesi/{kode}",
            vec![(
                "/talenta/suksesi/TIDAK-ADA?instansi=uji-a".to_owned(),
                &[][..],
            )],
        ),
        (
            "/talenta/kalibrasi",
            vec![(
                "/talenta/kalibrasi?instansi=uji-a".to_owned(),
                &[Bkpsdm, Komite, Admin][..],
            )],
        ),
        (
            // A session that does not exist is found by no one; real sessions are opened in
            // tests/access/calibration.rs.
            "/talenta/kalibrasi/{id}",
            vec![(
                "/talenta/kalibrasi/999999?instansi=uji-a".to_owned(),
                &[][..],
            )],
        ),
        (
            "/talenta/audit",
            vec![(
                "/talenta/audit?instansi=uji-a".to_owned(),
                &[Bkpsdm, Komite, Admin][..],
            )],
        ),
        (
            "/akun",
            vec![(
                "/akun?instansi=uji-a".to_owned(),
                &[Bkpsdm, BkpsdmUnit, Admin][..],
            )],
        ),
        ("/akun/sandi", vec![("/akun/sandi".to_owned(), SIGNED_IN)]),
        (
            "/data/indeks-merit",
            vec![("/data/indeks-merit".to_owned(), PUBLISHERS)],
        ),
    ]
}

#[tokio::test]
async fn the_matrix_covers_every_server_function_and_route() {
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_owned())
        .collect();
    let listed: BTreeSet<String> = function_matrix()
        .iter()
        .map(|(path, _)| (*path).to_owned())
        .chain(PUBLIC_FUNCTIONS.iter().map(|p| (*p).to_owned()))
        .collect();
    assert_eq!(
        registered, listed,
        "every server function needs an entry in the authorization matrix"
    );
    let routes: BTreeSet<String> = leptos_axum::generate_route_list(app::app::App)
        .iter()
        .map(|route| route.path().to_owned())
        .collect();
    let listed: BTreeSet<String> = route_matrix()
        .iter()
        .map(|(path, _)| (*path).to_owned())
        .chain(PUBLIC_ROUTES.iter().map(|p| (*p).to_owned()))
        .collect();
    assert_eq!(
        routes, listed,
        "every route needs an entry in the authorization matrix"
    );
}

/// `body` without the language switch's `href`s, which repeat the page's own address.
fn without_switch_links(body: &str) -> String {
    let mut rest = body;
    let mut kept = String::with_capacity(body.len());
    while let Some(start) = rest.find("href=\"/bahasa/") {
        kept.push_str(&rest[..start]);
        let after = &rest[start + 6..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    kept.push_str(rest);
    kept
}

async fn sessions(app: &TestApp) -> HashMap<Actor, Option<String>> {
    let mut sessions = HashMap::new();
    for actor in Actor::ALL {
        let cookie = match actor.username() {
            Some(username) => Some(app.sign_in(username, PASSWORD).await),
            None => None,
        };
        sessions.insert(actor, cookie);
    }
    sessions
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_what_the_matrix_allows() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let sessions = sessions(&app).await;
        let mut checked = 0;
        for (endpoint, calls) in function_matrix() {
            for call in &calls {
                for actor in Actor::ALL {
                    let response = app
                        .call(
                            endpoint.trim_start_matches("/api/"),
                            &call.args,
                            sessions[&actor].as_deref(),
                        )
                        .await;
                    let context = format!(
                        "{:?}: {actor:?} {endpoint} {:?} -> {} {}",
                        app.engine, call.args, response.status, response.body
                    );
                    if call.allowed.contains(&actor) {
                        assert!(
                            !matches!(
                                response.status,
                                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                            ) && !response.status.is_server_error(),
                            "expected allowed: {context}"
                        );
                    } else {
                        let expected = if actor == Actor::Anonymous {
                            StatusCode::UNAUTHORIZED
                        } else {
                            StatusCode::FORBIDDEN
                        };
                        assert_eq!(response.status, expected, "expected refused: {context}");
                        // A refusal carries the message and nothing of the person asked about.
                        for (_, value) in &call.args {
                            if value.len() == 18 {
                                assert!(!response.body.contains(value), "{context}");
                            }
                        }
                    }
                    checked += 1;
                }
            }
        }
        for (_, pages) in route_matrix() {
            for (uri, allowed) in pages {
                for actor in Actor::ALL {
                    let page = app.get_as(&uri, sessions[&actor].as_deref()).await;
                    let context =
                        format!("{:?}: {actor:?} GET {uri} -> {}", app.engine, page.status);
                    assert_eq!(page.header("cache-control"), "no-store", "{context}");
                    if actor == Actor::Anonymous {
                        assert!(page.status.is_redirection(), "{context}");
                        assert!(
                            page.header("location").starts_with("/masuk?kembali="),
                            "{context}"
                        );
                    } else if allowed.contains(&actor) {
                        assert_eq!(page.status, StatusCode::OK, "{context}: {}", page.body);
                    } else {
                        assert!(
                            matches!(page.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
                            "{context}"
                        );
                        if let Some(nip) = uri
                            .strip_prefix("/pegawai/")
                            .or_else(|| uri.strip_prefix("/tim/idp/"))
                        {
                            // The language switch names the address asked for, as typed;
                            // nothing else may name the person.
                            let body = without_switch_links(&page.body);
                            assert!(!body.contains(nip), "{context}");
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 300, "{checked} checks");
        app.finish().await;
    }
}

/// One refusal of the separation of duties (domain.md §13): who asks, what, and the reason
/// they are told.
struct Duty {
    who: &'static str,
    endpoint: &'static str,
    args: Vec<(&'static str, String)>,
    reason: &'static str,
}

/// The separation of duties, row by row: a pegawai who also holds the BKPSDM and komite
/// roles (MATE) cannot decide about herself, BKPSDM cannot make itself the committee or take
/// over a committee member's account, and nobody gives roles to their own account. Each row
/// is refused with its reason while the same decision by someone else goes through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_decides_about_themselves_and_only_an_administrator_makes_a_committee() {
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        super::calibration::placements(&app).await;
        let admin = app.sign_in("admin", PASSWORD).await;
        for role in ["bkpsdm", "komite"] {
            let given = app
                .call(
                    "akun/peran",
                    &[
                        ("instansi", "uji-a"),
                        ("nama_pengguna", MATE),
                        ("peran", role),
                    ],
                    Some(&admin),
                )
                .await;
            assert_eq!(given.status, StatusCode::OK, "{}", given.body);
        }
        let mate = app.sign_in(MATE, PASSWORD).await;
        let hr = app.sign_in("bkpsdm.a", PASSWORD).await;
        let komite = app.sign_in("komite.a", PASSWORD).await;

        // Her own correction request, her own box in an open session, her own KRS step.
        super::self_service::file_training_correction(&app, &mate).await;
        let request: i64 = sqlx::query_scalar("SELECT MAX(id) FROM koreksi_data")
            .fetch_one(&app.pool)
            .await
            .expect("request");
        let session = app
            .call(
                "talenta/kalibrasi/buka",
                &[("periode", "2025"), ("nama", "Rapat komite talenta")],
                Some(&komite),
            )
            .await;
        let session: i64 = super::answers::json(&session);
        let reason = "Memimpin tim lintas OPD dengan hasil terukur pada 2025".to_owned();
        let verify = |who| Duty {
            who,
            endpoint: "talenta/krs/langkah",
            args: vec![
                ("instansi", "uji-a".into()),
                ("periode", "2025".into()),
                ("nip", MATE.into()),
                ("langkah", "verifikasi".into()),
                ("nomor", String::new()),
                ("catatan", String::new()),
            ],
            reason: "usulan KRS Anda sendiri",
        };
        let duties = [
            Duty {
                who: MATE,
                endpoint: "talenta/koreksi/putuskan",
                args: vec![("id", request.to_string()), ("keputusan", "terima".into())],
                reason: "permohonan koreksi atas data Anda sendiri",
            },
            Duty {
                who: MATE,
                endpoint: "talenta/kalibrasi/pindah",
                args: vec![
                    ("sesi", session.to_string()),
                    ("nip", MATE.into()),
                    ("ke", "9".into()),
                    ("alasan", reason.clone()),
                ],
                reason: "mengalibrasi kotak Anda sendiri",
            },
            verify(MATE),
            Duty {
                who: "bkpsdm.a",
                endpoint: "akun/peran",
                args: vec![
                    ("instansi", "uji-a".into()),
                    ("nama_pengguna", "bkpsdm.a".into()),
                    ("peran", "komite".into()),
                ],
                reason: "akun Anda sendiri",
            },
            Duty {
                who: "bkpsdm.a",
                endpoint: "akun/peran",
                args: vec![
                    ("instansi", "uji-a".into()),
                    ("nama_pengguna", OTHER_UNIT.into()),
                    ("peran", "komite".into()),
                ],
                reason: "hanya dapat dikelola oleh administrator",
            },
            Duty {
                who: "bkpsdm.a",
                endpoint: "akun/setel-ulang-sandi",
                args: vec![("nama_pengguna", "komite.a2".into())],
                reason: "hanya dapat dikelola oleh administrator",
            },
            // A second staff account of its own (no pegawai record, so never "about itself")
            // would let BKPSDM decide its own correction from there.
            Duty {
                who: "bkpsdm.a",
                endpoint: "akun/buat",
                args: vec![
                    ("instansi", "uji-a".into()),
                    ("nama_pengguna", "bkpsdm.kedua".into()),
                    ("nama", "Petugas Kedua".into()),
                    ("peran", "bkpsdm".into()),
                ],
                reason: "hanya dapat dikelola oleh administrator",
            },
            // The public-data operator writes what every instansi's public page says of
            // its merit index: not for an instansi's own BKPSDM to appoint.
            Duty {
                who: "bkpsdm.a",
                endpoint: "akun/buat",
                args: vec![
                    ("instansi", "uji-a".into()),
                    ("nama_pengguna", "data.kedua".into()),
                    ("nama", "Operator Data Kedua".into()),
                    ("peran", "data_publik".into()),
                ],
                reason: "hanya dapat dikelola oleh administrator",
            },
            Duty {
                who: "admin",
                endpoint: "akun/peran",
                args: vec![
                    ("instansi", "uji-a".into()),
                    ("nama_pengguna", "admin".into()),
                    ("peran", "pegawai".into()),
                ],
                reason: "akun Anda sendiri",
            },
        ];
        let sessions: HashMap<&str, &String> =
            HashMap::from([(MATE, &mate), ("bkpsdm.a", &hr), ("admin", &admin)]);
        let writes = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT (SELECT COUNT(*) FROM kalibrasi) + (SELECT COUNT(*) FROM krs) \
                 + (SELECT COUNT(*) FROM peran) + (SELECT COUNT(*) FROM koreksi_data \
                 WHERE status <> 'diajukan')",
            )
            .fetch_one(&app.pool)
            .await
            .expect("writes")
        };
        let before = writes().await;
        for duty in &duties {
            let args: Vec<(&str, &str)> = duty.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = app
                .call(duty.endpoint, &args, Some(sessions[duty.who]))
                .await;
            let context = format!(
                "{:?}: {} {} {:?}",
                app.engine, duty.who, duty.endpoint, args
            );
            assert_eq!(
                response.status,
                StatusCode::FORBIDDEN,
                "{context}: {}",
                response.body
            );
            assert!(
                response.message().contains(duty.reason),
                "{context}: {}",
                response.message()
            );
        }
        assert_eq!(writes().await, before, "a refused decision wrote something");
        // The accounts page offers BKPSDM only what it may do: no reset of its own account or
        // of a komite member's, and no komite role to give.
        let page = app.get_as("/akun?instansi=uji-a", Some(&hr)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.count("form#setel-ulang-bkpsdm\\.a"), 0, "own account");
        assert_eq!(
            page.count("form#setel-ulang-komite\\.a2"),
            0,
            "a komite member"
        );
        assert_eq!(page.count(&format!("form#setel-ulang-{OTHER_UNIT}")), 1);
        assert_eq!(page.count("option[value=komite]"), 0);
        let page = app.get_as("/akun?instansi=uji-a", Some(&admin)).await;
        assert_eq!(page.count("form#setel-ulang-komite\\.a2"), 1);
        assert_eq!(page.count("option[value=komite]"), 2);

        // The same decisions by someone else go through.
        let decided = app
            .call(
                "talenta/koreksi/putuskan",
                &[("id", &request.to_string()), ("keputusan", "terima")],
                Some(&hr),
            )
            .await;
        assert_eq!(decided.status, StatusCode::OK, "{}", decided.body);
        let moved = app
            .call(
                "talenta/kalibrasi/pindah",
                &[
                    ("sesi", &session.to_string()),
                    ("nip", MATE),
                    ("ke", "9"),
                    ("alasan", &reason),
                ],
                Some(&komite),
            )
            .await;
        assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
        let verify = verify("bkpsdm.a");
        let args: Vec<(&str, &str)> = verify.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let verified = app.call(verify.endpoint, &args, Some(&hr)).await;
        assert_eq!(verified.status, StatusCode::OK, "{}", verified.body);
        for (who, target) in [(&admin, "komite.a2"), (&admin, "bkpsdm.a")] {
            let reset = app
                .call(
                    "akun/setel-ulang-sandi",
                    &[("nama_pengguna", target)],
                    Some(who),
                )
                .await;
            assert_eq!(reset.status, StatusCode::OK, "{target}: {}", reset.body);
        }
        // An administrator appoints a public-data operator, for the whole installation.
        let operator = app
            .call(
                "akun/buat",
                &[
                    ("instansi", "uji-a"),
                    ("nama_pengguna", "data.kedua"),
                    ("nama", "Operator Data Kedua"),
                    ("peran", "data_publik"),
                ],
                Some(&admin),
            )
            .await;
        assert_eq!(operator.status, StatusCode::OK, "{}", operator.body);
        let scope: (String, Option<i64>) = sqlx::query_as(
            "SELECT r.role, r.instansi_id FROM peran r JOIN akun a ON a.id = r.akun_id \
             WHERE a.username = 'data.kedua'",
        )
        .fetch_one(&app.pool)
        .await
        .expect("grant");
        assert_eq!(scope, ("data_publik".to_owned(), None));
        // What she reads on her own page after the committee moved her: kotak 9, with the
        // computed 8 beside it.
        let page = app.get_as("/saya", Some(&mate)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("kotak 9"), "{}", page.body);
        app.finish().await;
    }
}

/// The accounts page offers each officer the units they may give a role for: a BKPSDM
/// officer limited to unit A-1 gets A-1 alone and no "whole instansi"; the whole-instansi
/// officer gets the tree.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_limited_to_a_unit_is_offered_only_that_unit() {
    use app::api::accounts::AccountsData;
    for app in TestApp::each_engine().await {
        world::build(&app).await;
        let sessions = sessions(&app).await;
        let list = |actor: Actor| {
            let cookie = sessions[&actor].clone();
            let app = &app;
            async move {
                let answer = app
                    .call("akun/daftar", &[("instansi", "uji-a")], cookie.as_deref())
                    .await;
                super::answers::json::<AccountsData>(&answer)
            }
        };
        let limited = list(BkpsdmUnit).await;
        let codes: Vec<&str> = limited.units.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, vec!["A-1"]);
        assert!(!limited.whole_instansi);
        let whole = list(Bkpsdm).await;
        let codes: Vec<&str> = whole.units.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, vec!["A-0", "A-1", "A-2"]);
        assert!(whole.whole_instansi);
        // The officer limited to A-1 reads as such in the list.
        let officer = whole
            .accounts
            .iter()
            .find(|a| a.username == "bkpsdm.a1")
            .expect("listed");
        assert_eq!(officer.grants.len(), 1);
        assert_eq!(officer.grants[0].unit.as_deref(), Some("A-1"));
        app.finish().await;
    }
}
