-- Transfers between stores and what differed on arrival (issue 15), written by JdbcTransferProjection at ingest.
-- Stock itself stays the sum of StockChanged in the stock table.

-- A transfer and where it stands: IN_TRANSIT until received or cancelled. A receipt outranks a cancellation,
-- and both outrank "in transit", so the row is the same whatever order the events arrive in.
CREATE TABLE stock_transfers (
    transfer_id   TEXT   NOT NULL PRIMARY KEY,
    transfer_no   TEXT   NOT NULL,
    from_store    TEXT   NOT NULL,
    to_store      TEXT   NOT NULL,
    status        TEXT   NOT NULL,
    sent_at       TEXT,
    closed_at     TEXT
);
CREATE INDEX stock_transfers_by_status ON stock_transfers (status, transfer_no);

-- What each transfer sent and, once received, what arrived.
CREATE TABLE stock_transfer_lines (
    transfer_id   TEXT   NOT NULL,
    sku           TEXT   NOT NULL,
    sent_milli    BIGINT NOT NULL DEFAULT 0,
    arrived_milli BIGINT,
    PRIMARY KEY (transfer_id, sku)
);

-- What arrived differently from its document (a supplier's delivery note or a transfer), per product and reason.
CREATE TABLE stock_discrepancies (
    document_no   TEXT   NOT NULL,
    document_kind TEXT   NOT NULL,
    store_id      TEXT   NOT NULL,
    sku           TEXT   NOT NULL,
    reason        TEXT   NOT NULL,
    qty_milli     BIGINT NOT NULL,
    occurred_at   TEXT   NOT NULL,
    PRIMARY KEY (document_no, sku, reason)
);
CREATE INDEX stock_discrepancies_by_time ON stock_discrepancies (occurred_at);
