package io.chainpos.model.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.SaleLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * How many points a member earns for a sale: the one seam the loyalty rules (category and date multipliers,
 * tier multipliers, birthday bonus) plug into. Pure: everything it needs is in {@link Purchase}.
 */
public interface PointsEarning {

    /** A completed purchase as earning sees it. {@code paidInMoney} excludes points, stored value and coupon tenders; rules may be null. */
    record Purchase(String tierCode, LocalDate birthday, List<SaleLine> lines, long total, long paidInMoney,
                    Instant at, ZoneId zone, LoyaltyRulesPublished rules) {
        public Purchase {
            lines = List.copyOf(lines);
        }
    }

    /** Points earned and the rules that gave them, for the PointsChanged event. */
    record Earned(long points, List<String> rulesApplied) {
        public Earned {
            rulesApplied = List.copyOf(rulesApplied);
            if (points < 0) {
                throw new IllegalArgumentException("earning is never negative");
            }
        }
    }

    Earned earn(Purchase purchase);
}
