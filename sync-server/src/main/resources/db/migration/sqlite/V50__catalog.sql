-- Head office's catalog as its own events published it (the catalog projection; rebuilt from the log):
-- each product's newest version, the newest price set for it and since when, its barcodes, and every price
-- change with its effective time. "revision" counts the product's changes: an edit form carries it, so the
-- second of two admins editing the same product is told instead of overwriting the first.
CREATE TABLE catalog_products (
    sku                TEXT    NOT NULL PRIMARY KEY,
    version            INTEGER NOT NULL,
    revision           INTEGER NOT NULL,
    effective_ms       INTEGER NOT NULL,
    name_zh            TEXT    NOT NULL,
    name_en            TEXT    NOT NULL,
    search_text        TEXT    NOT NULL,
    category           TEXT    NOT NULL,
    unit               TEXT    NOT NULL,
    item_price         INTEGER NOT NULL,
    item_member_price  INTEGER,
    price              INTEGER NOT NULL,
    member_price       INTEGER,
    price_from_ms      INTEGER NOT NULL,
    tax_rate_bp        INTEGER NOT NULL,
    active             INTEGER NOT NULL,
    barcodes           TEXT    NOT NULL,
    updated_ms         INTEGER NOT NULL
);
CREATE INDEX catalog_products_by_name ON catalog_products (name_zh, sku);
CREATE INDEX catalog_products_by_category ON catalog_products (category, sku);
CREATE INDEX catalog_products_by_price ON catalog_products (price, sku);

CREATE TABLE catalog_barcodes (
    barcode TEXT NOT NULL PRIMARY KEY,
    sku     TEXT NOT NULL
);
CREATE INDEX catalog_barcodes_by_sku ON catalog_barcodes (sku);

-- Every head-office price change (PriceListPublished), one row per SKU and price-list version.
CREATE TABLE catalog_price_changes (
    sku          TEXT    NOT NULL,
    list_version INTEGER NOT NULL,
    effective_ms INTEGER NOT NULL,
    price        INTEGER NOT NULL,
    member_price INTEGER,
    PRIMARY KEY (sku, list_version)
);
CREATE INDEX catalog_price_changes_by_version ON catalog_price_changes (list_version);

-- Head office's promotions (PromotionsPublished, each version replacing the whole set) and the tier rates the
-- pricing engine reads (TierRulesPublished), for the promotions pages and their preview.
CREATE TABLE promotion_sets (
    version      INTEGER NOT NULL PRIMARY KEY,
    effective_ms INTEGER NOT NULL,
    published_ms INTEGER NOT NULL,
    payload      TEXT    NOT NULL
);
CREATE TABLE promotion_tier_rules (
    version      INTEGER NOT NULL PRIMARY KEY,
    effective_ms INTEGER NOT NULL,
    payload      TEXT    NOT NULL
);

-- Sales and refunds as head office sees them, one row per document, for the stores' sales pages.
CREATE TABLE sales_seen (
    doc_id       TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL,
    store_id     TEXT    NOT NULL,
    till_id      TEXT    NOT NULL,
    receipt_no   TEXT    NOT NULL,
    occurred_ms  INTEGER NOT NULL,
    total        INTEGER NOT NULL,
    refunded     INTEGER NOT NULL,
    currency     TEXT    NOT NULL,
    member       INTEGER NOT NULL,
    tenders      TEXT    NOT NULL
);
CREATE INDEX sales_seen_by_time ON sales_seen (store_id, occurred_ms, doc_id);
CREATE INDEX sales_seen_by_total ON sales_seen (store_id, total, doc_id);
CREATE INDEX sales_seen_by_receipt ON sales_seen (store_id, receipt_no, doc_id);

CREATE TABLE sales_stores (
    store_id TEXT    NOT NULL PRIMARY KEY,
    docs     INTEGER NOT NULL,
    last_ms  INTEGER NOT NULL
);
