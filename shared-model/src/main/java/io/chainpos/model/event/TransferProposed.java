package io.chainpos.model.event;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import java.util.List;
import java.util.Objects;

/**
 * Head office asks {@code fromStore} to send goods to {@code toStore} (调拨建议). The sending store ships it with the
 * existing transfer flow, using this {@code transferId}, so the proposal, its shipment and its receipt are one
 * transfer; nothing moves until then.
 */
public record TransferProposed(
        TransferId transferId,
        String proposalNo,
        StoreId fromStore,
        StoreId toStore,
        List<StockLine> lines,
        String proposedBy,
        String note) implements StockPlanEvent {

    public TransferProposed {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(proposalNo, "proposalNo");
        Objects.requireNonNull(fromStore, "fromStore");
        Objects.requireNonNull(toStore, "toStore");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a proposal moves goods");
        }
        if (fromStore.equals(toStore)) {
            throw new IllegalArgumentException("a transfer goes to another store");
        }
    }
}
