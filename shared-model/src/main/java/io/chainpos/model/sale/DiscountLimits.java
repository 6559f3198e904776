package io.chainpos.model.sale;

import io.chainpos.model.promotion.Rates;

/** What a cashier may do alone: a manual discount up to a share of the line; a price override never. */
public final class DiscountLimits {
    private DiscountLimits() {
    }

    /** True when a manual discount of {@code discount} on a line worth {@code lineAmount} is past the cashier's limit. */
    public static boolean needsManager(long lineAmount, long discount, int cashierLimitBasisPoints) {
        return discount > 0 && discount > Rates.share(lineAmount, cashierLimitBasisPoints, Rates.WHOLE);
    }
}
