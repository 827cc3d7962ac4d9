-- Sign-in limits shared by every server process (issue 18): failed attempts counted per key
-- in a window, and the addresses each account has signed in from. Times are milliseconds
-- since the Unix epoch. Mirrors migrations/sqlite (a test compares the two).

-- One tally per key: 'pasangan:<akun>|<alamat>', 'alamat:<alamat>' or 'akun:<akun>'.
CREATE TABLE sign_in_failure (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL CHECK (failures >= 0),
    window_start BIGINT NOT NULL,
    next_at BIGINT NOT NULL
);
CREATE INDEX sign_in_failure_window ON sign_in_failure (window_start);

-- Where an account has signed in: its owner there is spared the account-wide slow-down.
CREATE TABLE sign_in_known (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    last_success BIGINT NOT NULL,
    PRIMARY KEY (username, address)
);
