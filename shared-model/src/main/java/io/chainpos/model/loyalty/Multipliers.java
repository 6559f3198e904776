package io.chainpos.model.loyalty;

/** Basis-point multipliers (10000 = ×1) as the rules recorded on events show them. */
final class Multipliers {
    static final int ONE = 10_000;

    private Multipliers() {
    }

    /** 20000 as "x2", 15000 as "x1.5", 12500 as "x1.25". */
    static String show(int basisPoints) {
        return "x" + java.math.BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros().toPlainString();
    }
}
