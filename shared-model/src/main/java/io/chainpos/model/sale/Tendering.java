package io.chainpos.model.sale;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
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

    /** Why not: {@code amount} is how much is short for {@link Why#SHORT}, 0 otherwise. The till puts it into words. */
    public record Refused(Why why, long amount) implements Outcome {
        public Refused(Why why) {
            this(why, 0);
        }
    }

    public enum Why { NOT_POSITIVE, COUPON_NEEDS_CODE, WALLET_NEEDS_REFERENCE, SHORT, CHANGE_ONLY_IN_CASH }

    public static Outcome settle(long total, List<Tender> tenders) {
        if (total < 0) {
            throw new IllegalArgumentException("a total is never negative: " + total);
        }
        Map<TenderMethod, Long> byMethod = new EnumMap<>(TenderMethod.class);
        long tendered = 0;
        for (Tender tender : tenders) {
            java.util.Optional<Refused> wrong = wellFormed(tender);
            if (wrong.isPresent()) {
                return wrong.get();
            }
            byMethod.merge(tender.method(), tender.amount(), Math::addExact);
            tendered = Math.addExact(tendered, tender.amount());
        }
        if (tendered < total) {
            return new Refused(Why.SHORT, total - tendered);
        }
        long change = tendered - total;
        if (change > byMethod.getOrDefault(TenderMethod.CASH, 0L)) {
            return new Refused(Why.CHANGE_ONLY_IN_CASH);
        }
        return new Settled(total, tendered, change, byMethod);
    }

    /**
     * Whether one more tender may be taken while {@code due} is still to pay: a positive amount, the reference a
     * wallet or coupon tender needs, and no more than is due unless it is cash (only cash gives change). The same
     * rules {@link #settle} applies to the whole payment, checked as each tender is added.
     */
    public static java.util.Optional<Refused> admit(long due, Tender tender) {
        java.util.Optional<Refused> wrong = wellFormed(tender);
        if (wrong.isPresent()) {
            return wrong;
        }
        if (tender.method() != TenderMethod.CASH && tender.amount() > due) {
            return java.util.Optional.of(new Refused(Why.CHANGE_ONLY_IN_CASH));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Refused> wellFormed(Tender tender) {
        if (tender.amount() <= 0) {
            return java.util.Optional.of(new Refused(Why.NOT_POSITIVE));
        }
        if ((tender.method() == TenderMethod.MOBILE_WALLET || tender.method() == TenderMethod.COUPON)
                && (tender.reference() == null || tender.reference().isBlank())) {
            return java.util.Optional.of(new Refused(tender.method() == TenderMethod.COUPON
                    ? Why.COUPON_NEEDS_CODE : Why.WALLET_NEEDS_REFERENCE));
        }
        return java.util.Optional.empty();
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
