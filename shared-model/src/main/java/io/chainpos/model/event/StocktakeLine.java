package io.chainpos.model.event;

import io.chainpos.model.id.Sku;
import java.util.Objects;

/**
 * One product of a stocktake, in thousandths: what was counted, the stock on hand at the moment it was counted
 * (sales after the count do not change it), and the difference booked, {@code counted - onHand}.
 */
public record StocktakeLine(Sku sku, long countedMilli, long onHandMilli, long differenceMilli) {
    public StocktakeLine {
        Objects.requireNonNull(sku, "sku");
        if (countedMilli < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + countedMilli);
        }
        if (differenceMilli != countedMilli - onHandMilli) {
            throw new IllegalArgumentException("the difference is counted minus on hand: " + differenceMilli);
        }
    }

    public static StocktakeLine of(Sku sku, long countedMilli, long onHandMilli) {
        return new StocktakeLine(sku, countedMilli, onHandMilli, countedMilli - onHandMilli);
    }
}
