package io.chainpos.till.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.MemberTierChanged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.ServerLink;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Earning, tier upgrades and the offline limit as a sale at the counter applies them. */
class LoyaltyCheckoutTest {
    private static final String BREAD = "100002"; // 8.00, BAKERY
    private static final String COLA = "100001"; // 3.50, member 3.00, DRINKS

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill till;
    private MemberId member;

    @BeforeEach
    void openTill() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock);
        LoyaltyRulesAtTheTill.publish(till, clock.instant());
        member = register("13800000001", LocalDate.of(1990, 11, 23));
    }

    @AfterEach
    void closeTill() {
        till.close();
    }

    @Test
    void everyRuleAppliedIsRecordedOnTheEarnEventWithTheSpendItCounts() {
        // Birthday today: 10 colas at 3.00 (drinks x2) and a bread, 38.00 paid: 60 + 8 + 50 + 0.
        Checkout.Completed sale = sell(member, List.of(line(COLA, 10_000), line(BREAD, 1_000)), cash(3_800));

        assertThat(sale.pointsEarned()).isEqualTo(60 + 8 + 50);
        PointsChanged earn = events(PointsChanged.class).getLast();
        assertThat(earn.rulesApplied()).containsExactly("BASE:1/yuan on 38.00", "CATEGORY:DRINKS x2", "BIRTHDAY:+50");
        assertThat(earn.qualifyingSpend()).isEqualTo(3_800);
        Checkout.Completed again = sell(member, List.of(line(BREAD, 1_000)), cash(800));
        assertThat(again.pointsEarned()).as("the birthday bonus once a year").isEqualTo(8);
    }

    @Test
    void theSaleThatMeetsTheThresholdExactlyUpgradesAndTheNextSaleHasTheTiersDiscount() {
        sell(member, List.of(line(BREAD, 124_000)), cash(99_200));
        assertThat(events(MemberTierChanged.class)).as("99,200 < 100,000").isEmpty();

        Checkout.Completed crossing = sell(member, List.of(line(BREAD, 1_000)), cash(800)); // 100,000 exactly
        MemberTierChanged upgrade = events(MemberTierChanged.class).getFirst();
        assertThat(crossing.tierUpgrade()).as("the cashier is told").isEqualTo(upgrade);
        assertThat(upgrade.toTier()).isEqualTo("SILVER");
        assertThat(upgrade.periodMeasure()).isEqualTo(100_000);
        assertThat(upgrade.periodStart()).isEqualTo(LocalDate.of(2026, 1, 1));

        Checkout.Completed silver = sell(member, List.of(line(BREAD, 1_000)), cash(784));
        assertThat(silver.sale().total()).as("银卡 pays 98%").isEqualTo(784);
        assertThat(silver.pointsEarned()).as("1.2x points").isEqualTo(9);
        assertThat(events(PointsChanged.class).getLast().rulesApplied()).contains("TIER:SILVER x1.2");
    }

    @Test
    void spendOfTheLastPeriodDoesNotCountTowardsThisOne() {
        clock.set(Instant.parse("2026-12-31T15:59:59Z")); // 23:59:59 on 31 December in Shanghai
        sell(member, List.of(line(BREAD, 124_000)), cash(99_200));
        clock.set(Instant.parse("2026-12-31T16:00:00Z")); // midnight: a new year
        sell(member, List.of(line(BREAD, 1_000)), cash(800));
        assertThat(events(MemberTierChanged.class)).isEmpty();
    }

    @Test
    void storedValueBonusAndPointsDoNotCountAsSpend() {
        till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_000)), "c1"));
        sell(member, List.of(line(BREAD, 15_000)), new Tender(TenderMethod.STORED_VALUE, 12_000, null));
        PointsChanged earn = events(PointsChanged.class).getLast();
        assertThat(earn.delta()).as("100.00 of paid stored value at 1 a yuan, and the birthday bonus").isEqualTo(100 + 50);
        assertThat(earn.qualifyingSpend()).as("10,000 paid stored value counts, 2,000 bonus does not").isEqualTo(10_000);
    }

    @Test
    void aSalePaidFromThePaidPartOfStoredValueEarnsPointsAndTheBonusDoesNot() {
        MemberId noBirthday = register("13800000003", null);
        till.topUp.topUp(new TopUp.Request(noBirthday, 10_000, List.of(cash(10_000)), "c1")); // 100.00 paid + 20.00 bonus

        Checkout.Completed fromPaid = sell(noBirthday, List.of(line(BREAD, 1_000)), new Tender(TenderMethod.STORED_VALUE, 800, null));
        assertThat(fromPaid.pointsEarned()).as("8.00 from the paid part earns like cash").isEqualTo(8);

        // 112.00: the 92.00 paid stored value left, then the 20.00 bonus
        Checkout.Completed reachingTheBonus = sell(noBirthday, List.of(line(BREAD, 14_000)),
                new Tender(TenderMethod.STORED_VALUE, 11_200, null));
        assertThat(reachingTheBonus.pointsEarned()).as("the paid 92.00 earns, the bonus does not").isEqualTo(92);
    }

    @Test
    void offlineForLongerThanTheLimitCapsRedemptionPerMemberAndSaysWhy() {
        sell(member, List.of(line(BREAD, 200_000)), cash(160_000)); // 1,600 + 50 points
        till.ledger.registration().link(new ServerLink("http://127.0.0.1:9", "token"));
        till.ledger.syncMarks().recordSynced(clock.instant());
        clock.advance(Duration.ofMinutes(60));
        assertThat(pay(600)).as("within the hour: no cap").isInstanceOf(Checkout.Completed.class);

        clock.advance(Duration.ofMinutes(1));
        assertThat(pay(200)).as("500 a member while offline; 600 were redeemed since the last sync")
                .isInstanceOfSatisfying(Checkout.Rejected.class, r -> assertThat(r.reason())
                        .isEqualTo(TillMessage.of(TillMessage.Code.OFFLINE_POINTS_CAP, 61L, 60, 500L, 0L)));

        till.ledger.syncMarks().recordSynced(clock.instant());
        clock.advance(Duration.ofMinutes(61));
        assertThat(pay(500)).as("the cap exactly").isInstanceOf(Checkout.Completed.class);
        assertThat(pay(1)).isInstanceOf(Checkout.Rejected.class);
        MemberId other = register("13800000002", null);
        till.ledger.syncMarks().recordSynced(clock.instant().minus(Duration.ofHours(5)));
        java.util.Optional<TillMessage> refusal = till.ledger.read(s -> till.loyaltyAtCheckout.redeemRefusal(s, other, 500, clock.instant()));
        assertThat(refusal).as("the cap is per member").isEmpty();
    }

    @Test
    void offlineForLongerThanTheLimitCapsStoredValuePaymentsPerMemberToo() {
        till.topUp.topUp(new TopUp.Request(member, 50_000, List.of(cash(50_000)), "c1"));
        till.ledger.registration().link(new ServerLink("http://127.0.0.1:9", "token"));
        till.ledger.syncMarks().recordSynced(clock.instant());
        clock.advance(Duration.ofMinutes(61));
        assertThat(payStored(16_000)).isInstanceOf(Checkout.Completed.class);
        assertThat(payStored(4_800)).as("160.00 + 48.00 is past the 200.00 limit")
                .isInstanceOfSatisfying(Checkout.Rejected.class, r -> assertThat(r.reason()).isEqualTo(TillMessage.of(TillMessage.Code.OFFLINE_STORED_VALUE_CAP, 61L, 60,
                        io.chainpos.model.money.Money.cny(20_000), io.chainpos.model.money.Money.cny(4_000))));
        assertThat(payStored(4_000)).as("up to the limit exactly").isInstanceOf(Checkout.Completed.class);
        till.ledger.syncMarks().recordSynced(clock.instant());
        assertThat(payStored(8_000)).as("synced again").isInstanceOf(Checkout.Completed.class);
    }

    private Checkout.Result payStored(long amount) {
        return till.sell(new TestTill.Sale(List.of(line(BREAD, amount / 800 * 1000)), member,
                List.of(new Tender(TenderMethod.STORED_VALUE, amount, null)), "c1"));
    }

    private Checkout.Result pay(long points) {
        return till.sell(new TestTill.Sale(List.of(line(BREAD, 10_000)), member,
                List.of(new Tender(TenderMethod.POINTS, points, null), cash(8_000 - points)), "c1"));
    }

    private MemberId register(String phone, LocalDate birthday) {
        return ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request(phone, "李雷", null, birthday, true))).member().memberId();
    }

    private Checkout.Completed sell(MemberId who, List<TestTill.Line> lines, Tender... tenders) {
        Checkout.Result result = till.sell(new TestTill.Sale(lines, who, List.of(tenders), "c1"));
        assertThat(result).isInstanceOf(Checkout.Completed.class);
        return (Checkout.Completed) result;
    }

    private <T> List<T> events(Class<T> type) {
        return till.ledger.read(s -> s.handle().createQuery("SELECT envelope FROM ledger_events ORDER BY till_seq")
                .mapTo(String.class).list()).stream().map(json -> till.codec.fromJson(json).payload())
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static TestTill.Line line(String code, long qtyMilli) {
        return new TestTill.Line(code, qtyMilli);
    }

    private static Tender cash(long amount) {
        return new Tender(TenderMethod.CASH, amount, null);
    }
}
