package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import java.util.List;

/**
 * Events of one epoch not yet acknowledged by the server, in {@code tillSeq} order and without holes.
 * {@code missingFrom} is set when this ledger no longer holds the events from that seq to the first one here (rows
 * taken out of the file): the push says so, and the server reports the break instead of waiting for them.
 */
public record PendingEvents(int epoch, List<EventEnvelope> events, Long missingFrom) {
    public PendingEvents {
        events = List.copyOf(events);
    }

    public PendingEvents(int epoch, List<EventEnvelope> events) {
        this(epoch, events, null);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
