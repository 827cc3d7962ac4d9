-- Sign-in limits shared by every server process (issue 18): failed attempts counted per key
-- in a window, and the addresses each account has signed in from. Times are milliseconds
-- since the Unix epoch. Mirrors migrations/postgres (a test compares the two).

-- One tally per key: 'pasangan:<akun>|<alamat>', 'alamat:<alamat>' or 'akun:<akun>'.
CREATE TABLE sign_in_failure (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    window_start INTEGER NOT NULL,
    next_at INTEGER NOT NULL
);
CREATE INDEX sign_in_failure_window ON sign_in_failure (window_start);

-- Where an account has signed in: its owner there is spared the account-wide slow-down.
CREATE TABLE sign_in_known (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    last_success INTEGER NOT NULL,
    PRIMARY KEY (username, address)
);
