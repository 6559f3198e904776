-- Issue 4: points, tiers and stored value.

-- What each points change counts towards a tier (money, minor units), the birthday bonus inside it, who
-- recorded it and when (epoch ms, for periods and the offline limit).
ALTER TABLE points_entries ADD COLUMN qualifying_spend INTEGER NOT NULL DEFAULT 0;
ALTER TABLE points_entries ADD COLUMN birthday_bonus INTEGER NOT NULL DEFAULT 0;
ALTER TABLE points_entries ADD COLUMN till_id TEXT;
ALTER TABLE points_entries ADD COLUMN occurred_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX points_entries_member_time ON points_entries (member_id, occurred_ms);

-- Stored value in two parts: bonus_part is the bonus money inside delta (same sign); the rest was paid.
ALTER TABLE stored_value_entries ADD COLUMN bonus_part INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stored_value_entries ADD COLUMN top_up_id TEXT;
ALTER TABLE stored_value_entries ADD COLUMN till_id TEXT;
ALTER TABLE stored_value_entries ADD COLUMN occurred_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stored_value_entries_sale ON stored_value_entries (sale_id);
CREATE INDEX stored_value_entries_top_up ON stored_value_entries (top_up_id);

-- A member's tier as moved by MemberTierChanged, last writer by (hlc, till, event) wins; members without a
-- row keep the tier they registered with.
CREATE TABLE member_tiers (
    member_id TEXT    PRIMARY KEY,
    tier_code TEXT    NOT NULL,
    hlc       INTEGER NOT NULL,
    till_id   TEXT    NOT NULL,
    event_id  TEXT    NOT NULL
) WITHOUT ROWID;

-- This store's top-ups, for refunds of unspent ones.
CREATE TABLE top_ups (
    top_up_id   TEXT    PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    receipt_no  TEXT,
    paid        INTEGER NOT NULL,
    bonus       INTEGER NOT NULL,
    tenders     TEXT    NOT NULL,
    change_given INTEGER NOT NULL,
    occurred_at TEXT    NOT NULL,
    refunded    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX top_ups_receipt ON top_ups (receipt_no);

-- Coupon codes handed out as rewards, chain-wide, so each code of a pool is issued once.
CREATE TABLE reward_coupons (
    code      TEXT PRIMARY KEY,
    member_id TEXT NOT NULL,
    event_id  TEXT NOT NULL
) WITHOUT ROWID;

-- Entries recorded before this version get their time from the ISO text they kept.
UPDATE points_entries SET occurred_ms = CAST(ROUND((julianday(occurred_at) - 2440587.5) * 86400000) AS INTEGER)
WHERE occurred_ms = 0;
UPDATE stored_value_entries SET occurred_ms = CAST(ROUND((julianday(occurred_at) - 2440587.5) * 86400000) AS INTEGER)
WHERE occurred_ms = 0;
