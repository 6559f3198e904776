package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.util.List;
import java.util.Objects;

/**
 * One line of a sale as sold: quantity in thousandths (1000 = one piece), unit price, the discount on the
 * line and the resulting total, all in minor units, with the promotions that made the discount.
 */
public record SaleLine(
        Sku sku,
        String name,
        long qtyMilli,
        long unitPrice,
        long discount,
        long total,
        List<AppliedPromotion> promotions) {

    public SaleLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
    }
}
