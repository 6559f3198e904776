package io.chainpos.server.promotion;

import io.chainpos.model.promotion.Promotion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Head office's promotions as last published: the set's version, from when it applies, and its promotions. */
public record PromotionSet(long version, Instant effectiveFrom, List<Promotion> promotions) {
    public static final PromotionSet NONE = new PromotionSet(0, Instant.EPOCH, List.of());

    public PromotionSet {
        promotions = List.copyOf(promotions);
    }

    public Optional<Promotion> find(String code) {
        return promotions.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
