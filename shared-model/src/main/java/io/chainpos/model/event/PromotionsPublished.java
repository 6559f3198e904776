package io.chainpos.model.event;

import io.chainpos.model.promotion.Promotion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The chain's promotions from {@code effectiveFrom}, replacing the previous version as a whole. Each
 * promotion is a typed rule ({@link io.chainpos.model.promotion.Rule}); the order they apply in and which
 * stack is explicit on each ({@link Promotion}).
 */
public record PromotionsPublished(long version, Instant effectiveFrom, List<Promotion> promotions)
        implements HeadOfficeEvent {

    public PromotionsPublished {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        promotions = List.copyOf(Objects.requireNonNull(promotions, "promotions"));
    }
}
