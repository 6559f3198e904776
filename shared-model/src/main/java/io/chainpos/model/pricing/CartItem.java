package io.chainpos.model.pricing;

import io.chainpos.model.id.Sku;
import java.util.Objects;

/**
 * One line of a cart as the pricing rules see it: the list price and member price the product had when it
 * was priced (minor units), the quantity in thousandths, and what the cashier did to it: a price override
 * (null: none) and a manual discount (minor units, 0: none).
 */
public record CartItem(
        int lineNo,
        Sku sku,
        String name,
        String category,
        long qtyMilli,
        boolean weighed,
        long unitPrice,
        Long memberPrice,
        Long overridePrice,
        long manualDiscount) {

    public CartItem {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        category = category == null ? "" : category;
        if (qtyMilli <= 0) {
            throw new IllegalArgumentException("a quantity is positive: " + qtyMilli);
        }
        if (unitPrice < 0 || (memberPrice != null && memberPrice < 0) || (overridePrice != null && overridePrice < 0)
                || manualDiscount < 0) {
            throw new IllegalArgumentException("prices and discounts are never negative");
        }
    }

    public CartItem withQuantity(long newQtyMilli) {
        return new CartItem(lineNo, sku, name, category, newQtyMilli, weighed, unitPrice, memberPrice, overridePrice,
                manualDiscount);
    }

    public CartItem withOverride(Long price) {
        return new CartItem(lineNo, sku, name, category, qtyMilli, weighed, unitPrice, memberPrice, price, manualDiscount);
    }

    public CartItem withManualDiscount(long discount) {
        return new CartItem(lineNo, sku, name, category, qtyMilli, weighed, unitPrice, memberPrice, overridePrice, discount);
    }
}
