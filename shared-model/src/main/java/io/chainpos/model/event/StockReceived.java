package io.chainpos.model.event;

import io.chainpos.model.id.StoreId;
import java.util.List;
import java.util.Objects;

/**
 * Goods from a supplier received into a store (入库): {@code lines} is what went into stock, {@code discrepancies}
 * how that differs from the supplier's delivery note. Transfers from a sister store arrive by
 * {@link TransferReceived} instead.
 */
public record StockReceived(
        String receiptNo,
        StoreId storeId,
        String supplier,
        String deliveryNote,
        List<StockLine> lines,
        List<Discrepancy> discrepancies,
        String receivedBy) implements StockEvent {

    public StockReceived {
        Objects.requireNonNull(receiptNo, "receiptNo");
        Objects.requireNonNull(storeId, "storeId");
        lines = List.copyOf(lines);
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
        if (lines.isEmpty() && discrepancies.isEmpty()) {
            throw new IllegalArgumentException("a receipt of goods has lines");
        }
    }
}
