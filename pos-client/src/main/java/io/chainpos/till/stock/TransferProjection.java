package io.chainpos.till.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferCancelled;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/**
 * The chain's transfers between stores, as pulled: what was sent, what arrived, what is still in transit. A receipt
 * outranks a cancellation, and both outrank "in transit", so the table is the same whatever order the events came in.
 * Stock itself moves by the {@code StockChanged} events recorded beside these.
 */
public final class TransferProjection implements Projection {

    private static final String UPSERT = """
            INSERT INTO transfers (transfer_id, transfer_no, from_store, to_store, status) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (transfer_id) DO UPDATE SET status = CASE
                WHEN 'RECEIVED' IN (transfers.status, excluded.status) THEN 'RECEIVED'
                WHEN 'CANCELLED' IN (transfers.status, excluded.status) THEN 'CANCELLED'
                ELSE 'IN_TRANSIT' END""";

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        switch (event.payload()) {
            case TransferSent sent -> {
                upsert(h, sent.transferId(), sent.transferNo(), sent.fromStore(), sent.toStore(), Transfer.Status.IN_TRANSIT);
                for (StockLine line : sent.lines()) {
                    h.execute("INSERT INTO transfer_lines (transfer_id, sku, sent_milli) VALUES (?, ?, ?) "
                                    + "ON CONFLICT (transfer_id, sku) DO UPDATE SET sent_milli = excluded.sent_milli",
                            sent.transferId().toString(), line.sku().value(), line.qtyMilli());
                }
            }
            case TransferReceived received -> {
                upsert(h, received.transferId(), received.transferNo(), received.fromStore(), received.toStore(),
                        Transfer.Status.RECEIVED);
                for (StockLine line : received.lines()) {
                    h.execute("INSERT INTO transfer_lines (transfer_id, sku, arrived_milli) VALUES (?, ?, ?) "
                                    + "ON CONFLICT (transfer_id, sku) DO UPDATE SET arrived_milli = excluded.arrived_milli",
                            received.transferId().toString(), line.sku().value(), line.qtyMilli());
                }
                String id = received.transferId().toString();
                String till = event.tillId().value();
                h.execute("INSERT OR IGNORE INTO transfer_receipts (transfer_id, till_id, hlc, event_id) VALUES (?, ?, ?, ?)",
                        id, till, event.hlc(), event.eventId().toString());
                for (StockLine line : received.lines()) {
                    h.execute("INSERT OR IGNORE INTO transfer_receipt_lines (transfer_id, till_id, sku, qty_milli) VALUES (?, ?, ?, ?)",
                            id, till, line.sku().value(), line.qtyMilli());
                }
                for (Discrepancy d : received.discrepancies()) {
                    h.execute("INSERT OR REPLACE INTO transfer_discrepancies (transfer_id, sku, reason, qty_milli) VALUES (?, ?, ?, ?)",
                            received.transferId().toString(), d.sku().value(), d.reason().name(), d.qtyMilli());
                }
            }
            case StockChanged undo when undo.reason() == StockChanged.Reason.ADJUST && undo.reference() != null
                    && undo.reference().endsWith(UndoLaterReceipt.REFERENCE_SUFFIX) ->
                    h.execute("INSERT OR IGNORE INTO transfer_receipts_undone (transfer_no, till_id) VALUES (?, ?)",
                            undo.reference().substring(0, undo.reference().length() - UndoLaterReceipt.REFERENCE_SUFFIX.length()),
                            event.tillId().value());
            case TransferCancelled cancelled -> upsert(h, cancelled.transferId(), cancelled.transferNo(), cancelled.fromStore(),
                    cancelled.toStore(), Transfer.Status.CANCELLED);
            default -> {
            }
        }
    }

    private static void upsert(Handle h, TransferId id, String number, StoreId from, StoreId to, Transfer.Status status) {
        h.execute(UPSERT, id.toString(), number, from.value(), to.value(), status.name());
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM transfer_receipts_undone");
        h.execute("DELETE FROM transfer_receipt_lines");
        h.execute("DELETE FROM transfer_receipts");
        h.execute("DELETE FROM transfer_discrepancies");
        h.execute("DELETE FROM transfer_lines");
        h.execute("DELETE FROM transfers");
    }
}
