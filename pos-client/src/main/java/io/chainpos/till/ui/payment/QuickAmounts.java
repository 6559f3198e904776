package io.chainpos.till.ui.payment;

import java.util.List;
import java.util.TreeSet;

/** The amounts a customer is likely to hand over for what is due: exactly that, and the next round notes. */
final class QuickAmounts {
    private static final long[] NOTES = {1_000, 2_000, 5_000, 10_000}; // 10, 20, 50, 100 yuan

    private QuickAmounts() {
    }

    static List<Long> forDue(long due) {
        TreeSet<Long> amounts = new TreeSet<>();
        if (due > 0) {
            amounts.add(due);
        }
        for (long note : NOTES) {
            long rounded = Math.ceilDiv(due, note) * note;
            if (rounded > due) {
                amounts.add(rounded);
            }
        }
        return amounts.stream().limit(5).toList();
    }
}
