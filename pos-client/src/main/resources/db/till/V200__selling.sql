-- Issue 3, selling. Catalog items and prices keep every version with the moment it takes effect, so a
-- version published for later never applies early; a lookup picks the newest version in effect.
-- source: HQ (head office, authoritative) or STORE (imported at this store's till; shadowed by HQ).
CREATE TABLE catalog_items (
    sku            TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    effective_from INTEGER NOT NULL, -- epoch milliseconds
    name_zh        TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    price          INTEGER NOT NULL,
    member_price   INTEGER,
    tax_rate_bp    INTEGER NOT NULL,
    active         INTEGER NOT NULL,
    PRIMARY KEY (sku, source, version)
) WITHOUT ROWID;
CREATE INDEX catalog_items_name ON catalog_items (name_zh);

CREATE TABLE catalog_barcodes (
    barcode TEXT    NOT NULL,
    sku     TEXT    NOT NULL,
    source  TEXT    NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (barcode, sku, source, version)
) WITHOUT ROWID;

CREATE TABLE price_entries (
    sku            TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    effective_from INTEGER NOT NULL,
    price          INTEGER NOT NULL,
    member_price   INTEGER,
    PRIMARY KEY (sku, version)
) WITHOUT ROWID;

CREATE TABLE price_lists (
    version        INTEGER PRIMARY KEY,
    effective_from INTEGER NOT NULL
);

-- Promotions, tiers and loyalty rules, every version, each applied from its effective time.
CREATE TABLE rule_sets (
    kind           TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    effective_from INTEGER NOT NULL,
    payload        TEXT    NOT NULL,
    PRIMARY KEY (kind, version)
) WITHOUT ROWID;

-- What the foundation's tables held, carried over as head-office versions in effect since always.
INSERT INTO catalog_items (sku, source, version, effective_from, name_zh, name_en, category, unit, price,
                           member_price, tax_rate_bp, active)
    SELECT sku, 'HQ', version, 0, name_zh, name_en, category, unit, price, member_price, tax_rate_bp, active FROM products;
INSERT INTO catalog_barcodes (barcode, sku, source, version)
    SELECT b.barcode, b.sku, 'HQ', p.version FROM barcodes b JOIN products p ON p.sku = b.sku;
INSERT INTO rule_sets (kind, version, effective_from, payload)
    SELECT kind, version, 0, payload FROM head_office_rules;
DROP TABLE products;
DROP TABLE barcodes;

-- The whole sale as recorded, for refunds and reprints at any till of the store.
ALTER TABLE sales ADD COLUMN payload TEXT;

CREATE TABLE refunds (
    refund_id        TEXT    PRIMARY KEY,
    original_sale_id TEXT,
    store_id         TEXT    NOT NULL,
    till_id          TEXT    NOT NULL,
    total            INTEGER NOT NULL,
    occurred_at      TEXT    NOT NULL,
    payload          TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX refunds_sale ON refunds (original_sale_id);

-- Coupon codes used anywhere this till has heard of: each code is good once.
CREATE TABLE coupon_redemptions (
    code     TEXT PRIMARY KEY,
    sale_id  TEXT NOT NULL,
    event_id TEXT NOT NULL
) WITHOUT ROWID;

-- This till's shifts; a sale needs the open one.
CREATE TABLE shifts (
    shift_id     TEXT    PRIMARY KEY,
    till_epoch   INTEGER NOT NULL,
    opened_seq   INTEGER NOT NULL,
    opened_at    TEXT    NOT NULL,
    opened_by    TEXT    NOT NULL,
    float_amount INTEGER NOT NULL,
    closed_seq   INTEGER,
    closed_at    TEXT,
    counted_cash INTEGER
) WITHOUT ROWID;

-- Staff of this store (and chain-wide staff from head office), with PIN hashes only.
CREATE TABLE staff (
    staff_id TEXT    PRIMARY KEY,
    name     TEXT    NOT NULL,
    role     TEXT    NOT NULL,
    pin_hash TEXT    NOT NULL,
    active   INTEGER NOT NULL,
    hlc      INTEGER NOT NULL
) WITHOUT ROWID;

-- Sales parked to serve the next customer (挂单), until recalled; local to this till, never synced.
CREATE TABLE held_sales (
    hold_no   INTEGER PRIMARY KEY,
    held_at   TEXT    NOT NULL,
    cashier   TEXT    NOT NULL,
    summary   TEXT    NOT NULL,
    cart      TEXT    NOT NULL
);
DROP TABLE head_office_rules;
