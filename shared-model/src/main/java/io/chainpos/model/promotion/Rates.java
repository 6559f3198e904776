package io.chainpos.model.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Basis-point arithmetic on minor units, rounded half-up to the fen. */
public final class Rates {
    public static final int WHOLE = 10_000;

    private Rates() {
    }

    static void check(int payBasisPoints) {
        if (payBasisPoints < 0 || payBasisPoints > WHOLE) {
            throw new IllegalArgumentException("a rate is 0 to 10000 basis points: " + payBasisPoints);
        }
    }

    /** What is taken off {@code amount} when {@code payBasisPoints} of it is paid. */
    public static long discountOff(long amount, int payBasisPoints) {
        return amount - share(amount, payBasisPoints, WHOLE);
    }

    /** {@code amount * numerator / denominator}, rounded half-up; exact for any long amounts. */
    public static long share(long amount, long numerator, long denominator) {
        if (denominator == 0) {
            return 0;
        }
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
