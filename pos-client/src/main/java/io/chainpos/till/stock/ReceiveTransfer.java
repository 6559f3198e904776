package io.chainpos.till.stock;

import io.chainpos.model.event.Discrepancy;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.model.id.Sku;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Confirms a transfer from a sister store by its slip (调拨入库): what arrived goes into stock, and how it differs from
 * what was sent is recorded. Products not mentioned arrived as sent. A transfer is received once.
 */
public final class ReceiveTransfer {

    public sealed interface Result permits Received, Refused {
    }

    public record Received(TransferReceived transfer) implements Result {
        public TillMessage message() {
            return TillMessage.of(TillMessage.Code.TRANSFER_RECEIVED, transfer.transferNo(), transfer.lines().size(),
                    transfer.discrepancies().size());
        }
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;
    private final TransferStore transfers;

    public ReceiveTransfer(Ledger ledger, CatalogStore catalog, TransferStore transfers) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.transfers = transfers;
    }

    /** The transfer a slip names, as this till knows it, or why it cannot be received here. */
    public Result receive(String slip, List<StockEntry> differences, String receivedBy) {
        return ledger.write(tx -> {
            Transfer transfer;
            switch (Slips.find(tx, transfers, slip)) {
                case Slips.Refused refused -> {
                    return new Refused(refused.reason());
                }
                case Slips.Found found -> transfer = found.transfer();
            }
            if (!transfer.toStore().equals(tx.identity().storeId())) {
                return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_NOT_FOR_THIS_STORE, transfer.transferNo(),
                        transfer.toStore().value()));
            }
            if (transfer.status() != Transfer.Status.IN_TRANSIT) {
                return new Refused(Slips.closed(transfer));
            }
            List<Sku> onIt = transfer.lines().stream().map(Transfer.Line::sku).toList();
            for (StockEntry entry : differences) {
                if (Counted.amongst(tx, catalog, tx.now(), List.of(entry), onIt) instanceof Counted.Refused refused) {
                    return new Refused(refused.reason().code() == TillMessage.Code.UNKNOWN_PRODUCT
                            ? TillMessage.of(TillMessage.Code.TRANSFER_NOT_ON_IT, transfer.transferNo(), entry.code())
                            : refused.reason());
                }
            }
            Map<Sku, Counted.Sums> told = ((Counted.Good) Counted.amongst(tx, catalog, tx.now(), differences, onIt)).bySku();
            List<StockLine> arrived = new ArrayList<>();
            List<Discrepancy> discrepancies = new ArrayList<>();
            for (Transfer.Line line : transfer.lines()) {
                Counted.Sums sums = told.get(line.sku());
                long good = sums == null ? line.sentMilli() : sums.quantity();
                long damaged = sums == null ? 0 : sums.damaged();
                arrived.add(new StockLine(line.sku(), good, null));
                discrepancies.addAll(Discrepancies.of(line.sku(), line.sentMilli(), good, damaged));
            }
            TransferReceived received = new TransferReceived(transfer.transferId(), transfer.transferNo(), transfer.fromStore(),
                    transfer.toStore(), arrived, discrepancies, receivedBy);
            tx.append(received);
            for (StockLine line : arrived) {
                if (line.qtyMilli() > 0) {
                    tx.append(new StockChanged(transfer.toStore(), line.sku(), line.qtyMilli(), StockChanged.Reason.TRANSFER_IN,
                            transfer.transferNo()));
                }
            }
            return new Received(received);
        });
    }
}
