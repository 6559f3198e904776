package io.chainpos.model.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /api/v1/sync/push}: a till's events in {@code tillSeq} order, all of one till and epoch.
 * {@code missingFrom}, when set, says the till no longer holds its events from that seq up to the first one sent
 * (its ledger lost them): the server takes the batch across the jump and reports the break instead of asking
 * for events the till cannot send.
 */
public record PushRequest(TillId tillId, int tillEpoch, List<EventEnvelope> events, Long missingFrom) {
    public PushRequest {
        Objects.requireNonNull(tillId, "tillId");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    public PushRequest(TillId tillId, int tillEpoch, List<EventEnvelope> events) {
        this(tillId, tillEpoch, events, null);
    }
}
