package io.chainpos.model.clock;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A hybrid logical clock: {@code (wall millis << 16) + counter}. It never goes backwards, even when the
 * wall clock steps back, and it moves past any timestamp it observes from another node, unless that
 * timestamp is further ahead of our wall clock than {@code maxForwardSkew} (a till with its clock set days
 * ahead must not drag the whole chain's clocks with it).
 *
 * <p>Used for last-writer-wins on profile fields and for display order, never for money.
 */
public final class HybridLogicalClock {
    private static final int COUNTER_BITS = 16;

    private final Clock wallClock;
    private final long maxForwardSkewMillis;
    private long last;

    public HybridLogicalClock(Clock wallClock, long lastIssued, Duration maxForwardSkew) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.maxForwardSkewMillis = maxForwardSkew.toMillis();
        this.last = lastIssued;
    }

    public HybridLogicalClock(Clock wallClock) {
        this(wallClock, 0, Duration.ofHours(1));
    }

    /** A new timestamp, greater than every one issued or accepted before. */
    public synchronized long now() {
        last = Math.max(wallTimestamp(), last + 1);
        return last;
    }

    /**
     * Accounts for a timestamp received from elsewhere.
     *
     * @return false when the remote timestamp was too far ahead of our wall clock and was not adopted
     */
    public synchronized boolean observe(long remote) {
        long wall = wallClock.millis();
        if (physicalMillis(remote) - wall > maxForwardSkewMillis) {
            return false;
        }
        last = Math.max(last, remote);
        return true;
    }

    public synchronized long lastIssued() {
        return last;
    }

    public static long physicalMillis(long hlc) {
        return hlc >>> COUNTER_BITS;
    }

    public static int counter(long hlc) {
        return (int) (hlc & ((1 << COUNTER_BITS) - 1));
    }

    public static long of(long millis, int counter) {
        return (millis << COUNTER_BITS) + counter;
    }

    private long wallTimestamp() {
        return wallClock.millis() << COUNTER_BITS;
    }
}
