package io.chainpos.model.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How points are earned, redeemed and expire from {@code effectiveFrom}. Multipliers are basis points
 * (20000 = double points). {@code offlineRedeemCapPoints} limits redemption per member while a till has
 * not synced for {@code offlineAfterMinutes}.
 */
public record LoyaltyRulesPublished(
        long version,
        Instant effectiveFrom,
        long pointsPerYuan,
        Map<String, Integer> categoryMultipliers,
        List<DateMultiplier> dateMultipliers,
        long birthdayBonusPoints,
        long fenPerPointRedeemed,
        int expiryMonths,
        long offlineRedeemCapPoints,
        int offlineAfterMinutes) implements HeadOfficeEvent {

    /** Points multiplied on the days from {@code from} to {@code to} inclusive (节假日多倍积分). */
    public record DateMultiplier(String name, LocalDate from, LocalDate to, int multiplierBasisPoints) {
        public DateMultiplier {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    public LoyaltyRulesPublished {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        categoryMultipliers = categoryMultipliers == null ? Map.of() : Map.copyOf(categoryMultipliers);
        dateMultipliers = dateMultipliers == null ? List.of() : List.copyOf(dateMultipliers);
    }
}
