package io.chainpos.till.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.RewardRedeemed;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewardsAndExpiryTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-15T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill till;
    private MemberId member;

    @BeforeEach
    void openTill() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock);
        LoyaltyRulesAtTheTill.publish(till, clock.instant());
        member = ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member().memberId();
    }

    @AfterEach
    void closeTill() {
        till.close();
    }

    @Test
    void pointsBuyAGoodsRewardWhichLeavesStock() {
        sell(1_000); // 1,000 points
        RedeemReward.Redeemed mug = (RedeemReward.Redeemed) till.redeemReward.redeem(member, "mug", "c1");
        assertThat(mug.reward().kind()).isEqualTo(RewardRedeemed.Kind.GOODS);
        assertThat(mug.pointsLeft()).isEqualTo(200);
        long stock = till.ledger.read(s -> new io.chainpos.till.stock.StockStore().quantityMilli(s, HeadOfficeEvents.BREAD));
        assertThat(stock).isEqualTo(-125_000 - 1_000);
        assertThat(till.redeemReward.redeem(member, "MUG", "c1")).isEqualTo(
                new RedeemReward.Refused(TillMessage.of(TillMessage.Code.REWARD_POINTS_SHORT, 200L, "马克杯", 800L)));
        assertThat(till.redeemReward.redeem(member, "YACHT", "c1")).isInstanceOf(RedeemReward.Refused.class);
    }

    @Test
    void aCouponRewardHandsOutACodeNotUsedOrGivenBefore() {
        HeadOfficeEvents hq = new HeadOfficeEvents(clock);
        till.ledger.remote().applyPulled(List.of(hq.envelope(new io.chainpos.model.event.PromotionsPublished(2, clock.instant(), List.of(
                        new io.chainpos.model.promotion.Promotion("GIFT5", "5元券", "5 off", 30, false, null, null, List.of(), List.of(),
                                new io.chainpos.model.promotion.Rule.Coupon(List.of("GIFT5-A", "GIFT5-B"), 500, 0, 0))))),
                hq.envelope(new io.chainpos.model.event.LoyaltyRulesPublished(3, clock.instant(), 1, java.util.Map.of(), List.of(), 0, 1,
                        12, 5_000, 60, List.of(), List.of(new io.chainpos.model.event.LoyaltyRulesPublished.Reward("C5", "5元券",
                        RewardRedeemed.Kind.COUPON, 100, null, "GIFT5"))))), 200);
        sell(1_000);
        till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1_000)), null,
                List.of(new Tender(TenderMethod.COUPON, 500, "GIFT5-A"), new Tender(TenderMethod.CASH, 300, null)), "c1"));

        RedeemReward.Redeemed first = (RedeemReward.Redeemed) till.redeemReward.redeem(member, "C5", "c1");
        assertThat(first.reward().couponCode()).as("GIFT5-A was used at the counter").isEqualTo("GIFT5-B");
        assertThat(till.redeemReward.redeem(member, "C5", "c1")).isEqualTo(new RedeemReward.Refused(TillMessage.of(TillMessage.Code.NO_COUPON_LEFT, "GIFT5")));
        assertThat(first.pointsLeft()).isEqualTo(900);
    }

    @Test
    void pointsExpireFirstInFirstOutAndTheReportWarnsBefore() {
        sell(104); // earned 15 March 2026: good through 31 March 2027
        clock.set(Instant.parse("2026-04-02T02:00:00Z"));
        sell(40); // earned 2 April 2026: good through 30 April 2027
        clock.set(Instant.parse("2026-05-01T02:00:00Z"));
        till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1_000)), member,
                List.of(new Tender(TenderMethod.POINTS, 30, null), new Tender(TenderMethod.CASH, 770, null)), "c1")); // -30 +7

        clock.set(Instant.parse("2027-03-02T02:00:00Z"));
        assertThat(till.expiringPoints.within(30)).containsExactly(
                new ExpiringPoints.Line(member, 104 - 30, LocalDate.of(2027, 3, 31), 104 + 40 - 30 + 7));
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
        assertThat(till.expiringPoints.within(30)).as("31 March is 30 days after 1 March: outside").isEmpty();
        clock.set(Instant.parse("2027-03-31T02:00:00Z"));
        assertThat(till.expiringPoints.within(1)).as("the last day itself").extracting(ExpiringPoints.Line::points)
                .containsExactly(74L);
    }

    private void sell(long yuan) {
        // Bread at 8.00, paid in cash: 1 point a yuan.
        long qty = yuan * 1000 / 8;
        Checkout.Result result = till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", qty)), member,
                List.of(new Tender(TenderMethod.CASH, yuan * 100, null)), "c1"));
        assertThat(result).isInstanceOf(Checkout.Completed.class);
        assertThat(((Checkout.Completed) result).pointsEarned()).isEqualTo(yuan);
    }
}
