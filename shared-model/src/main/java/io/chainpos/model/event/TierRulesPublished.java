package io.chainpos.model.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The member tiers from {@code effectiveFrom}: what qualifies (spend in minor units, or points, within a
 * period of {@code periodMonths}) and what each tier gives. Tiers are listed from lowest to highest.
 */
public record TierRulesPublished(
        long version,
        Instant effectiveFrom,
        Basis basis,
        int periodMonths,
        List<Tier> tiers) implements HeadOfficeEvent {

    public enum Basis { SPEND, POINTS }

    /** One tier; discount and multiplier in basis points (9500 = pay 95%, 15000 = 1.5× points). */
    public record Tier(
            String code,
            String nameZh,
            String nameEn,
            long threshold,
            int discountBasisPoints,
            int pointsMultiplierBasisPoints,
            long birthdayBonusPoints) {
        public Tier {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(nameZh, "nameZh");
            nameEn = nameEn == null ? nameZh : nameEn;
        }
    }

    public TierRulesPublished {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(basis, "basis");
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one tier is needed");
        }
    }
}
