-- Projections merged from the log in the transaction that stores each event; rebuildable from the log.

-- One row per member and profile field: the last writer by (hlc, till_id, event_id) wins.
CREATE TABLE member_fields (
    member_id TEXT   COLLATE "C" NOT NULL,
    field     TEXT   COLLATE "C" NOT NULL,
    value     TEXT   COLLATE "C" NOT NULL,
    hlc       BIGINT NOT NULL,
    till_id   TEXT   COLLATE "C" NOT NULL,
    event_id  TEXT   COLLATE "C" NOT NULL,
    PRIMARY KEY (member_id, field)
);
CREATE INDEX member_fields_by_value ON member_fields (field, value);

-- A merged member id and the survivor it now stands for; kept flat (always the final survivor).
CREATE TABLE member_aliases (
    merged_id   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    survivor_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX member_aliases_by_survivor ON member_aliases (survivor_id);

-- The points and stored-value ledger: one row per event, so a delta counts once whatever arrives twice.
CREATE TABLE balance_deltas (
    event_id  TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    member_id TEXT   COLLATE "C" NOT NULL,
    account   TEXT   NOT NULL, -- POINTS or STORED_VALUE
    delta     BIGINT NOT NULL
);

-- Running sums of balance_deltas per member id as the event named it (aliases add up at read time).
CREATE TABLE member_balances (
    member_id    TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    points       BIGINT NOT NULL,
    stored_value BIGINT NOT NULL
);

-- Stock per store and SKU in thousandths: the sum of every movement, stocktakes included.
CREATE TABLE stock (
    store_id  TEXT   COLLATE "C" NOT NULL,
    sku       TEXT   COLLATE "C" NOT NULL,
    qty_milli BIGINT NOT NULL,
    PRIMARY KEY (store_id, sku)
);
