package io.chainpos.server.stock;

import io.chainpos.server.db.ReportReads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the tables {@link JdbcStockProjection} and {@link JdbcTransferProjection} write. */
public final class JdbcStockBook implements StockBook {
    private final ReportReads db;

    public JdbcStockBook(ReportReads db) {
        this.db = db;
    }

    @Override
    public List<Level> levels(Optional<String> store, String afterSku, int limit) {
        String after = afterSku == null ? "" : afterSku;
        if (store.isPresent()) {
            // one store's rows in SKU order: its part of the primary key
            return db.read(h -> h.createQuery("""
                            SELECT store_id, sku, qty_milli FROM stock WHERE store_id = :store AND sku > :after
                            ORDER BY sku LIMIT :limit""")
                    .bind("store", store.get())
                    .bind("after", after)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Level(rs.getString(1), rs.getString(2), rs.getLong(3)))
                    .list());
        }
        return db.read(h -> h.createQuery("""
                        SELECT store_id, sku, qty_milli FROM stock
                        WHERE sku IN (SELECT DISTINCT sku FROM stock WHERE sku > :after ORDER BY sku LIMIT :limit)
                        ORDER BY sku, store_id""")
                .bind("after", after)
                .bind("limit", limit)
                .map((rs, ctx) -> new Level(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list());
    }

    @Override
    public List<Summary> summaries(String afterSku, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT sku, total_milli, stores, below_zero FROM stock_by_product WHERE sku > :after ORDER BY sku LIMIT :limit""")
                .bind("after", afterSku == null ? "" : afterSku)
                .bind("limit", limit)
                .map((rs, ctx) -> new Summary(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list());
    }

    @Override
    public List<Transfer> transfers(String status, Optional<String> store, int limit) {
        return db.read(h -> {
            Map<String, Transfer> found = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT transfer_id, transfer_no, from_store, to_store, status, sent_at, closed_at FROM stock_transfers
                            WHERE status = :status AND (:any OR from_store = :store OR to_store = :store)
                            ORDER BY COALESCE(sent_at, closed_at) DESC, transfer_no LIMIT :limit""")
                    .bind("status", status)
                    .bind("any", store.isEmpty())
                    .bind("store", store.orElse(""))
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Transfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), new ArrayList<>()))
                    .forEach(t -> found.put(t.transferId(), t));
            for (Transfer t : found.values()) {
                t.lines().addAll(h.createQuery(
                                "SELECT sku, sent_milli, arrived_milli FROM stock_transfer_lines WHERE transfer_id = :id ORDER BY sku")
                        .bind("id", t.transferId())
                        .map((rs, ctx) -> new Transfer.Line(rs.getString(1), rs.getLong(2),
                                rs.getObject(3) == null ? null : rs.getLong(3)))
                        .list());
            }
            return List.copyOf(found.values());
        });
    }

    @Override
    public List<Discrepancy> discrepancies(Optional<String> store, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT document_no, document_kind, store_id, sku, reason, qty_milli, occurred_at FROM stock_discrepancies
                        WHERE :any OR store_id = :store
                        ORDER BY occurred_at DESC, document_no, sku, reason LIMIT :limit""")
                .bind("any", store.isEmpty())
                .bind("store", store.orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> new Discrepancy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7)))
                .list());
    }
}
