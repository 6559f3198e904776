CREATE TABLE sales (
    sale_id     TEXT    PRIMARY KEY,
    receipt_no  TEXT    NOT NULL UNIQUE,
    store_id    TEXT    NOT NULL,
    till_id     TEXT    NOT NULL,
    member_id   TEXT,
    total       INTEGER NOT NULL,
    currency    TEXT    NOT NULL,
    occurred_at TEXT    NOT NULL,
    event_id    TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE sale_lines (
    sale_id    TEXT    NOT NULL,
    line_no    INTEGER NOT NULL,
    sku        TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    qty_milli  INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    discount   INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    PRIMARY KEY (sale_id, line_no)
) WITHOUT ROWID;
