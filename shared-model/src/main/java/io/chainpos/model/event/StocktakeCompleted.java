package io.chainpos.model.event;

import io.chainpos.model.id.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stocktake (盘点) counted and approved by a manager: each line's difference against the stock at the moment that
 * product was counted. The stock itself moves by a {@code STOCKTAKE} {@link StockChanged} per line with a difference,
 * recorded in the same transaction. {@code uncountedAsZero} says whether products in scope that nobody counted were
 * booked as none left (they are then lines counted 0); otherwise they were left as they stood.
 */
public record StocktakeCompleted(
        String stocktakeNo,
        StoreId storeId,
        StocktakeScope scope,
        Instant startedAt,
        List<StocktakeLine> lines,
        boolean uncountedAsZero,
        String countedBy,
        String approvedBy,
        String approverName) implements StockEvent {

    public StocktakeCompleted {
        Objects.requireNonNull(stocktakeNo, "stocktakeNo");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(approvedBy, "approvedBy");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a stocktake counts at least one product");
        }
    }
}
