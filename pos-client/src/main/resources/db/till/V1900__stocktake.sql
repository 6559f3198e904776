-- The stocktake being counted at this till: working state, not facts. Nothing of it syncs; when a manager
-- approves it, one StocktakeCompleted and its STOCKTAKE stock movements are appended and these rows go.
CREATE TABLE stocktake_open (
    only_one    INTEGER PRIMARY KEY CHECK (only_one = 1),
    scope_kind  TEXT    NOT NULL, -- STORE, CATEGORY or SHELF
    scope_label TEXT,
    started_at  TEXT    NOT NULL,
    started_by  TEXT    NOT NULL
);

-- Per product: what has been counted so far and the stock on hand at its last count (a scan or a correction),
-- which its difference is taken against, whatever sells afterwards.
CREATE TABLE stocktake_counts (
    sku           TEXT    PRIMARY KEY,
    counted_milli INTEGER NOT NULL,
    on_hand_milli INTEGER NOT NULL,
    counted_at    TEXT    NOT NULL,
    counted_by    TEXT    NOT NULL,
    seq           INTEGER NOT NULL -- order of first count, for the screen
) WITHOUT ROWID;

-- Approved stocktakes of this till's store, kept from StocktakeCompleted (this till's and the store's others').
CREATE TABLE stocktakes (
    stocktake_no       TEXT    PRIMARY KEY,
    scope_kind         TEXT    NOT NULL,
    scope_label        TEXT,
    started_at         TEXT    NOT NULL,
    approved_at        TEXT    NOT NULL,
    counted_by         TEXT,
    approved_by        TEXT    NOT NULL,
    approver_name      TEXT,
    uncounted_as_zero  INTEGER NOT NULL
);

CREATE TABLE stocktake_lines (
    stocktake_no     TEXT    NOT NULL,
    sku              TEXT    NOT NULL,
    counted_milli    INTEGER NOT NULL,
    on_hand_milli    INTEGER NOT NULL,
    difference_milli INTEGER NOT NULL,
    PRIMARY KEY (stocktake_no, sku)
) WITHOUT ROWID;
