package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import java.util.List;

/** Events of one epoch not yet acknowledged by the server, in {@code tillSeq} order. */
public record PendingEvents(int epoch, List<EventEnvelope> events) {
    public PendingEvents {
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
