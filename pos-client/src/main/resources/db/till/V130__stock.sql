-- This store's stock per SKU, in thousandths: the running sum of its StockChanged events.
CREATE TABLE stock_levels (
    sku       TEXT    PRIMARY KEY,
    qty_milli INTEGER NOT NULL
) WITHOUT ROWID;
