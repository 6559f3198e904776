package io.chainpos.model.sale;

import io.chainpos.model.event.RefundLine;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.id.Sku;
import io.chainpos.model.money.Money;
import io.chainpos.model.pricing.Allocation;
import io.chainpos.model.promotion.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What may still be given back for a sale, and how. Each product's refundable amount is what was really paid
 * for it: its lines' totals less its share of the order promotions (split in proportion, to the fen), so
 * refunding everything gives back exactly the sale's total and never more. Money goes back to the original
 * tenders in proportion to what each still holds.
 */
public final class Refunds {
    private Refunds() {
    }

    /** A product of the sale: how much of it and how much money are still refundable. */
    public record Refundable(Sku sku, String name, long qtyMilli, long amount) {
    }

    /** A product and quantity the customer brings back. */
    public record Request(Sku sku, long qtyMilli) {
    }

    public sealed interface Outcome permits Planned, Refused {
    }

    /** Lines and tenders of the refund: {@code total} is the sum of both. */
    public record Planned(List<RefundLine> lines, long total, List<Tender> tenders) implements Outcome {
        public Planned {
            lines = List.copyOf(lines);
            tenders = List.copyOf(tenders);
        }
    }

    /**
     * Why not: for {@link Why#NOT_ON_RECEIPT} the product, for {@link Why#ONLY_LEFT} the product and the quantity
     * (thousandths) that may still come back. The till puts it into words.
     */
    public record Refused(Why why, Sku sku, String name, long qtyMilli) implements Outcome {
        public Refused(Why why) {
            this(why, null, null, 0);
        }
    }

    public enum Why { NOTHING_CHOSEN, QUANTITY_NOT_POSITIVE, NOT_ON_RECEIPT, ONLY_LEFT }

    /** Per product (in the sale's order): sold minus already refunded, in quantity and in money. */
    public static List<Refundable> remaining(SaleCompleted sale, List<SaleRefunded> earlier) {
        List<SaleLine> lines = sale.lines();
        long[] lineTotals = lines.stream().mapToLong(SaleLine::total).toArray();
        long orderDiscount = 0;
        for (long t : lineTotals) {
            orderDiscount += t;
        }
        orderDiscount -= sale.total();
        long[] shares = orderDiscount >= 0 ? Allocation.proportional(orderDiscount, lineTotals) : negate(
                Allocation.proportional(-orderDiscount, lineTotals));
        Map<Sku, long[]> bySku = new LinkedHashMap<>();
        Map<Sku, String> names = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleLine line = lines.get(i);
            long[] acc = bySku.computeIfAbsent(line.sku(), s -> new long[2]);
            acc[0] += line.qtyMilli();
            acc[1] += line.total() - shares[i];
            names.putIfAbsent(line.sku(), line.name());
        }
        for (SaleRefunded refund : earlier) {
            for (RefundLine line : refund.lines()) {
                long[] acc = bySku.get(line.sku());
                if (acc != null) {
                    acc[0] -= line.qtyMilli();
                    acc[1] -= line.amount();
                }
            }
        }
        List<Refundable> out = new ArrayList<>();
        bySku.forEach((sku, acc) -> out.add(new Refundable(sku, names.get(sku), Math.max(0, acc[0]), Math.max(0, acc[1]))));
        return out;
    }

    /** Plans a refund of {@code requests} against {@code sale}, given the refunds already made (from any till). */
    public static Outcome plan(SaleCompleted sale, List<SaleRefunded> earlier, List<Request> requests) {
        if (requests.isEmpty()) {
            return new Refused(Why.NOTHING_CHOSEN);
        }
        Map<Sku, Refundable> remaining = new LinkedHashMap<>();
        remaining(sale, earlier).forEach(r -> remaining.put(r.sku(), r));
        Map<Sku, Long> asked = new LinkedHashMap<>();
        for (Request request : requests) {
            if (request.qtyMilli() <= 0) {
                return new Refused(Why.QUANTITY_NOT_POSITIVE);
            }
            asked.merge(request.sku(), request.qtyMilli(), Math::addExact);
        }
        List<RefundLine> lines = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Sku, Long> entry : asked.entrySet()) {
            Refundable left = remaining.get(entry.getKey());
            if (left == null) {
                return new Refused(Why.NOT_ON_RECEIPT, entry.getKey(), null, 0);
            }
            long qty = entry.getValue();
            if (qty > left.qtyMilli()) {
                return new Refused(Why.ONLY_LEFT, left.sku(), left.name(), left.qtyMilli());
            }
            // The last of a product takes what is left exactly, so repeated part refunds never drift.
            long amount = qty == left.qtyMilli() ? left.amount() : Math.min(left.amount(),
                    Rates.share(left.amount(), qty, left.qtyMilli()));
            lines.add(new RefundLine(left.sku(), left.name(), qty, amount));
            total += amount;
        }
        return new Planned(lines, total, toOriginalTenders(sale, earlier, total));
    }

    /**
     * {@code amount} split over the sale's tenders in proportion to what each kept and has not yet given
     * back; each tender keeps its method and reference.
     */
    public static List<Tender> toOriginalTenders(SaleCompleted sale, List<SaleRefunded> earlier, long amount) {
        List<Tender> tenders = sale.tenders();
        long[] left = Tendering.kept(tenders, sale.change());
        for (SaleRefunded refund : earlier) {
            for (Tender given : refund.tenders()) {
                long toTake = given.amount();
                for (int i = 0; i < tenders.size() && toTake > 0; i++) {
                    if (tenders.get(i).method() == given.method()) {
                        long off = Math.min(toTake, left[i]);
                        left[i] -= off;
                        toTake -= off;
                    }
                }
            }
        }
        long[] shares = Allocation.proportional(amount, left);
        List<Tender> out = new ArrayList<>();
        for (int i = 0; i < tenders.size(); i++) {
            if (shares[i] > 0) {
                out.add(new Tender(tenders.get(i).method(), shares[i], tenders.get(i).reference()));
            }
        }
        return out;
    }

    /**
     * Points earned by a sale to take back after refunding {@code refundedSoFar} of its {@code saleTotal}
     * (this refund included), when {@code alreadyReversed} were taken back before: in proportion, and all
     * of what remains once everything is refunded.
     */
    public static long earnedPointsToReverse(long earned, long alreadyReversed, long refundedSoFar, long saleTotal) {
        long due = refundedSoFar >= saleTotal || saleTotal == 0 ? earned
                : BigDecimal.valueOf(earned).multiply(BigDecimal.valueOf(refundedSoFar))
                .divide(BigDecimal.valueOf(saleTotal), 0, java.math.RoundingMode.FLOOR).longValueExact();
        return Math.max(0, Math.min(earned, due) - alreadyReversed);
    }

    private static long[] negate(long[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = -values[i];
        }
        return out;
    }

    static String yuan(long fen) {
        return Money.cny(fen).toDecimalString();
    }
}
