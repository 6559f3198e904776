package io.chainpos.till.loyalty;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.PromotionsPublished;
import io.chainpos.model.event.RewardRedeemed;
import io.chainpos.model.promotion.Promotion;
import io.chainpos.model.promotion.Rule;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.Sku;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Head office's loyalty rules for the loyalty tests, published to a till as pulled events. */
public final class LoyaltyRulesAtTheTill {
    /** The default ladder: silver from 1,000.00 spent in the calendar year, gold from 5,000.00, diamond from 20,000.00. */
    static TierRulesPublished tiers(Instant from) {
        return new TierRulesPublished(1, from, TierRulesPublished.Basis.SPEND, 12, List.of(
                new TierRulesPublished.Tier("NORMAL", "普通", "Regular", 0, 10000, 10000, 0),
                new TierRulesPublished.Tier("SILVER", "银卡", "Silver", 100_000, 9800, 12000, 100),
                new TierRulesPublished.Tier("GOLD", "金卡", "Gold", 500_000, 9500, 15000, 200),
                new TierRulesPublished.Tier("DIAMOND", "钻石", "Diamond", 2_000_000, 9000, 20000, 500)));
    }

    /**
     * 1 point a yuan, drinks double, 国庆 double, 50 birthday points, 1 point = 0.01, 12 months, 充100送20, a mug for 800;
     * offline past an hour, 500 points and 200.00 of stored value a member.
     */
    static LoyaltyRulesPublished rules(Instant from, long version) {
        return new LoyaltyRulesPublished(version, from, 1, Map.of("DRINKS", 20000),
                List.of(new LoyaltyRulesPublished.DateMultiplier("国庆", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), 20000)),
                50, 1, 12, 500, 60,
                List.of(new LoyaltyRulesPublished.TopUpBonus("充100送20", 10_000, 2_000),
                        new LoyaltyRulesPublished.TopUpBonus("充500送150", 50_000, 15_000)),
                List.of(new LoyaltyRulesPublished.Reward("MUG", "马克杯", RewardRedeemed.Kind.GOODS, 800, new Sku("100002"), null)),
                20_000L);
    }

    public static void publish(TestTill till, Instant from) {
        HeadOfficeEvents hq = new HeadOfficeEvents(till.clock);
        // The tier's rate applies through head office's tier-discount promotion, in the pricing order.
        PromotionsPublished promotions = new PromotionsPublished(1, from, List.of(new Promotion("TIER", "会员等级折扣", "Tier discount",
                10, false, from, null, List.of(), List.of(), new Rule.TierDiscount())));
        till.ledger.remote().applyPulled(List.of(hq.envelope(tiers(from)), hq.envelope(rules(from, 2)), hq.envelope(promotions)), 100);
    }

    private LoyaltyRulesAtTheTill() {
    }
}
