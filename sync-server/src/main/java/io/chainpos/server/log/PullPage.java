package io.chainpos.server.log;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Events as stored (canonical JSON), the cursor to ask from next, whether more may be waiting, the
 * newest server sequence committed when the page was read (how far behind the asking till is), and, when every event
 * in it is another till's chain-wide one (a member's points, a registration), when the first of them was received
 * ({@code chainOnlySince}; empty for a page holding its store's or head office's events, or none): such events may
 * wait for the till's next answer.
 */
public record PullPage(List<PulledEvent> events, long next, boolean hasMore, long newest, Optional<Instant> chainOnlySince) {
    public PullPage {
        events = List.copyOf(events);
        Objects.requireNonNull(chainOnlySince, "chainOnlySince");
    }

    /** A page of events some of which its till should have at once, or of none. */
    public PullPage(List<PulledEvent> events, long next, boolean hasMore, long newest) {
        this(events, next, hasMore, newest, Optional.empty());
    }

    /** One stored event: its server sequence and its JSON exactly as stored. */
    public record PulledEvent(long serverSeq, String body) {
    }
}
