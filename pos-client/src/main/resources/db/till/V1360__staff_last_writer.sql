-- Staff accounts follow the chain's one last-writer-wins rule (hlc, then till id, then event id) like every other
-- projection: with the hybrid timestamp alone, two writes stamped alike (two tills, or a till restored from a
-- backup) kept whichever arrived first, so two tills could disagree about a cashier's PIN or role.
ALTER TABLE staff ADD COLUMN till_id TEXT NOT NULL DEFAULT '';
ALTER TABLE staff ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
