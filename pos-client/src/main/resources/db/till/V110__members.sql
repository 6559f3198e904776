-- Members as merged from every store: per-field last-writer-wins stamps are kept in `stamps`.
CREATE TABLE members (
    member_id         TEXT PRIMARY KEY,
    card_no           TEXT,
    phone             TEXT,
    name              TEXT,
    gender            TEXT,
    birthday          TEXT,
    tier_code         TEXT,
    consent_marketing INTEGER,
    registered_store  TEXT,
    registered_at     TEXT,
    stamps            TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX members_phone ON members (phone);
CREATE INDEX members_card ON members (card_no);

-- A merged member id and the surviving id it now means.
CREATE TABLE member_aliases (
    merged_id   TEXT PRIMARY KEY,
    survivor_id TEXT NOT NULL
) WITHOUT ROWID;
