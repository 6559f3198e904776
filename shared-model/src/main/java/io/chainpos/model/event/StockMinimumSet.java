package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import java.util.Objects;

/**
 * The least {@code storeId} should hold of {@code sku}, in thousandths (最低库存), set by head office; 0 clears it. A later
 * one for the same store and product replaces it.
 */
public record StockMinimumSet(StoreId storeId, Sku sku, long minMilli, String setBy) implements StockPlanEvent {
    public StockMinimumSet {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(sku, "sku");
        if (minMilli < 0) {
            throw new IllegalArgumentException("a minimum cannot be negative: " + minMilli);
        }
    }
}
