-- Transfers head office proposed that this till's store should send (TransferProposed): shown on the stock screen
-- until a till of the store ships one under its transfer id (then it is in the transfers table).
CREATE TABLE transfer_proposals (
    transfer_id TEXT    PRIMARY KEY,
    proposal_no TEXT    NOT NULL,
    from_store  TEXT    NOT NULL,
    to_store    TEXT    NOT NULL,
    note        TEXT
);

CREATE TABLE transfer_proposal_lines (
    transfer_id TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    qty_milli   INTEGER NOT NULL,
    PRIMARY KEY (transfer_id, sku)
) WITHOUT ROWID;

-- The least this till's store should hold of each product (StockMinimumSet), as head office set it last.
CREATE TABLE stock_minimums (
    sku       TEXT    PRIMARY KEY,
    min_milli INTEGER NOT NULL,
    set_hlc   INTEGER NOT NULL
) WITHOUT ROWID;
