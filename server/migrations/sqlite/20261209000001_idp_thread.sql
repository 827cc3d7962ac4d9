-- The conversation of an IDP (domain.md §5): each submission, decision and revision with who
-- wrote it, when, and what they wrote, in order. Mirrored in migrations/postgres; a test
-- compares the two.
CREATE TABLE idp_catatan (
    id INTEGER PRIMARY KEY,
    idp_id INTEGER NOT NULL REFERENCES idp (id),
    at TEXT NOT NULL,
    -- The actor (`akun:<username>`), shown by the account's name.
    author TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('ajukan', 'setujui', 'kembalikan', 'revisi')),
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idp_catatan_idp ON idp_catatan (idp_id);

-- What plans held before: the last decision's comment becomes the thread's start.
INSERT INTO idp_catatan (idp_id, at, author, kind, text)
SELECT id, decided_at, decided_by, CASE status WHEN 'dikembalikan' THEN 'kembalikan' ELSE 'setujui' END,
       COALESCE(comment, '')
FROM idp WHERE decided_at IS NOT NULL AND decided_by IS NOT NULL AND status IN ('disetujui', 'dikembalikan');

-- A plan returned and submitted again kept the reason but not who gave it.
INSERT INTO idp_catatan (idp_id, at, author, kind, text)
SELECT id, submitted_at, 'migrasi', 'kembalikan', comment
FROM idp WHERE status = 'diajukan' AND submitted_at IS NOT NULL AND comment IS NOT NULL AND comment <> '';

-- The thread now holds every comment.
ALTER TABLE idp DROP COLUMN comment;
