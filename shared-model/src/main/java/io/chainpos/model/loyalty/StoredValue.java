package io.chainpos.model.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import java.util.Comparator;
import java.util.Optional;

/**
 * A member's stored value (储值) in its two parts: money the member paid and bonus money given by top-up
 * rules. Spending takes paid money first and bonus last, so bonus is what is left when a member asks for
 * their money back, and bonus is never paid out as cash. Amounts in minor units.
 */
public record StoredValue(long paid, long bonus) {

    /** How a payment splits between the parts. */
    public record Split(long paid, long bonus) {
        public long total() {
            return paid + bonus;
        }
    }

    public long balance() {
        return paid + bonus;
    }

    /** The split paying {@code amount}: paid money first, bonus last; empty when the balance does not cover it. */
    public Optional<Split> spend(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment is positive: " + amount);
        }
        if (amount > balance()) {
            return Optional.empty();
        }
        long fromPaid = Math.min(Math.max(0, paid), amount);
        return Optional.of(new Split(fromPaid, amount - fromPaid));
    }

    /** The bonus step a top-up of {@code paid} reaches: the highest {@code minPaid} at or below it (no step, no bonus). */
    public static Optional<LoyaltyRulesPublished.TopUpBonus> bonusFor(LoyaltyRulesPublished rules, long paid) {
        return rules == null ? Optional.empty() : rules.topUpBonuses().stream()
                .filter(b -> b.minPaid() <= paid)
                .max(Comparator.comparingLong(LoyaltyRulesPublished.TopUpBonus::minPaid));
    }
}
