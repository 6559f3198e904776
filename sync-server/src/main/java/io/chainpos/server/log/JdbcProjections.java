package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.Dialect;
import io.chainpos.server.db.SqlSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every registered projection, called in registration order in the caller's transaction. A failure caused
 * by an event's content is a {@link ProjectionFailure}: one by one, it names the event; in a batch, the
 * caller runs again one by one to find it. Any other failure passes unchanged.
 */
final class JdbcProjections {
    private final List<Projection> projections;

    JdbcProjections(List<Projection> projections) {
        this.projections = List.copyOf(projections);
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
        for (Projection projection : projections) {
            found.addAll(projection.apply(sql, events, now));
        }
        return found;
    }

    private static RuntimeException asPoison(EventEnvelope event, RuntimeException e) {
        return Dialect.isUniqueViolation(e) || !Dialect.isCausedByData(e) ? e : new ProjectionFailure(event, e);
    }
}
