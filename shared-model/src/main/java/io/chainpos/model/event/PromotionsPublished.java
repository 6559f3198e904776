package io.chainpos.model.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chain's promotions from {@code effectiveFrom}, replacing the previous version as a whole. Each
 * promotion names its kind and the parameters its kind reads; the pricing rules interpret them.
 */
public record PromotionsPublished(long version, Instant effectiveFrom, List<Promotion> promotions)
        implements HeadOfficeEvent {

    /**
     * One promotion: {@code priority} fixes the order promotions apply in, {@code exclusive} stops any
     * later one on the same lines; {@code params} are integers (minor units, basis points, counts) named by kind.
     */
    public record Promotion(
            String code,
            String kind,
            String nameZh,
            String nameEn,
            int priority,
            boolean exclusive,
            Instant validFrom,
            Instant validUntil,
            List<String> skus,
            List<String> categories,
            Map<String, Long> params) {

        public Promotion {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(nameZh, "nameZh");
            nameEn = nameEn == null ? nameZh : nameEn;
            skus = skus == null ? List.of() : List.copyOf(skus);
            categories = categories == null ? List.of() : List.copyOf(categories);
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    public PromotionsPublished {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        promotions = List.copyOf(Objects.requireNonNull(promotions, "promotions"));
    }
}
