package io.chainpos.model.sync;

import io.chainpos.model.event.EventEnvelope;
import java.util.List;

/** {@code GET /api/v1/sync/pull}: events from other tills and head office in server order. */
public record PullResponse(List<EventEnvelope> events, long next, boolean hasMore) {
    public PullResponse {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
