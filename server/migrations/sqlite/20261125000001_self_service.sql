-- ASN self-service (domain.md §5, §9): individual development plans approved by the atasan,
-- data-correction requests decided by BKPSDM, and the eligibility requirements of posts.
-- Mirrored in migrations/postgres; a test compares the two.

-- What a post asks of a candidate. A post without a row keeps the defaults of its kind
-- (domain.md §3, §5); a NULL column is a requirement that is not set.
CREATE TABLE syarat_jabatan (
    jabatan_id INTEGER PRIMARY KEY REFERENCES jabatan (id),
    min_golongan TEXT,
    min_education TEXT CHECK (min_education IN ('sma', 'd3', 's1', 's2', 's3')),
    education_field TEXT,
    required_training TEXT,
    min_years_in_post REAL CHECK (min_years_in_post >= 0),
    -- Comma-separated kotak numbers ('7,8,9'); NULL keeps the default of the post's kind.
    allowed_kotak TEXT,
    min_jpm REAL CHECK (min_jpm BETWEEN 0 AND 100),
    hukdis_free_years INTEGER NOT NULL DEFAULT 2 CHECK (hukdis_free_years BETWEEN 0 AND 10)
);

-- One plan per person and year, drafted by the person and decided by their atasan.
CREATE TABLE idp (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    year INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draf', 'diajukan', 'disetujui', 'dikembalikan')),
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    decided_at TEXT,
    decided_by TEXT,
    -- The atasan's comment with the last decision.
    comment TEXT,
    UNIQUE (pegawai_id, year)
);

-- A goal of a plan and its activity (method, JP, target date, evidence).
CREATE TABLE idp_item (
    id INTEGER PRIMARY KEY,
    idp_id INTEGER NOT NULL REFERENCES idp (id),
    origin TEXT NOT NULL CHECK (origin IN ('kesenjangan', 'rekomendasi', 'pribadi')),
    kompetensi TEXT,
    attained_level INTEGER CHECK (attained_level BETWEEN 1 AND 5),
    required_level INTEGER CHECK (required_level BETWEEN 1 AND 5),
    -- The scoring component the goal works on (for "what moves me up").
    component TEXT,
    goal TEXT NOT NULL CHECK (goal <> ''),
    method TEXT CHECK (method IN ('pelatihan', 'coaching', 'mentoring', 'e_learning', 'penugasan', 'tugas_belajar')),
    jp REAL CHECK (jp IS NULL OR (jp >= 1 AND jp <= 1000)),
    target_date TEXT,
    evidence_url TEXT
);
CREATE INDEX idp_item_idp ON idp_item (idp_id);

-- A person's request to correct their own record, and BKPSDM's decision.
CREATE TABLE koreksi_data (
    id INTEGER PRIMARY KEY,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    field TEXT NOT NULL CHECK (field IN ('pendidikan', 'pelatihan', 'golongan', 'tmt_jabatan')),
    -- The value on record when the request was made, as shown to the person.
    current_value TEXT NOT NULL,
    -- The proposal as JSON (applied on acceptance) and as one line for people.
    proposal TEXT NOT NULL,
    proposal_text TEXT NOT NULL,
    explanation TEXT NOT NULL,
    evidence_url TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('diajukan', 'diterima', 'ditolak')),
    requested_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    decision_reason TEXT,
    CHECK ((status = 'diajukan') = (decided_at IS NULL))
);
CREATE INDEX koreksi_data_pegawai ON koreksi_data (pegawai_id);
CREATE INDEX koreksi_data_status ON koreksi_data (status, pegawai_id);
