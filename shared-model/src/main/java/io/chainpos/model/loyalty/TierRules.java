package io.chainpos.model.loyalty;

import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tier decisions over head office's tier rules. A period is {@code periodMonths} long and periods are aligned
 * on calendar months counted from year 0, so a 12-month period is the calendar year, 6 months a half year,
 * 3 months a quarter. The measure is the member's chain-wide spend (or points earned) within the period.
 * A tier is reached when the measure is at or above its threshold. Upgrades happen on the sale that
 * crosses a threshold; downgrades only at a period end, to the tier the ended period's measure reached.
 */
public final class TierRules {
    private TierRules() {
    }

    /** The first day of the period holding {@code day}. */
    public static LocalDate periodStart(LocalDate day, int periodMonths) {
        if (periodMonths <= 0) {
            throw new IllegalArgumentException("a period is at least one month");
        }
        long months = day.getYear() * 12L + day.getMonthValue() - 1;
        long start = Math.floorDiv(months, periodMonths) * periodMonths;
        return LocalDate.of((int) Math.floorDiv(start, 12), (int) Math.floorMod(start, 12) + 1, 1);
    }

    /** The first day after the period starting {@code start}. */
    public static LocalDate periodEnd(LocalDate start, int periodMonths) {
        return start.plusMonths(periodMonths);
    }

    /** The tiers from lowest to highest threshold. */
    static List<TierRulesPublished.Tier> ladder(TierRulesPublished rules) {
        return rules.tiers().stream().sorted(Comparator.comparingLong(TierRulesPublished.Tier::threshold)).toList();
    }

    public static Optional<TierRulesPublished.Tier> tier(TierRulesPublished rules, String code) {
        return rules == null || code == null ? Optional.empty()
                : rules.tiers().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The highest tier whose threshold {@code measure} meets (the lowest tier if none). */
    public static TierRulesPublished.Tier reached(TierRulesPublished rules, long measure) {
        List<TierRulesPublished.Tier> ladder = ladder(rules);
        TierRulesPublished.Tier reached = ladder.getFirst();
        for (TierRulesPublished.Tier tier : ladder) {
            if (measure >= tier.threshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** Where {@code code} stands on the ladder; a code the rules no longer know stands below every tier. */
    static int rank(TierRulesPublished rules, String code) {
        List<TierRulesPublished.Tier> ladder = ladder(rules);
        for (int i = 0; i < ladder.size(); i++) {
            if (ladder.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The upgrade a sale earns: when the period's measure after it reaches a tier above the member's. */
    public static Optional<MemberTierChanged> upgrade(TierRulesPublished rules, MemberId member, String currentTier,
                                                      LocalDate periodStart, long measureAfter, SaleId sale) {
        if (rules == null) {
            return Optional.empty();
        }
        TierRulesPublished.Tier reached = reached(rules, measureAfter);
        if (rank(rules, reached.code()) <= rank(rules, currentTier)) {
            return Optional.empty();
        }
        return Optional.of(new MemberTierChanged(member, currentTier, reached.code(), MemberTierChanged.Direction.UPGRADE,
                rules.version(), periodStart, measureAfter, sale));
    }

    /**
     * At the end of the period starting {@code periodStart}: a member whose measure in it did not reach their
     * tier goes down to the tier it reached. Never up: upgrades belong to sales.
     */
    public static Optional<MemberTierChanged> periodEnd(TierRulesPublished rules, MemberId member, String currentTier,
                                                        LocalDate periodStart, long measure) {
        TierRulesPublished.Tier reached = reached(rules, measure);
        int current = rank(rules, currentTier);
        if (current < 0 && currentTier != null && !reached.code().equals(currentTier)) {
            // A tier the rules no longer have: place the member where the measure puts them.
            return Optional.of(new MemberTierChanged(member, currentTier, reached.code(), MemberTierChanged.Direction.DOWNGRADE,
                    rules.version(), periodStart, measure, null));
        }
        if (rank(rules, reached.code()) >= current) {
            return Optional.empty();
        }
        return Optional.of(new MemberTierChanged(member, currentTier, reached.code(), MemberTierChanged.Direction.DOWNGRADE,
                rules.version(), periodStart, measure, null));
    }
}
