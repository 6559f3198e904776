package io.chainpos.server.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.StockReceived;
import io.chainpos.model.event.TransferCancelled;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import io.chainpos.server.log.Projection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges the stock documents into transfers with their status and lines, and the discrepancies found on arrival
 * (from a supplier or a sister store). Stock quantities are {@link JdbcStockProjection}'s: every document comes with
 * the {@code StockChanged} events that move them.
 */
public final class JdbcTransferProjection implements Projection {
    static final String IN_TRANSIT = "IN_TRANSIT";
    static final String RECEIVED = "RECEIVED";
    static final String CANCELLED = "CANCELLED";

    private static final String UPSERT_TRANSFER = """
            INSERT INTO stock_transfers (transfer_id, transfer_no, from_store, to_store, status, sent_at, closed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (transfer_id) DO UPDATE SET
                status = CASE
                    WHEN 'RECEIVED' IN (stock_transfers.status, excluded.status) THEN 'RECEIVED'
                    WHEN 'CANCELLED' IN (stock_transfers.status, excluded.status) THEN 'CANCELLED'
                    ELSE 'IN_TRANSIT' END,
                sent_at = COALESCE(stock_transfers.sent_at, excluded.sent_at),
                closed_at = COALESCE(stock_transfers.closed_at, excluded.closed_at)""";
    private static final String SENT_LINE = """
            INSERT INTO stock_transfer_lines (transfer_id, sku, sent_milli) VALUES (?, ?, ?)
            ON CONFLICT (transfer_id, sku) DO UPDATE SET sent_milli = excluded.sent_milli""";
    private static final String ARRIVED_LINE = """
            INSERT INTO stock_transfer_lines (transfer_id, sku, arrived_milli) VALUES (?, ?, ?)
            ON CONFLICT (transfer_id, sku) DO UPDATE SET arrived_milli = excluded.arrived_milli""";
    private static final String DISCREPANCY = """
            INSERT INTO stock_discrepancies (document_no, document_kind, store_id, sku, reason, qty_milli, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (document_no, sku, reason) DO NOTHING""";

    @Override
    public List<String> tables() {
        return List.of("stock_transfers", "stock_transfer_lines", "stock_discrepancies");
    }

    private static final String STATUS_OF = "SELECT status FROM stock_transfers WHERE transfer_id = ?";

    @Override
    public List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<SyncException> found = new ArrayList<>();
        for (EventEnvelope event : events) {
            String at = event.occurredAt().toString();
            conflict(sql, event, now).ifPresent(found::add);
            switch (event.payload()) {
                case TransferSent sent -> {
                    sql.update(UPSERT_TRANSFER, sent.transferId().toString(), sent.transferNo(), sent.fromStore().value(),
                            sent.toStore().value(), IN_TRANSIT, at, null);
                    for (StockLine line : sent.lines()) {
                        sql.update(SENT_LINE, sent.transferId().toString(), line.sku().value(), line.qtyMilli());
                    }
                }
                case TransferReceived received -> {
                    sql.update(UPSERT_TRANSFER, received.transferId().toString(), received.transferNo(), received.fromStore().value(),
                            received.toStore().value(), RECEIVED, null, at);
                    for (StockLine line : received.lines()) {
                        sql.update(ARRIVED_LINE, received.transferId().toString(), line.sku().value(), line.qtyMilli());
                    }
                    discrepancies(sql, received.transferNo(), "TRANSFER", received.toStore().value(), received.discrepancies(), at);
                }
                case TransferCancelled cancelled -> sql.update(UPSERT_TRANSFER, cancelled.transferId().toString(),
                        cancelled.transferNo(), cancelled.fromStore().value(), cancelled.toStore().value(), CANCELLED, null, at);
                case StockReceived receipt ->
                        discrepancies(sql, receipt.receiptNo(), "RECEIPT", receipt.storeId().value(), receipt.discrepancies(), at);
                default -> {
                }
            }
        }
        return found;
    }

    /**
     * A receipt of a transfer already received or cancelled, or a cancellation of one already received: each side
     * moved its stock offline, so the goods are counted twice until head office adjusts.
     */
    private static Optional<SyncException> conflict(SqlSession sql, EventEnvelope event, Instant now) {
        String transferNo;
        String store;
        String transferId;
        switch (event.payload()) {
            case TransferReceived r -> {
                transferNo = r.transferNo();
                store = r.toStore().value();
                transferId = r.transferId().toString();
            }
            case TransferCancelled c -> {
                transferNo = c.transferNo();
                store = c.fromStore().value();
                transferId = c.transferId().toString();
            }
            default -> {
                return Optional.empty();
            }
        }
        Optional<String> status = sql.first(STATUS_OF, rs -> rs.getString(1), transferId);
        boolean receipt = event.payload() instanceof TransferReceived;
        String detail;
        if (status.filter(RECEIVED::equals).isPresent()) {
            detail = receipt ? "transfer " + transferNo + " was received again" : "transfer " + transferNo + " was cancelled after it was received";
        } else if (receipt && status.filter(CANCELLED::equals).isPresent()) {
            detail = "transfer " + transferNo + " was received after it was cancelled";
        } else {
            return Optional.empty();
        }
        return Optional.of(new SyncException(SyncException.Kind.TRANSFER_CONFLICT, null, null, store, null, null,
                event.tillId().value(), event.eventId().toString(), detail, now));
    }

    private static void discrepancies(SqlSession sql, String documentNo, String kind, String store, List<Discrepancy> found,
                                      String at) {
        for (Discrepancy d : found) {
            sql.update(DISCREPANCY, documentNo, kind, store, d.sku().value(), d.reason().name(), d.qtyMilli(), at);
        }
    }
}
