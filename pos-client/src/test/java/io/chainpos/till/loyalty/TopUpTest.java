package io.chainpos.till.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.loyalty.StoredValue;
import io.chainpos.model.sale.ShiftReport;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopUpTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
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
    void aTopUpKeepsPaidAndBonusApartAndIsInTheShiftFigures() {
        TopUp.ToppedUp done = (TopUp.ToppedUp) till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_500)), "c1"));

        assertThat(done.topUp().bonus()).isEqualTo(2_000);
        assertThat(done.topUp().bonusRule()).isEqualTo("充100送20");
        assertThat(done.topUp().change()).isEqualTo(500);
        assertThat(done.topUp().receiptNo().value()).isEqualTo("S001-T1-1-000001");
        assertThat(done.balance()).isEqualTo(new StoredValue(10_000, 2_000));
        assertThat(events(DrawerOpened.class)).extracting(DrawerOpened::reason).as("cash opens the drawer")
                .containsExactly(DrawerOpened.Reason.SHIFT, DrawerOpened.Reason.CASH_SALE);
        ShiftReport x = till.shifts.xReport().orElseThrow();
        assertThat(x.topUpsCount()).isEqualTo(1);
        assertThat(x.topUpsTotal()).isEqualTo(10_000);
        assertThat(x.salesTotal()).as("a top-up is not a sale").isZero();
        assertThat(x.expectedCash()).isEqualTo(50_000 + 10_000);
    }

    @Test
    void justBelowABonusStepGetsTheStepBelowAndAnExactStepGetsIt() {
        assertThat(till.topUp.bonusFor(9_999)).isEmpty();
        assertThat(till.topUp.bonusFor(49_999).orElseThrow().bonus()).isEqualTo(2_000);
        assertThat(((TopUp.ToppedUp) till.topUp.topUp(new TopUp.Request(member, 50_000, List.of(card(50_000)), "c1")))
                .topUp().bonus()).isEqualTo(15_000);
    }

    @Test
    void aTopUpNeedsAnOpenShiftAMemberAndMoney() {
        assertThat(till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(new Tender(TenderMethod.STORED_VALUE, 10_000, null)), "c1")))
                .isInstanceOf(TopUp.Rejected.class);
        assertThat(till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(9_999)), "c1")))
                .isInstanceOf(TopUp.Rejected.class);
        till.shifts.close("c1", 50_000);
        assertThat(till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_000)), "c1")))
                .isEqualTo(new TopUp.Rejected(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_TOP_UP)));
        assertThat(parts().balance()).isZero();
    }

    @Test
    void bonusIsSpentLast() {
        till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_000)), "c1"));
        // Bread at 8.00 x 13 = 104.00: 100.00 of paid money, then 4.00 of bonus.
        Checkout.Completed sale = (Checkout.Completed) till.sell(new TestTill.Sale(
                List.of(new TestTill.Line("100002", 13_000)), member,
                List.of(new Tender(TenderMethod.STORED_VALUE, 10_400, null)), "c1"));

        assertThat(parts()).isEqualTo(new StoredValue(0, 1_600));
        StoredValueChanged pay = events(StoredValueChanged.class).stream()
                .filter(e -> e.reason() == StoredValueChanged.Reason.PAY).findFirst().orElseThrow();
        assertThat(pay.bonusPart()).isEqualTo(-400);
        assertThat(sale.pointsEarned()).as("1 a yuan on the 100.00 paid, none on the 4.00 bonus").isEqualTo(100);
        assertThat(till.refundTopUp.refund(sale.sale().receiptNo().value(), "c1")).isInstanceOf(RefundTopUp.Refused.class);
    }

    @Test
    void anUnspentTopUpIsRefundedAndItsBonusWithdrawnNotPaidOut() {
        TopUp.ToppedUp done = (TopUp.ToppedUp) till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_000)), "c1"));

        RefundTopUp.Refunded refunded = (RefundTopUp.Refunded) till.refundTopUp.refund(done.topUp().receiptNo().value(), "c1");

        assertThat(refunded.refund().paidRefunded()).isEqualTo(10_000);
        assertThat(refunded.refund().bonusForfeited()).isEqualTo(2_000);
        assertThat(refunded.refund().tenders()).containsExactly(cash(10_000));
        assertThat(refunded.balance()).isEqualTo(new StoredValue(0, 0));
        assertThat(till.shifts.xReport().orElseThrow().topUpRefundsTotal()).isEqualTo(10_000);
        assertThat(till.shifts.xReport().orElseThrow().expectedCash()).isEqualTo(50_000);
        assertThat(till.refundTopUp.refund(done.topUp().receiptNo().value(), "c1"))
                .isEqualTo(new RefundTopUp.Refused(TillMessage.of(TillMessage.Code.TOP_UP_ALREADY_REFUNDED,
                        done.topUp().receiptNo().value())));
    }

    @Test
    void aTopUpPartlySpentIsNotRefunded() {
        TopUp.ToppedUp done = (TopUp.ToppedUp) till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_000)), "c1"));
        till.sell(new TestTill.Sale(List.of(new TestTill.Line("100002", 1_000)), member,
                List.of(new Tender(TenderMethod.STORED_VALUE, 800, null)), "c1"));

        assertThat(till.refundTopUp.refund(done.topUp().receiptNo().value(), "c1")).isInstanceOf(RefundTopUp.Refused.class);
        assertThat(parts()).isEqualTo(new StoredValue(9_200, 2_000));
    }

    @Test
    void aRefundGivesStoredValueBackToThePartItCameFromAndTakesBackTheSpend() {
        till.topUp.topUp(new TopUp.Request(member, 10_000, List.of(cash(10_000)), "c1"));
        // 13 breads (104.00) paid by stored value: 100.00 paid money and 4.00 bonus; bonus is given back first.
        Checkout.Completed sale = (Checkout.Completed) till.sell(new TestTill.Sale(
                List.of(new TestTill.Line("100002", 13_000)), member,
                List.of(new Tender(TenderMethod.STORED_VALUE, 10_400, null)), "c1"));
        till.refunds.refund(sale.sale().receiptNo().value(),
                List.of(new io.chainpos.model.sale.Refunds.Request(io.chainpos.till.testing.HeadOfficeEvents.BREAD, 1_000)), "c1");

        assertThat(parts()).as("8.00 back: the 4.00 of bonus first, then paid money").isEqualTo(new StoredValue(400, 2_000));
        till.refunds.refund(sale.sale().receiptNo().value(),
                List.of(new io.chainpos.model.sale.Refunds.Request(io.chainpos.till.testing.HeadOfficeEvents.BREAD, 1_000)), "c1");
        assertThat(parts()).as("the bonus taken is back already; all of this is paid money").isEqualTo(new StoredValue(1_200, 2_000));
        List<io.chainpos.model.event.PointsChanged> reversed = events(io.chainpos.model.event.PointsChanged.class).stream()
                .filter(p -> p.reason() == io.chainpos.model.event.PointsChanged.Reason.REVERSE).toList();
        assertThat(reversed).extracting(io.chainpos.model.event.PointsChanged::qualifyingSpend)
                .as("the spend no longer counts: 800 of paid money less the bonus refunded").containsExactly(-400L, -800L);
    }

    private StoredValue parts() {
        StoredValue parts = till.ledger.read(s -> till.balances.storedValueParts(s, member));
        return parts;
    }

    private <T> List<T> events(Class<T> type) {
        return till.ledger.read(s -> s.handle().createQuery("SELECT envelope FROM ledger_events ORDER BY till_seq")
                .mapTo(String.class).list()).stream().map(json -> till.codec.fromJson(json).payload())
                .filter(type::isInstance).map(type::cast).toList();
    }

    private static Tender cash(long amount) {
        return new Tender(TenderMethod.CASH, amount, null);
    }

    private static Tender card(long amount) {
        return new Tender(TenderMethod.BANK_CARD, amount, "6222");
    }
}
