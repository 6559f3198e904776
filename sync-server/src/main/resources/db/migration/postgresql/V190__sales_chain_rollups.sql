-- The sales facts rolled up for the chain, written by the same projection in the same transaction as the store's
-- rows: head office's report for the whole chain reads one row per day (and hour, product, category, tender or
-- promotion) instead of every store's. With 1,000 stores a 28-day chain page summed every store's basket and item
-- rows, hundreds of thousands of them, several times. sales_store_days is each store's day in one row, for the
-- stores and days sections. Same meanings and units as V70's tables.

-- Baskets and refunds of every store per local day, local hour and member or not.
CREATE TABLE sales_chain_baskets (
    day              BIGINT NOT NULL,
    hour             BIGINT NOT NULL,
    member           BIGINT NOT NULL,
    baskets          BIGINT NOT NULL,
    items_milli      BIGINT NOT NULL,
    gross            BIGINT NOT NULL,
    discount         BIGINT NOT NULL,
    net              BIGINT NOT NULL,
    refunds          BIGINT NOT NULL,
    refunded         BIGINT NOT NULL,
    PRIMARY KEY (day, hour, member)
);

-- Each store's local day in one row.
CREATE TABLE sales_store_days (
    store_id         TEXT   COLLATE "C" NOT NULL,
    day              BIGINT NOT NULL,
    baskets          BIGINT NOT NULL,
    items_milli      BIGINT NOT NULL,
    gross            BIGINT NOT NULL,
    discount         BIGINT NOT NULL,
    net              BIGINT NOT NULL,
    refunds          BIGINT NOT NULL,
    refunded         BIGINT NOT NULL,
    PRIMARY KEY (store_id, day)
);
CREATE INDEX sales_store_days_by_day ON sales_store_days (day, store_id);

-- Every store's sales and refunds per local day, product and its category when sold.
CREATE TABLE sales_chain_items (
    day              BIGINT NOT NULL,
    sku              TEXT   COLLATE "C" NOT NULL,
    category         TEXT   COLLATE "C" NOT NULL,
    lines            BIGINT NOT NULL,
    qty_milli        BIGINT NOT NULL,
    gross            BIGINT NOT NULL,
    discount         BIGINT NOT NULL,
    net              BIGINT NOT NULL,
    refund_qty_milli BIGINT NOT NULL,
    refunded         BIGINT NOT NULL,
    PRIMARY KEY (day, sku, category)
);

-- The same per category.
CREATE TABLE sales_chain_categories (
    day              BIGINT NOT NULL,
    category         TEXT   COLLATE "C" NOT NULL,
    lines            BIGINT NOT NULL,
    qty_milli        BIGINT NOT NULL,
    gross            BIGINT NOT NULL,
    discount         BIGINT NOT NULL,
    net              BIGINT NOT NULL,
    refund_qty_milli BIGINT NOT NULL,
    refunded         BIGINT NOT NULL,
    PRIMARY KEY (day, category)
);

-- What each way of paying took and gave back, per local day.
CREATE TABLE sales_chain_tenders (
    day              BIGINT NOT NULL,
    method           TEXT   COLLATE "C" NOT NULL,
    paid_count       BIGINT NOT NULL,
    paid             BIGINT NOT NULL,
    refund_count     BIGINT NOT NULL,
    refunded         BIGINT NOT NULL,
    PRIMARY KEY (day, method)
);

-- How often each promotion applied and what it took off, per local day.
CREATE TABLE sales_chain_promotions (
    day              BIGINT NOT NULL,
    code             TEXT   COLLATE "C" NOT NULL,
    name             TEXT   COLLATE "C" NOT NULL,
    applied          BIGINT NOT NULL,
    amount           BIGINT NOT NULL,
    PRIMARY KEY (day, code)
);

-- Filled from the store rows already there (the projection keeps them in step from now on; a rebuild writes both).
INSERT INTO sales_chain_baskets SELECT day, hour, member, SUM(baskets), SUM(items_milli), SUM(gross), SUM(discount), SUM(net),
    SUM(refunds), SUM(refunded) FROM sales_fact_baskets GROUP BY day, hour, member;
INSERT INTO sales_store_days SELECT store_id, day, SUM(baskets), SUM(items_milli), SUM(gross), SUM(discount), SUM(net),
    SUM(refunds), SUM(refunded) FROM sales_fact_baskets GROUP BY store_id, day;
INSERT INTO sales_chain_items SELECT day, sku, category, SUM(lines), SUM(qty_milli), SUM(gross), SUM(discount), SUM(net),
    SUM(refund_qty_milli), SUM(refunded) FROM sales_fact_items GROUP BY day, sku, category;
INSERT INTO sales_chain_categories SELECT day, category, SUM(lines), SUM(qty_milli), SUM(gross), SUM(discount), SUM(net),
    SUM(refund_qty_milli), SUM(refunded) FROM sales_fact_items GROUP BY day, category;
INSERT INTO sales_chain_tenders SELECT day, method, SUM(paid_count), SUM(paid), SUM(refund_count), SUM(refunded)
    FROM sales_fact_tenders GROUP BY day, method;
INSERT INTO sales_chain_promotions SELECT day, code, MAX(name), SUM(applied), SUM(amount) FROM sales_fact_promotions GROUP BY day, code;
