package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Dialect;
import io.chainpos.server.db.SqlSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every registered projection, called in registration order in the caller's transaction. A failure caused
 * by an event's content is a {@link ProjectionFailure}: one by one, it names the event; in a batch, the
 * caller runs again one by one to find it. Any other failure passes unchanged.
 */
final class JdbcProjections {
    private final List<Projection> projections;
    /**
     * Nanoseconds each projection (by class name) has spent merging in this process, rolled-back merges included: kept
     * for the process, as every projector on the same database (the server's follower, a reader catching up) shares the
     * work.
     */
    private static final Map<String, LongAdder> SPENT = new ConcurrentHashMap<>();
    private final List<LongAdder> spent;

    JdbcProjections(List<Projection> projections) {
        this.projections = List.copyOf(projections);
        this.spent = this.projections.stream().map(p -> SPENT.computeIfAbsent(p.getClass().getSimpleName(), name -> new LongAdder())).toList();
    }

    /** An event whose merge failed because of what it holds; {@code event} is null when not yet known which. */
    static final class ProjectionFailure extends RuntimeException {
        private final transient EventEnvelope event;

        ProjectionFailure(EventEnvelope event, RuntimeException cause) {
            super(event == null ? "merging a batch failed" : "merging event " + event.eventId() + " failed", cause);
            this.event = event;
        }

        EventEnvelope event() {
            return event;
        }
    }

    List<Projection> all() {
        return projections;
    }

    /** The time each projection has spent merging in this process, by its class's simple name, in registration order. */
    Map<String, Duration> timeSpent() {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (int i = 0; i < projections.size(); i++) {
            out.put(projections.get(i).getClass().getSimpleName(), Duration.ofNanos(spent.get(i).sum()));
        }
        return out;
    }

    List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now, boolean oneByOne) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (!oneByOne) {
            try {
                return applyAll(sql, events, now);
            } catch (RuntimeException e) {
                throw asPoison(null, e);
            }
        }
        List<SyncException> found = new ArrayList<>();
        for (EventEnvelope event : events) {
            try {
                found.addAll(applyAll(sql, List.of(event), now));
            } catch (RuntimeException e) {
                throw asPoison(event, e);
            }
        }
        return found;
    }

    private List<SyncException> applyAll(SqlSession sql, List<EventEnvelope> events, Instant now) {
        List<SyncException> found = new ArrayList<>();
        for (int i = 0; i < projections.size(); i++) {
            long start = System.nanoTime();
            try {
                found.addAll(projections.get(i).apply(sql, events, now));
            } finally {
                spent.get(i).add(System.nanoTime() - start);
            }
        }
        return found;
    }

    private static RuntimeException asPoison(EventEnvelope event, RuntimeException e) {
        return Dialect.isUniqueViolation(e) || !Dialect.isCausedByData(e) ? e : new ProjectionFailure(event, e);
    }
}
