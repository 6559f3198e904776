-- Head office's stores and what the tills page and the exceptions page need.

-- A store: its name, address and the time zone its days and times are kept in; version counts the edits, so
-- the second of two admins editing one store is told instead of silently overwriting the first.
CREATE TABLE stores (
    store_id   TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    zone_id    TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
CREATE INDEX stores_by_name ON stores (name, store_id);

-- Each till's last contact as sync answered it: its last push and pull, the log sequence it had pulled to,
-- how far behind it was when it last pulled, and the app version it said it runs. Kept by the sync feature
-- when it answers (never found by scanning the log).
CREATE TABLE till_activity (
    till_id      TEXT    NOT NULL PRIMARY KEY,
    store_id     TEXT    NOT NULL,
    last_push_ms INTEGER,
    last_pull_ms INTEGER,
    contact_ms   INTEGER NOT NULL,
    pulled_to    INTEGER NOT NULL DEFAULT 0,
    pull_lag     INTEGER NOT NULL DEFAULT 0,
    app_version  TEXT
);

-- A till head office revoked (lost, stolen): its tokens are revoked with it; enrolling it again clears this.
ALTER TABLE tills ADD COLUMN revoked_ms INTEGER;
CREATE INDEX tills_by_store ON tills (store_id, till_id);

-- An exception resolved by head office: who, when and the note; open ones have no resolved_ms.
ALTER TABLE sync_exceptions ADD COLUMN resolved_ms INTEGER;
ALTER TABLE sync_exceptions ADD COLUMN resolved_by TEXT;
ALTER TABLE sync_exceptions ADD COLUMN resolution TEXT;
CREATE INDEX sync_exceptions_by_store ON sync_exceptions (store_id, id);
CREATE INDEX sync_exceptions_by_kind ON sync_exceptions (kind, id);
CREATE INDEX sync_exceptions_open ON sync_exceptions (resolved_ms, id);
