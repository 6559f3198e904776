package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.util.Objects;

/**
 * What arrived differs from the document it came with: fewer ({@code SHORT}), more ({@code OVER}), or
 * broken ({@code DAMAGED}, not put into stock). The quantity, in thousandths, is always positive.
 */
public record Discrepancy(Sku sku, long qtyMilli, Reason reason, String note) {

    public enum Reason { SHORT, OVER, DAMAGED }

    public Discrepancy {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
        if (qtyMilli <= 0) {
            throw new IllegalArgumentException("a discrepancy is a positive quantity: " + qtyMilli);
        }
    }
}
