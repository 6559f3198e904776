package io.chainpos.server.log;

import java.util.List;

/**
 * Events as stored (canonical JSON), the cursor to ask from next, whether more may be waiting, and the
 * newest server sequence committed when the page was read (how far behind the asking till is).
 */
public record PullPage(List<PulledEvent> events, long next, boolean hasMore, long newest) {
    public PullPage {
        events = List.copyOf(events);
    }

    /** One stored event: its server sequence and its JSON exactly as stored. */
    public record PulledEvent(long serverSeq, String body) {
    }
}
