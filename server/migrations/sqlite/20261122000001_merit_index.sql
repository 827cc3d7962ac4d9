-- Instansi and their published merit-index scores.
-- The category is not stored: it is derived from the score by the domain rules.
CREATE TABLE instansi (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota')),
    province TEXT NOT NULL
);

CREATE TABLE merit_index_score (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    framework TEXT NOT NULL CHECK (framework IN ('KASN_100_400', 'NISM_0_1')),
    score REAL NOT NULL,
    source TEXT NOT NULL CHECK (source <> ''),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (instansi_id, framework, year)
);
