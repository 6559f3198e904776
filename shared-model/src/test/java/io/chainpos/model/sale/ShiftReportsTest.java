package io.chainpos.model.sale;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.CashMoved;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.event.ShiftOpened;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.RefundId;
import io.chainpos.model.id.TopUpId;
import io.chainpos.model.testing.SampleEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShiftReportsTest {

    @Test
    void xThenZReportByTenderWithExpectedAndCountedCash() {
        List<Event> events = new ArrayList<>(List.of(
                new ShiftOpened(SampleEvents.SHIFT, "c1", 50_000),
                RefundsTest.SALE, // card 10.00, cash 10.00 less 2.00 change
                new SaleRefunded(new RefundId(UUID.randomUUID()), RefundsTest.SALE.saleId(), "CNY",
                        List.of(new RefundLine(RefundsTest.COLA, "可口可乐", 1000, 270)), 270,
                        List.of(new Tender(TenderMethod.BANK_CARD, 150, "T9"), new Tender(TenderMethod.CASH, 120, null)), null, null, null),
                new SaleVoided(2, 1150, "customer left", "c1", "m1"),
                new CashMoved(SampleEvents.SHIFT, CashMoved.Direction.OUT, 20_000, "bank", "c1"),
                new CashMoved(SampleEvents.SHIFT, CashMoved.Direction.IN, 1_000, "coins", "c1")));

        ShiftReport x = ShiftReports.of(envelopes(events));

        assertThat(x.kind()).isEqualTo(ShiftReport.Kind.X);
        assertThat(x.byTender()).containsExactly(new ShiftReport.TenderLine(TenderMethod.CASH, 1, 800, 120),
                new ShiftReport.TenderLine(TenderMethod.BANK_CARD, 1, 1000, 150));
        assertThat(x.salesCount()).isEqualTo(1);
        assertThat(x.salesTotal()).isEqualTo(1800);
        assertThat(x.refundsTotal()).isEqualTo(270);
        assertThat(x.discountTotal()).isEqualTo(200);
        assertThat(x.voidsCount()).isEqualTo(1);
        assertThat(x.voidsAmount()).isEqualTo(1150);
        assertThat(x.expectedCash()).isEqualTo(50_000 + 800 - 120 - 20_000 + 1_000);
        assertThat(x.difference()).isNull();

        events.add(new ShiftClosed(SampleEvents.SHIFT, "c1", 31_600, 31_680));
        ShiftReport z = ShiftReports.of(envelopes(events));

        assertThat(z.kind()).isEqualTo(ShiftReport.Kind.Z);
        assertThat(z.countedCash()).isEqualTo(31_600);
        assertThat(z.difference()).isEqualTo(-80);
    }

    @Test
    void storedValueTopUpsAreCashInTheDrawerButNotTakingsFromSales() {
        List<Event> events = List.of(
                new ShiftOpened(SampleEvents.SHIFT, "c1", 50_000),
                RefundsTest.SALE, // card 10.00, cash 10.00 less 2.00 change
                new StoredValueToppedUp(new TopUpId(UUID.randomUUID()), new ReceiptNo("S001-T1-1-000002"), SampleEvents.MEMBER,
                        10_000, 2_000, "充100送20", List.of(new Tender(TenderMethod.CASH, 10_000, null)), 0, "c1"));

        ShiftReport x = ShiftReports.of(envelopes(events));

        assertThat(x.byTender()).as("takings from sales only").containsExactly(
                new ShiftReport.TenderLine(TenderMethod.CASH, 1, 800, 0), new ShiftReport.TenderLine(TenderMethod.BANK_CARD, 1, 1000, 0));
        assertThat(x.topUpsByTender()).containsExactly(new ShiftReport.TenderLine(TenderMethod.CASH, 1, 10_000, 0));
        assertThat(x.topUpsCount()).isEqualTo(1);
        assertThat(x.topUpsTotal()).as("the bonus is not money").isEqualTo(10_000);
        assertThat(x.expectedCash()).as("both are cash in the drawer").isEqualTo(50_000 + 800 + 10_000);
    }

    private static List<EventEnvelope> envelopes(List<Event> events) {
        List<EventEnvelope> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            out.add(SampleEvents.envelope(events.get(i), i + 1));
        }
        return out;
    }
}
