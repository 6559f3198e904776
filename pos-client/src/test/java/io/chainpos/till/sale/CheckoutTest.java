package io.chainpos.till.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill till;
    private MemberId member;

    @BeforeEach
    void openTill() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock);
        member = ((RegisterMember.Registered) till.registerMember.register(
                new RegisterMember.Request("13800000001", "李雷", null, null, true))).member().memberId();
    }

    @AfterEach
    void closeTill() {
        till.close();
    }

    @Test
    void aCashSaleGivesChangeAndMovesStock() {
        Checkout.Result result = till.sell(request(null, List.of(line(HeadOfficeEvents.COLA_BARCODE, 2000),
                line("210001", 1250)), cash(5000)));

        Checkout.Completed sale = (Checkout.Completed) result;
        assertThat(sale.sale().lines()).extracting(SaleLine::total).containsExactly(700L, 1600L);
        assertThat(sale.sale().total()).isEqualTo(2300);
        assertThat(sale.sale().change()).isEqualTo(2700);
        assertThat(sale.sale().receiptNo().value()).isEqualTo("S001-T1-1-000001");
        assertThat(sale.pointsEarned()).isZero();
        long colaStock = till.ledger.read(h -> new io.chainpos.till.stock.StockStore().quantityMilli(h, HeadOfficeEvents.COLA));
        assertThat(colaStock).isEqualTo(-2000);
    }

    @Test
    void aMemberPaysMemberPriceAndEarnsAPointPerYuanPaid() {
        Checkout.Completed sale = (Checkout.Completed) till.sell(
                request(member, List.of(line(HeadOfficeEvents.COLA_BARCODE, 4000), line("100002", 1000)), cash(2000)));

        assertThat(sale.sale().total()).isEqualTo(2000);
        assertThat(sale.sale().discountTotal()).isEqualTo(200);
        assertThat(sale.sale().lines().getFirst().promotions()).extracting(p -> p.code()).containsExactly("MEMBER_PRICE");
        assertThat(sale.pointsEarned()).isEqualTo(20);
        assertThat(points()).isEqualTo(20);
    }

    @Test
    void pointsPayAsCashAndEarnOnlyOnWhatWasPaidInMoney() {
        till.sell(request(member, List.of(line("100002", 10_000)), cash(8000)));
        assertThat(points()).isEqualTo(80);

        Checkout.Completed sale = (Checkout.Completed) till.sell(request(member,
                List.of(line("100002", 1000)), new Tender(TenderMethod.POINTS, 50, null), cash(750)));

        assertThat(sale.pointsEarned()).isEqualTo(7);
        assertThat(points()).isEqualTo(80 - 50 + 7);
    }

    @Test
    void refusedSalesRecordNothing() {
        long before = till.ledger.syncMarks().pendingCount();

        assertThat(till.sell(request(null, List.of(line("999", 1000)), cash(100))))
                .isEqualTo(new Checkout.Rejected(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, "999")));
        assertThat(till.sell(request(null, List.of(line("100002", 1000)), cash(799))))
                .isEqualTo(new Checkout.Rejected(TillMessage.of(TillMessage.Code.TENDERS_SHORT, io.chainpos.model.money.Money.cny(1))));
        assertThat(till.sell(request(null, List.of(line("100002", 1000)),
                new Tender(TenderMethod.BANK_CARD, 900, "T1"))))
                .isEqualTo(new Checkout.Rejected(TillMessage.of(TillMessage.Code.CHANGE_ONLY_IN_CASH)));
        assertThat(till.sell(request(member, List.of(line("100002", 1000)),
                new Tender(TenderMethod.POINTS, 800, null))))
                .isEqualTo(new Checkout.Rejected(TillMessage.of(TillMessage.Code.POINTS_SHORT, 0L, 800L)));
        assertThat(till.sell(request(null, List.of(line("100002", 1000)),
                new Tender(TenderMethod.STORED_VALUE, 800, null))))
                .isEqualTo(new Checkout.Rejected(TillMessage.of(TillMessage.Code.POINTS_NEED_MEMBER)));

        assertThat(till.ledger.syncMarks().pendingCount()).isEqualTo(before);
    }

    @Test
    void receiptNumbersFollowEachOtherPerTill() {
        Checkout.Completed first = (Checkout.Completed) till.sell(request(null, List.of(line("100002", 1000)), cash(800)));
        Checkout.Completed second = (Checkout.Completed) till.sell(request(null, List.of(line("100002", 1000)), cash(800)));

        assertThat(first.sale().receiptNo().value()).isEqualTo("S001-T1-1-000001");
        assertThat(second.sale().receiptNo().value()).isEqualTo("S001-T1-1-000002");
        Optional<SaleId> found = till.ledger.read(h -> till.sales.findByReceipt(h, second.sale().receiptNo()));
        assertThat(found).contains(second.sale().saleId());
    }

    private long points() {
        return till.ledger.read(h -> till.balances.points(h, member));
    }

    private static TestTill.Sale request(MemberId member, List<TestTill.Line> lines, Tender... tenders) {
        return new TestTill.Sale(lines, member, List.of(tenders), "c1");
    }

    private static TestTill.Line line(String code, long qtyMilli) {
        return new TestTill.Line(code, qtyMilli);
    }

    private static Tender cash(long amount) {
        return new Tender(TenderMethod.CASH, amount, null);
    }
}
