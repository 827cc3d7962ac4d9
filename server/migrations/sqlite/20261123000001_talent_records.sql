-- Talent records of an instansi (domain.md §3-§5, §7), with where each row came from, the
-- versioned scoring rules, and placements as immutable snapshots.
-- Dates are ISO 8601 text ('2025-11-03'), times ISO 8601 UTC text; both engines store them alike.
-- Flags are BOOLEAN; read them as CASE WHEN flag THEN 1 ELSE 0 END, because sqlx's Any driver
-- cannot decode an SQLite BOOLEAN column.
-- Mirrored in migrations/postgres; a test compares the two.

ALTER TABLE instansi ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;

-- Unit kerja / OPD, a tree under the instansi.
CREATE TABLE unit_kerja (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    parent_id INTEGER REFERENCES unit_kerja (id),
    code TEXT NOT NULL CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    UNIQUE (instansi_id, code)
);
CREATE INDEX unit_kerja_parent ON unit_kerja (parent_id);

-- A post (UU 20/2023) and its competency standard.
CREATE TABLE jabatan (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    unit_kerja_id INTEGER REFERENCES unit_kerja (id),
    code TEXT NOT NULL CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    jenis TEXT NOT NULL CHECK (jenis IN ('jpt_utama', 'jpt_madya', 'jpt_pratama', 'administrator', 'pengawas', 'fungsional', 'pelaksana')),
    jenjang TEXT CHECK (jenjang IN ('ahli_pertama', 'ahli_muda', 'ahli_madya', 'ahli_utama', 'pemula', 'terampil', 'mahir', 'penyelia')),
    kelas INTEGER CHECK (kelas BETWEEN 1 AND 17),
    field TEXT,
    kritikal BOOLEAN NOT NULL DEFAULT FALSE,
    target BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (instansi_id, code),
    CHECK ((jenis = 'fungsional') = (jenjang IS NOT NULL))
);

CREATE TABLE standar_kompetensi (
    jabatan_id INTEGER NOT NULL REFERENCES jabatan (id),
    kompetensi TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    PRIMARY KEY (jabatan_id, kompetensi)
);

-- One import (or generated load): the file, who imported it and when.
CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    kind TEXT NOT NULL CHECK (kind IN ('roster', 'asesmen', 'skp', 'pelatihan', 'demo', 'generator')),
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    importer TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    rows_new INTEGER NOT NULL,
    rows_changed INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL
);

CREATE TABLE pegawai (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    nip TEXT NOT NULL UNIQUE CHECK (length(nip) = 18),
    kind TEXT NOT NULL CHECK (kind IN ('pns', 'pppk')),
    name TEXT NOT NULL CHECK (name <> ''),
    gender TEXT NOT NULL CHECK (gender IN ('L', 'P')),
    birth_date TEXT NOT NULL,
    tmt_asn TEXT NOT NULL,
    golongan TEXT NOT NULL,
    tmt_golongan TEXT,
    jabatan_id INTEGER REFERENCES jabatan (id),
    unit_kerja_id INTEGER REFERENCES unit_kerja (id),
    tmt_jabatan TEXT,
    retirement_date TEXT,
    atasan_id INTEGER REFERENCES pegawai (id),
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER
);
CREATE INDEX pegawai_instansi ON pegawai (instansi_id);
CREATE INDEX pegawai_unit ON pegawai (unit_kerja_id);
CREATE INDEX pegawai_jabatan ON pegawai (jabatan_id);

CREATE TABLE riwayat_pendidikan (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    level TEXT NOT NULL CHECK (level IN ('sma', 'd3', 's1', 's2', 's3')),
    field TEXT,
    institution TEXT,
    graduated INTEGER,
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, level)
);

CREATE TABLE riwayat_pangkat (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    golongan TEXT NOT NULL,
    tmt TEXT,
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, golongan)
);

CREATE TABLE riwayat_jabatan (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    jabatan_id INTEGER REFERENCES jabatan (id),
    jabatan_name TEXT NOT NULL,
    tmt_start TEXT NOT NULL,
    tmt_end TEXT,
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, tmt_start)
);

CREATE TABLE riwayat_pelatihan (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    name TEXT NOT NULL CHECK (name <> ''),
    organiser TEXT,
    start_date TEXT NOT NULL,
    year INTEGER NOT NULL,
    jp REAL NOT NULL CHECK (jp > 0 AND jp <= 1000),
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, name, start_date)
);
CREATE INDEX riwayat_pelatihan_year ON riwayat_pelatihan (pegawai_id, year);

-- SKP per yearly period (PermenPANRB 6/2022); the predikat is derived from the two ratings.
CREATE TABLE skp (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    year INTEGER NOT NULL,
    hasil_kerja TEXT NOT NULL CHECK (hasil_kerja IN ('below', 'meets', 'above')),
    perilaku TEXT NOT NULL CHECK (perilaku IN ('below', 'meets', 'above')),
    predikat TEXT NOT NULL CHECK (predikat = CASE
        WHEN perilaku = 'below' AND hasil_kerja = 'below' THEN 'sangat_kurang'
        WHEN perilaku = 'below' THEN 'kurang'
        WHEN hasil_kerja = 'below' THEN 'butuh_perbaikan'
        WHEN hasil_kerja = 'above' AND perilaku = 'above' THEN 'sangat_baik'
        ELSE 'baik' END),
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, year)
);

-- The other kinerja components, scored 0-100 per year.
CREATE TABLE penghargaan (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    year INTEGER NOT NULL,
    description TEXT NOT NULL,
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, year, description)
);

CREATE TABLE penugasan_tim (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    year INTEGER NOT NULL,
    description TEXT NOT NULL,
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, year, description)
);

CREATE TABLE umpan_balik_360 (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    year INTEGER NOT NULL,
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    raters INTEGER,
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, year)
);

CREATE TABLE hukuman_disiplin (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    level TEXT NOT NULL CHECK (level IN ('ringan', 'sedang', 'berat')),
    tmt_start TEXT NOT NULL,
    tmt_end TEXT,
    description TEXT NOT NULL DEFAULT '',
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, tmt_start)
);

-- An assessment-centre result: competency levels, JPM and the eight potential dimensions.
CREATE TABLE asesmen (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    assessed_on TEXT NOT NULL,
    valid_until TEXT NOT NULL CHECK (valid_until > assessed_on),
    provider TEXT NOT NULL CHECK (provider <> ''),
    jabatan_id INTEGER REFERENCES jabatan (id),
    jpm REAL NOT NULL CHECK (jpm BETWEEN 0 AND 100),
    potential REAL NOT NULL CHECK (potential BETWEEN 0 AND 100),
    kemampuan_intelektual REAL NOT NULL CHECK (kemampuan_intelektual BETWEEN 0 AND 100),
    interpersonal REAL NOT NULL CHECK (interpersonal BETWEEN 0 AND 100),
    kesadaran_diri REAL NOT NULL CHECK (kesadaran_diri BETWEEN 0 AND 100),
    berpikir_kritis_dan_strategis REAL NOT NULL CHECK (berpikir_kritis_dan_strategis BETWEEN 0 AND 100),
    problem_solving REAL NOT NULL CHECK (problem_solving BETWEEN 0 AND 100),
    kecerdasan_emosional REAL NOT NULL CHECK (kecerdasan_emosional BETWEEN 0 AND 100),
    belajar_cepat REAL NOT NULL CHECK (belajar_cepat BETWEEN 0 AND 100),
    motivasi_dan_komitmen REAL NOT NULL CHECK (motivasi_dan_komitmen BETWEEN 0 AND 100),
    import_batch_id INTEGER REFERENCES import_batch (id),
    source_row INTEGER,
    UNIQUE (pegawai_id, assessed_on)
);

CREATE TABLE asesmen_kompetensi (
    asesmen_id INTEGER NOT NULL REFERENCES asesmen (id),
    kompetensi TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    required_level INTEGER CHECK (required_level BETWEEN 1 AND 5),
    PRIMARY KEY (asesmen_id, kompetensi)
);

-- Scoring rules, versioned per instansi. A change is a new version; rows are never updated.
CREATE TABLE parameter_set (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    version INTEGER NOT NULL CHECK (version > 0),
    name TEXT NOT NULL,
    rules TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (instansi_id, version)
);

-- A placement: one person, one period, one parameter version, as computed. Immutable; a
-- re-run with other inputs adds a new snapshot, which is then the one in force. The
-- instansi, unit, post and golongan are copies of the person's position at the time (for
-- filtering the talent map), not references: history outlives reorganisations.
CREATE TABLE placement (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    period INTEGER NOT NULL,
    -- Not a foreign key: parameter_set rows can never be removed (append-only), and the check
    -- would cost every snapshot a lookup.
    parameter_set_id INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('placed', 'incomplete', 'excluded', 'invalid')),
    kinerja REAL,
    potensial REAL,
    kinerja_category TEXT CHECK (kinerja_category IN ('below', 'meets', 'above')),
    potential_category TEXT CHECK (potential_category IN ('low', 'middle', 'high')),
    kotak INTEGER,
    recommendations TEXT,
    reason TEXT,
    unit_kerja_id INTEGER,
    jabatan_id INTEGER,
    golongan TEXT NOT NULL,
    -- Each component: score (null when missing), weight, source table and ids, a note (JSON).
    components TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    computed_at TEXT NOT NULL,
    -- The official diagonal numbering (domain.md §3), checked against the two categories.
    CHECK ((status = 'placed') = (kotak IS NOT NULL)),
    CHECK (kotak IS NULL OR kotak = CASE kinerja_category
        WHEN 'below' THEN CASE potential_category WHEN 'low' THEN 1 WHEN 'middle' THEN 3 ELSE 6 END
        WHEN 'meets' THEN CASE potential_category WHEN 'low' THEN 2 WHEN 'middle' THEN 5 ELSE 8 END
        ELSE CASE potential_category WHEN 'low' THEN 4 WHEN 'middle' THEN 7 ELSE 9 END END)
);

CREATE INDEX placement_history ON placement (pegawai_id, period, id);
CREATE INDEX placement_instansi ON placement (instansi_id, period);

-- The placement in force per person and period: the latest snapshot. Scoring adds a snapshot
-- only when the content differs from this one, so reading "latest" needs no second table.
CREATE VIEW placement_in_force AS
SELECT p.* FROM placement p
WHERE p.id = (SELECT MAX(q.id) FROM placement q WHERE q.pegawai_id = p.pegawai_id AND q.period = p.period);

CREATE TRIGGER parameter_set_immutable_update BEFORE UPDATE ON parameter_set
BEGIN SELECT RAISE(ABORT, 'parameter_set is append-only: add a new version'); END;
CREATE TRIGGER parameter_set_immutable_delete BEFORE DELETE ON parameter_set
BEGIN SELECT RAISE(ABORT, 'parameter_set is append-only: add a new version'); END;
CREATE TRIGGER placement_immutable_update BEFORE UPDATE ON placement
BEGIN SELECT RAISE(ABORT, 'placement is an immutable snapshot'); END;
CREATE TRIGGER placement_immutable_delete BEFORE DELETE ON placement
BEGIN SELECT RAISE(ABORT, 'placement is an immutable snapshot'); END;
