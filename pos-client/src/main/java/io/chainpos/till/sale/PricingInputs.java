package io.chainpos.till.sale;

import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.pricing.PricingContext;
import io.chainpos.model.pricing.PricingRules;
import io.chainpos.model.pricing.Shopper;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.member.Member;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Gathers what the pricing rules read from this till's tables at a moment: promotions, tier rates, settings. */
final class PricingInputs {
    private final CatalogStore catalog;
    private final SellingSettings settings;

    PricingInputs(CatalogStore catalog, SellingSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    PricingRules rules(LedgerSession session, Instant at) {
        List<io.chainpos.model.promotion.Promotion> promotions = catalog.promotions(session, at)
                .map(PromotionsPublished::promotions).orElse(List.of());
        Map<String, Integer> tiers = new HashMap<>();
        catalog.tierRules(session, at).map(TierRulesPublished::tiers)
                .ifPresent(list -> list.forEach(t -> tiers.put(t.code(), t.discountBasisPoints())));
        return new PricingRules(promotions, tiers, settings.rounding());
    }

    PricingContext context(Instant at, Member member, Set<String> coupons) {
        Shopper shopper = member == null ? null : new Shopper(member.tierCode(), member.birthday());
        return new PricingContext(at, settings.zone(), shopper, coupons);
    }
}
