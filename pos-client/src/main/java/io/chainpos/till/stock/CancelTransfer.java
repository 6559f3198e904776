package io.chainpos.till.stock;

import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferCancelled;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.util.List;

/** Calls back a transfer this store sent and the other has not received: its goods go back into stock. */
public final class CancelTransfer {

    public sealed interface Result permits Cancelled, Refused {
    }

    public record Cancelled(TransferCancelled transfer) implements Result {
        public TillMessage message() {
            return TillMessage.of(TillMessage.Code.TRANSFER_CANCELLED, transfer.transferNo());
        }
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final TransferStore transfers;

    public CancelTransfer(Ledger ledger, TransferStore transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
    }

    public Result cancel(String slip, String cancelledBy, String reason) {
        return ledger.write(tx -> {
            Transfer transfer;
            switch (Slips.find(tx, transfers, slip)) {
                case Slips.Refused refused -> {
                    return new Refused(refused.reason());
                }
                case Slips.Found found -> transfer = found.transfer();
            }
            if (!transfer.fromStore().equals(tx.identity().storeId())) {
                return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_NOT_SENT_HERE, transfer.transferNo(),
                        transfer.fromStore().value()));
            }
            if (transfer.status() != Transfer.Status.IN_TRANSIT) {
                return new Refused(Slips.closed(transfer));
            }
            List<StockLine> back = transfer.lines().stream().map(l -> new StockLine(l.sku(), l.sentMilli(), null)).toList();
            TransferCancelled cancelled = new TransferCancelled(transfer.transferId(), transfer.transferNo(), transfer.fromStore(),
                    transfer.toStore(), back, cancelledBy, reason == null || reason.isBlank() ? null : reason.strip());
            tx.append(cancelled);
            for (StockLine line : back) {
                tx.append(new StockChanged(transfer.fromStore(), line.sku(), line.qtyMilli(), StockChanged.Reason.TRANSFER_IN,
                        transfer.transferNo()));
            }
            return new Cancelled(cancelled);
        });
    }
}
