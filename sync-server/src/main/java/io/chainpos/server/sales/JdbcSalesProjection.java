package io.chainpos.server.sales;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One row per sale and refund for head office's sales pages, and a refund's amount added to its sale's row.
 * Small on purpose: the reports read their own projections. Written set-wise: a push's documents claimed in a
 * few multi-row inserts, its stores' counts and its refunds' sums in one batch each.
 */
public final class JdbcSalesProjection implements Projection {
    private static final String ADD = """
            INSERT INTO sales_seen (doc_id, kind, store_id, till_id, receipt_no, occurred_ms, total, refunded, currency, member, tenders)
            VALUES %s ON CONFLICT (doc_id) DO NOTHING RETURNING doc_id""";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
    private static final String COUNT_STORE = """
            INSERT INTO sales_stores (store_id, docs, last_ms) VALUES (?, ?, ?)
            ON CONFLICT (store_id) DO UPDATE SET docs = sales_stores.docs + excluded.docs,
                last_ms = CASE WHEN excluded.last_ms > sales_stores.last_ms THEN excluded.last_ms ELSE sales_stores.last_ms END""";
    private static final String RECEIPTS_OF = "SELECT doc_id, receipt_no, member FROM sales_seen WHERE doc_id IN (%s)";
    private static final String REFUNDED = "UPDATE sales_seen SET refunded = refunded + ? WHERE doc_id = ?";

    @Override
    public List<String> tables() {
        return List.of("sales_seen", "sales_stores");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        // The receipt and member-or-not of each refunded sale: this push's own sales first, then one look-up.
        Map<String, Object[]> soldAs = new HashMap<>();
        List<String> earlier = new ArrayList<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale -> soldAs.putIfAbsent(sale.saleId().toString(),
                        new Object[] {sale.receiptNo().value(), sale.memberId() != null ? 1L : 0L});
                case SaleRefunded refund when refund.originalSaleId() != null
                        && !soldAs.containsKey(refund.originalSaleId().toString()) -> earlier.add(refund.originalSaleId().toString());
                default -> {
                }
            }
        }
        sql.forEachIn(RECEIPTS_OF, earlier, rs -> soldAs.putIfAbsent(rs.getString(1), new Object[] {rs.getString(2), rs.getLong(3)}));
        // doc id -> its row, in log order; a document carried twice is one row
        Map<String, Object[]> rows = new LinkedHashMap<>();
        Map<String, Object[]> refundOf = new HashMap<>();
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale -> rows.putIfAbsent(sale.saleId().toString(), row(event, sale.saleId().toString(),
                        SaleSeen.Kind.SALE, sale.receiptNo().value(), sale.total(), sale.currency(), sale.memberId() != null, sale.tenders()));
                case SaleRefunded refund -> {
                    String original = refund.originalSaleId() == null ? null : refund.originalSaleId().toString();
                    Object[] sold = original == null ? null : soldAs.get(original);
                    String id = refund.refundId().toString();
                    if (rows.putIfAbsent(id, row(event, id, SaleSeen.Kind.REFUND, sold == null ? "" : (String) sold[0], refund.total(),
                            refund.currency(), sold != null && (Long) sold[1] != 0, refund.tenders())) == null && original != null) {
                        refundOf.put(id, new Object[] {refund.total(), original});
                    }
                }
                default -> {
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        // Claimed in one statement a few hundred rows: only the documents new to the table count and are refunded.
        Set<String> added = new HashSet<>();
        sql.insertReturning(ADD, ROW, List.copyOf(rows.values()), rs -> added.add(rs.getString(1)));
        TreeMap<String, long[]> stores = new TreeMap<>();
        TreeMap<String, Long> refunded = new TreeMap<>();
        rows.forEach((id, row) -> {
            if (added.contains(id)) {
                long[] store = stores.computeIfAbsent((String) row[2], k -> new long[] {0, Long.MIN_VALUE});
                store[0]++;
                store[1] = Math.max(store[1], (Long) row[5]);
                Object[] refund = refundOf.get(id);
                if (refund != null) {
                    refunded.merge((String) refund[1], (Long) refund[0], Long::sum);
                }
            }
        });
        List<Object[]> counts = new ArrayList<>();
        stores.forEach((store, c) -> counts.add(new Object[] {store, c[0], c[1]}));
        sql.batch(COUNT_STORE, counts);
        List<Object[]> refunds = new ArrayList<>();
        refunded.forEach((sale, total) -> refunds.add(new Object[] {total, sale}));
        sql.batch(REFUNDED, refunds);
        return List.of();
    }

    private static Object[] row(EventEnvelope event, String id, SaleSeen.Kind kind, String receipt, long total, String currency,
                                boolean member, List<Tender> tenders) {
        return new Object[] {id, kind.name(), event.storeId().value(), event.tillId().value(), receipt,
                event.occurredAt().toEpochMilli(), total, currency, member ? 1 : 0,
                tenders.stream().map(t -> t.method().name() + ":" + t.amount()).collect(Collectors.joining(" "))};
    }
}
