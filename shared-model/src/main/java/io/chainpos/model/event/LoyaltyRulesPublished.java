package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How points are earned, redeemed and expire, and what a stored-value top-up gives, from
 * {@code effectiveFrom}. Multipliers are basis points (20000 = double points). {@code fenPerPointRedeemed}
 * is what one point pays at the till. A lot of points expires at the end of the month {@code expiryMonths}
 * after the month it was earned (0: never). {@code offlineRedeemCapPoints} limits redemption per member while
 * a till has not synced for {@code offlineAfterMinutes}, and {@code offlineStoredValueCap} (minor units; null:
 * no limit) what a member may pay from stored value there meanwhile.
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
        int offlineAfterMinutes,
        List<TopUpBonus> topUpBonuses,
        List<Reward> rewards,
        Long offlineStoredValueCap) implements HeadOfficeEvent {

    /** Points multiplied on the days from {@code from} to {@code to} inclusive (节假日多倍积分). */
    public record DateMultiplier(String name, LocalDate from, LocalDate to, int multiplierBasisPoints) {
        public DateMultiplier {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** A top-up of at least {@code minPaid} gets {@code bonus} (充100送20: 10000, 2000); the highest step reached applies. */
    public record TopUpBonus(String name, long minPaid, long bonus) {
        public TopUpBonus {
            Objects.requireNonNull(name, "name");
            if (minPaid <= 0 || bonus < 0) {
                throw new IllegalArgumentException("a top-up bonus needs a positive step and a bonus of zero or more");
            }
        }
    }

    /** Something a member can take for {@code points}: goods ({@code sku}) or a coupon of {@code couponPromotion}. */
    public record Reward(String code, String name, RewardRedeemed.Kind kind, long points, Sku sku, String couponPromotion) {
        public Reward {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (points <= 0) {
                throw new IllegalArgumentException("a reward costs points");
            }
        }
    }

    public LoyaltyRulesPublished {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        categoryMultipliers = categoryMultipliers == null ? Map.of() : Map.copyOf(categoryMultipliers);
        dateMultipliers = dateMultipliers == null ? List.of() : List.copyOf(dateMultipliers);
        topUpBonuses = topUpBonuses == null ? List.of() : List.copyOf(topUpBonuses);
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        if (offlineStoredValueCap != null && offlineStoredValueCap < 0) {
            throw new IllegalArgumentException("an offline limit is not negative");
        }
    }

    /** Rules without top-up bonuses or rewards. */
    public LoyaltyRulesPublished(long version, Instant effectiveFrom, long pointsPerYuan, Map<String, Integer> categoryMultipliers,
                                 List<DateMultiplier> dateMultipliers, long birthdayBonusPoints, long fenPerPointRedeemed,
                                 int expiryMonths, long offlineRedeemCapPoints, int offlineAfterMinutes) {
        this(version, effectiveFrom, pointsPerYuan, categoryMultipliers, dateMultipliers, birthdayBonusPoints,
                fenPerPointRedeemed, expiryMonths, offlineRedeemCapPoints, offlineAfterMinutes, List.of(), List.of(), null);
    }

    /** Rules without an offline limit on stored value. */
    public LoyaltyRulesPublished(long version, Instant effectiveFrom, long pointsPerYuan, Map<String, Integer> categoryMultipliers,
                                 List<DateMultiplier> dateMultipliers, long birthdayBonusPoints, long fenPerPointRedeemed,
                                 int expiryMonths, long offlineRedeemCapPoints, int offlineAfterMinutes,
                                 List<TopUpBonus> topUpBonuses, List<Reward> rewards) {
        this(version, effectiveFrom, pointsPerYuan, categoryMultipliers, dateMultipliers, birthdayBonusPoints,
                fenPerPointRedeemed, expiryMonths, offlineRedeemCapPoints, offlineAfterMinutes, topUpBonuses, rewards, null);
    }
}
