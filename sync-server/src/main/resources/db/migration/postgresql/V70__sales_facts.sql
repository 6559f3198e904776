-- Sales facts for head office's reports (the sales facts projection, in the push's transaction; rebuilt from the
-- log). "day" is the store's local day (days since 1970-01-01 in the store's zone) and "hour" its local hour, so
-- a sale at 23:59 in Urumqi and one at 00:01 in Shanghai land on the days their stores lived them. Refunds are
-- netted on the day and in the store they happen, and linked to their sale. Amounts are minor units; quantities
-- thousandths.

-- By product: sold and refunded, per store, day, product, its category when sold, and member or not.
CREATE TABLE sales_fact_items (
    store_id         TEXT   COLLATE "C" NOT NULL,
    day              BIGINT NOT NULL,
    sku              TEXT   COLLATE "C" NOT NULL,
    category         TEXT   COLLATE "C" NOT NULL,
    member           BIGINT NOT NULL,
    lines            BIGINT NOT NULL,
    qty_milli        BIGINT NOT NULL,
    gross            BIGINT NOT NULL,
    discount         BIGINT NOT NULL,
    net              BIGINT NOT NULL,
    refund_qty_milli BIGINT NOT NULL,
    refunded         BIGINT NOT NULL,
    PRIMARY KEY (store_id, day, sku, category, member)
);
CREATE INDEX sales_fact_items_by_day ON sales_fact_items (day, store_id);

-- By basket: sales and refunds per store, day, hour, cashier and member or not.
CREATE TABLE sales_fact_baskets (
    store_id    TEXT   COLLATE "C" NOT NULL,
    day         BIGINT NOT NULL,
    hour        BIGINT NOT NULL,
    cashier     TEXT   COLLATE "C" NOT NULL,
    member      BIGINT NOT NULL,
    baskets     BIGINT NOT NULL,
    items_milli BIGINT NOT NULL,
    gross       BIGINT NOT NULL,
    discount    BIGINT NOT NULL,
    net         BIGINT NOT NULL,
    refunds     BIGINT NOT NULL,
    refunded    BIGINT NOT NULL,
    PRIMARY KEY (store_id, day, hour, cashier, member)
);
CREATE INDEX sales_fact_baskets_by_day ON sales_fact_baskets (day, store_id);

-- By tender: what each way of paying took (cash less change) and gave back.
CREATE TABLE sales_fact_tenders (
    store_id     TEXT   COLLATE "C" NOT NULL,
    day          BIGINT NOT NULL,
    method       TEXT   COLLATE "C" NOT NULL,
    paid_count   BIGINT NOT NULL,
    paid         BIGINT NOT NULL,
    refund_count BIGINT NOT NULL,
    refunded     BIGINT NOT NULL,
    PRIMARY KEY (store_id, day, method)
);
CREATE INDEX sales_fact_tenders_by_day ON sales_fact_tenders (day, store_id);

-- By promotion: how often each promotion applied (on a line or the order) and what it took off.
CREATE TABLE sales_fact_promotions (
    store_id TEXT   COLLATE "C" NOT NULL,
    day      BIGINT NOT NULL,
    code     TEXT   COLLATE "C" NOT NULL,
    name     TEXT   COLLATE "C" NOT NULL,
    applied  BIGINT NOT NULL,
    amount   BIGINT NOT NULL,
    PRIMARY KEY (store_id, day, code)
);
CREATE INDEX sales_fact_promotions_by_day ON sales_fact_promotions (day, store_id);

-- Each sale once (a pushed sale twice counts once), and what a refund naming it was rung up as (member, cashier).
CREATE TABLE sales_fact_sales (
    sale_id  TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    store_id TEXT   COLLATE "C" NOT NULL,
    day      BIGINT NOT NULL,
    member   BIGINT NOT NULL,
    cashier  TEXT   COLLATE "C" NOT NULL,
    total    BIGINT NOT NULL
);

-- Each refund once: where and on which day it was netted, and the sale it gives back from (null without a receipt).
CREATE TABLE sales_fact_refunds (
    refund_id TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    sale_id   TEXT COLLATE "C",
    store_id  TEXT   COLLATE "C" NOT NULL,
    day       BIGINT NOT NULL,
    total     BIGINT NOT NULL
);
CREATE INDEX sales_fact_refunds_by_sale ON sales_fact_refunds (sale_id);

-- Each product's category and names as head office's newest catalog version gave them (a sale keeps its category).
CREATE TABLE sales_fact_products (
    sku      TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
    version  BIGINT NOT NULL,
    category TEXT   COLLATE "C" NOT NULL,
    name_zh  TEXT   COLLATE "C" NOT NULL,
    name_en  TEXT   COLLATE "C" NOT NULL
);
