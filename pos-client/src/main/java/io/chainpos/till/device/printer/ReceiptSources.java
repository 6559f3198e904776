package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import java.util.List;
import java.util.Optional;

/**
 * The committed events receipts are printed from: by receipt number for reprints, by position in this till's log
 * for the feed. The printer reads them through this port, never the ledger's tables.
 */
public interface ReceiptSources {

    /** The {@code SaleCompleted} behind a receipt number of this store, from this till or another. */
    Optional<EventEnvelope> sale(ReceiptNo receiptNo);

    /** The receipt number a sale was given. */
    Optional<ReceiptNo> receiptOf(SaleId saleId);

    /** This till's events of {@code types} after {@code seq} in {@code epoch}, in order. */
    List<EventEnvelope> ownEventsAfter(int epoch, long seq, List<String> types);

    /** The last sequence number this till recorded in {@code epoch}, 0 when none. */
    long lastSeq(int epoch);
}
