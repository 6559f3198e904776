package io.chainpos.till.stock;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferProposed;
import io.chainpos.till.ledger.Projection;
import io.chainpos.till.ledger.TillIdentity;
import org.jdbi.v3.core.Handle;

/** Keeps the transfers head office proposed that this till's store should send; other stores' are not kept. */
public final class ProposalProjection implements Projection {

    @Override
    public void apply(Handle h, TillIdentity self, EventEnvelope event) {
        if (event.payload() instanceof TransferProposed p && p.fromStore().equals(self.storeId())) {
            h.execute("INSERT OR IGNORE INTO transfer_proposals (transfer_id, proposal_no, from_store, to_store, note) VALUES (?, ?, ?, ?, ?)",
                    p.transferId().toString(), p.proposalNo(), p.fromStore().value(), p.toStore().value(), p.note());
            for (StockLine line : p.lines()) {
                h.execute("INSERT OR IGNORE INTO transfer_proposal_lines (transfer_id, sku, qty_milli) VALUES (?, ?, ?)",
                        p.transferId().toString(), line.sku().value(), line.qtyMilli());
            }
        }
    }

    @Override
    public void reset(Handle h) {
        h.execute("DELETE FROM transfer_proposal_lines");
        h.execute("DELETE FROM transfer_proposals");
    }
}
