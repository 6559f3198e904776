package io.chainpos.model.pricing;

import io.chainpos.model.promotion.Promotion;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules a till prices with: head office's promotions, each tier's rate (basis points paid, from
 * TierRulesPublished) and the store's cash rounding.
 */
public record PricingRules(List<Promotion> promotions, Map<String, Integer> tierPayBasisPoints, CashRounding rounding) {
    public PricingRules {
        promotions = List.copyOf(Objects.requireNonNull(promotions, "promotions"));
        tierPayBasisPoints = tierPayBasisPoints == null ? Map.of() : Map.copyOf(tierPayBasisPoints);
        Objects.requireNonNull(rounding, "rounding");
    }

    public static PricingRules none() {
        return new PricingRules(List.of(), Map.of(), CashRounding.NONE);
    }
}
