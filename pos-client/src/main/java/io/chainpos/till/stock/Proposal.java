package io.chainpos.till.stock;

import io.chainpos.model.event.StockLine;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import java.util.List;

/** A transfer head office asked this store to send, not shipped yet: shipped under {@code transferId}. */
public record Proposal(TransferId transferId, String proposalNo, StoreId toStore, List<StockLine> lines, String note) {
    public Proposal {
        lines = List.copyOf(lines);
    }
}
