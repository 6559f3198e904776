-- Each product's stock over the chain's stores, kept at ingest beside the stores' rows: the chain's stock page read every
-- store's row of the products it shows (83,000 rows for its first 200 products with 1,000 stores). `stores` counts the
-- stores with a stock record of the product, `below_zero` those whose record is below zero.
CREATE TABLE stock_by_product (
    sku         TEXT    NOT NULL PRIMARY KEY,
    total_milli INTEGER NOT NULL,
    stores      INTEGER NOT NULL,
    below_zero  INTEGER NOT NULL
);
INSERT INTO stock_by_product (sku, total_milli, stores, below_zero)
SELECT sku, SUM(qty_milli), COUNT(*), SUM(CASE WHEN qty_milli < 0 THEN 1 ELSE 0 END) FROM stock GROUP BY sku;
