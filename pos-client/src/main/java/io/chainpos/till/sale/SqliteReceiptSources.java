package io.chainpos.till.sale;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.device.printer.ReceiptSources;
import io.chainpos.till.ledger.Ledger;
import java.util.List;
import java.util.Optional;

/** Receipts' events read from the ledger: the sales table finds a receipt's sale, the log gives its event. */
public final class SqliteReceiptSources implements ReceiptSources {
    private final Ledger ledger;
    private final EventCodec codec;

    public SqliteReceiptSources(Ledger ledger, EventCodec codec) {
        this.ledger = ledger;
        this.codec = codec;
    }

    @Override
    public Optional<EventEnvelope> sale(ReceiptNo receiptNo) {
        return ledger.read(s -> s.handle().createQuery("SELECT COALESCE(l.envelope, r.envelope) FROM sales s "
                        + "LEFT JOIN ledger_events l ON l.event_id = s.event_id "
                        + "LEFT JOIN remote_events r ON r.event_id = s.event_id WHERE s.receipt_no = :receipt")
                .bind("receipt", receiptNo.value())
                .mapTo(String.class)
                .findOne()
                .map(codec::fromJson));
    }

    @Override
    public Optional<ReceiptNo> receiptOf(SaleId saleId) {
        return ledger.read(s -> s.handle().createQuery("SELECT receipt_no FROM sales WHERE sale_id = :sale")
                .bind("sale", saleId.toString())
                .mapTo(String.class)
                .findOne()
                .map(ReceiptNo::new));
    }

    @Override
    public List<EventEnvelope> ownEventsAfter(int epoch, long seq, List<String> types) {
        return ledger.read(s -> s.handle().createQuery("SELECT envelope FROM ledger_events WHERE till_epoch = :epoch "
                        + "AND till_seq > :seq AND type IN (<types>) ORDER BY till_seq")
                .bind("epoch", epoch)
                .bind("seq", seq)
                .bindList("types", types)
                .mapTo(String.class)
                .map(codec::fromJson)
                .list());
    }

    @Override
    public long lastSeq(int epoch) {
        return ledger.read(s -> s.handle().createQuery("SELECT COALESCE(MAX(till_seq), 0) FROM ledger_events "
                        + "WHERE till_epoch = :epoch")
                .bind("epoch", epoch).mapTo(Long.class).one());
    }
}
