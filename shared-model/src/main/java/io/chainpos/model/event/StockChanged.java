package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import java.util.Objects;

/**
 * A movement of one product's stock in one store, in thousandths. For {@code STOCKTAKE} the delta is the
 * counted minus the expected quantity. {@code reference} names the sale, refund or transfer, or is null.
 */
public record StockChanged(
        StoreId storeId,
        Sku sku,
        long deltaMilli,
        Reason reason,
        String reference) implements Event {

    public enum Reason { SALE, RETURN, RECEIPT, ADJUST, TRANSFER_IN, TRANSFER_OUT, STOCKTAKE }

    public StockChanged {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(reason, "reason");
    }
}
