package io.chainpos.model.pricing;

/** Rounding of the order total to the jiao (0.1 yuan), a store setting; shown on the receipt as 抹零. */
public enum CashRounding {
    /** To the fen: no rounding. */
    NONE,
    /** Half up to the jiao: 12.34 → 12.30, 12.35 → 12.40. */
    HALF_UP_TO_JIAO,
    /** Down to the jiao (抹零): 12.39 → 12.30. */
    DOWN_TO_JIAO;

    /** The rounded amount; never below zero. */
    public long round(long amount) {
        return switch (this) {
            case NONE -> amount;
            case HALF_UP_TO_JIAO -> Math.floorDiv(amount + 5, 10) * 10;
            case DOWN_TO_JIAO -> Math.floorDiv(amount, 10) * 10;
        };
    }
}
