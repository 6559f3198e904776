package io.chainpos.till.stock;

import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferSent;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends goods to a sister store (调拨出库): they leave this store's stock at once and are in transit until the other
 * store receives them. Works offline; the other store learns of it once both have synced.
 */
public final class SendTransfer {

    public sealed interface Result permits Sent, Refused {
    }

    /** Recorded; {@code slipCode} goes on the slip, as text and as its barcode. */
    public record Sent(TransferSent transfer, String slipCode) implements Result {
        public TillMessage message() {
            return TillMessage.of(TillMessage.Code.TRANSFER_SENT, transfer.transferNo(), transfer.toStore().value(),
                    transfer.lines().size());
        }
    }

    public record Refused(TillMessage reason) implements Result {
    }

    private final Ledger ledger;
    private final CatalogStore catalog;
    private final Clock clock;
    private final ProposalStore proposals = new ProposalStore();

    public SendTransfer(Ledger ledger, CatalogStore catalog, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Result send(String toStore, List<StockEntry> entries, String sentBy) {
        StoreId to;
        try {
            to = StoreId.of(toStore == null ? "" : toStore.strip());
        } catch (IllegalArgumentException notAStore) {
            return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_NEEDS_STORE));
        }
        return send(to, null, entries, sentBy);
    }

    /** Transfers head office proposed this store send, not shipped yet by any of its tills, in number order. */
    public List<Proposal> proposals() {
        return ledger.read(proposals::toShip);
    }

    /**
     * Ships a proposal as an ordinary transfer to its store, under the proposal's transfer id (so head office follows
     * it), with what is actually sent; refused when a till of this store already shipped it.
     */
    public Result ship(Proposal proposal, List<StockEntry> entries, String sentBy) {
        return send(proposal.toStore(), proposal, entries, sentBy);
    }

    private Result send(StoreId to, Proposal proposal, List<StockEntry> entries, String sentBy) {
        return ledger.write(tx -> {
            if (proposal != null && proposals.shipped(tx, proposal.transferId())) {
                return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_PROPOSAL_SHIPPED, proposal.proposalNo()));
            }
            StoreId here = tx.identity().storeId();
            if (to.equals(here)) {
                return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_TO_OWN_STORE, here.value()));
            }
            Map<Sku, Counted.Sums> counted;
            switch (Counted.inCatalog(tx, catalog, tx.now(), entries)) {
                case Counted.Refused refused -> {
                    return new Refused(refused.reason());
                }
                case Counted.Good good -> counted = good.bySku();
            }
            List<StockLine> lines = new ArrayList<>();
            counted.forEach((sku, sums) -> {
                if (sums.quantity() > 0) {
                    lines.add(new StockLine(sku, sums.quantity(), null));
                }
            });
            if (lines.isEmpty()) {
                return new Refused(TillMessage.of(TillMessage.Code.STOCK_NOTHING_TO_BOOK));
            }
            String number = "%s-%d-T%06d".formatted(tx.identity().tillId().value(), tx.identity().epoch(),
                    tx.nextNumber("transfer." + tx.identity().epoch()));
            TransferSent sent = new TransferSent(proposal == null ? TransferId.newId(clock) : proposal.transferId(), number, here, to,
                    lines, sentBy);
            tx.append(sent);
            for (StockLine line : lines) {
                tx.append(new StockChanged(here, line.sku(), -line.qtyMilli(), StockChanged.Reason.TRANSFER_OUT, number));
            }
            return new Sent(sent, number + "/" + sent.transferId().check());
        });
    }
}
