package io.chainpos.server.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.Sku;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import io.chainpos.server.log.SnapshotQuery;
import io.chainpos.server.log.SnapshotSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges stock movements into each store's stock per SKU, and finds negative stock. A batch is written as one
 * row per (store, SKU) with its sum, in key order so concurrent writers on PostgreSQL lock rows in one order;
 * negative stock is then found by replaying the batch's movements in event order from the stock before it.
 */
public final class JdbcStockProjection implements Projection {
    private static final String ADD_TO_STOCK = """
            INSERT INTO stock (store_id, sku, qty_milli) VALUES (?, ?, ?)
            ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = stock.qty_milli + excluded.qty_milli""";
    // The chain's sums per product (V255): a batch adds what it moved, the stock records it created and the change in
    // records below zero.
    private static final String ADD_TO_PRODUCT = """
            INSERT INTO stock_by_product (sku, total_milli, stores, below_zero) VALUES (?, ?, ?, ?)
            ON CONFLICT (sku) DO UPDATE SET total_milli = stock_by_product.total_milli + excluded.total_milli,
                stores = stock_by_product.stores + excluded.stores, below_zero = stock_by_product.below_zero + excluded.below_zero""";
    private static final String STOCK_OF = "SELECT sku, qty_milli FROM stock WHERE store_id = ? AND sku IN (%s)";
    private static final String STOCK_OF_STORE = "SELECT sku, qty_milli FROM stock WHERE store_id = ? ORDER BY sku";

    /** One stock movement, in event order. */
    private record Movement(EventEnvelope event, StockChanged change) {
        List<String> key() {
            return List.of(change.storeId().value(), change.sku().value());
        }
    }

    @Override
    public List<String> tables() {
        return List.of("stock", "stock_by_product");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<Movement> moves = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (event.payload() instanceof StockChanged change) {
                moves.add(new Movement(event, change));
            }
        }
        if (moves.isEmpty()) {
            return List.of();
        }
        Map<List<String>, Long> before = quantities(sql, moves);
        List<Object[]> sums = sums(moves);
        sql.batch(ADD_TO_STOCK, sums);
        sql.batch(ADD_TO_PRODUCT, byProduct(sums, before));
        return negativeStock(moves, before, now);
    }

    /** The quantity of each (store, SKU) the batch moves, before it: absent where the store has no record of the SKU yet. */
    private static Map<List<String>, Long> quantities(SqlSession sql, List<Movement> moves) {
        Map<String, java.util.Set<String>> skusOf = new TreeMap<>(); // read a store and a few hundred SKUs a statement
        moves.forEach(m -> skusOf.computeIfAbsent(m.change().storeId().value(), k -> new java.util.TreeSet<>()).add(m.change().sku().value()));
        Map<List<String>, Long> before = new HashMap<>();
        skusOf.forEach((store, skus) -> {
            List<String> all = List.copyOf(skus);
            for (int from = 0; from < all.size(); from += SqlSession.IN_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + SqlSession.IN_CHUNK));
                int places = SqlSession.placesFor(chunk.size());
                sql.list(STOCK_OF.formatted(SqlSession.places(places)), rs -> before.put(List.of(store, rs.getString(1)), rs.getLong(2)),
                        SqlSession.padded(chunk, places, store));
            }
        });
        return before;
    }

    /** What the batch's sums ({@link #sums}) change of each product's chain row, in SKU order. */
    private static List<Object[]> byProduct(List<Object[]> sums, Map<List<String>, Long> before) {
        Map<String, long[]> products = new TreeMap<>();
        for (Object[] row : sums) {
            Long was = before.get(List.of((String) row[0], (String) row[1]));
            long now = (was == null ? 0 : was) + (Long) row[2];
            long[] change = products.computeIfAbsent((String) row[1], k -> new long[3]);
            change[0] += (Long) row[2];
            change[1] += was == null ? 1 : 0;
            change[2] += (now < 0 ? 1 : 0) - (was != null && was < 0 ? 1 : 0);
        }
        List<Object[]> rows = new ArrayList<>(products.size());
        products.forEach((sku, change) -> rows.add(new Object[] {sku, change[0], change[1], change[2]}));
        return rows;
    }

    /** One row per (store, SKU) with the batch's sum, in key order. */
    private static List<Object[]> sums(List<Movement> moves) {
        Map<List<String>, long[]> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        moves.forEach(m -> sums.computeIfAbsent(m.key(), k -> new long[1])[0] += m.change().deltaMilli());
        List<Object[]> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(new Object[] {key.get(0), key.get(1), sum[0]}));
        return rows;
    }

    /**
     * Every movement that took its store's stock of a SKU from zero or more to below zero, with the quantity it
     * left. Movements while stock is already negative are not flagged again: a store that sells goods it never
     * booked in would otherwise list every sale line for head office.
     */
    private static List<SyncException> negativeStock(List<Movement> moves, Map<List<String>, Long> before, Instant now) {
        if (moves.stream().noneMatch(m -> m.change().deltaMilli() < 0)) {
            return List.of();
        }
        // Only the SKUs something was taken from can go below zero; the replay starts where each stood before the batch.
        Map<List<String>, long[]> running = new HashMap<>();
        for (Movement m : moves) {
            if (m.change().deltaMilli() < 0) {
                running.putIfAbsent(m.key(), new long[] {before.getOrDefault(m.key(), 0L)}); // a SKU never stocked stands at zero
            }
        }
        List<SyncException> found = new ArrayList<>();
        for (Movement m : moves) {
            long[] qty = running.get(m.key());
            if (qty == null) {
                continue;
            }
            long was = qty[0];
            qty[0] += m.change().deltaMilli();
            if (was >= 0 && qty[0] < 0) {
                StockChanged stock = m.change();
                found.add(new SyncException(SyncException.Kind.NEGATIVE_STOCK, null, null, stock.storeId().value(),
                        stock.sku().value(), qty[0], m.event().tillId().value(), m.event().eventId().toString(),
                        "stock went below zero (" + stock.reason() + ")", now));
            }
        }
        return found;
    }

    @Override
    public Set<EventTypes.Type> summed() {
        return Set.of(EventTypes.STOCK_CHANGED);
    }

    /** The requesting store's stock of each SKU as one movement, less the requester's own movements it still holds. */
    @Override
    public void carryForward(SqlSession sql, SnapshotQuery query, long cursor, HeldEvents held, SnapshotSink sink) {
        Map<String, Long> own = new HashMap<>();
        held.forEach(summed(), event -> {
            if (event.payload() instanceof StockChanged change && change.storeId().equals(query.requesterStore())) {
                own.merge(change.sku().value(), change.deltaMilli(), Long::sum);
            }
        });
        sql.forEach(STOCK_OF_STORE, rs -> {
            String sku = rs.getString(1);
            long qty = rs.getLong(2) - own.getOrDefault(sku, 0L);
            if (qty != 0) {
                sink.carried("stock/" + query.requesterStore() + "/" + sku, new StockChanged(query.requesterStore(), Sku.of(sku), qty,
                        StockChanged.Reason.ADJUST, SnapshotSink.CARRIED + " at " + cursor));
            }
            return null;
        }, query.requesterStore().value());
    }
}
