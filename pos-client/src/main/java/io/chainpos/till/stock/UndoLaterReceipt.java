package io.chainpos.till.stock;

import io.chainpos.model.event.StockChanged;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.till.ledger.Ledger;
import java.util.List;

/**
 * A transfer is received once, even at two tills of the store that received it before either pulled the other's
 * receipt: of the receipts of one transfer, the one with the earliest stamp (hlc, till, event id; the chain's one order)
 * counts. After every pull, this till takes back the goods of any receipt of its own that another till's earlier
 * receipt outranks, with an {@code ADJUST} movement per product referenced {@code <transfer no>#received-twice}, once.
 * Every till and the server then sum the transfer's goods in once; head office still sees the conflict it was.
 */
public final class UndoLaterReceipt {
    /** What the taking-back movements' reference ends with, after the transfer's number. */
    public static final String REFERENCE_SUFFIX = "#received-twice";

    private final Ledger ledger;
    private final TransferStore transfers = new TransferStore();

    public UndoLaterReceipt(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Takes back what this till's outranked receipts put into stock; returns how many receipts it undid. */
    public int undo() {
        return ledger.write(tx -> {
            String till = tx.identity().tillId().value();
            List<TransferStore.OutrankedReceipt> outranked = transfers.outrankedReceipts(tx, till);
            for (TransferStore.OutrankedReceipt receipt : outranked) {
                List<TransferStore.ReceivedLine> lines = transfers.receivedLines(tx, receipt.transferId(), till);
                for (TransferStore.ReceivedLine line : lines) {
                    if (line.qtyMilli() > 0) {
                        tx.append(new StockChanged(StoreId.of(receipt.toStore()), Sku.of(line.sku()), -line.qtyMilli(),
                                StockChanged.Reason.ADJUST, receipt.transferNo() + REFERENCE_SUFFIX));
                    }
                }
                if (lines.stream().noneMatch(l -> l.qtyMilli() > 0)) {
                    // Nothing arrived by this receipt: nothing to take back, but it is settled all the same.
                    transfers.settleReceipt(tx, receipt.transferNo(), till);
                }
            }
            return outranked.size();
        });
    }
}
