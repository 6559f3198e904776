package io.chainpos.till.stock;

import io.chainpos.model.event.StockLine;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import io.chainpos.till.ledger.LedgerSession;
import java.util.List;

/** Reads the transfers head office proposed that this store send, and whether one was shipped. */
public final class ProposalStore {

    /** Proposals no till of this store has shipped yet, in number order. */
    public List<Proposal> toShip(LedgerSession session) {
        var h = session.handle();
        return h.createQuery("SELECT transfer_id, proposal_no, to_store, note FROM transfer_proposals p "
                        + "WHERE NOT EXISTS (SELECT 1 FROM transfers t WHERE t.transfer_id = p.transfer_id) ORDER BY proposal_no")
                .map((rs, ctx) -> new Proposal(TransferId.parse(rs.getString(1)), rs.getString(2), StoreId.of(rs.getString(3)),
                        h.createQuery("SELECT sku, qty_milli FROM transfer_proposal_lines WHERE transfer_id = :id ORDER BY sku")
                                .bind("id", rs.getString(1))
                                .map((l, c) -> new StockLine(new Sku(l.getString(1)), l.getLong(2), null))
                                .list(), rs.getString(4)))
                .list();
    }

    /** Whether a transfer with this id was sent (a proposal shipped) by any till of the chain this till has heard of. */
    public boolean shipped(LedgerSession session, TransferId id) {
        return session.handle().createQuery("SELECT COUNT(*) FROM transfers WHERE transfer_id = :id")
                .bind("id", id.toString()).mapTo(Integer.class).one() > 0;
    }
}
