package io.chainpos.model.sync;

import java.util.List;

/**
 * {@code GET /api/v1/stock?storeId=} without a SKU: one page of a store's stock in SKU order, and the SKU to
 * ask {@code after} for the next page ({@code null} on the last one).
 */
public record StockPage(List<StockView> items, String next) {
    public StockPage {
        items = List.copyOf(items);
    }
}
