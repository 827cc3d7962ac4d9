-- The talent pool (kelompok rencana suksesi, KRS; domain.md §3). Everyone in kotak 7-9 of a
-- period is proposed without a row here; a row records the steps taken on the proposal:
-- BKPSDM's verification, then the komite's decision with its reference. Mirrored in
-- migrations/postgres; a test compares the two.
CREATE TABLE krs (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    period INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('diverifikasi', 'ditetapkan', 'ditolak')),
    -- The kotak in force at the latest step (NULL when a dropout was rejected unplaced).
    kotak INTEGER CHECK (kotak BETWEEN 1 AND 9),
    nasional BOOLEAN NOT NULL,
    verified_by TEXT,
    verified_at TEXT,
    decided_by TEXT,
    decided_at TEXT,
    decision_ref TEXT,
    note TEXT,
    UNIQUE (pegawai_id, period),
    CHECK ((verified_at IS NULL) = (verified_by IS NULL)),
    CHECK ((status = 'diverifikasi') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_by IS NULL) AND (decided_at IS NULL) = (decision_ref IS NULL)),
    CHECK (status <> 'ditetapkan' OR (verified_at IS NOT NULL AND kotak >= 7))
);
CREATE INDEX krs_instansi_period ON krs (instansi_id, period);
