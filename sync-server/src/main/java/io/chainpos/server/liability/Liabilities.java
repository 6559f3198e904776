package io.chainpos.server.liability;

import java.util.List;

/** What the chain owes its members, read from the liability read models kept at ingest. */
public interface Liabilities {

    /**
     * What one store sold and its members still hold: points, paid stored value (本金), bonus (赠金); and the
     * points it gave (earned there) and its points that expired unused (breakage), wherever the expiry was recorded.
     */
    record StoreLiability(String storeId, long points, long paid, long bonus, long pointsEarned, long pointsExpired) {
        public long storedValue() {
            return paid + bonus;
        }
    }

    /** What moved at one store between two instants: points given and taken back, expired, and stored value in and out. */
    record Movement(String storeId, long pointsIn, long pointsOut, long pointsExpired, long paidIn, long paidOut,
                    long bonusIn, long bonusOut) {
    }

    /** The lower bounds of the bands members' points are counted in (the last band has no upper bound). */
    List<Long> POINTS_BANDS = List.of(1L, 100L, 500L, 1_000L, 5_000L);

    /** Members holding from {@code fromPoints} up to {@code untilPoints} (exclusive; 0 for no bound), and their points. */
    record PointsBand(long fromPoints, long untilPoints, long members, long points) {
    }

    /**
     * How many members hold how many points, in {@link #POINTS_BANDS} (members holding none are not counted): the
     * chain's, or only the points a store gave when {@code storeId} is given. A merged member counts once.
     */
    List<PointsBand> pointsHeld(java.util.Optional<String> storeId);

    /** Every store with a liability or a movement, in store order. */
    List<StoreLiability> byStore();

    /**
     * What moved at each store (or only at {@code storeId} when given, read through its own index) from {@code fromMs}
     * (inclusive) to {@code untilMs}, in store order.
     */
    List<Movement> movements(java.util.Optional<String> storeId, long fromMs, long untilMs);
}
