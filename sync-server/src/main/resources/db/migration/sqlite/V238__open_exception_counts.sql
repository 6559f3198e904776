-- How many exceptions are still open, per store and kind: every page shows the count, and counting the open rows
-- of sync_exceptions read each of them (a chain selling stock it never booked in has a million). Kept beside
-- sync_exceptions in the transaction that records or resolves one; store_id '' for an exception of no store.
CREATE TABLE open_exception_counts (
    store_id TEXT   NOT NULL,
    kind     TEXT   NOT NULL,
    open_count INTEGER NOT NULL,
    PRIMARY KEY (store_id, kind)
);
INSERT INTO open_exception_counts (store_id, kind, open_count)
SELECT COALESCE(store_id, ''), kind, COUNT(*) FROM sync_exceptions WHERE resolved_ms IS NULL
GROUP BY COALESCE(store_id, ''), kind;
