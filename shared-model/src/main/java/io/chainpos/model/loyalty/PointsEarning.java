package io.chainpos.model.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * How many points a member earns for a sale. Pure: everything it needs is in {@link Purchase}. The rules
 * head office publishes are applied by {@link EarningRules}.
 */
public interface PointsEarning {

    /**
     * A completed purchase as earning sees it. {@code paidInMoney} excludes points, stored value and coupon
     * tenders; {@code categories} gives each line's category; rules may be null (none published yet);
     * {@code birthdayBonusTaken}: the member already had this year's birthday bonus.
     */
    record Purchase(String tierCode, LocalDate birthday, List<SaleLine> lines, Map<Sku, String> categories, long total,
                    long paidInMoney, Instant at, ZoneId zone, LoyaltyRulesPublished rules, TierRulesPublished tierRules,
                    boolean birthdayBonusTaken) {
        public Purchase {
            lines = List.copyOf(lines);
            categories = categories == null ? Map.of() : Map.copyOf(categories);
        }
    }

    /** Points earned and the rules that gave them, for the PointsChanged event; {@code birthdayBonus} is included in {@code points}. */
    record Earned(long points, long birthdayBonus, List<String> rulesApplied) {
        public Earned {
            rulesApplied = List.copyOf(rulesApplied);
            if (points < 0 || birthdayBonus < 0 || birthdayBonus > points) {
                throw new IllegalArgumentException("earning is never negative");
            }
        }
    }

    Earned earn(Purchase purchase);
}
