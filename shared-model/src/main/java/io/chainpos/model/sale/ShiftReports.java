package io.chainpos.model.sale;

import io.chainpos.model.event.CashMoved;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.SaleVoided;
import io.chainpos.model.event.ShiftClosed;
import io.chainpos.model.event.ShiftOpened;
import io.chainpos.model.event.StoredValueToppedUp;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.TopUpRefunded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Folds one shift's events, in till order, into its X or Z report. */
public final class ShiftReports {
    private ShiftReports() {
    }

    /**
     * The report of the shift opened by the first event: an X report while it is open, or a Z report with
     * the counted cash once a {@link ShiftClosed} is among the events.
     */
    public static ShiftReport of(List<EventEnvelope> shiftEvents) {
        if (shiftEvents.isEmpty() || !(shiftEvents.getFirst().payload() instanceof ShiftOpened opened)) {
            throw new IllegalArgumentException("a shift's events start with its ShiftOpened");
        }
        Map<TenderMethod, long[]> tenders = new EnumMap<>(TenderMethod.class); // count, sales, refunds
        Map<TenderMethod, long[]> topUpTenders = new EnumMap<>(TenderMethod.class); // count, top-ups, top-ups refunded
        int sales = 0;
        int refunds = 0;
        int voids = 0;
        long salesTotal = 0;
        long refundsTotal = 0;
        long discounts = 0;
        long voided = 0;
        long cashIn = 0;
        long cashOut = 0;
        int topUps = 0;
        long topUpsTotal = 0;
        long topUpRefundsTotal = 0;
        Instant closedAt = null;
        Long counted = null;
        for (EventEnvelope envelope : shiftEvents.subList(1, shiftEvents.size())) {
            switch (envelope.payload()) {
                case SaleCompleted sale -> {
                    sales++;
                    salesTotal += sale.total();
                    discounts += sale.discountTotal();
                    long[] kept = Tendering.kept(sale.tenders(), sale.change());
                    for (int i = 0; i < kept.length; i++) {
                        long[] line = tenders.computeIfAbsent(sale.tenders().get(i).method(), m -> new long[3]);
                        line[0]++;
                        line[1] += kept[i];
                    }
                }
                case SaleRefunded refund -> {
                    refunds++;
                    refundsTotal += refund.total();
                    for (Tender tender : refund.tenders()) {
                        tenders.computeIfAbsent(tender.method(), m -> new long[3])[2] += tender.amount();
                    }
                }
                // Stored value sold and given back is money through the drawer, apart from sales.
                case StoredValueToppedUp topUp -> {
                    topUps++;
                    topUpsTotal += topUp.paid();
                    long[] kept = Tendering.kept(topUp.tenders(), topUp.change());
                    for (int i = 0; i < kept.length; i++) {
                        long[] line = topUpTenders.computeIfAbsent(topUp.tenders().get(i).method(), m -> new long[3]);
                        line[0]++;
                        line[1] += kept[i];
                    }
                }
                case TopUpRefunded refund -> {
                    topUpRefundsTotal += refund.paidRefunded();
                    for (Tender tender : refund.tenders()) {
                        topUpTenders.computeIfAbsent(tender.method(), m -> new long[3])[2] += tender.amount();
                    }
                }
                case SaleVoided voidedSale -> {
                    voids++;
                    voided += voidedSale.amount();
                }
                case CashMoved moved -> {
                    if (moved.direction() == CashMoved.Direction.IN) {
                        cashIn += moved.amount();
                    } else {
                        cashOut += moved.amount();
                    }
                }
                case ShiftClosed closed -> {
                    closedAt = envelope.occurredAt();
                    counted = closed.countedCash();
                }
                default -> {
                }
            }
        }
        List<ShiftReport.TenderLine> lines = new ArrayList<>();
        tenders.forEach((method, v) -> lines.add(new ShiftReport.TenderLine(method, (int) v[0], v[1], v[2])));
        List<ShiftReport.TenderLine> topUpLines = new ArrayList<>();
        topUpTenders.forEach((method, v) -> topUpLines.add(new ShiftReport.TenderLine(method, (int) v[0], v[1], v[2])));
        long[] cash = tenders.getOrDefault(TenderMethod.CASH, new long[3]);
        long[] topUpCash = topUpTenders.getOrDefault(TenderMethod.CASH, new long[3]);
        long expected = opened.floatAmount() + cash[1] - cash[2] + topUpCash[1] - topUpCash[2] + cashIn - cashOut;
        return new ShiftReport(counted == null ? ShiftReport.Kind.X : ShiftReport.Kind.Z, opened.shiftId(),
                opened.cashier(), shiftEvents.getFirst().occurredAt(), closedAt, opened.floatAmount(), lines, sales,
                salesTotal, refunds, refundsTotal, discounts, voids, voided, cashIn, cashOut, expected, counted, topUps, topUpsTotal,
                topUpRefundsTotal, topUpLines);
    }
}
