-- Points and stored value are sums of deltas over distinct events; rows are keyed by event id.
CREATE TABLE points_entries (
    event_id    TEXT    PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    delta       INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    sale_id     TEXT,
    occurred_at TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX points_entries_member ON points_entries (member_id);

CREATE TABLE stored_value_entries (
    event_id    TEXT    PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    delta       INTEGER NOT NULL,
    reason      TEXT    NOT NULL,
    sale_id     TEXT,
    occurred_at TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX stored_value_entries_member ON stored_value_entries (member_id);
