package io.chainpos.model.pricing;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.id.Sku;
import java.util.List;

/**
 * A priced line: {@code gross} is list price × quantity, {@code total} what is left after the line's own
 * promotions and discounts (each named in {@code promotions}); order promotions are on the sale.
 */
public record PricedLine(int lineNo, Sku sku, String name, String category, long qtyMilli, long unitPrice, long gross,
                         long discount, long total, List<AppliedPromotion> promotions) {
    public PricedLine {
        promotions = List.copyOf(promotions);
    }

    public SaleLine toSaleLine() {
        return new SaleLine(sku, name, qtyMilli, unitPrice, discount, total, promotions);
    }
}
