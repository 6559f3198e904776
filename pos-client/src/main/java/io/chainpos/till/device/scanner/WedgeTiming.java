package io.chainpos.till.device.scanner;

import java.time.Duration;

/**
 * What tells a keyboard-wedge scanner from a person: a scanner types every character of a code within
 * {@code maxGap} of the one before (a few milliseconds; people need 80 ms or more), at least {@code minLength}
 * of them, then Enter.
 */
public record WedgeTiming(Duration maxGap, int minLength) {

    public static final WedgeTiming DEFAULT = new WedgeTiming(Duration.ofMillis(50), 4);

    public WedgeTiming {
        if (maxGap.isNegative() || maxGap.isZero() || maxGap.compareTo(Duration.ofMillis(500)) > 0) {
            throw new IllegalArgumentException("the wedge scanner's key gap is 1 to 500 ms, not " + maxGap.toMillis());
        }
        if (minLength < 2 || minLength > 64) {
            throw new IllegalArgumentException("the shortest scanned code is 2 to 64 characters, not " + minLength);
        }
    }
}
