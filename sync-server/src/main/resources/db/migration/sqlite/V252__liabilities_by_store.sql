-- A store's liabilities page and member report read every member's pools (the points bands) and every store's movements
-- of the period: the store's own, found by the store.
CREATE INDEX liability_pools_by_store ON liability_pools (store_id, owner_id, points);
CREATE INDEX liability_deltas_by_store ON liability_deltas (store_id, occurred_ms);
