-- Read models kept at ingest for head office's member and liability reports (issue 12); each is written by
-- one projection only, in the ingest transaction, and rebuilt from the log to the same result. Member ids
-- are as each event named them (merged ids add up to their survivor through member_aliases when read),
-- except in the liability pools, which follow merges themselves so a pool's store is known when it is spent.

-- A member's visits: first, last, how many and the spend net of refunds (JdbcMemberActivityProjection).
CREATE TABLE member_activity (
    member_id      TEXT    NOT NULL PRIMARY KEY,
    first_visit_ms INTEGER NOT NULL,
    last_visit_ms  INTEGER NOT NULL,
    visits         INTEGER NOT NULL,
    spend          INTEGER NOT NULL
);

-- One row per member sale (visits 1, spend its total) and per refund of one (visits 0, spend minus the refund),
-- so visits and spend per period, per store, are sums over a range of time.
CREATE TABLE member_visits (
    event_id    TEXT    NOT NULL PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    sale_id     TEXT    NOT NULL,
    store_id    TEXT    NOT NULL,
    occurred_ms INTEGER NOT NULL,
    visits      INTEGER NOT NULL,
    spend       INTEGER NOT NULL
);
CREATE INDEX member_visits_by_member ON member_visits (member_id, occurred_ms);
CREATE INDEX member_visits_by_time ON member_visits (occurred_ms, store_id);
CREATE INDEX member_visits_by_sale ON member_visits (sale_id);

-- A member's tier history: the tier it registered with (from_tier NULL), then every change.
CREATE TABLE member_tiers (
    event_id    TEXT    NOT NULL PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    from_tier   TEXT,
    to_tier     TEXT    NOT NULL,
    occurred_ms INTEGER NOT NULL
);
CREATE INDEX member_tiers_by_member ON member_tiers (member_id, occurred_ms);

-- Every points and stored-value movement with the store it happened in (JdbcLiabilityProjection).
CREATE TABLE liability_deltas (
    event_id    TEXT    NOT NULL PRIMARY KEY,
    store_id    TEXT    NOT NULL,
    account     TEXT    NOT NULL, -- POINTS or STORED_VALUE
    reason      TEXT    NOT NULL,
    delta       INTEGER NOT NULL,
    bonus_part  INTEGER NOT NULL,
    occurred_ms INTEGER NOT NULL
);
CREATE INDEX liability_deltas_by_time ON liability_deltas (occurred_ms, store_id);

-- Who holds a member id's pools: itself, or the survivor it was merged into (followed in event order).
CREATE TABLE liability_owners (
    member_id TEXT NOT NULL PRIMARY KEY,
    owner_id  TEXT NOT NULL
);
CREATE INDEX liability_owners_by_owner ON liability_owners (owner_id);

-- What a member holds, by the store that sold (or gave) it: points, paid stored value (本金), bonus (赠金).
CREATE TABLE liability_pools (
    owner_id TEXT    NOT NULL,
    store_id TEXT    NOT NULL,
    points   INTEGER NOT NULL,
    paid     INTEGER NOT NULL,
    bonus    INTEGER NOT NULL,
    PRIMARY KEY (owner_id, store_id)
);

-- The pools summed per store, kept with them, and the points earned and expired (breakage) per store.
CREATE TABLE liability_totals (
    store_id       TEXT    NOT NULL PRIMARY KEY,
    points         INTEGER NOT NULL,
    paid           INTEGER NOT NULL,
    bonus          INTEGER NOT NULL,
    points_earned  INTEGER NOT NULL,
    points_expired INTEGER NOT NULL
);
