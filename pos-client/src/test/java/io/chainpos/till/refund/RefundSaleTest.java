package io.chainpos.till.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.DrawerOpened;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.StoredValueChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sale.Refunds;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.stock.StockStore;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefundSaleTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill till;
    private Member member;
    private final List<EventEnvelope> committed = new ArrayList<>();

    @BeforeEach
    void openTill() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock).withStaff();
        member = ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member();
        till.ledger.write(tx -> tx.append(new StoredValueChanged(member.memberId(), 5000, StoredValueChanged.Reason.TOPUP, null)));
        till.ledger.onCommit(committed::addAll);
    }

    @AfterEach
    void closeTill() {
        till.close();
    }

    /** Bread x10 = 80.00, paid 20.00 stored value, 10.00 in points (1,000 points), 50.00 cash: earns 20 + 50 points. */
    private SaleCompleted memberSale() {
        till.ledger.write(tx -> tx.append(new io.chainpos.model.event.PointsChanged(member.memberId(), 1000,
                io.chainpos.model.event.PointsChanged.Reason.ADJUST, null, List.of())));
        SaleSession sale = till.session("c1");
        sale.setMember(member);
        sale.scan("100002", 10_000);
        return ((SaleSession.Paid) sale.pay(List.of(new Tender(TenderMethod.STORED_VALUE, 2000, null),
                new Tender(TenderMethod.POINTS, 1000, null), new Tender(TenderMethod.CASH, 5000, null)))).sale().sale();
    }

    @Test
    void aPartRefundGoesBackToTheOriginalTendersAndUndoesPointsStoredValueAndStock() {
        SaleCompleted sale = memberSale();
        assertThat(points()).isEqualTo(70);
        assertThat(storedValue()).isEqualTo(3000);
        long stockBefore = stock();

        RefundSale.Result result = till.refunds.refund(sale.receiptNo().value(),
                List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 5000)), "c1");

        RefundSale.Refunded refunded = (RefundSale.Refunded) result;
        assertThat(refunded.refund().total()).isEqualTo(4000);
        assertThat(refunded.refund().tenders()).containsExactly(new Tender(TenderMethod.STORED_VALUE, 1000, null),
                new Tender(TenderMethod.POINTS, 500, null), new Tender(TenderMethod.CASH, 2500, null));
        assertThat(refunded.refund().refundNo()).as("read like a receipt's number").isEqualTo("S001-T1-1-R000001");
        assertThat(refunded.pointsTakenBack()).isEqualTo(35);
        assertThat(refunded.pointsRestored()).isEqualTo(500);
        assertThat(points()).isEqualTo(70 - 35 + 500);
        assertThat(storedValue()).isEqualTo(4000);
        assertThat(stock()).isEqualTo(stockBefore + 5000);
        assertThat(committed).extracting(EventEnvelope::payload).contains(
                new DrawerOpened(DrawerOpened.Reason.CASH_REFUND, sale.saleId(), "c1", null));
    }

    @Test
    void neverMoreThanWasSoldMinusWhatWasRefundedAndTheRestComesBackExactly() {
        SaleCompleted sale = memberSale();
        till.refunds.refund(sale.receiptNo().value(), List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 3000)), "c1");

        assertThat(till.refunds.refund(sale.receiptNo().value(), List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 8000)), "c1"))
                .isEqualTo(new RefundSale.Refused(TillMessage.of(TillMessage.Code.ONLY_LEFT_TO_REFUND, "7", "全麦面包")));
        RefundSale.Refunded rest = (RefundSale.Refunded) till.refunds.refund(sale.receiptNo().value(),
                List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 7000)), "c1");

        assertThat(rest.refund().total()).isEqualTo(8000 - 2400);
        assertThat(points()).isEqualTo(1000);
        assertThat(storedValue()).isEqualTo(5000);
        assertThat(till.refunds.refundable(sale.receiptNo().value()).orElseThrow()).singleElement()
                .satisfies(r -> assertThat(r.qtyMilli()).isZero());
    }

    @Test
    void aRefundAtAnotherTillOfTheStoreCountsHere() {
        SaleCompleted sale = memberSale();
        SaleRefunded elsewhere = new SaleRefunded(RefundId.newId(clock), sale.saleId(), "CNY",
                List.of(new RefundLine(HeadOfficeEvents.BREAD, "全麦面包", 9000, 7200)), 7200,
                List.of(new Tender(TenderMethod.CASH, 7200, null)), null, null, null);
        till.ledger.remote().applyPulled(List.of(new EventEnvelope(EventId.newId(clock), new StoreId("S001"), new TillId("S001-T2"),
                1, 1, clock.millis() << 16, clock.instant(), elsewhere)), 20);

        assertThat(till.refunds.refund(sale.receiptNo().value(), List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 2000)), "c1"))
                .isEqualTo(new RefundSale.Refused(TillMessage.of(TillMessage.Code.ONLY_LEFT_TO_REFUND, "1", "全麦面包")));
    }

    @Test
    void anUnknownReceiptIsAMessage() {
        assertThat(till.refunds.refund("S001-T1-1-999999", List.of(new Refunds.Request(HeadOfficeEvents.BREAD, 1000)), "c1"))
                .isEqualTo(new RefundSale.Refused(TillMessage.of(TillMessage.Code.NO_SALE_WITH_RECEIPT, "S001-T1-1-999999")));
    }

    @Test
    void withoutAReceiptAManagerAndAReasonAreNeeded() {
        List<RefundSale.ReturnedItem> bread = List.of(new RefundSale.ReturnedItem("100002", 1000));

        assertThat(till.refunds.refundWithoutReceipt(bread, "", TestTill.MANAGER_PIN, "c1"))
                .isEqualTo(new RefundSale.Refused(TillMessage.of(TillMessage.Code.RETURN_NEEDS_REASON)));
        assertThat(till.refunds.refundWithoutReceipt(bread, "receipt lost", "1111", "c1"))
                .isEqualTo(new RefundSale.Refused(TillMessage.of(TillMessage.Code.RETURN_NEEDS_MANAGER)));
        RefundSale.Refunded done = (RefundSale.Refunded) till.refunds.refundWithoutReceipt(bread, "receipt lost",
                TestTill.MANAGER_PIN, "c1");

        assertThat(done.refund().approvedBy()).isEqualTo("manager");
        assertThat(done.refund().tenders()).containsExactly(new Tender(TenderMethod.CASH, 800, null));
        assertThat(committed).extracting(EventEnvelope::payload).anySatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(ManagerApproved.class, a -> assertThat(a.action()).isEqualTo("REFUND_NO_RECEIPT")));
    }

    private long points() {
        return till.ledger.read(s -> till.balances.points(s, member.memberId()));
    }

    private long storedValue() {
        return till.ledger.read(s -> till.balances.storedValue(s, member.memberId()));
    }

    private long stock() {
        return till.ledger.read(s -> new StockStore().quantityMilli(s, HeadOfficeEvents.BREAD));
    }
}
