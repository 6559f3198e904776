package io.chainpos.server.sales;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleRefunded;
import io.chainpos.model.event.Tender;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row per sale and refund for head office's sales pages, and a refund's amount added to its sale's row.
 * Small on purpose: the reports read their own projections.
 */
public final class JdbcSalesProjection implements Projection {
    private static final String ADD = """
            INSERT INTO sales_seen (doc_id, kind, store_id, till_id, receipt_no, occurred_ms, total, refunded, currency, member, tenders)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) ON CONFLICT (doc_id) DO NOTHING""";
    private static final String COUNT_STORE = """
            INSERT INTO sales_stores (store_id, docs, last_ms) VALUES (?, 1, ?)
            ON CONFLICT (store_id) DO UPDATE SET docs = sales_stores.docs + 1,
                last_ms = CASE WHEN excluded.last_ms > sales_stores.last_ms THEN excluded.last_ms ELSE sales_stores.last_ms END""";
    private static final String RECEIPT_OF = "SELECT receipt_no, member FROM sales_seen WHERE doc_id = ?";
    private static final String REFUNDED = "UPDATE sales_seen SET refunded = refunded + ? WHERE doc_id = ?";

    @Override
    public List<String> tables() {
        return List.of("sales_seen", "sales_stores");
    }

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        for (EventEnvelope event : events) {
            switch (event.payload()) {
                case SaleCompleted sale -> add(sql, event, sale.saleId().toString(), SaleSeen.Kind.SALE, sale.receiptNo().value(),
                        sale.total(), sale.currency(), sale.memberId() != null, sale.tenders());
                case SaleRefunded refund -> {
                    String original = refund.originalSaleId() == null ? null : refund.originalSaleId().toString();
                    List<Object[]> sold = original == null ? List.of()
                            : sql.list(RECEIPT_OF, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, original);
                    boolean added = add(sql, event, refund.refundId().toString(), SaleSeen.Kind.REFUND,
                            sold.isEmpty() ? "" : (String) sold.getFirst()[0], refund.total(), refund.currency(),
                            !sold.isEmpty() && (Long) sold.getFirst()[1] != 0, refund.tenders());
                    if (added && original != null) {
                        sql.update(REFUNDED, refund.total(), original);
                    }
                }
                default -> {
                }
            }
        }
        return List.of();
    }

    private static boolean add(SqlSession sql, EventEnvelope event, String id, SaleSeen.Kind kind, String receipt, long total,
                               String currency, boolean member, List<Tender> tenders) {
        long at = event.occurredAt().toEpochMilli();
        int added = sql.update(ADD, id, kind.name(), event.storeId().value(), event.tillId().value(), receipt, at, total, currency,
                member ? 1 : 0, tenders.stream().map(t -> t.method().name() + ":" + t.amount()).collect(Collectors.joining(" ")));
        if (added > 0) {
            sql.update(COUNT_STORE, event.storeId().value(), at);
        }
        return added > 0;
    }
}
