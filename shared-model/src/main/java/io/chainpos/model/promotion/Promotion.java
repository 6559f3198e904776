package io.chainpos.model.promotion;

import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One promotion as head office publishes it. Promotions apply in a fixed order: every line rule before any
 * order rule, and within each phase by ascending {@code priority} (ties by code). An {@code exclusive}
 * promotion closes the lines it applied to: no later promotion touches them. {@code skus} and
 * {@code categories} limit it to those products (both empty: every product). Valid from {@code validFrom}
 * (null: always) until before {@code validUntil} (null: no end).
 */
public record Promotion(
        String code,
        String nameZh,
        String nameEn,
        int priority,
        boolean exclusive,
        Instant validFrom,
        Instant validUntil,
        List<String> skus,
        List<String> categories,
        Rule rule) {

    public Promotion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(rule, "rule");
        nameEn = nameEn == null ? nameZh : nameEn;
        skus = skus == null ? List.of() : List.copyOf(skus);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A promotion for every product, always valid: for rules and tests that need no limits. */
    public static Promotion everywhere(String code, String nameZh, String nameEn, int priority, boolean exclusive, Rule rule) {
        return new Promotion(code, nameZh, nameEn, priority, exclusive, null, null, List.of(), List.of(), rule);
    }

    public boolean validAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
    }

    public boolean covers(Sku sku, String category) {
        boolean anyScope = !skus.isEmpty() || !categories.isEmpty();
        return !anyScope || skus.contains(sku.value()) || categories.contains(category);
    }
}
