package io.chainpos.model.pricing;

import java.math.BigInteger;

/** Splitting an amount over parts in proportion to their weights, to the fen, with nothing lost or made up. */
public final class Allocation {
    private Allocation() {
    }

    /**
     * {@code amount} split in proportion to {@code weights} by largest remainder: the shares add up to
     * {@code amount} exactly and none exceeds its weight when {@code amount} does not exceed their sum.
     * Ties go to the earlier part, so the split is deterministic.
     */
    public static long[] proportional(long amount, long[] weights) {
        long[] shares = new long[weights.length];
        long total = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights are never negative");
            }
            total = Math.addExact(total, w);
        }
        if (total == 0 || amount == 0) {
            if (amount != 0 && weights.length > 0) {
                shares[0] = amount;
            }
            return shares;
        }
        long given = 0;
        BigInteger[] remainders = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(BigInteger.valueOf(total));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        long left = amount - given;
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (remainders[i].signum() > 0 && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = BigInteger.ZERO;
            left--;
        }
        return shares;
    }
}
