//! `jenjang seed-demo`: "Pemerintah Kota Balikpapan (demo)", a synthetic instansi shaped like
//! the real one (domain.md §1): about 6,000 ASN (PNS and PPPK) in about 40 OPD, golongan III
//! the largest group, a 500-person cohort assessed in November 2025, three years of SKP,
//! training and other kinerja records, and key posts with competency standards.
//!
//! Everything is flagged `demo` and written in one transaction; a second run finds the
//! instansi populated and does nothing.

use crate::synthetic::{self, day_of_year, Rng};
use app::db::{insert_rows, SqlValue};
use app::domain::access::{Grant, Role};
use app::domain::calendar::Date;
use app::domain::jabatan::{retirement_date, JenisJabatan, JenjangFungsional};
use app::domain::jpm::{jpm, CompetencyLevel, CompetencyMatch};
use app::domain::kompetensi::{potential_score, DimensiPotensi, Kompetensi};
use app::domain::nine_box::Expectation;
use app::domain::placement::SentenceLevel;
use app::domain::scoring::Education;
use app::domain::skp::predikat;
use app::services::accounts::{self, AccountError, NewAccount};
use app::services::audit::{self, Change};
use app::services::clock;
use sqlx::{AnyConnection, AnyPool, Row};
use std::collections::HashMap;
use thiserror::Error;

pub const DEMO_SLUG: &str = "kota-balikpapan-demo";
const DEMO_NAME: &str = "Pemerintah Kota Balikpapan (demo)";
/// The assessed cohort and the periods with records.
const COHORT: usize = 500;
const YEARS: [i32; 3] = [2023, 2024, 2025];
const ASSESSOR: &str = "UPT Penilaian Kompetensi Pegawai BKN (simulasi)";
/// A competency draw (talent × 2 plus chance, 0-3) from which the assessment centre finds a
/// level above the post's standard: only the most talented reach it, and only sometimes.
/// Their own JPM caps at the standard; a post one rung up (succession) sees the difference.
const ABOVE_STANDARD: f64 = 2.4;
/// The JPM against a target post's standard its candidates need: the floor of "masih
/// memenuhi syarat" in the selection categories (domain.md §4), as that standard is a rung up.
const MIN_JPM_FOR_TARGET: f64 = 68.0;

#[derive(Debug, Error)]
pub enum SeedDemoError {
    #[error("data demo tidak dapat disimpan: {0}")]
    Database(#[from] sqlx::Error),
    #[error("akun demo tidak dapat dibuat: {0}")]
    Account(#[from] AccountError),
}

/// An OPD: code, name, the field of its posts, its share of the staff, and whether it is
/// headed by a JPT pratama (a dinas or badan) or an administrator (a kecamatan).
struct Opd {
    code: &'static str,
    name: &'static str,
    field: &'static str,
    weight: u32,
    jpt: bool,
}

const fn opd(code: &'static str, name: &'static str, field: &'static str, weight: u32) -> Opd {
    Opd {
        code,
        name,
        field,
        weight,
        jpt: true,
    }
}

const fn kecamatan(code: &'static str, name: &'static str) -> Opd {
    Opd {
        code,
        name,
        field: "Administrasi Publik",
        weight: 40,
        jpt: false,
    }
}

const OPD: &[Opd] = &[
    opd("SETDA", "Sekretariat Daerah", "Administrasi Publik", 160),
    opd("SETWAN", "Sekretariat DPRD", "Administrasi Publik", 60),
    opd("INSP", "Inspektorat Daerah", "Akuntansi", 50),
    opd(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        "Perencanaan Wilayah",
        50,
    ),
    opd(
        "BKPSDM",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Manajemen Sumber Daya Manusia",
        45,
    ),
    opd(
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Akuntansi",
        70,
    ),
    opd("BAPENDA", "Badan Pendapatan Daerah", "Ekonomi", 70),
    opd(
        "DISDIKBUD",
        "Dinas Pendidikan dan Kebudayaan",
        "Pendidikan",
        2300,
    ),
    opd("DINKES", "Dinas Kesehatan", "Kesehatan Masyarakat", 650),
    opd("RSUD", "Rumah Sakit Umum Daerah Beriman", "Kedokteran", 420),
    opd("DPU", "Dinas Pekerjaan Umum", "Teknik Sipil", 120),
    opd(
        "DISPERKIM",
        "Dinas Perumahan dan Permukiman",
        "Teknik Sipil",
        60,
    ),
    opd("SATPOLPP", "Satuan Polisi Pamong Praja", "Hukum", 110),
    opd(
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "Administrasi Publik",
        50,
    ),
    opd(
        "DAMKAR",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Administrasi Publik",
        90,
    ),
    opd("DINSOS", "Dinas Sosial", "Kesejahteraan Sosial", 55),
    opd("DISNAKER", "Dinas Tenaga Kerja", "Hukum", 45),
    opd(
        "DP3AKB",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
        "Kesejahteraan Sosial",
        60,
    ),
    opd(
        "DKPP",
        "Dinas Ketahanan Pangan, Pertanian dan Perikanan",
        "Pertanian",
        70,
    ),
    opd("DLH", "Dinas Lingkungan Hidup", "Teknik Lingkungan", 120),
    opd(
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Administrasi Publik",
        60,
    ),
    opd("DISHUB", "Dinas Perhubungan", "Teknik Sipil", 110),
    opd(
        "DISKOMINFO",
        "Dinas Komunikasi dan Informatika",
        "Teknik Informatika",
        55,
    ),
    opd(
        "DKUMKMP",
        "Dinas Koperasi, Usaha Mikro, Kecil, Menengah dan Perindustrian",
        "Ekonomi",
        45,
    ),
    opd(
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "Administrasi Publik",
        50,
    ),
    opd("DISPORA", "Dinas Pemuda dan Olahraga", "Pendidikan", 40),
    opd("DISPAR", "Dinas Pariwisata", "Ekonomi", 35),
    opd(
        "DPK",
        "Dinas Perpustakaan dan Kearsipan",
        "Ilmu Perpustakaan",
        40,
    ),
    opd("DISDAG", "Dinas Perdagangan", "Ekonomi", 55),
    opd(
        "KESBANGPOL",
        "Badan Kesatuan Bangsa dan Politik",
        "Ilmu Politik",
        35,
    ),
    opd(
        "DPMK",
        "Dinas Pemberdayaan Masyarakat dan Kelurahan",
        "Administrasi Publik",
        35,
    ),
    opd("BKD", "Badan Keuangan Daerah (Unit Kas)", "Akuntansi", 30),
    opd("DISPERINDAG", "Dinas Perindustrian", "Teknik Industri", 30),
    opd(
        "DPTR",
        "Dinas Pertanahan dan Tata Ruang",
        "Perencanaan Wilayah",
        45,
    ),
    kecamatan("KEC-BPSEL", "Kecamatan Balikpapan Selatan"),
    kecamatan("KEC-BPKOTA", "Kecamatan Balikpapan Kota"),
    kecamatan("KEC-BPTIM", "Kecamatan Balikpapan Timur"),
    kecamatan("KEC-BPUTA", "Kecamatan Balikpapan Utara"),
    kecamatan("KEC-BPTENG", "Kecamatan Balikpapan Tengah"),
    kecamatan("KEC-BPBAR", "Kecamatan Balikpapan Barat"),
];

/// Sub-units of the Setda (bagian) and of each kecamatan (kelurahan), to make the tree real.
const SETDA_BAGIAN: &[(&str, &str)] = &[
    ("SETDA-ORG", "Bagian Organisasi"),
    ("SETDA-HKM", "Bagian Hukum"),
    ("SETDA-UMUM", "Bagian Umum"),
    ("SETDA-PBJ", "Bagian Pengadaan Barang dan Jasa"),
];

const FIELDS: &[&str] = &[
    "Administrasi Publik",
    "Akuntansi",
    "Ekonomi",
    "Hukum",
    "Pendidikan",
    "Kesehatan Masyarakat",
    "Teknik Sipil",
    "Teknik Informatika",
    "Manajemen Sumber Daya Manusia",
    "Ilmu Politik",
];

/// A post to be created, before it has an id.
struct PostPlan {
    code: String,
    name: String,
    unit: usize,
    jenis: JenisJabatan,
    jenjang: Option<JenjangFungsional>,
    kelas: i64,
    field: &'static str,
    kritikal: bool,
    target: bool,
}

impl PostPlan {
    /// The simulated requirements of a target post: minimum golongan, education and the
    /// leadership training of the level below (the demo's own choice, not a regulation).
    fn requirements(&self) -> Option<(&'static str, &'static str, &'static str)> {
        if !self.target {
            return None;
        }
        match self.jenis {
            JenisJabatan::JptPratama => {
                Some(("IV/b", "s2", "Pelatihan Kepemimpinan Administrator"))
            }
            JenisJabatan::Administrator => Some(("III/d", "s1", "Pelatihan Kepemimpinan Pengawas")),
            _ => None,
        }
    }

    /// The competency standard: managerial posts need more, by level (PermenPANRB 38/2017).
    fn standard(&self) -> Vec<(Kompetensi, u8)> {
        let base = match (self.jenis, self.jenjang) {
            (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => 4,
            (JenisJabatan::Administrator, _) => 3,
            (JenisJabatan::Fungsional, Some(j)) if j >= JenjangFungsional::AhliMadya => 3,
            (JenisJabatan::Pengawas | JenisJabatan::Fungsional, _) => 2,
            _ => 1,
        };
        Kompetensi::ALL
            .iter()
            .map(|k| {
                let bump = u8::from(
                    matches!(k, Kompetensi::Integritas | Kompetensi::PengambilanKeputusan)
                        && base >= 3,
                );
                (*k, (base + bump).min(5))
            })
            .collect()
    }
}

/// A person to be created.
struct PersonPlan {
    nip: String,
    kind: &'static str,
    name: String,
    female: bool,
    birth: Date,
    tmt_asn: Date,
    golongan: String,
    group: u8,
    post: usize,
    unit: usize,
    tmt_jabatan: Date,
    /// Talent in 0-1: drives ratings, scores and assessment results together.
    talent: f64,
    education: Education,
    field: &'static str,
    atasan: Option<usize>,
}

fn plan_units() -> Vec<(String, String, Option<usize>)> {
    let mut units: Vec<(String, String, Option<usize>)> = OPD
        .iter()
        .map(|o| (o.code.to_owned(), o.name.to_owned(), None))
        .collect();
    for (code, name) in SETDA_BAGIAN {
        units.push(((*code).to_owned(), (*name).to_owned(), Some(0)));
    }
    for (index, opd) in OPD.iter().enumerate().filter(|(_, o)| !o.jpt) {
        for n in 1..=2 {
            let place = opd.name.trim_start_matches("Kecamatan ");
            units.push((
                format!("{}-KEL{n}", opd.code),
                format!("Kelurahan {place} {n}"),
                Some(index),
            ));
        }
    }
    units
}

/// The posts of each OPD: head, secretary, three heads of division, six section heads,
/// fungsional posts at four levels, and pelaksana posts. The Sekda is the JPT madya.
fn plan_posts() -> Vec<PostPlan> {
    let mut posts = Vec::new();
    for (unit, opd) in OPD.iter().enumerate() {
        let post = |suffix: &str, name: String, jenis, jenjang, kelas, kritikal, target| PostPlan {
            code: format!("{}-{suffix}", opd.code),
            name,
            unit,
            jenis,
            jenjang,
            kelas,
            field: opd.field,
            kritikal,
            target,
        };
        let head = match (unit, opd.jpt) {
            (0, _) => post(
                "KEPALA",
                "Sekretaris Daerah".into(),
                JenisJabatan::JptMadya,
                None,
                15,
                true,
                false,
            ),
            (_, true) => post(
                "KEPALA",
                format!("Kepala {}", opd.name),
                JenisJabatan::JptPratama,
                None,
                14,
                true,
                true,
            ),
            (_, false) => post(
                "KEPALA",
                format!("Camat {}", opd.name.trim_start_matches("Kecamatan ")),
                JenisJabatan::Administrator,
                None,
                12,
                false,
                true,
            ),
        };
        posts.push(head);
        posts.push(post(
            "SEK",
            format!("Sekretaris {}", opd.name),
            JenisJabatan::Administrator,
            None,
            12,
            opd.jpt,
            true,
        ));
        for n in 1..=3 {
            posts.push(post(
                &format!("KABID{n}"),
                format!("Kepala Bidang {n} {}", opd.name),
                JenisJabatan::Administrator,
                None,
                12,
                false,
                n == 1,
            ));
        }
        for n in 1..=6 {
            posts.push(post(
                &format!("KASI{n}"),
                format!("Kepala Subbagian/Seksi {n} {}", opd.name),
                JenisJabatan::Pengawas,
                None,
                9,
                false,
                false,
            ));
        }
        for (jenjang, kelas) in [
            (JenjangFungsional::AhliMadya, 11),
            (JenjangFungsional::AhliMuda, 9),
            (JenjangFungsional::AhliPertama, 8),
            (JenjangFungsional::Terampil, 6),
        ] {
            posts.push(post(
                &format!("JF-{}", jenjang.code().to_uppercase()),
                format!("Analis {} {} ({})", opd.field, jenjang.label(), opd.code),
                JenisJabatan::Fungsional,
                Some(jenjang),
                kelas,
                false,
                false,
            ));
        }
        posts.push(post(
            "PELAKSANA",
            format!("Pengadministrasi Umum {}", opd.name),
            JenisJabatan::Pelaksana,
            None,
            5,
            false,
            false,
        ));
    }
    posts
}

/// Index of a post in `posts` by OPD index and code suffix.
fn post_index(posts: &[PostPlan], unit: usize, suffix: &str) -> Option<usize> {
    let code = format!("{}-{suffix}", OPD.get(unit)?.code);
    posts.iter().position(|p| p.code == code)
}

fn education_for(rng: &mut Rng, group: u8) -> Education {
    match group {
        1 => Education::Sma,
        2 => *rng.pick(&[Education::Sma, Education::D3, Education::D3]),
        3 => *rng.pick(&[
            Education::S1D4,
            Education::S1D4,
            Education::S1D4,
            Education::S2,
        ]),
        _ => *rng.pick(&[Education::S1D4, Education::S2, Education::S2, Education::S3]),
    }
}

/// Draws the people: PNS and PPPK per OPD by weight; structural posts filled from the senior
/// PNS of the OPD (one in ten left vacant), everyone else fungsional or pelaksana.
fn plan_people(rng: &mut Rng, posts: &[PostPlan], total: usize) -> Vec<PersonPlan> {
    let weights: Vec<u32> = OPD.iter().map(|o| o.weight).collect();
    let mut sequence: HashMap<(Date, i32, u8), u16> = HashMap::new();
    let mut people = Vec::with_capacity(total);
    for _ in 0..total {
        let unit = rng.weighted(&weights);
        let pns = rng.chance(0.63);
        let female = rng.chance(0.52);
        let talent = rng.unit();
        let (group, golongan, age_low, age_high) = if pns {
            let group = [1u8, 2, 3, 4][rng.weighted(&[3, 20, 55, 22])];
            let ruang = rng.below(if group == 4 { 3 } else { 4 }) as u8;
            let (low, high) = match group {
                1 => (25, 55),
                2 => (24, 57),
                3 => (26, 57),
                _ => (38, 58),
            };
            (group, synthetic::pns_golongan(group, ruang), low, high)
        } else {
            let number = *rng.pick(&[5u8, 7, 9, 9, 9, 10]);
            let group = if number >= 9 { 3 } else { 2 };
            (group, synthetic::pppk_golongan(number), 24, 50)
        };
        let age = rng.between(age_low, age_high) as i32;
        let birth = day_of_year(2025 - age, rng.below(365) as u32);
        let service = rng.between(1, i64::from((age - 21).max(1))) as i32;
        let (tmt_year, tmt_month) = if pns {
            (
                (2025 - service).max(birth.year() + 19),
                rng.between(1, 12) as u8,
            )
        } else {
            (*rng.pick(&[2022, 2023, 2024]), 3)
        };
        let key = (birth, tmt_year, u8::from(female));
        let counter = sequence.entry(key).or_insert(0);
        *counter += 1;
        let nip = if pns {
            synthetic::nip(birth, tmt_year, tmt_month, female, *counter)
        } else {
            synthetic::ni_pppk(birth, tmt_year, female, *counter)
        };
        let education = education_for(rng, group);
        let field = if rng.chance(0.7) {
            OPD[unit].field
        } else {
            *rng.pick(FIELDS)
        };
        let post = match (pns, group, rng.chance(0.8)) {
            (true, 4, _) => post_index(posts, unit, "JF-AHLI_MADYA"),
            (true, 3, _) if golongan.as_str() >= "III/c" => post_index(posts, unit, "JF-AHLI_MUDA"),
            (_, 3, true) => post_index(posts, unit, "JF-AHLI_PERTAMA"),
            (_, 2, true) => post_index(posts, unit, "JF-TERAMPIL"),
            _ => post_index(posts, unit, "PELAKSANA"),
        }
        .unwrap_or(0);
        let years_in_post = rng.between(0, i64::from(service.min(8))) as i32;
        people.push(PersonPlan {
            nip,
            kind: if pns { "pns" } else { "pppk" },
            name: synthetic::name(rng, female),
            female,
            birth,
            tmt_asn: Date::new(tmt_year, tmt_month, 1).unwrap_or(Date::end_of_year(tmt_year)),
            golongan,
            group,
            post,
            unit,
            tmt_jabatan: day_of_year(2025 - years_in_post, rng.below(300) as u32),
            talent,
            education,
            field,
            atasan: None,
        });
    }
    fill_structural_posts(rng, posts, &mut people);
    people
}

/// Gives each structural post a holder from its OPD's senior PNS (leaving about one in ten
/// vacant) and links everyone to a superior.
fn fill_structural_posts(rng: &mut Rng, posts: &[PostPlan], people: &mut [PersonPlan]) {
    let mut holder: HashMap<usize, usize> = HashMap::new();
    for (post_id, post) in posts.iter().enumerate() {
        if !post.jenis.is_managerial() || (post_id > 0 && rng.chance(0.1)) {
            continue;
        }
        let wanted_group = if post.jenis == JenisJabatan::Pengawas {
            3
        } else {
            4
        };
        let candidate = people.iter().position(|p| {
            p.unit == post.unit
                && p.kind == "pns"
                && p.group >= wanted_group
                && !posts[p.post].jenis.is_managerial()
                && (wanted_group == 4 || p.golongan.as_str() >= "III/c")
        });
        if let Some(person) = candidate {
            people[person].post = post_id;
            people[person].education = people[person].education.max(Education::S1D4);
            holder.insert(post_id, person);
        }
    }
    let sekda = post_index(posts, 0, "KEPALA").and_then(|p| holder.get(&p).copied());
    let holder_of = |unit: usize, suffix: &str| {
        post_index(posts, unit, suffix).and_then(|p| holder.get(&p).copied())
    };
    for (index, person) in people.iter_mut().enumerate() {
        let (unit, post) = (person.unit, person.post);
        let suffix = posts[post].code.rsplit_once('-').map_or("", |(_, s)| s);
        let superior = match (posts[post].jenis, suffix) {
            (JenisJabatan::JptMadya, _) => None,
            (JenisJabatan::JptPratama, _) | (JenisJabatan::Administrator, "KEPALA") => sekda,
            (JenisJabatan::Administrator, _) => holder_of(unit, "KEPALA"),
            (JenisJabatan::Pengawas, _) => holder_of(unit, "KABID1"),
            _ => holder_of(unit, &format!("KASI{}", 1 + index % 6)),
        };
        person.atasan = superior.filter(|s| *s != index);
    }
}

/// What to create: the Balikpapan demo by default; benchmarks ask for other sizes.
#[derive(Debug, Clone)]
pub struct DemoSpec {
    pub slug: String,
    pub name: String,
    pub pegawai: usize,
    /// How many were assessed (November 2025).
    pub cohort: usize,
    /// Whether to create the documented demo accounts (one set per installation).
    pub accounts: bool,
}

impl Default for DemoSpec {
    fn default() -> Self {
        DemoSpec {
            slug: DEMO_SLUG.to_owned(),
            name: DEMO_NAME.to_owned(),
            pegawai: 6_000,
            cohort: COHORT,
            accounts: true,
        }
    }
}

/// What was created; all zero when the instansi already had pegawai.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub units: usize,
    pub posts: usize,
    pub pegawai: usize,
    pub assessed: usize,
    pub records: u64,
    /// `(role, user name, name)` of each demo account created.
    pub accounts: Vec<(Role, String, String)>,
}

/// The password of every demo account (README.md lists them): the demo instansi is
/// synthetic, and these accounts exist only where `jenjang seed-demo` ran.
pub const DEMO_PASSWORD: &str = "jenjang-demo-2025";

/// An assessed ASN whose 2025 inputs are complete and who has an atasan: the demo "ASN".
const DEMO_ASN: &str = "SELECT p.id, p.nip, p.atasan_id FROM pegawai p \
     WHERE p.instansi_id = $1 AND p.atasan_id IS NOT NULL \
     AND EXISTS (SELECT 1 FROM asesmen a WHERE a.pegawai_id = p.id) \
     AND EXISTS (SELECT 1 FROM riwayat_pelatihan t WHERE t.pegawai_id = p.id AND t.year = 2025) \
     AND EXISTS (SELECT 1 FROM riwayat_pendidikan e WHERE e.pegawai_id = p.id) \
     AND (SELECT COUNT(DISTINCT s.year) FROM skp s WHERE s.pegawai_id = p.id \
          AND s.year BETWEEN 2023 AND 2025) = 3 \
     AND NOT EXISTS (SELECT 1 FROM hukuman_disiplin h WHERE h.pegawai_id = p.id) \
     ORDER BY p.id LIMIT 1";

/// One ASN, their atasan, a BKPSDM officer and a komite member, all of the demo instansi.
async fn create_accounts(
    conn: &mut AnyConnection,
    instansi_id: i64,
) -> Result<Vec<(Role, String, String)>, SeedDemoError> {
    let asn = sqlx::query(DEMO_ASN)
        .bind(instansi_id)
        .fetch_one(&mut *conn)
        .await?;
    let atasan_nip: String = sqlx::query_scalar("SELECT nip FROM pegawai WHERE id = $1")
        .bind(asn.try_get::<i64, _>("atasan_id")?)
        .fetch_one(&mut *conn)
        .await?;
    let asn_nip: String = asn.try_get("nip")?;
    let people = [
        (Role::Pegawai, Some(asn_nip.as_str()), None, None),
        (Role::Atasan, Some(atasan_nip.as_str()), None, None),
        (
            Role::Bkpsdm,
            None,
            Some("bkpsdm.demo"),
            Some("Petugas BKPSDM (demo)"),
        ),
        (
            Role::Komite,
            None,
            Some("komite.demo"),
            Some("Sekretaris Daerah (demo)"),
        ),
    ];
    let mut created = Vec::new();
    for (role, nip, username, name) in people {
        let grants = match role {
            // The atasan is an ASN too: they see their own record as well as their team's.
            Role::Atasan => vec![Role::Pegawai, Role::Atasan],
            role => vec![role],
        };
        let account = accounts::create(
            conn,
            "jenjang seed-demo",
            NewAccount {
                nip,
                username,
                name,
                password: DEMO_PASSWORD,
                must_change_password: false,
                grants: grants
                    .into_iter()
                    .map(|role| Grant {
                        role,
                        instansi_id: Some(instansi_id),
                        unit_kerja_id: None,
                    })
                    .collect(),
            },
        )
        .await?;
        created.push((role, account.username, account.name));
    }
    Ok(created)
}

/// The rows already planned and stored that the history tables refer to.
struct Stored<'a> {
    batch_id: i64,
    people: &'a [PersonPlan],
    posts: &'a [PostPlan],
    post_ids: &'a [i64],
    ids: &'a [i64],
}

/// Creates a synthetic instansi per `spec`, unless it already has pegawai.
pub async fn create(pool: &AnyPool, spec: &DemoSpec) -> Result<DemoReport, SeedDemoError> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO instansi (slug, name, kind, province, demo) VALUES ($1, $2, 'kota', \
         'Kalimantan Timur', TRUE) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(&spec.slug)
    .bind(&spec.name)
    .execute(&mut *tx)
    .await?;
    let instansi_id: i64 = sqlx::query_scalar("SELECT id FROM instansi WHERE slug = $1")
        .bind(&spec.slug)
        .fetch_one(&mut *tx)
        .await?;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1")
        .bind(instansi_id)
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 {
        return Ok(DemoReport::default());
    }
    let mut rng = Rng::new(20_251_103);
    let batch_id: i64 = sqlx::query_scalar(
        "INSERT INTO import_batch (instansi_id, kind, file_name, file_sha256, importer, \
         imported_at, rows_new, rows_changed, rows_unchanged) \
         VALUES ($1, 'demo', 'jenjang seed-demo', '', 'jenjang seed-demo', $2, 0, 0, 0) RETURNING id",
    )
    .bind(instansi_id)
    .bind(clock::now_utc())
    .fetch_one(&mut *tx)
    .await?;
    let units = store_units(&mut tx, instansi_id).await?;
    let posts = plan_posts();
    let post_ids = store_posts(&mut tx, instansi_id, &posts, &units).await?;
    let people = plan_people(&mut rng, &posts, spec.pegawai);
    let ids = store_people(
        &mut tx,
        instansi_id,
        batch_id,
        &people,
        &posts,
        &post_ids,
        &units,
    )
    .await?;
    let stored = Stored {
        batch_id,
        people: &people,
        posts: &posts,
        post_ids: &post_ids,
        ids: &ids,
    };
    let assessed = cohort(&people, &posts, spec.cohort);
    let mut records = store_records(&mut tx, &mut rng, &stored).await?;
    records += store_assessments(&mut tx, &mut rng, &stored, &assessed).await?;
    let accounts = if spec.accounts {
        create_accounts(&mut tx, instansi_id).await?
    } else {
        Vec::new()
    };
    audit::record(
        &mut tx,
        Change {
            actor: "jenjang seed-demo",
            instansi_id: Some(instansi_id),
            action: "demo.buat",
            entity: "instansi",
            entity_id: Some(spec.slug.clone()),
            before: None,
            after: Some(serde_json::json!({
                "pegawai": people.len(),
                "terases": assessed.len(),
                "catatan": records,
            })),
            reason: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(DemoReport {
        units: units.len(),
        posts: posts.len(),
        pegawai: people.len(),
        assessed: assessed.len(),
        records,
        accounts,
    })
}

/// `jenjang seed-demo`.
pub async fn run(pool: &AnyPool) -> Result<(), SeedDemoError> {
    let started = std::time::Instant::now();
    let report = create(pool, &DemoSpec::default()).await?;
    if report.pegawai == 0 {
        println!("Instansi demo {DEMO_SLUG} sudah ada: tidak ada yang ditulis.");
    } else {
        println!(
            "Instansi demo {DEMO_SLUG} dibuat: {} unit kerja, {} jabatan, {} pegawai ({} terases), \
             {} catatan riwayat, dalam {:.1} detik. Semua data sintetis.",
            report.units,
            report.posts,
            report.pegawai,
            report.assessed,
            report.records,
            started.elapsed().as_secs_f64()
        );
        for (role, username, name) in &report.accounts {
            println!(
                "  akun demo {}: {username} ({name}), kata sandi {DEMO_PASSWORD}",
                role.label()
            );
        }
    }
    Ok(())
}

/// `SELECT key, id ... WHERE ... = $1` as a map from key to id: how rows inserted in bulk are
/// found again.
async fn ids_by<K>(
    conn: &mut AnyConnection,
    sql: &str,
    value: i64,
) -> Result<HashMap<K, i64>, sqlx::Error>
where
    K: Eq
        + std::hash::Hash
        + Send
        + Unpin
        + for<'r> sqlx::Decode<'r, sqlx::Any>
        + sqlx::Type<sqlx::Any>,
{
    Ok(sqlx::query_as::<_, (K, i64)>(sql)
        .bind(value)
        .fetch_all(conn)
        .await?
        .into_iter()
        .collect())
}

async fn store_units(conn: &mut AnyConnection, instansi_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let plan = plan_units();
    let mut ids: Vec<i64> = Vec::with_capacity(plan.len());
    for (code, name, parent) in &plan {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO unit_kerja (instansi_id, parent_id, code, name) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(instansi_id)
        .bind(parent.and_then(|p| ids.get(p).copied()))
        .bind(code)
        .bind(name)
        .fetch_one(&mut *conn)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

async fn store_posts(
    conn: &mut AnyConnection,
    instansi_id: i64,
    posts: &[PostPlan],
    units: &[i64],
) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<Vec<SqlValue>> = posts
        .iter()
        .map(|p| {
            vec![
                instansi_id.into(),
                units.get(p.unit).copied().into(),
                p.code.as_str().into(),
                p.name.as_str().into(),
                p.jenis.code().into(),
                p.jenjang.map(|j| j.code().to_owned()).into(),
                p.kelas.into(),
                p.field.into(),
                p.kritikal.into(),
                p.target.into(),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "jabatan",
        &[
            "instansi_id",
            "unit_kerja_id",
            "code",
            "name",
            "jenis",
            "jenjang",
            "kelas",
            "field",
            "kritikal",
            "target",
        ],
        &rows,
        "",
    )
    .await?;
    let by_code: HashMap<String, i64> = ids_by(
        conn,
        "SELECT code, id FROM jabatan WHERE instansi_id = $1",
        instansi_id,
    )
    .await?;
    let ids: Vec<i64> = posts
        .iter()
        .filter_map(|p| by_code.get(&p.code).copied())
        .collect();
    let standards: Vec<Vec<SqlValue>> = posts
        .iter()
        .zip(&ids)
        .flat_map(|(post, id)| {
            post.standard()
                .into_iter()
                .map(move |(k, level)| vec![(*id).into(), k.code().into(), i64::from(level).into()])
        })
        .collect();
    insert_rows(
        conn,
        "standar_kompetensi",
        &["jabatan_id", "kompetensi", "level"],
        &standards,
        "",
    )
    .await?;
    let requirements: Vec<Vec<SqlValue>> = posts
        .iter()
        .zip(&ids)
        .filter_map(|(post, id)| {
            let (golongan, education, training) = post.requirements()?;
            Some(vec![
                (*id).into(),
                golongan.into(),
                education.into(),
                training.into(),
                2.0.into(),
                MIN_JPM_FOR_TARGET.into(),
            ])
        })
        .collect();
    insert_rows(
        conn,
        "syarat_jabatan",
        &[
            "jabatan_id",
            "min_golongan",
            "min_education",
            "required_training",
            "min_years_in_post",
            "min_jpm",
        ],
        &requirements,
        "",
    )
    .await?;
    Ok(ids)
}

async fn store_people(
    conn: &mut AnyConnection,
    instansi_id: i64,
    batch_id: i64,
    people: &[PersonPlan],
    posts: &[PostPlan],
    post_ids: &[i64],
    units: &[i64],
) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<Vec<SqlValue>> = people
        .iter()
        .enumerate()
        .map(|(row, p)| {
            let post = &posts[p.post];
            vec![
                instansi_id.into(),
                p.nip.as_str().into(),
                p.kind.into(),
                p.name.as_str().into(),
                if p.female { "P" } else { "L" }.into(),
                p.birth.to_string().into(),
                p.tmt_asn.to_string().into(),
                p.golongan.as_str().into(),
                p.tmt_asn.to_string().into(),
                post_ids.get(p.post).copied().into(),
                units.get(post.unit).copied().into(),
                p.tmt_jabatan.to_string().into(),
                retirement_date(p.birth, post.jenis, post.jenjang)
                    .to_string()
                    .into(),
                batch_id.into(),
                (row as i64 + 1).into(),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "pegawai",
        &[
            "instansi_id",
            "nip",
            "kind",
            "name",
            "gender",
            "birth_date",
            "tmt_asn",
            "golongan",
            "tmt_golongan",
            "jabatan_id",
            "unit_kerja_id",
            "tmt_jabatan",
            "retirement_date",
            "import_batch_id",
            "source_row",
        ],
        &rows,
        "",
    )
    .await?;
    let by_nip: HashMap<String, i64> = ids_by(
        conn,
        "SELECT nip, id FROM pegawai WHERE instansi_id = $1",
        instansi_id,
    )
    .await?;
    let ids: Vec<i64> = people
        .iter()
        .map(|p| by_nip.get(&p.nip).copied().unwrap_or_default())
        .collect();
    let links: Vec<(i64, i64)> = people
        .iter()
        .zip(&ids)
        .filter_map(|(p, id)| p.atasan.map(|a| (*id, ids[a])))
        .collect();
    for chunk in links.chunks(2_000) {
        let tuples: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "UPDATE pegawai SET atasan_id = v.column2 FROM (VALUES {}) AS v \
             WHERE pegawai.id = v.column1",
            tuples.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (id, atasan) in chunk {
            query = query.bind(*id).bind(*atasan);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(ids)
}

/// Histories: rank, post, education, SKP and the other yearly kinerja scores, training,
/// and discipline. Returns how many rows were written.
async fn store_records(
    conn: &mut AnyConnection,
    rng: &mut Rng,
    stored: &Stored<'_>,
) -> Result<u64, sqlx::Error> {
    let Stored {
        batch_id,
        people,
        posts,
        post_ids,
        ids,
    } = *stored;
    let mut tables: HashMap<&'static str, Vec<Vec<SqlValue>>> = HashMap::new();
    for (index, (person, id)) in people.iter().zip(ids).enumerate() {
        let id = *id;
        let provenance = |mut row: Vec<SqlValue>| {
            row.push(batch_id.into());
            row.push((index as i64 + 1).into());
            row
        };
        let post = &posts[person.post];
        tables
            .entry("riwayat_pangkat")
            .or_default()
            .push(provenance(vec![
                id.into(),
                person.golongan.as_str().into(),
                person.tmt_asn.to_string().into(),
            ]));
        tables
            .entry("riwayat_jabatan")
            .or_default()
            .push(provenance(vec![
                id.into(),
                post_ids.get(person.post).copied().into(),
                post.name.as_str().into(),
                person.tmt_jabatan.to_string().into(),
            ]));
        if person.tmt_asn < person.tmt_jabatan {
            tables
                .entry("riwayat_jabatan")
                .or_default()
                .push(provenance(vec![
                    id.into(),
                    SqlValue::Int(None),
                    "Jabatan sebelumnya".into(),
                    person.tmt_asn.to_string().into(),
                ]));
        }
        tables
            .entry("riwayat_pendidikan")
            .or_default()
            .push(provenance(vec![
                id.into(),
                person.education.code().into(),
                person.field.into(),
            ]));
        let level = |talent: f64, rng: &mut Rng| -> Expectation {
            let roll = rng.unit() * 0.6 + talent * 0.4;
            if roll > 0.72 {
                Expectation::Above
            } else if roll < 0.12 {
                Expectation::Below
            } else {
                Expectation::Meets
            }
        };
        for year in YEARS
            .iter()
            .copied()
            .filter(|y| *y >= person.tmt_asn.year())
        {
            let hasil = level(person.talent, rng);
            let perilaku = if rng.chance(0.04) {
                Expectation::Below
            } else {
                level(person.talent, rng)
            };
            tables.entry("skp").or_default().push(provenance(vec![
                id.into(),
                i64::from(year).into(),
                hasil.code().into(),
                perilaku.code().into(),
                predikat(hasil, perilaku).code().into(),
            ]));
            let mean = 55.0 + person.talent * 35.0;
            for table in ["penghargaan", "penugasan_tim"] {
                tables.entry(table).or_default().push(provenance(vec![
                    id.into(),
                    i64::from(year).into(),
                    "Nilai tahunan (berkas SKP)".into(),
                    rng.score(mean, 15.0).into(),
                ]));
            }
            tables
                .entry("umpan_balik_360")
                .or_default()
                .push(provenance(vec![
                    id.into(),
                    i64::from(year).into(),
                    rng.score(mean, 10.0).into(),
                    rng.between(4, 9).into(),
                ]));
            // Most people get some training every year; a few have none on record yet.
            let trainings = if rng.chance(0.05) {
                0
            } else {
                rng.between(1, 3)
            };
            for _ in 0..trainings {
                let start = day_of_year(year, rng.below(330) as u32);
                tables
                    .entry("riwayat_pelatihan")
                    .or_default()
                    .push(provenance(vec![
                        id.into(),
                        (*rng.pick(TRAININGS)).into(),
                        "BPSDM Provinsi Kalimantan Timur".into(),
                        start.to_string().into(),
                        i64::from(year).into(),
                        f64::from(*rng.pick(&[2u8, 4, 4, 8, 8, 12, 16, 24])).into(),
                    ]));
            }
        }
        if rng.chance(0.015) {
            let level = *rng.pick(&[
                SentenceLevel::Ringan,
                SentenceLevel::Ringan,
                SentenceLevel::Sedang,
                SentenceLevel::Berat,
            ]);
            let start = day_of_year(rng.between(2021, 2025) as i32, rng.below(300) as u32);
            tables
                .entry("hukuman_disiplin")
                .or_default()
                .push(provenance(vec![
                    id.into(),
                    level.code().into(),
                    start.to_string().into(),
                    start.add_years(1).to_string().into(),
                    "Catatan sintetis".into(),
                ]));
        }
    }
    let mut written = 0;
    for (table, columns) in [
        ("riwayat_pangkat", &["pegawai_id", "golongan", "tmt"][..]),
        (
            "riwayat_jabatan",
            &["pegawai_id", "jabatan_id", "jabatan_name", "tmt_start"][..],
        ),
        ("riwayat_pendidikan", &["pegawai_id", "level", "field"][..]),
        (
            "skp",
            &["pegawai_id", "year", "hasil_kerja", "perilaku", "predikat"][..],
        ),
        (
            "penghargaan",
            &["pegawai_id", "year", "description", "score"][..],
        ),
        (
            "penugasan_tim",
            &["pegawai_id", "year", "description", "score"][..],
        ),
        (
            "umpan_balik_360",
            &["pegawai_id", "year", "score", "raters"][..],
        ),
        (
            "riwayat_pelatihan",
            &[
                "pegawai_id",
                "name",
                "organiser",
                "start_date",
                "year",
                "jp",
            ][..],
        ),
        (
            "hukuman_disiplin",
            &["pegawai_id", "level", "tmt_start", "tmt_end", "description"][..],
        ),
    ] {
        let mut columns = columns.to_vec();
        columns.extend(["import_batch_id", "source_row"]);
        let rows = tables.remove(table).unwrap_or_default();
        // The same training twice on one day is one record.
        let suffix = if table == "riwayat_pelatihan" {
            "ON CONFLICT DO NOTHING"
        } else {
            ""
        };
        written += insert_rows(conn, table, &columns, &rows, suffix).await?;
    }
    Ok(written)
}

const TRAININGS: &[&str] = &[
    "Pelatihan Kepemimpinan Pengawas",
    "Pelatihan Kepemimpinan Administrator",
    "Pelatihan Teknis Pengadaan Barang dan Jasa",
    "Pelatihan Analisis Kebijakan Publik",
    "E-learning Manajemen ASN",
    "Pelatihan Pelayanan Publik Prima",
    "Coaching Kinerja",
    "Bimbingan Teknis SAKIP",
    "Pelatihan Literasi Digital ASN",
    "Seminar Inovasi Pelayanan",
];

/// The assessed: PNS of golongan III first (the seeds' focus), then IV, in structural and
/// fungsional ahli posts; anyone else only when more are asked for than that.
fn cohort(people: &[PersonPlan], posts: &[PostPlan], size: usize) -> Vec<usize> {
    let eligible = |p: &PersonPlan| {
        let post = &posts[p.post];
        p.kind == "pns"
            && p.group >= 3
            && (post.jenis.is_managerial() || post.jenjang.is_some_and(|j| j.is_keahlian()))
    };
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|i| (!eligible(&people[*i]), people[*i].group != 3, *i));
    order.truncate(size);
    order
}

async fn store_assessments(
    conn: &mut AnyConnection,
    rng: &mut Rng,
    stored: &Stored<'_>,
    cohort: &[usize],
) -> Result<u64, sqlx::Error> {
    let Stored {
        batch_id,
        people,
        posts,
        post_ids,
        ids,
    } = *stored;
    let mut rows = Vec::with_capacity(cohort.len());
    let mut levels = Vec::new();
    for &index in cohort {
        let person = &people[index];
        let post = &posts[person.post];
        let standard = post.standard();
        let attained: Vec<(Kompetensi, u8, u8)> = standard
            .iter()
            .map(|(k, required)| {
                let draw = person.talent * 2.0 + rng.unit();
                let shift = if draw >= ABOVE_STANDARD {
                    1
                } else {
                    draw.floor() as i64 - 2
                };
                let level = (i64::from(*required) + shift).clamp(1, 5) as u8;
                (*k, level, *required)
            })
            .collect();
        let matches: Vec<CompetencyMatch> = attained
            .iter()
            .filter_map(|(_, level, required)| {
                Some(CompetencyMatch {
                    required: CompetencyLevel::new(*required).ok()?,
                    attained: CompetencyLevel::new(*level).ok()?,
                })
            })
            .collect();
        let jpm_percent = jpm(&matches)
            .map(|j| (j.percent() * 100.0).round() / 100.0)
            .unwrap_or(0.0);
        let dimensions: Vec<f64> = DimensiPotensi::ALL
            .iter()
            .map(|_| rng.score(50.0 + person.talent * 40.0, 12.0))
            .collect();
        let dims: [f64; 8] = std::array::from_fn(|i| dimensions[i]);
        let date = day_of_year(2025, 306 + rng.below(19) as u32);
        let mut row: Vec<SqlValue> = vec![
            ids[index].into(),
            date.to_string().into(),
            date.add_years(3).to_string().into(),
            ASSESSOR.into(),
            post_ids.get(person.post).copied().into(),
            jpm_percent.into(),
            potential_score(&dims).into(),
        ];
        row.extend(dims.iter().map(|d| SqlValue::from(*d)));
        row.push(batch_id.into());
        row.push((index as i64 + 1).into());
        rows.push(row);
        levels.push((ids[index], attained));
    }
    let mut columns = vec![
        "pegawai_id",
        "assessed_on",
        "valid_until",
        "provider",
        "jabatan_id",
        "jpm",
        "potential",
    ];
    columns.extend(DimensiPotensi::ALL.iter().map(|d| d.code()));
    columns.extend(["import_batch_id", "source_row"]);
    let mut written = insert_rows(conn, "asesmen", &columns, &rows, "").await?;
    let asesmen_ids: HashMap<i64, i64> = ids_by(
        conn,
        "SELECT pegawai_id, id FROM asesmen WHERE import_batch_id = $1",
        batch_id,
    )
    .await?;
    let level_rows: Vec<Vec<SqlValue>> = levels
        .iter()
        .filter_map(|(pegawai, attained)| asesmen_ids.get(pegawai).map(|id| (*id, attained)))
        .flat_map(|(id, attained)| {
            attained.iter().map(move |(k, level, required)| {
                vec![
                    id.into(),
                    k.code().into(),
                    i64::from(*level).into(),
                    i64::from(*required).into(),
                ]
            })
        })
        .collect();
    written += insert_rows(
        conn,
        "asesmen_kompetensi",
        &["asesmen_id", "kompetensi", "level", "required_level"],
        &level_rows,
        "",
    )
    .await?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_shaped_like_balikpapan() {
        assert!((38..=42).contains(&OPD.len()));
        let posts = plan_posts();
        let people = plan_people(&mut Rng::new(1), &posts, 6_000);
        let mut per_group = [0usize; 5];
        for p in people.iter().filter(|p| p.kind == "pns") {
            per_group[usize::from(p.group)] += 1;
        }
        let largest = (1..=4).max_by_key(|g| per_group[*g]);
        assert_eq!(
            largest,
            Some(3),
            "golongan III is the largest group: {per_group:?}"
        );
        let nips: std::collections::HashSet<&str> = people.iter().map(|p| p.nip.as_str()).collect();
        assert_eq!(nips.len(), people.len(), "NIPs are unique");
        let cohort = cohort(&people, &posts, COHORT);
        assert_eq!(cohort.len(), COHORT);
        let third = cohort.iter().filter(|i| people[**i].group == 3).count();
        assert!(third > COHORT / 2, "mostly golongan III: {third}");
        let heads = posts.iter().filter(|p| p.kritikal).count();
        assert!(heads >= 30);
    }
}
