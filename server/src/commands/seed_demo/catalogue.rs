//! The demo's fixed catalogue: the OPD of a city government shaped like Balikpapan's, the
//! bagian of its Setda, fields of study and the trainings on offer.

/// An OPD: code, name, the field of its posts, its share of the staff, and whether it is
/// headed by a JPT pratama (a dinas or badan) or an administrator (a kecamatan).
pub(super) struct Opd {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) field: &'static str,
    pub(super) weight: u32,
    pub(super) jpt: bool,
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

pub(super) const OPD: &[Opd] = &[
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
pub(super) const SETDA_BAGIAN: &[(&str, &str)] = &[
    ("SETDA-ORG", "Bagian Organisasi"),
    ("SETDA-HKM", "Bagian Hukum"),
    ("SETDA-UMUM", "Bagian Umum"),
    ("SETDA-PBJ", "Bagian Pengadaan Barang dan Jasa"),
];

pub(super) const FIELDS: &[&str] = &[
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

pub(super) const TRAININGS: &[&str] = &[
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
