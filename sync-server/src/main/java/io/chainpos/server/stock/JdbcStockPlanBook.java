package io.chainpos.server.stock;

import io.chainpos.server.db.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the stock, transfer and planning tables the projections keep. */
public final class JdbcStockPlanBook implements StockPlanBook {
    private final Database db;

    public JdbcStockPlanBook(Database db) {
        this.db = db;
    }

    @Override
    public List<Stock> stock(Optional<String> store) {
        return db.read(h -> h.createQuery("""
                        SELECT k.store_id, k.sku,
                               COALESCE((SELECT s.qty_milli FROM stock s WHERE s.store_id = k.store_id AND s.sku = k.sku), 0),
                               COALESCE((SELECT SUM(l.sent_milli) FROM stock_transfers t
                                         JOIN stock_transfer_lines l ON l.transfer_id = t.transfer_id
                                         WHERE t.status = 'IN_TRANSIT' AND t.to_store = k.store_id AND l.sku = k.sku), 0),
                               COALESCE((SELECT m.min_milli FROM stock_minimums m WHERE m.store_id = k.store_id AND m.sku = k.sku), 0)
                        FROM (SELECT store_id, sku FROM stock
                              UNION SELECT store_id, sku FROM stock_minimums WHERE min_milli > 0
                              UNION SELECT t.to_store, l.sku FROM stock_transfers t
                                    JOIN stock_transfer_lines l ON l.transfer_id = t.transfer_id WHERE t.status = 'IN_TRANSIT') k
                        WHERE :any OR k.store_id = :store
                        ORDER BY k.store_id, k.sku""")
                .bind("any", store.isEmpty())
                .bind("store", store.orElse(""))
                .map((rs, ctx) -> new Stock(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list());
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
