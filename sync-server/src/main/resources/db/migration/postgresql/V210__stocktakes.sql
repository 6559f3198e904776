-- Stocktakes approved at the tills (issue 15), written by JdbcStocktakeProjection at ingest from StocktakeCompleted.
-- The stock itself moves by the STOCKTAKE StockChanged events recorded with each one, in the stock table.

-- One approved stocktake: where, what it counted, who counted and who approved, when.
CREATE TABLE stocktakes (
    stocktake_no      TEXT    NOT NULL PRIMARY KEY,
    store_id          TEXT    NOT NULL,
    scope_kind        TEXT    NOT NULL,
    scope_label       TEXT,
    started_at        TEXT    NOT NULL,
    approved_at       TEXT    NOT NULL,
    counted_by        TEXT,
    approved_by       TEXT    NOT NULL,
    approver_name     TEXT,
    uncounted_as_zero INTEGER NOT NULL,
    lines             INTEGER NOT NULL
);
CREATE INDEX stocktakes_by_store ON stocktakes (store_id, approved_at);

-- Each product counted: the count, the stock on hand at the till when it was counted, the difference booked.
CREATE TABLE stocktake_lines (
    stocktake_no     TEXT    NOT NULL,
    sku              TEXT    NOT NULL,
    counted_milli    BIGINT  NOT NULL,
    on_hand_milli    BIGINT  NOT NULL,
    difference_milli BIGINT  NOT NULL,
    PRIMARY KEY (stocktake_no, sku)
);
