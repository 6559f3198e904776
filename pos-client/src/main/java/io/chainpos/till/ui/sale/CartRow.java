package io.chainpos.till.ui.sale;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.pricing.PricedLine;
import java.util.stream.Collectors;

/** A line of the cart table: amounts in fen ({@code gross} before the line's discounts), quantity in thousandths. */
public record CartRow(int lineNo, String name, long qtyMilli, long unitPrice, long gross, long discount, long total,
                      String promotions) {

    static CartRow of(PricedLine line) {
        return new CartRow(line.lineNo(), line.name(), line.qtyMilli(), line.unitPrice(), line.gross(), line.discount(), line.total(),
                line.promotions().stream().map(AppliedPromotion::name).collect(Collectors.joining(", ")));
    }
}
