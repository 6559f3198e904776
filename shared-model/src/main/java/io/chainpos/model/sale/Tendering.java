package io.chainpos.model.sale;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.money.Money;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Whether tenders pay a total and what change is due. Change is only ever given in cash, so the non-cash
 * tenders together may not exceed the total; a wallet or coupon tender carries its reference.
 */
public final class Tendering {
    private Tendering() {
    }

    public sealed interface Outcome permits Settled, Refused {
    }

    /** The tenders pay the total: {@code tendered - change == total}. */
    public record Settled(long total, long tendered, long change, Map<TenderMethod, Long> byMethod) implements Outcome {
        public Settled {
            byMethod = Map.copyOf(byMethod);
        }

        public long of(TenderMethod method) {
            return byMethod.getOrDefault(method, 0L);
        }
    }

    /** Why not, for the cashier. */
    public record Refused(String reason) implements Outcome {
    }

    public static Outcome settle(long total, List<Tender> tenders) {
        if (total < 0) {
            throw new IllegalArgumentException("a total is never negative: " + total);
        }
        Map<TenderMethod, Long> byMethod = new EnumMap<>(TenderMethod.class);
        long tendered = 0;
        for (Tender tender : tenders) {
            if (tender.amount() <= 0) {
                return new Refused("a tender must be a positive amount");
            }
            if ((tender.method() == TenderMethod.MOBILE_WALLET || tender.method() == TenderMethod.COUPON)
                    && (tender.reference() == null || tender.reference().isBlank())) {
                return new Refused(tender.method() == TenderMethod.COUPON
                        ? "a coupon tender needs the coupon's code" : "a mobile wallet tender needs the payment reference");
            }
            byMethod.merge(tender.method(), tender.amount(), Math::addExact);
            tendered = Math.addExact(tendered, tender.amount());
        }
        if (tendered < total) {
            return new Refused("tenders are short by " + Money.cny(total - tendered).toDecimalString());
        }
        long change = tendered - total;
        if (change > byMethod.getOrDefault(TenderMethod.CASH, 0L)) {
            return new Refused("change can only be given in cash; non-cash tenders exceed the total");
        }
        return new Settled(total, tendered, change, byMethod);
    }

    /**
     * What each tender of a paid sale actually kept, in tender order: the change comes off the cash tenders,
     * the last one first. The amounts add up to the sale's total.
     */
    public static long[] kept(List<Tender> tenders, long change) {
        long[] kept = new long[tenders.size()];
        for (int i = 0; i < tenders.size(); i++) {
            kept[i] = tenders.get(i).amount();
        }
        long left = change;
        for (int i = tenders.size() - 1; i >= 0 && left > 0; i--) {
            if (tenders.get(i).method() == TenderMethod.CASH) {
                long off = Math.min(left, kept[i]);
                kept[i] -= off;
                left -= off;
            }
        }
        return kept;
    }
}
