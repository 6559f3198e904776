package io.chainpos.model.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import java.util.List;
import java.util.Objects;

/** {@code POST /api/v1/sync/push}: a till's events in {@code tillSeq} order, all of one till and epoch. */
public record PushRequest(TillId tillId, int tillEpoch, List<EventEnvelope> events) {
    public PushRequest {
        Objects.requireNonNull(tillId, "tillId");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
