package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.util.Objects;

/**
 * One product on a stock document, in thousandths; {@code unitCost} in minor units when the store may see cost,
 * else null.
 */
public record StockLine(Sku sku, long qtyMilli, Long unitCost) {
    public StockLine {
        Objects.requireNonNull(sku, "sku");
        if (qtyMilli < 0) {
            throw new IllegalArgumentException("a stock line's quantity cannot be negative: " + qtyMilli);
        }
        if (unitCost != null && unitCost < 0) {
            throw new IllegalArgumentException("a cost cannot be negative: " + unitCost);
        }
    }
}
