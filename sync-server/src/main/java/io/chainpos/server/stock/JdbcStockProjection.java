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
        return List.of("stock");
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
        sql.batch(ADD_TO_STOCK, sums(moves));
        return negativeStock(sql, moves, now);
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
    private static List<SyncException> negativeStock(SqlSession sql, List<Movement> moves, Instant now) {
        if (moves.stream().noneMatch(m -> m.change().deltaMilli() < 0)) {
            return List.of();
        }
        // Only the SKUs something was taken from can go below zero: their quantity after the batch, minus
        // what the batch moved, is where the replay starts.
        // store -> the SKUs taken from; read a store and a few hundred SKUs a statement
        Map<String, java.util.Set<String>> taken = new TreeMap<>();
        Map<List<String>, long[]> running = new HashMap<>();
        for (Movement m : moves) {
            if (m.change().deltaMilli() < 0) {
                taken.computeIfAbsent(m.change().storeId().value(), k -> new java.util.TreeSet<>()).add(m.change().sku().value());
                running.putIfAbsent(m.key(), new long[1]); // a SKU never stocked stands at zero
            }
        }
        taken.forEach((store, skus) -> {
            List<String> all = List.copyOf(skus);
            for (int from = 0; from < all.size(); from += SqlSession.IN_CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + SqlSession.IN_CHUNK));
                int places = SqlSession.placesFor(chunk.size());
                sql.list(STOCK_OF.formatted(SqlSession.places(places)), rs -> running.get(List.of(store, rs.getString(1)))[0] = rs.getLong(2),
                        SqlSession.padded(chunk, places, store));
            }
        });
        moves.stream().filter(m -> running.containsKey(m.key())).forEach(m -> running.get(m.key())[0] -= m.change().deltaMilli());
        List<SyncException> found = new ArrayList<>();
        for (Movement m : moves) {
            long[] qty = running.get(m.key());
            if (qty == null) {
                continue;
            }
            long before = qty[0];
            qty[0] += m.change().deltaMilli();
            if (before >= 0 && qty[0] < 0) {
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
