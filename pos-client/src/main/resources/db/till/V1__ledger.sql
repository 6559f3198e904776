-- The till's append-only event log. Versions: 1-99 ledger and sync core, 100-199 foundation projections,
-- 200-299 selling, 300-399 loyalty, 400-499 devices, 500-599 sync hardening.

-- Who this till is. One row. The epoch changes at every enrollment so sequence numbers are never reused.
CREATE TABLE till_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    store_id    TEXT    NOT NULL,
    till_id     TEXT    NOT NULL,
    till_epoch  INTEGER NOT NULL,
    server_url  TEXT,
    token       TEXT
);

-- Every fact this till recorded, gap-free per epoch, with the envelope exactly as it is pushed.
CREATE TABLE ledger_events (
    till_epoch  INTEGER NOT NULL,
    till_seq    INTEGER NOT NULL,
    event_id    TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    hlc         INTEGER NOT NULL,
    occurred_at TEXT    NOT NULL,
    envelope    TEXT    NOT NULL,
    PRIMARY KEY (till_epoch, till_seq)
) WITHOUT ROWID;

-- What the server has acknowledged, per epoch.
CREATE TABLE sync_acks (
    till_epoch    INTEGER PRIMARY KEY,
    acked_through INTEGER NOT NULL
);

-- Facts from other tills and head office, as pulled, in the order they arrived.
CREATE TABLE remote_events (
    arrival     INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    store_id    TEXT    NOT NULL,
    till_id     TEXT    NOT NULL,
    hlc         INTEGER NOT NULL,
    envelope    TEXT    NOT NULL
);

-- Small named values: the pull cursor, counters for receipt numbers.
CREATE TABLE till_state (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
