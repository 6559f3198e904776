-- Head office's planning pages (days of cover, suggested orders, proposed transfers) read a page of stores'
-- products at a time: what each sold over the lookback is found by store and product, a few rows per day,
-- instead of every product the store sold in those days; a product's minimums across the chain by product.
CREATE INDEX sales_fact_items_by_product ON sales_fact_items (store_id, sku, day);
CREATE INDEX stock_minimums_by_sku ON stock_minimums (sku, store_id);
