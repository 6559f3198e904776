package io.chainpos.model.sync;

/** {@code GET /api/v1/stock}: a store's quantity of one SKU in thousandths. */
public record StockView(String storeId, String sku, long qtyMilli) {
}
