package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.util.Objects;

/** What is given back for one product: quantity in thousandths and the amount refunded for it (minor units). */
public record RefundLine(Sku sku, String name, long qtyMilli, long amount) {
    public RefundLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
    }
}
