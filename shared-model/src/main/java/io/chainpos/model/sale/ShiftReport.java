package io.chainpos.model.sale;

import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.ShiftId;
import java.time.Instant;
import java.util.List;

/**
 * A shift's figures, for the X report (mid-shift, {@code countedCash} null) and the Z report (at close).
 * Data only: the printer and the screens render it. Amounts in minor units. {@code expectedCash} is the
 * float plus cash taken (net of change) less cash refunded, for sales and top-ups, plus cash in, less cash out.
 * {@code byTender} is the takings from sales and refunds only; stored-value top-ups (paid part only; the bonus is
 * not money) and their refunds are kept apart, in {@code topUpsByTender}, {@code topUpsTotal} and
 * {@code topUpRefundsTotal}, so a sale's cash is never read as a top-up's or the other way round.
 */
public record ShiftReport(
        Kind kind,
        ShiftId shiftId,
        String openedBy,
        Instant openedAt,
        Instant closedAt,
        long floatAmount,
        List<TenderLine> byTender,
        int salesCount,
        long salesTotal,
        int refundsCount,
        long refundsTotal,
        long discountTotal,
        int voidsCount,
        long voidsAmount,
        long cashIn,
        long cashOut,
        long expectedCash,
        Long countedCash,
        int topUpsCount,
        long topUpsTotal,
        long topUpRefundsTotal,
        List<TenderLine> topUpsByTender) {

    /** X: a reading mid-shift; Z: the closing report. */
    public enum Kind { X, Z }

    /** One tender method: taken in sales (cash net of change), given back in refunds, and the difference. */
    public record TenderLine(TenderMethod method, int count, long sales, long refunds) {
        public long net() {
            return sales - refunds;
        }
    }

    public ShiftReport {
        byTender = List.copyOf(byTender);
        topUpsByTender = List.copyOf(topUpsByTender);
    }

    /** Counted minus expected: positive is cash over, negative cash short; null before the count. */
    public Long difference() {
        return countedCash == null ? null : countedCash - expectedCash;
    }
}
