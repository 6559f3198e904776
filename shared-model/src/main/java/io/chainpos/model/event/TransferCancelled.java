package io.chainpos.model.event;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import java.util.List;
import java.util.Objects;

/** The sending store called back a transfer not yet received: {@code lines} go back into its stock. */
public record TransferCancelled(
        TransferId transferId,
        String transferNo,
        StoreId fromStore,
        StoreId toStore,
        List<StockLine> lines,
        String cancelledBy,
        String reason) implements StockEvent {

    public TransferCancelled {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(transferNo, "transferNo");
        Objects.requireNonNull(fromStore, "fromStore");
        Objects.requireNonNull(toStore, "toStore");
        lines = List.copyOf(lines);
    }
}
