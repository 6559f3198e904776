package io.chainpos.server.log;

import io.chainpos.model.id.TillId;
import java.util.List;
import java.util.Objects;

/**
 * Events of one till and epoch in ascending, contiguous {@code tillSeq} order. The push endpoint answers
 * 400 before building a batch that breaks this; here it is a programming error. {@code missingFrom}, when not
 * null, is the till's word that it no longer holds its events from that seq up to the first one of the batch
 * (docs/protocol.md, "Event chain").
 */
public record IngestBatch(TillId tillId, int tillEpoch, List<IncomingEvent> events, Long missingFrom) {
    public IngestBatch {
        Objects.requireNonNull(tillId, "tillId");
        events = List.copyOf(events);
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent event = events.get(i);
            if (!event.envelope().tillId().equals(tillId) || event.envelope().tillEpoch() != tillEpoch) {
                throw new IllegalArgumentException("event " + i + " is not of till " + tillId + " epoch " + tillEpoch);
            }
            if (i > 0 && event.tillSeq() != events.get(i - 1).tillSeq() + 1) {
                throw new IllegalArgumentException("tillSeq is not contiguous at event " + i);
            }
        }
    }

    public IngestBatch(TillId tillId, int tillEpoch, List<IncomingEvent> events) {
        this(tillId, tillEpoch, events, null);
    }

    /** True when the batch may start beyond {@code mark}+1: the till said it lacks exactly the events in between. */
    boolean jumpsDeclaredFrom(TillMark mark) {
        return missingFrom != null && missingFrom == mark.ackedThrough() + 1;
    }
}
