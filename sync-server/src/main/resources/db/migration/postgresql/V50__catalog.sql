-- Head office's catalog as its own events published it (the catalog projection; rebuilt from the log):
-- each product's newest version, the newest price set for it and since when, its barcodes, and every price
-- change with its effective time. "revision" counts the product's changes: an edit form carries it, so the
-- second of two admins editing the same product is told instead of overwriting the first.
CREATE TABLE catalog_products (
    sku                TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    version            BIGINT NOT NULL,
    revision           BIGINT NOT NULL,
    effective_ms       BIGINT NOT NULL,
    name_zh            TEXT   COLLATE "C" NOT NULL,
    name_en            TEXT   COLLATE "C" NOT NULL,
    search_text        TEXT   COLLATE "C" NOT NULL,
    category           TEXT   COLLATE "C" NOT NULL,
    unit               TEXT   COLLATE "C" NOT NULL,
    item_price         BIGINT NOT NULL,
    item_member_price  BIGINT,
    price              BIGINT NOT NULL,
    member_price       BIGINT,
    price_from_ms      BIGINT NOT NULL,
    tax_rate_bp        BIGINT NOT NULL,
    active             BIGINT NOT NULL,
    barcodes           TEXT   COLLATE "C" NOT NULL,
    updated_ms         BIGINT NOT NULL
);
CREATE INDEX catalog_products_by_name ON catalog_products (name_zh, sku);
CREATE INDEX catalog_products_by_category ON catalog_products (category, sku);
CREATE INDEX catalog_products_by_price ON catalog_products (price, sku);

CREATE TABLE catalog_barcodes (
    barcode TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    sku     TEXT COLLATE "C" NOT NULL
);
CREATE INDEX catalog_barcodes_by_sku ON catalog_barcodes (sku);

-- Every head-office price change (PriceListPublished), one row per SKU and price-list version.
CREATE TABLE catalog_price_changes (
    sku          TEXT   COLLATE "C" NOT NULL,
    list_version BIGINT NOT NULL,
    effective_ms BIGINT NOT NULL,
    price        BIGINT NOT NULL,
    member_price BIGINT,
    PRIMARY KEY (sku, list_version)
);
CREATE INDEX catalog_price_changes_by_version ON catalog_price_changes (list_version);

-- Head office's promotions (PromotionsPublished, each version replacing the whole set) and the tier rates the
-- pricing engine reads (TierRulesPublished), for the promotions pages and their preview.
CREATE TABLE promotion_sets (
    version      BIGINT NOT NULL PRIMARY KEY,
    effective_ms BIGINT NOT NULL,
    published_ms BIGINT NOT NULL,
    payload      TEXT   COLLATE "C" NOT NULL
);
CREATE TABLE promotion_tier_rules (
    version      BIGINT NOT NULL PRIMARY KEY,
    effective_ms BIGINT NOT NULL,
    payload      TEXT   COLLATE "C" NOT NULL
);

-- Sales and refunds as head office sees them, one row per document, for the stores' sales pages.
CREATE TABLE sales_seen (
    doc_id       TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    kind         TEXT   COLLATE "C" NOT NULL,
    store_id     TEXT   COLLATE "C" NOT NULL,
    till_id      TEXT   COLLATE "C" NOT NULL,
    receipt_no   TEXT   COLLATE "C" NOT NULL,
    occurred_ms  BIGINT NOT NULL,
    total        BIGINT NOT NULL,
    refunded     BIGINT NOT NULL,
    currency     TEXT   COLLATE "C" NOT NULL,
    member       BIGINT NOT NULL,
    tenders      TEXT   COLLATE "C" NOT NULL
);
CREATE INDEX sales_seen_by_time ON sales_seen (store_id, occurred_ms, doc_id);
CREATE INDEX sales_seen_by_total ON sales_seen (store_id, total, doc_id);
CREATE INDEX sales_seen_by_receipt ON sales_seen (store_id, receipt_no, doc_id);

CREATE TABLE sales_stores (
    store_id TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    docs     BIGINT NOT NULL,
    last_ms  BIGINT NOT NULL
);
