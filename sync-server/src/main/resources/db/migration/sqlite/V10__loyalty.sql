-- Issue 4: points, tiers and stored value. What each balance delta is (reason), its bonus part, the
-- spend it counts towards a tier and when it happened: enough to fold points into lots by earn date for
-- expiry and to measure a member's period for tiers, from the projections alone.
ALTER TABLE balance_deltas ADD COLUMN reason TEXT;
ALTER TABLE balance_deltas ADD COLUMN bonus_part INTEGER NOT NULL DEFAULT 0;
ALTER TABLE balance_deltas ADD COLUMN qualifying_spend INTEGER NOT NULL DEFAULT 0;
ALTER TABLE balance_deltas ADD COLUMN occurred_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX balance_deltas_by_member ON balance_deltas (member_id, account, occurred_ms);

-- The bonus part of stored_value (the rest was paid by the member).
ALTER TABLE member_balances ADD COLUMN stored_value_bonus INTEGER NOT NULL DEFAULT 0;
