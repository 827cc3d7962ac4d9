-- Public statistics as releases (domain.md §11): the tables of an instansi's period, computed
-- once, disclosure-audited and stored frozen. The public pages and downloads read only these,
-- never live rows. Republishing a period adds a version; earlier versions stay. Mirrored in
-- migrations/postgres; a test compares the two.
CREATE TABLE rilis (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    period INTEGER NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    published_at TEXT NOT NULL,
    -- The actor (`akun:<username>` or `cli:<user>`) and the name shown for them.
    published_by TEXT NOT NULL,
    publisher_name TEXT NOT NULL,
    -- The newest scoring or calibration the tables reflect.
    data_as_of TEXT NOT NULL,
    parameter_version INTEGER NOT NULL,
    -- Why a period is published again; required from the second version on.
    note TEXT NOT NULL DEFAULT '',
    -- What changed since the previous version (JSON, from published figures only).
    changes TEXT NOT NULL,
    -- The true counts per OPD (JSON). Never served: the audit of later versions reads them.
    counts TEXT NOT NULL,
    -- The tables as published (JSON), and the disclosure audit of every "<5" in them (JSON).
    tables TEXT NOT NULL,
    audit TEXT NOT NULL,
    UNIQUE (instansi_id, period, version),
    CHECK (version = 1 OR length(note) >= 20)
);

CREATE TRIGGER rilis_immutable_update BEFORE UPDATE ON rilis
BEGIN SELECT RAISE(ABORT, 'rilis is frozen: publish a new version'); END;
CREATE TRIGGER rilis_immutable_delete BEFORE DELETE ON rilis
BEGIN SELECT RAISE(ABORT, 'rilis is frozen: publish a new version'); END;

