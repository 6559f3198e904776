package io.chainpos.model.event;

import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TransferId;
import java.util.List;
import java.util.Objects;

/**
 * The receiving store confirmed a transfer (调拨入库): {@code lines} is what arrived and went into stock,
 * {@code discrepancies} how that differs from what was sent. The stores are repeated from {@link TransferSent}
 * so the event reads on its own.
 */
public record TransferReceived(
        TransferId transferId,
        String transferNo,
        StoreId fromStore,
        StoreId toStore,
        List<StockLine> lines,
        List<Discrepancy> discrepancies,
        String receivedBy) implements StockEvent {

    public TransferReceived {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(transferNo, "transferNo");
        Objects.requireNonNull(fromStore, "fromStore");
        Objects.requireNonNull(toStore, "toStore");
        lines = List.copyOf(lines);
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
    }
}
