package io.chainpos.model.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.LoyaltyRulesPublished;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.model.id.Sku;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarningRulesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant ORDINARY_DAY = Instant.parse("2026-11-23T03:00:00Z");
    private static final Instant NATIONAL_DAY = Instant.parse("2026-10-03T03:00:00Z");
    private static final Sku COLA = new Sku("100001");
    private static final Sku BREAD = new Sku("100002");
    private static final TierRulesPublished TIERS = new TierRulesPublished(1, Instant.EPOCH, TierRulesPublished.Basis.SPEND, 12,
            List.of(new TierRulesPublished.Tier("NORMAL", "普通", "Regular", 0, 10000, 10000, 0),
                    new TierRulesPublished.Tier("GOLD", "金卡", "Gold", 500000, 9500, 15000, 200)));
    private static final LoyaltyRulesPublished RULES = new LoyaltyRulesPublished(1, Instant.EPOCH, 1, Map.of("DRINKS", 20000),
            List.of(new LoyaltyRulesPublished.DateMultiplier("国庆", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), 20000),
                    new LoyaltyRulesPublished.DateMultiplier("周末", LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), 15000)),
            100, 1, 12, 500, 60);

    private final EarningRules earning = new EarningRules();

    @Test
    void onePointPerWholeYuanPaidInMoney() {
        PointsEarning.Earned earned = earn("NORMAL", null, ORDINARY_DAY, 1999, line(BREAD, 1999));
        assertThat(earned.points()).isEqualTo(19);
        assertThat(earned.rulesApplied()).containsExactly("BASE:1/yuan on 19.99");
    }

    @Test
    void pointsAreEarnedOnlyOnWhatWasPaidInMoney() {
        // A 20.00 sale paid 15.00 by stored value and points: only the 5.00 in money earns.
        PointsEarning.Earned earned = earn("NORMAL", null, ORDINARY_DAY, 500, line(BREAD, 2000));
        assertThat(earned.points()).isEqualTo(5);
    }

    @Test
    void categoryMultiplierAppliesToItsLinesShareOnly() {
        // 10.00 of drinks at x2 and 10.00 of bread: 20 + 10.
        PointsEarning.Earned earned = earn("NORMAL", null, ORDINARY_DAY, 2000, line(COLA, 1000), line(BREAD, 1000));
        assertThat(earned.points()).isEqualTo(30);
        assertThat(earned.rulesApplied()).containsExactly("BASE:1/yuan on 20.00", "CATEGORY:DRINKS x2");
    }

    @Test
    void multipliersStackInTheStatedOrderAndRoundDownOnceAtTheEnd() {
        // 3.33 of drinks: 3.33 x2 (category) x2 (国庆, the highest date multiplier of the day) x1.5 (gold) = 19.98 -> 19.
        // Rounding per step would give 3 -> 6 -> 12 -> 18.
        PointsEarning.Earned earned = earn("GOLD", null, NATIONAL_DAY, 333, line(COLA, 333));
        assertThat(earned.points()).isEqualTo(19);
        assertThat(earned.rulesApplied()).containsExactly("BASE:1/yuan on 3.33", "CATEGORY:DRINKS x2", "DATE:国庆 x2",
                "TIER:GOLD x1.5");
    }

    @Test
    void dateMultiplierCoversItsFirstAndLastDayInTheStoresZone() {
        // 2026-10-01 00:30 in Shanghai is still 30 September in UTC.
        Instant firstDay = Instant.parse("2026-09-30T16:30:00Z");
        Instant dayAfter = Instant.parse("2026-10-07T16:30:00Z");
        assertThat(earn("NORMAL", null, firstDay, 1000, line(BREAD, 1000)).points()).isEqualTo(20);
        assertThat(earn("NORMAL", null, Instant.parse("2026-10-07T15:59:00Z"), 1000, line(BREAD, 1000)).points()).isEqualTo(20);
        assertThat(earn("NORMAL", null, dayAfter, 1000, line(BREAD, 1000)).points()).isEqualTo(10);
    }

    @Test
    void birthdayBonusIsAddedOnceAfterTheMultipliersIncludingTheTiersBenefit() {
        LocalDate birthday = LocalDate.of(1990, 11, 23);
        PointsEarning.Earned earned = earn("GOLD", birthday, ORDINARY_DAY, 1000, line(BREAD, 1000));
        assertThat(earned.points()).isEqualTo(15 + 100 + 200);
        assertThat(earned.birthdayBonus()).isEqualTo(300);
        assertThat(earned.rulesApplied()).containsExactly("BASE:1/yuan on 10.00", "TIER:GOLD x1.5", "BIRTHDAY:+300");
        PointsEarning.Earned again = earning.earn(new PointsEarning.Purchase("GOLD", birthday, List.of(line(BREAD, 1000)),
                Map.of(COLA, "DRINKS"), 1000, 1000, ORDINARY_DAY, SHANGHAI, RULES, TIERS, true));
        assertThat(again.points()).as("already given this year").isEqualTo(15);
        assertThat(earn("GOLD", LocalDate.of(1990, 11, 24), ORDINARY_DAY, 1000, line(BREAD, 1000)).birthdayBonus()).isZero();
    }

    @Test
    void aLeapDayBirthdayIsKeptOnTheTwentyEighthInOtherYears() {
        LocalDate leap = LocalDate.of(2000, 2, 29);
        assertThat(EarningRules.isBirthday(leap, LocalDate.of(2027, 2, 28))).isTrue();
        assertThat(EarningRules.isBirthday(leap, LocalDate.of(2028, 2, 28))).isFalse();
        assertThat(EarningRules.isBirthday(leap, LocalDate.of(2028, 2, 29))).isTrue();
    }

    @Test
    void withoutRulesOnePointPerYuan() {
        PointsEarning.Earned earned = earning.earn(new PointsEarning.Purchase("NORMAL", null, List.of(line(BREAD, 1250)),
                Map.of(), 1250, 1250, ORDINARY_DAY, SHANGHAI, null, null, false));
        assertThat(earned.points()).isEqualTo(12);
    }

    @Test
    void sharesOfThePaidAmountAddUpExactly() {
        long[] shares = EarningRules.shares(List.of(line(COLA, 100), line(BREAD, 100), line(BREAD, 100)), 100);
        assertThat(shares).containsExactly(34, 33, 33);
    }

    private PointsEarning.Earned earn(String tier, LocalDate birthday, Instant at, long paid, SaleLine... lines) {
        long total = java.util.Arrays.stream(lines).mapToLong(SaleLine::total).sum();
        return earning.earn(new PointsEarning.Purchase(tier, birthday, List.of(lines), Map.of(COLA, "DRINKS", BREAD, "BAKERY"),
                total, paid, at, SHANGHAI, RULES, TIERS, false));
    }

    private static SaleLine line(Sku sku, long total) {
        return new SaleLine(sku, sku.value(), 1000, total, 0, total, List.of());
    }
}
