package io.chainpos.server.store;

import java.util.List;

/** Events as stored (canonical JSON), the cursor to ask from next, and whether more may be waiting. */
public record PullPage(List<PulledEvent> events, long next, boolean hasMore) {
    public PullPage {
        events = List.copyOf(events);
    }

    /** One stored event: its server sequence and its JSON exactly as stored. */
    public record PulledEvent(long serverSeq, String body) {
    }
}
