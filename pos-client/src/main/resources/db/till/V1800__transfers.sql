-- Transfers between stores that concern this till's store, kept from TransferSent, TransferReceived and
-- TransferCancelled: what was sent, what arrived, and whether goods are still in transit.
CREATE TABLE transfers (
    transfer_id TEXT    PRIMARY KEY,
    transfer_no TEXT    NOT NULL,
    from_store  TEXT    NOT NULL,
    to_store    TEXT    NOT NULL,
    -- IN_TRANSIT, RECEIVED or CANCELLED; a receipt or a cancellation is final whatever order events arrive in
    status      TEXT    NOT NULL
);
CREATE INDEX transfers_by_no ON transfers (transfer_no);

CREATE TABLE transfer_lines (
    transfer_id   TEXT    NOT NULL,
    sku           TEXT    NOT NULL,
    sent_milli    INTEGER NOT NULL DEFAULT 0,
    arrived_milli INTEGER,
    PRIMARY KEY (transfer_id, sku)
) WITHOUT ROWID;

CREATE TABLE transfer_discrepancies (
    transfer_id TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    qty_milli   INTEGER NOT NULL,
    PRIMARY KEY (transfer_id, sku, reason)
) WITHOUT ROWID;
