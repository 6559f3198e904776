package io.chainpos.server.merge;

import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.EventEnvelope;
import java.time.Duration;
import java.time.Instant;

/**
 * How far an event's clocks run ahead of the server's. Events from the past are normal (a till sold offline
 * for days); events from the future mean a till clock set wrong, which also skews last-writer-wins.
 */
public final class ClockSkew {
    public static final Duration TOLERANCE = Duration.ofMinutes(10);

    private ClockSkew() {
    }

    /** Milliseconds the later of the event's wall time and hlc is ahead of {@code now}; 0 or less if not ahead. */
    public static long aheadMillis(EventEnvelope event, Instant now) {
        long wall = event.occurredAt().toEpochMilli();
        long logical = HybridLogicalClock.physicalMillis(event.hlc());
        return Math.max(wall, logical) - now.toEpochMilli();
    }

    /** Earliest and latest times an event may carry: beyond them no database column or millisecond count holds it. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** True when the event's wall time is outside years 1 to 9999, which no real clock shows. */
    public static boolean isUnrepresentable(EventEnvelope event) {
        return event.occurredAt().isBefore(EARLIEST) || event.occurredAt().isAfter(LATEST);
    }

    public static boolean isSkewed(EventEnvelope event, Instant now) {
        return aheadMillis(event, now) > TOLERANCE.toMillis();
    }
}
