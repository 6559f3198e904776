package io.chainpos.server.messaging;

/**
 * The difference of two groups' means with its 95% confidence interval, by Welch's unequal-variance standard error
 * and the normal approximation (fine for the hundreds of members a campaign has). Pure.
 */
public record Difference(int n1, double mean1, int n2, double mean2, double difference, double low, double high) {
    private static final double Z95 = 1.959963984540054;

    /** {@code targeted} minus {@code heldOut}; with fewer than two in a group the interval is unbounded. */
    public static Difference of(double[] targeted, double[] heldOut) {
        double m1 = mean(targeted);
        double m2 = mean(heldOut);
        double d = m1 - m2;
        if (targeted.length < 2 || heldOut.length < 2) {
            return new Difference(targeted.length, m1, heldOut.length, m2, d, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double se = Math.sqrt(variance(targeted, m1) / targeted.length + variance(heldOut, m2) / heldOut.length);
        return new Difference(targeted.length, m1, heldOut.length, m2, d, d - Z95 * se, d + Z95 * se);
    }

    /** Whether the interval leaves out no difference at all. */
    public boolean clear() {
        return low > 0 || high < 0;
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return xs.length == 0 ? 0 : sum / xs.length;
    }

    private static double variance(double[] xs, double mean) {
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (xs.length - 1);
    }
}
