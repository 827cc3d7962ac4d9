-- The reference number of a calibration session's minutes (berita acara), given by the
-- komite's secretariat when the session closes; empty when the office writes it by hand on
-- the print. Mirrored in migrations/sqlite and migrations/postgres.
ALTER TABLE sesi_kalibrasi ADD COLUMN reference TEXT;
