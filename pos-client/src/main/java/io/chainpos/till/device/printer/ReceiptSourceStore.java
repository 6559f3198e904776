package io.chainpos.till.device.printer;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;
import java.util.Optional;

/** Reads the committed events receipts are printed from: by receipt number for reprints, by position for the feed. */
public final class ReceiptSourceStore {
    private final EventCodec codec;

    public ReceiptSourceStore(EventCodec codec) {
        this.codec = codec;
    }

    /** The {@code SaleCompleted} behind a receipt number of this store, from this till or another. */
    public Optional<EventEnvelope> sale(LedgerSession session, ReceiptNo receiptNo) {
        return session.handle().createQuery("SELECT COALESCE(l.envelope, r.envelope) FROM sales s "
                        + "LEFT JOIN ledger_events l ON l.event_id = s.event_id "
                        + "LEFT JOIN remote_events r ON r.event_id = s.event_id WHERE s.receipt_no = :receipt")
                .bind("receipt", receiptNo.value())
                .mapTo(String.class)
                .findOne()
                .map(codec::fromJson);
    }

    public Optional<ReceiptNo> receiptOf(LedgerSession session, SaleId saleId) {
        return session.handle().createQuery("SELECT receipt_no FROM sales WHERE sale_id = :sale")
                .bind("sale", saleId.toString())
                .mapTo(String.class)
                .findOne()
                .map(ReceiptNo::new);
    }

    /** This till's events of {@code types} after {@code seq} in {@code epoch}, in order. */
    List<EventEnvelope> localEventsAfter(LedgerSession session, int epoch, long seq, List<String> types) {
        return session.handle().createQuery("SELECT envelope FROM ledger_events WHERE till_epoch = :epoch "
                        + "AND till_seq > :seq AND type IN (<types>) ORDER BY till_seq")
                .bind("epoch", epoch)
                .bind("seq", seq)
                .bindList("types", types)
                .mapTo(String.class)
                .map(codec::fromJson)
                .list();
    }

    long lastSeq(LedgerSession session, int epoch) {
        return session.handle().createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events WHERE till_epoch = :epoch")
                .bind("epoch", epoch).mapTo(Long.class).one();
    }
}
