-- Each registration the log holds, checked against the key its till uploaded (SealingCheck): outcome is null while
-- the key is awaited, OPENED when the sealed phone and name open with it, BROKEN when they do not, KEY_LATE when no
-- key came within the deadline (checked again when it comes), ERASED when the member was erased first.
-- No personal data here: the sealed values are read from the log when the check runs.
CREATE TABLE sealing_checks (
    event_id    TEXT    NOT NULL PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    store_id    TEXT    NOT NULL,
    till_id     TEXT    NOT NULL,
    received_ms BIGINT  NOT NULL,
    outcome     TEXT
);
CREATE INDEX sealing_checks_open ON sealing_checks (outcome, received_ms);

-- How far into the log (server_seq) registrations have been taken into sealing_checks.
CREATE TABLE sealing_cursor (
    id       INTEGER NOT NULL PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);
INSERT INTO sealing_cursor (id, last_seq) VALUES (1, 0);
