-- The chain's event log: every event exactly as a till or head office sent it (canonical JSON), under its
-- till key and its global id, numbered in commit order by server_seq (the pull cursor).
CREATE TABLE events (
    server_seq     INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a number is never handed out twice
    event_id       TEXT    NOT NULL,
    store_id       TEXT    NOT NULL,
    till_id        TEXT    NOT NULL,
    till_epoch     INTEGER NOT NULL,
    till_seq       INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    hlc            INTEGER NOT NULL,
    occurred_at    TEXT    NOT NULL,
    scope          TEXT    NOT NULL, -- CHAIN: every till receives it; STORE: only the tills of store_id
    received_ms    INTEGER NOT NULL,
    body           TEXT    NOT NULL,
    CONSTRAINT events_event_id UNIQUE (event_id),
    CONSTRAINT events_till_key UNIQUE (till_id, till_epoch, till_seq)
);

-- Per till and epoch, the highest tillSeq consumed (stored or quarantined): the push high-water mark.
CREATE TABLE till_marks (
    till_id       TEXT    NOT NULL,
    till_epoch    INTEGER NOT NULL,
    acked_through INTEGER NOT NULL,
    last_hlc      INTEGER NOT NULL,
    PRIMARY KEY (till_id, till_epoch)
);

-- Events that reused a key or an event id with different content: both copies, for head office to resolve.
CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    till_id     TEXT    NOT NULL,
    till_epoch  INTEGER NOT NULL,
    till_seq    INTEGER NOT NULL,
    event_id    TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    incoming    TEXT    NOT NULL,
    stored      TEXT,
    detected_ms INTEGER NOT NULL
);
CREATE INDEX quarantine_till_key ON quarantine (till_id, till_epoch, till_seq);

-- What head office must look at (GET /api/v1/exceptions).
CREATE TABLE sync_exceptions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL,
    member_id   TEXT,
    balance     INTEGER,
    store_id    TEXT,
    sku         TEXT,
    qty_milli   INTEGER,
    till_id     TEXT,
    event_id    TEXT,
    detail      TEXT,
    detected_ms INTEGER NOT NULL
);
