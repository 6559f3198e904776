package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The events this server node stored last, by server sequence, as read from their push: the projector takes them from
 * here instead of reading their JSON again (a third of its work). Only what committed is put here; what is not here
 * (another node's pushes, an older event, a restart) the projector reads from the log, to the same envelope.
 */
final class RecentEvents {
    /** About ten seconds of a busy node's pushes; the projector is normally a few hundred events behind. */
    static final int KEPT = 50_000;

    private final ConcurrentSkipListMap<Long, EventEnvelope> bySeq = new ConcurrentSkipListMap<>();
    private final int kept;

    RecentEvents(int kept) {
        this.kept = kept;
    }

    /** What one write transaction appends, kept aside until it has committed. */
    Pending pending() {
        return new Pending();
    }

    /** The event stored under {@code serverSeq}, when this node stored it lately; null otherwise. */
    EventEnvelope at(long serverSeq) {
        return bySeq.get(serverSeq);
    }

    /**
     * The events stored under {@code first} through {@code last}, in order, when this node holds every one of them;
     * null when it misses any (server sequences have no holes, so a range held whole is the log's range).
     */
    List<EventEnvelope> range(long first, long last) {
        java.util.Collection<EventEnvelope> held = bySeq.subMap(first, true, last, true).values();
        List<EventEnvelope> events = new ArrayList<>(held);
        return events.size() == last - first + 1 ? events : null;
    }

    /** Forgets what the projections have merged. */
    void mergedThrough(long serverSeq) {
        bySeq.headMap(serverSeq, true).clear();
    }

    final class Pending {
        private final List<Object[]> events = new ArrayList<>();

        void add(long serverSeq, EventEnvelope event) {
            events.add(new Object[] {serverSeq, event});
        }

        void clear() {
            events.clear();
        }

        void committed() {
            for (Object[] e : events) {
                bySeq.put((Long) e[0], (EventEnvelope) e[1]);
            }
            while (bySeq.size() > kept) {
                bySeq.pollFirstEntry();
            }
        }
    }
}
