-- Head office's stock page reads the chain's stock a product at a time (every store's row of the page's products):
-- by product first, not by store.
CREATE INDEX stock_by_sku ON stock (sku, store_id);
