package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.PushRequest;
import java.util.List;

/**
 * Events of one epoch not yet acknowledged by the server, in {@code tillSeq} order and without holes.
 * {@code missingFrom} is set when this ledger no longer holds the events from that seq to the first one here (rows
 * taken out of the file): the push says so, and the server reports the break instead of waiting for them.
 * {@code held} is how far the ledger goes in that epoch, told to the server with every push.
 */
public record PendingEvents(int epoch, List<EventEnvelope> events, Long missingFrom, PushRequest.Held held) {
    public PendingEvents {
        events = List.copyOf(events);
    }

    public PendingEvents(int epoch, List<EventEnvelope> events, Long missingFrom) {
        this(epoch, events, missingFrom, null);
    }

    public PendingEvents(int epoch, List<EventEnvelope> events) {
        this(epoch, events, null, null);
    }

    /** The same events, with how far the ledger goes. */
    public PendingEvents withHeld(PushRequest.Held how) {
        return new PendingEvents(epoch, events, missingFrom, how);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
