package io.chainpos.model.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefundsTest {
    static final Sku COLA = Sku.of("100001");
    static final Sku BREAD = Sku.of("100002");
    // cola 4 x 3.00 = 12.00, bread 8.00; 满20减2 on the order; paid 10.00 card + 10.00 cash (2.00 change)
    static final SaleCompleted SALE = new SaleCompleted(new SaleId(UUID.randomUUID()), ReceiptNo.of("R-1"), null, "CNY",
            List.of(new SaleLine(COLA, "可口可乐", 4000, 300, 0, 1200, List.of()),
                    new SaleLine(BREAD, "面包", 1000, 800, 0, 800, List.of())),
            List.of(new AppliedPromotion("MJ", "满20减2", 200)), 2000, 200, 1800,
            List.of(new Tender(TenderMethod.BANK_CARD, 1000, "T9"), new Tender(TenderMethod.CASH, 1000, null)), 200, 1, "c");

    @Test
    void eachProductGivesBackWhatWasReallyPaidForIt() {
        assertThat(Refunds.remaining(SALE, List.of())).containsExactly(
                new Refunds.Refundable(COLA, "可口可乐", 4000, 1080), new Refunds.Refundable(BREAD, "面包", 1000, 720));
    }

    @Test
    void aPartRefundGoesBackToTheOriginalTendersInProportion() {
        Refunds.Planned one = (Refunds.Planned) Refunds.plan(SALE, List.of(), List.of(new Refunds.Request(COLA, 1000)));

        assertThat(one.lines()).containsExactly(new RefundLine(COLA, "可口可乐", 1000, 270));
        assertThat(one.tenders()).containsExactly(new Tender(TenderMethod.BANK_CARD, 150, "T9"),
                new Tender(TenderMethod.CASH, 120, null));
    }

    @Test
    void neverMoreThanSoldMinusAlreadyRefunded() {
        SaleRefunded earlier = new SaleRefunded(new RefundId(UUID.randomUUID()), SALE.saleId(), "CNY",
                List.of(new RefundLine(COLA, "可口可乐", 3000, 810)), 810,
                List.of(new Tender(TenderMethod.BANK_CARD, 450, "T9"), new Tender(TenderMethod.CASH, 360, null)), null, null, null);

        assertThat(Refunds.plan(SALE, List.of(earlier), List.of(new Refunds.Request(COLA, 2000))))
                .isEqualTo(new Refunds.Refused(Refunds.Why.ONLY_LEFT, COLA, "可口可乐", 1000));
        assertThat(Refunds.plan(SALE, List.of(earlier), List.of(new Refunds.Request(Sku.of("999"), 1000))))
                .isEqualTo(new Refunds.Refused(Refunds.Why.NOT_ON_RECEIPT, Sku.of("999"), null, 0));
        Refunds.Planned rest = (Refunds.Planned) Refunds.plan(SALE, List.of(earlier),
                List.of(new Refunds.Request(COLA, 1000), new Refunds.Request(BREAD, 1000)));
        assertThat(rest.total()).isEqualTo(1800 - 810);
        assertThat(rest.tenders()).containsExactly(new Tender(TenderMethod.BANK_CARD, 550, "T9"),
                new Tender(TenderMethod.CASH, 440, null));
    }

    @Test
    void earnedPointsAreTakenBackInProportionAndAllAtTheEnd() {
        assertThat(Refunds.earnedPointsToReverse(18, 0, 900, 1800)).isEqualTo(9);
        assertThat(Refunds.earnedPointsToReverse(18, 9, 1000, 1800)).isEqualTo(1);
        assertThat(Refunds.earnedPointsToReverse(18, 10, 1800, 1800)).isEqualTo(8);
    }
}
