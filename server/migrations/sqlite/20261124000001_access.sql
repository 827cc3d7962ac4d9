-- Accounts, roles scoped to an instansi (optionally a unit subtree), database-held sessions
-- (so several server processes share them) and the hash-chained audit log.
-- Mirrors migrations/postgres (a test compares the two).

-- A person who signs in: an ASN by NIP, staff without a NIP by a user name.
CREATE TABLE akun (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE CHECK (username <> '' AND username = lower(username)),
    name TEXT NOT NULL CHECK (name <> ''),
    pegawai_id INTEGER UNIQUE REFERENCES pegawai (id),
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL
);

-- A role within a scope; admin alone has no instansi.
CREATE TABLE peran (
    id INTEGER PRIMARY KEY,
    akun_id INTEGER NOT NULL REFERENCES akun (id),
    role TEXT NOT NULL CHECK (role IN ('pegawai', 'atasan', 'bkpsdm', 'komite', 'admin')),
    instansi_id INTEGER REFERENCES instansi (id),
    unit_kerja_id INTEGER REFERENCES unit_kerja (id),
    CHECK ((role = 'admin') = (instansi_id IS NULL)),
    CHECK (unit_kerja_id IS NULL OR instansi_id IS NOT NULL)
);
CREATE INDEX peran_akun ON peran (akun_id);

-- Only the SHA-256 of the cookie's token is stored: a copy of this table signs nobody in.
CREATE TABLE sesi (
    token_hash TEXT PRIMARY KEY,
    akun_id INTEGER NOT NULL REFERENCES akun (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sesi_akun ON sesi (akun_id);

-- Every write, append-only. Each row's hash covers its content and the previous row's hash,
-- so an edited or deleted row breaks the chain (`jenjang audit verify`). The head row is the
-- lock writers take, so that two writers never chain onto the same predecessor.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    instansi_id INTEGER,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    before_state TEXT,
    after_state TEXT,
    reason TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_instansi ON audit_log (instansi_id, seq);

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
