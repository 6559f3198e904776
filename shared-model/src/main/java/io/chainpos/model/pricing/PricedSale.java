package io.chainpos.model.pricing;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.SaleLine;
import java.util.List;

/**
 * A priced cart. {@code steps} are the promotions and adjustments in the order they were applied, each on a
 * line ({@code lineNo} ≥ 1) or on the order (0); their amounts add up to {@code discountTotal}, and the
 * receipt shows exactly these. {@code total = subtotal - discountTotal}, never negative.
 */
public record PricedSale(List<PricedLine> lines, List<AppliedPromotion> orderPromotions, long subtotal,
                         long discountTotal, long total, List<Step> steps) {

    /** One applied promotion or adjustment. */
    public record Step(String code, int lineNo, long amount) {
    }

    public PricedSale {
        lines = List.copyOf(lines);
        orderPromotions = List.copyOf(orderPromotions);
        steps = List.copyOf(steps);
    }

    public List<SaleLine> saleLines() {
        return lines.stream().map(PricedLine::toSaleLine).toList();
    }
}
