CREATE TABLE products (
    sku           TEXT    PRIMARY KEY,
    name_zh       TEXT    NOT NULL,
    name_en       TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    price         INTEGER NOT NULL,
    member_price  INTEGER,
    tax_rate_bp   INTEGER NOT NULL,
    active        INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    price_version INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE barcodes (
    barcode TEXT PRIMARY KEY,
    sku     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX barcodes_sku ON barcodes (sku);

-- The latest version of each head-office rule set (promotions, tiers, loyalty), as its event payload.
CREATE TABLE head_office_rules (
    kind           TEXT    PRIMARY KEY,
    version        INTEGER NOT NULL,
    effective_from TEXT    NOT NULL,
    payload        TEXT    NOT NULL
) WITHOUT ROWID;
