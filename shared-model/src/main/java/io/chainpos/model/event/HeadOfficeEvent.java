package io.chainpos.model.event;

import java.time.Instant;

/** Catalog, prices, promotions and loyalty rules set by head office; each versioned, applied from a time. */
public sealed interface HeadOfficeEvent extends Event
        permits CatalogItemUpserted, PriceListPublished, PromotionsPublished, TierRulesPublished, LoyaltyRulesPublished {
    long version();

    Instant effectiveFrom();
}
