-- Calibration by the komite talenta (domain.md §3): sessions per period, and the moves made
-- in them, each with its written reason and its author. Mirrored in migrations/postgres; a
-- test compares the two.

-- A session is open until it is closed with the members present; closing locks it.
CREATE TABLE sesi_kalibrasi (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    period INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    opened_by TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_by TEXT,
    closed_at TEXT,
    -- The members present, a JSON array of names, written when the session closes.
    members TEXT,
    CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (members IS NULL))
);
-- One open session per instansi and period, so that two rooms cannot calibrate at once.
CREATE UNIQUE INDEX sesi_kalibrasi_one_open ON sesi_kalibrasi (instansi_id, period) WHERE closed_at IS NULL;

-- A move: append-only. The kotak in force for a person and period is the latest move's
-- target, or the computed kotak when there is none.
CREATE TABLE kalibrasi (
    id INTEGER PRIMARY KEY,
    sesi_id INTEGER NOT NULL REFERENCES sesi_kalibrasi (id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai (id),
    period INTEGER NOT NULL,
    -- The computed snapshot in force when the move was made.
    placement_id INTEGER NOT NULL REFERENCES placement (id),
    computed_kotak INTEGER NOT NULL CHECK (computed_kotak BETWEEN 1 AND 9),
    from_kotak INTEGER NOT NULL CHECK (from_kotak BETWEEN 1 AND 9),
    to_kotak INTEGER NOT NULL CHECK (to_kotak BETWEEN 1 AND 9 AND to_kotak <> from_kotak),
    reason TEXT NOT NULL CHECK (length(reason) >= 20),
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE INDEX kalibrasi_history ON kalibrasi (pegawai_id, period, id);
CREATE INDEX kalibrasi_sesi ON kalibrasi (sesi_id);

CREATE TRIGGER kalibrasi_immutable_update BEFORE UPDATE ON kalibrasi
BEGIN SELECT RAISE(ABORT, 'kalibrasi is append-only: make another move'); END;
CREATE TRIGGER kalibrasi_immutable_delete BEFORE DELETE ON kalibrasi
BEGIN SELECT RAISE(ABORT, 'kalibrasi is append-only: make another move'); END;

CREATE VIEW kalibrasi_in_force AS
SELECT k.* FROM kalibrasi k
WHERE k.id = (SELECT MAX(q.id) FROM kalibrasi q WHERE q.pegawai_id = k.pegawai_id AND q.period = k.period);

-- The placement in force with its calibration: `kotak` stays the computed one,
-- `calibrated_kotak` is the komite's (NULL without a calibration), `final_kotak` the one
-- that counts (talent map, talent pool, eligibility).
CREATE VIEW placement_calibrated AS
SELECT f.*, k.to_kotak AS calibrated_kotak, k.reason AS calibration_reason,
    k.decided_by AS calibrated_by, k.decided_at AS calibrated_at,
    COALESCE(k.to_kotak, f.kotak) AS final_kotak
FROM placement_in_force f
LEFT JOIN kalibrasi_in_force k ON k.pegawai_id = f.pegawai_id AND k.period = f.period;
