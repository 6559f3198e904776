-- Head office's stock planning (issue 15), written by JdbcStockPlanProjection at ingest: each store's minimum of a
-- product, and the transfers head office proposed. A proposal's status (shipped, received, cancelled) is read from
-- stock_transfers, which shares its transfer_id.

-- The newest minimum per store and product: the one with the greatest hlc wins, whatever order they arrive in.
CREATE TABLE stock_minimums (
    store_id   TEXT   NOT NULL,
    sku        TEXT   NOT NULL,
    min_milli  BIGINT NOT NULL,
    set_by     TEXT,
    set_hlc    BIGINT NOT NULL,
    set_at     TEXT   NOT NULL,
    PRIMARY KEY (store_id, sku)
);

CREATE TABLE stock_proposals (
    transfer_id  TEXT   NOT NULL PRIMARY KEY,
    proposal_no  TEXT   NOT NULL,
    from_store   TEXT   NOT NULL,
    to_store     TEXT   NOT NULL,
    proposed_by  TEXT,
    note         TEXT,
    proposed_at  TEXT   NOT NULL
);
CREATE INDEX stock_proposals_by_time ON stock_proposals (proposed_at);

CREATE TABLE stock_proposal_lines (
    transfer_id  TEXT   NOT NULL,
    sku          TEXT   NOT NULL,
    qty_milli    BIGINT NOT NULL,
    PRIMARY KEY (transfer_id, sku)
);
