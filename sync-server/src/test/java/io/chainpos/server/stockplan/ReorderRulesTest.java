package io.chainpos.server.stockplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Suggested orders against sums done by hand (each written out in the comment above its line). */
class ReorderRulesTest {
    private static final ReorderRules.Parameters FOUR_WEEKS_LEAD_10_SAFETY_4 = new ReorderRules.Parameters(28, 10, 4);

    @Test
    void velocityTimesLeadAndSafetyLessWhatIsThereAndOnItsWayRoundedUpToAUnit() {
        // 7 sold in 28 days = 0.25 a day; × (10 + 5) days = 3.75; less 1 on hand and 0.5 on its way = 2.25; rounded up: 3.
        ReorderRules.Suggestion s = ReorderRules.suggest(new ReorderRules.Position("S001", "100002", 1_000, 500, 0, 7_000),
                new ReorderRules.Parameters(28, 10, 5));
        assertThat(s.needMilli()).isEqualTo(3_750);
        assertThat(s.targetMilli()).isEqualTo(3_750);
        assertThat(s.suggestedMilli()).isEqualTo(3_000);
    }

    @Test
    void theMinimumIsAFloorEvenWithoutSales() {
        // Nothing sold: need 0; the minimum 6 is the target; 6 − 1 on hand = 5.
        assertThat(ReorderRules.suggest(new ReorderRules.Position("S001", "100002", 1_000, 0, 6_000, 0), FOUR_WEEKS_LEAD_10_SAFETY_4)
                .suggestedMilli()).isEqualTo(5_000);
    }

    @Test
    void aStoreWithEnoughOrdersNothingAndAnOversoldOneOrdersItsShortfallToo() {
        // 28 sold in 28 days, 7 days of cover: need 7 < 9 on hand: nothing.
        assertThat(ReorderRules.suggest(new ReorderRules.Position("S002", "100001", 9_000, 0, 0, 28_000),
                new ReorderRules.Parameters(28, 7, 0)).suggestedMilli()).isZero();
        // 14 sold in 28 days, 3 + 1 days: need 2; on hand −2 (sold before the delivery was booked): 2 − (−2) = 4.
        assertThat(ReorderRules.suggest(new ReorderRules.Position("S002", "100001", -2_000, 0, 0, 14_000),
                new ReorderRules.Parameters(28, 3, 1)).suggestedMilli()).isEqualTo(4_000);
    }

    @Test
    void theFixturesOrdersPerStoreAndForTheChain() {
        // PlanningFixture's figures, lookback 28, lead 10, safety 4 (14 days):
        // S001 cola: 14 sold → 7 needed, minimum 20, 16 on hand → 4.
        // S001 bread: 7 sold → 3.5 needed, minimum 6, 1 on hand → 5.
        // S002 cola: 30 sold → 15 needed (above the minimum 10), 10 on hand → 5.
        // S002 bread: nothing sold, no minimum, 40 on hand and 2 on its way → nothing.
        List<ReorderRules.Position> fixture = List.of(
                new ReorderRules.Position("S001", "100001", 16_000, 0, 20_000, 14_000),
                new ReorderRules.Position("S001", "100002", 1_000, 0, 6_000, 7_000),
                new ReorderRules.Position("S002", "100001", 10_000, 0, 10_000, 30_000),
                new ReorderRules.Position("S002", "100002", 40_000, 2_000, 0, 0));

        assertThat(ReorderRules.perStore(fixture, FOUR_WEEKS_LEAD_10_SAFETY_4)).extracting(s -> s.store() + " " + s.sku() + " "
                + s.suggestedMilli()).containsExactly("S001 100001 4000", "S001 100002 5000", "S002 100001 5000");
        // The chain: cola 4 + 5 = 9, bread 5.
        assertThat(ReorderRules.consolidated(fixture, FOUR_WEEKS_LEAD_10_SAFETY_4)).extracting(s -> s.sku() + " " + s.suggestedMilli())
                .containsExactly("100001 9000", "100002 5000");
    }

    @Test
    void daysOfCoverAtTheLookbacksPace() {
        // 16 on hand, 14 sold in 28 days (0.5 a day): 32 days. 10 on hand, 30 in 28 days: 9.33… → 9.3. Nothing sold: none.
        assertThat(ReorderRules.daysOfCover(16_000, 14_000, 28)).isEqualTo(32.0);
        assertThat(ReorderRules.daysOfCover(10_000, 30_000, 28)).isEqualTo(9.3);
        assertThat(ReorderRules.daysOfCover(40_000, 0, 28)).isNull();
    }
}
