package io.chainpos.model.event;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import java.util.List;
import java.util.Objects;

/**
 * Goods left {@code fromStore} for {@code toStore} (调拨出库); they are in transit until the other store receives
 * them or the sender cancels. {@code transferNo} is printed on the slip with the id's check (see
 * {@link TransferId#check()}).
 */
public record TransferSent(
        TransferId transferId,
        String transferNo,
        StoreId fromStore,
        StoreId toStore,
        List<StockLine> lines,
        String sentBy) implements StockEvent {

    public TransferSent {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(transferNo, "transferNo");
        Objects.requireNonNull(fromStore, "fromStore");
        Objects.requireNonNull(toStore, "toStore");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a transfer sends goods");
        }
        if (fromStore.equals(toStore)) {
            throw new IllegalArgumentException("a transfer goes to another store");
        }
    }
}
