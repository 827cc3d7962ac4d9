-- Merit-index results kept by the people who publish them (issue 21, domain.md §14).
-- Mirrors migrations/postgres (a test compares the two: same tables, same columns in the
-- same order, so the rebuilt table below lists the old columns first, then the new ones in
-- the order PostgreSQL's ALTER TABLE appends them).
--
-- A result may be a category without a score (Anugerah Meritokrasi lists), names the body
-- that assessed it (KASN until 2024, BKN from late 2024), and is never edited: a correction
-- is a new version that names the one it replaces and why. The version in force is the one
-- no other row corrects (`merit_result_current`).
--
-- SQLite cannot drop a NOT NULL or a UNIQUE constraint, so the table is rebuilt: created
-- anew, the old rows copied (the body from their note, as the seed loader derives it; who
-- recorded them: the seed, now), the old table dropped and the new one renamed.

CREATE TABLE merit_index_score_baru (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    framework TEXT NOT NULL CHECK (framework IN ('KASN_100_400', 'NISM_0_1')),
    -- NULL for a category-only result.
    score REAL,
    -- The citation as published; for results added by an operator, their source URL.
    source TEXT NOT NULL CHECK (source <> ''),
    note TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL CHECK (body IN ('KASN', 'BKN')),
    -- The published category of a category-only result; NULL when it follows from the score.
    category TEXT,
    source_url TEXT,
    -- YYYY-MM-DD; NULL when the publication's day is not known.
    published_on TEXT,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    corrects_id INTEGER UNIQUE REFERENCES merit_index_score (id),
    correction_reason TEXT,
    -- As the audit log names them: `akun:<user>`, `cli:<login>`, `data-awal` for the seed.
    recorded_by TEXT NOT NULL,
    -- The account, when someone signed in recorded it.
    recorded_by_akun_id INTEGER REFERENCES akun (id),
    recorded_at TEXT NOT NULL,
    CHECK ((score IS NULL) <> (category IS NULL)),
    CHECK ((corrects_id IS NULL) = (correction_reason IS NULL)),
    CHECK ((corrects_id IS NULL) = (version = 1))
);

INSERT INTO merit_index_score_baru (
    id, instansi_id, year, framework, score, source, note, body, category, source_url,
    published_on, version, corrects_id, correction_reason, recorded_by, recorded_by_akun_id,
    recorded_at
)
SELECT id, instansi_id, year, framework, score, source, note,
    CASE WHEN instr(note, 'BKN') > 0 THEN 'BKN' ELSE 'KASN' END,
    NULL, NULL, NULL, 1, NULL, NULL, 'data-awal', NULL,
    strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM merit_index_score;

DROP TABLE merit_index_score;
ALTER TABLE merit_index_score_baru RENAME TO merit_index_score;

-- One row per version of a result (instansi, year, body, scale): a second value for the
-- same result is refused by the service, and two writers racing to add it meet here.
CREATE UNIQUE INDEX merit_index_score_version
    ON merit_index_score (instansi_id, year, body, framework, version);

CREATE TRIGGER merit_index_score_immutable_update BEFORE UPDATE ON merit_index_score
BEGIN SELECT RAISE(ABORT, 'merit_index_score is append-only: record a correction'); END;
CREATE TRIGGER merit_index_score_immutable_delete BEFORE DELETE ON merit_index_score
BEGIN SELECT RAISE(ABORT, 'merit_index_score is append-only: record a correction'); END;

-- The version of each result in force: the one no later version corrects.
CREATE VIEW merit_result_current AS
SELECT s.* FROM merit_index_score s
WHERE NOT EXISTS (SELECT 1 FROM merit_index_score c WHERE c.corrects_id = s.id);

-- A file an operator checked on the web (a dry run) and may then save as it was checked.
CREATE TABLE merit_import (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    staged_by TEXT NOT NULL,
    staged_at TEXT NOT NULL,
    committed_at TEXT
);

-- The public-data operator (data_publik) holds the installation, like admin: the role
-- check and the no-instansi rule change, so `peran` is rebuilt the same way.
CREATE TABLE peran_baru (
    id INTEGER PRIMARY KEY,
    akun_id INTEGER NOT NULL REFERENCES akun (id),
    role TEXT NOT NULL CHECK (role IN ('pegawai', 'atasan', 'bkpsdm', 'komite', 'data_publik', 'admin')),
    instansi_id INTEGER REFERENCES instansi (id),
    unit_kerja_id INTEGER REFERENCES unit_kerja (id),
    CHECK ((role IN ('admin', 'data_publik')) = (instansi_id IS NULL)),
    CHECK (unit_kerja_id IS NULL OR instansi_id IS NOT NULL)
);
INSERT INTO peran_baru (id, akun_id, role, instansi_id, unit_kerja_id)
SELECT id, akun_id, role, instansi_id, unit_kerja_id FROM peran;
DROP TABLE peran;
ALTER TABLE peran_baru RENAME TO peran;
CREATE INDEX peran_akun ON peran (akun_id);
