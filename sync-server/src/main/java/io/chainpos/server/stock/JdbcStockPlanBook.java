package io.chainpos.server.stock;

import io.chainpos.server.db.Database;
import io.chainpos.server.db.SqlSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** Reads the stock, transfer and planning tables the projections keep. */
public final class JdbcStockPlanBook implements StockPlanBook {
    private final Database db;

    public JdbcStockPlanBook(Database db) {
        this.db = db;
    }

    /** What is on its way to each store, per product: the transfers in transit (a handful next to the stock). */
    private static final String INBOUND = """
            SELECT t.to_store, l.sku, SUM(l.sent_milli) FROM stock_transfers t
            JOIN stock_transfer_lines l ON l.transfer_id = t.transfer_id
            WHERE t.status = 'IN_TRANSIT' GROUP BY t.to_store, l.sku""";

    @Override
    public List<Stock> stockPage(Optional<String> store, Optional<Key> after, int limit) {
        String where = (store.isPresent() ? " AND store_id = :store" : "")
                + (after.isPresent() ? " AND (store_id > :afterStore OR (store_id = :afterStore AND sku > :afterSku))" : "");
        return db.read(h -> {
            // Each source's first rows after the key, merged: a key among the first `limit` of the merge is among
            // the first `limit` of every source that holds it, so its figures are whole.
            Map<Key, long[]> merged = new TreeMap<>();
            for (String source : List.of("SELECT store_id, sku, qty_milli FROM stock WHERE 1 = 1",
                    "SELECT store_id, sku, min_milli FROM stock_minimums WHERE min_milli > 0")) {
                int column = source.contains("stock_minimums") ? 2 : 0;
                var query = h.createQuery(source + where + " ORDER BY store_id, sku LIMIT :limit").bind("limit", limit);
                store.ifPresent(s -> query.bind("store", s));
                after.ifPresent(k -> query.bind("afterStore", k.store()).bind("afterSku", k.sku()));
                query.map((rs, ctx) -> {
                    merged.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new long[3])[column] = rs.getLong(3);
                    return null;
                }).list();
            }
            inbound(h).forEach((key, milli) -> {
                if (store.map(key.store()::equals).orElse(true) && after.map(k -> key.compareTo(k) > 0).orElse(true)) {
                    merged.computeIfAbsent(key, k -> new long[3])[1] = milli;
                }
            });
            return merged.entrySet().stream().limit(limit).map(e -> stock(e.getKey(), e.getValue())).toList();
        });
    }

    @Override
    public List<Stock> stockOf(Collection<String> skus) {
        Set<String> wanted = Set.copyOf(skus);
        return db.read(h -> {
            Map<Key, long[]> merged = new TreeMap<>();
            List<String> all = List.copyOf(wanted);
            for (int at = 0; at < all.size(); at += SqlSession.IN_CHUNK) {
                List<String> chunk = all.subList(at, Math.min(all.size(), at + SqlSession.IN_CHUNK));
                h.createQuery("SELECT store_id, sku, qty_milli FROM stock WHERE sku IN (<skus>)").bindList("skus", chunk)
                        .map((rs, ctx) -> merged.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new long[3])[0] = rs.getLong(3))
                        .list();
                h.createQuery("SELECT store_id, sku, min_milli FROM stock_minimums WHERE sku IN (<skus>) AND min_milli > 0")
                        .bindList("skus", chunk)
                        .map((rs, ctx) -> merged.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new long[3])[2] = rs.getLong(3))
                        .list();
            }
            inbound(h).forEach((key, milli) -> {
                if (wanted.contains(key.sku())) {
                    merged.computeIfAbsent(key, k -> new long[3])[1] = milli;
                }
            });
            return merged.entrySet().stream().map(e -> stock(e.getKey(), e.getValue())).toList();
        });
    }

    @Override
    public List<String> skuPage(Optional<String> after, int limit) {
        return db.read(h -> {
            TreeSet<String> skus = new TreeSet<>();
            for (String source : List.of("SELECT DISTINCT sku FROM stock", "SELECT DISTINCT sku FROM stock_minimums")) {
                var query = h.createQuery(source + (after.isPresent() ? " WHERE sku > :after" : "") + " ORDER BY sku LIMIT :limit")
                        .bind("limit", limit);
                after.ifPresent(a -> query.bind("after", a));
                skus.addAll(query.mapTo(String.class).list());
            }
            inbound(h).keySet().stream().map(Key::sku).filter(s -> after.map(a -> s.compareTo(a) > 0).orElse(true)).forEach(skus::add);
            return skus.stream().limit(limit).toList();
        });
    }

    private static Map<Key, Long> inbound(Handle h) {
        Map<Key, Long> inbound = new HashMap<>();
        h.createQuery(INBOUND).map((rs, ctx) -> inbound.put(new Key(rs.getString(1), rs.getString(2)), rs.getLong(3))).list();
        return inbound;
    }

    private static Stock stock(Key key, long[] figures) {
        return new Stock(key.store(), key.sku(), figures[0], figures[1], figures[2]);
    }

    @Override
    public List<Stock> belowMinimum(Optional<String> store) {
        return db.read(h -> {
            var query = h.createQuery("""
                    SELECT m.store_id, m.sku, COALESCE(s.qty_milli, 0),
                           COALESCE((SELECT SUM(l.sent_milli) FROM stock_transfers t
                                     JOIN stock_transfer_lines l ON l.transfer_id = t.transfer_id
                                     WHERE t.status = 'IN_TRANSIT' AND t.to_store = m.store_id AND l.sku = m.sku), 0),
                           m.min_milli
                    FROM stock_minimums m LEFT JOIN stock s ON s.store_id = m.store_id AND s.sku = m.sku
                    WHERE m.min_milli > 0 AND COALESCE(s.qty_milli, 0) < m.min_milli %s
                    ORDER BY m.store_id, m.sku""".formatted(store.isPresent() ? "AND m.store_id = :store" : ""));
            store.ifPresent(s -> query.bind("store", s));
            return query.map((rs, ctx) -> new Stock(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                    .list();
        });
    }

    @Override
    public List<Minimum> minimums(Optional<String> store) {
        return db.read(h -> h.createQuery("""
                        SELECT store_id, sku, min_milli, set_by, set_at FROM stock_minimums
                        WHERE min_milli > 0 AND (:any OR store_id = :store) ORDER BY store_id, sku""")
                .bind("any", store.isEmpty())
                .bind("store", store.orElse(""))
                .map((rs, ctx) -> new Minimum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    @Override
    public List<Proposal> proposals(Optional<String> store, int limit) {
        return db.read(h -> {
            Map<String, Proposal> found = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT p.transfer_id, p.proposal_no, p.from_store, p.to_store,
                                   CASE t.status WHEN 'IN_TRANSIT' THEN 'SHIPPED' WHEN 'RECEIVED' THEN 'RECEIVED'
                                                 WHEN 'CANCELLED' THEN 'CANCELLED' ELSE 'PROPOSED' END,
                                   p.proposed_by, p.note, p.proposed_at
                            FROM stock_proposals p LEFT JOIN stock_transfers t ON t.transfer_id = p.transfer_id
                            WHERE :any OR p.from_store = :store OR p.to_store = :store
                            ORDER BY p.proposed_at DESC, p.proposal_no DESC LIMIT :limit""")
                    .bind("any", store.isEmpty())
                    .bind("store", store.orElse(""))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Proposal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), new ArrayList<>()))
                    .forEach(p -> found.put(p.transferId(), p));
            for (Proposal p : found.values()) {
                p.lines().addAll(h.createQuery("SELECT sku, qty_milli FROM stock_proposal_lines WHERE transfer_id = :id ORDER BY sku")
                        .bind("id", p.transferId())
                        .map((rs, ctx) -> new Proposal.Line(rs.getString(1), rs.getLong(2)))
                        .list());
            }
            return List.copyOf(found.values());
        });
    }

    @Override
    public long proposalCount() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM stock_proposals").mapTo(Long.class).one());
    }

    @Override
    public boolean knowsStore(String store) {
        return db.read(h -> h.createQuery("""
                        SELECT 1 FROM stock WHERE store_id = :id UNION ALL SELECT 1 FROM stock_minimums WHERE store_id = :id LIMIT 1""")
                .bind("id", store).mapTo(Integer.class).findOne().isPresent());
    }

    @Override
    public boolean knowsSku(String sku) {
        return db.read(h -> h.createQuery("SELECT 1 FROM stock WHERE sku = :sku LIMIT 1").bind("sku", sku).mapTo(Integer.class)
                .findOne().isPresent());
    }
}
