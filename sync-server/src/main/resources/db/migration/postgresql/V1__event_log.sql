-- The chain's event log on PostgreSQL: the same tables as on SQLite (db/migration/sqlite), in PostgreSQL's
-- types. Ids are compared byte by byte (COLLATE "C") as Java and SQLite compare them, so last-writer-wins
-- ties and "the oldest id" come out the same on both databases whatever the server's locale.
CREATE TABLE events (
    server_seq     BIGINT  PRIMARY KEY, -- taken from log_head in commit order (V4), never from a sequence
    event_id       TEXT    COLLATE "C" NOT NULL,
    store_id       TEXT    COLLATE "C" NOT NULL,
    till_id        TEXT    COLLATE "C" NOT NULL,
    till_epoch     INTEGER NOT NULL,
    till_seq       BIGINT  NOT NULL,
    type           TEXT    COLLATE "C" NOT NULL,
    schema_version INTEGER NOT NULL,
    hlc            BIGINT  NOT NULL,
    occurred_at    TEXT    NOT NULL,
    scope          TEXT    COLLATE "C" NOT NULL, -- CHAIN: every till receives it; STORE: only the tills of store_id
    received_ms    BIGINT  NOT NULL,
    body           TEXT    NOT NULL,
    CONSTRAINT events_event_id UNIQUE (event_id),
    CONSTRAINT events_till_key UNIQUE (till_id, till_epoch, till_seq)
);

-- Per till and epoch, the highest tillSeq consumed (stored or quarantined): the push high-water mark.
CREATE TABLE till_marks (
    till_id       TEXT    COLLATE "C" NOT NULL,
    till_epoch    INTEGER NOT NULL,
    acked_through BIGINT  NOT NULL,
    last_hlc      BIGINT  NOT NULL,
    PRIMARY KEY (till_id, till_epoch)
);

-- Events set apart rather than stored, with both copies where there are two, for head office to resolve.
CREATE TABLE quarantine (
    id          BIGSERIAL PRIMARY KEY,
    till_id     TEXT    COLLATE "C" NOT NULL,
    till_epoch  INTEGER NOT NULL,
    till_seq    BIGINT  NOT NULL,
    event_id    TEXT    COLLATE "C" NOT NULL,
    reason      TEXT    NOT NULL,
    incoming    TEXT    NOT NULL,
    stored      TEXT,
    detected_ms BIGINT  NOT NULL
);
CREATE INDEX quarantine_till_key ON quarantine (till_id, till_epoch, till_seq);

-- What head office must look at (GET /api/v1/exceptions).
CREATE TABLE sync_exceptions (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT   NOT NULL,
    member_id   TEXT   COLLATE "C",
    balance     BIGINT,
    store_id    TEXT   COLLATE "C",
    sku         TEXT   COLLATE "C",
    qty_milli   BIGINT,
    till_id     TEXT   COLLATE "C",
    event_id    TEXT   COLLATE "C",
    detail      TEXT,
    detected_ms BIGINT NOT NULL
);
