package io.chainpos.server.stockplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much to order, from what sold: pure arithmetic over whole thousandths, no clock and no I/O.
 *
 * <p>For one store and product, with {@code sold} the net quantity sold over the last {@code lookback} full days:
 * <pre>
 *   velocity  = sold / lookback                                  (per day)
 *   need      = ⌈velocity × (lead + safety)⌉                      what sells until an order arrives, plus the cushion
 *   target    = max(need, minimum)                               the minimum level is a floor
 *   suggested = max(0, target − onHand − inbound), rounded up to a whole unit (1000 thousandths)
 * </pre>
 * {@code inbound} is what other stores sent this store and it has not received yet. The chain's consolidated
 * order is the sum of its stores' suggestions per product (a store's surplus is moved by a proposed transfer, not
 * netted off another store's order).
 */
public final class ReorderRules {
    public static final int DEFAULT_LOOKBACK = 28;

    private ReorderRules() {
    }

    /** The order's parameters, in days. */
    public record Parameters(int lookbackDays, int leadDays, int safetyDays) {
        public Parameters {
            if (lookbackDays < 1 || leadDays < 0 || safetyDays < 0) {
                throw new IllegalArgumentException("lookback ≥ 1, lead and safety ≥ 0 days: " + lookbackDays + ", " + leadDays + ", "
                        + safetyDays);
            }
        }
    }

    /** One store's position in one product, in thousandths; {@code soldMilli} over the lookback. */
    public record Position(String store, String sku, long onHandMilli, long inboundMilli, long minimumMilli, long soldMilli) {
    }

    /** A suggested line, with how it was reached. */
    public record Suggestion(String store, String sku, long onHandMilli, long inboundMilli, long minimumMilli, long soldMilli,
                             long needMilli, long targetMilli, long suggestedMilli) {
    }

    public static Suggestion suggest(Position p, Parameters params) {
        long cover = params.leadDays() + params.safetyDays();
        long need = ceilDiv(Math.max(0, p.soldMilli()) * cover, params.lookbackDays());
        long target = Math.max(need, p.minimumMilli());
        long shortBy = Math.max(0, target - p.onHandMilli() - p.inboundMilli());
        long suggested = ceilDiv(shortBy, 1000) * 1000;
        return new Suggestion(p.store(), p.sku(), p.onHandMilli(), p.inboundMilli(), p.minimumMilli(), p.soldMilli(), need, target,
                suggested);
    }

    /** Every position's suggestion, those with nothing to order left out, in store then SKU order. */
    public static List<Suggestion> perStore(List<Position> positions, Parameters params) {
        List<Suggestion> out = new ArrayList<>();
        for (Position p : positions) {
            Suggestion s = suggest(p, params);
            if (s.suggestedMilli() > 0) {
                out.add(s);
            }
        }
        out.sort(java.util.Comparator.comparing(Suggestion::store).thenComparing(Suggestion::sku));
        return out;
    }

    /** The chain's order: each product's suggestions summed over the stores (store "" in the result), in SKU order. */
    public static List<Suggestion> consolidated(List<Position> positions, Parameters params) {
        Map<String, long[]> bySku = new TreeMap<>();
        for (Suggestion s : perStore(positions, params)) {
            long[] sums = bySku.computeIfAbsent(s.sku(), k -> new long[7]);
            long[] add = {s.onHandMilli(), s.inboundMilli(), s.minimumMilli(), s.soldMilli(), s.needMilli(), s.targetMilli(),
                    s.suggestedMilli()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += add[i];
            }
        }
        List<Suggestion> out = new ArrayList<>();
        bySku.forEach((sku, v) -> out.add(new Suggestion("", sku, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
        return out;
    }

    /** Days the stock on hand lasts at the lookback's pace, to a tenth of a day; null when nothing sold (no end in sight). */
    public static Double daysOfCover(long onHandMilli, long soldMilli, int lookbackDays) {
        if (soldMilli <= 0) {
            return null;
        }
        return Math.max(0, Math.round(onHandMilli * 10.0 * lookbackDays / soldMilli)) / 10.0;
    }

    static long ceilDiv(long a, long b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
