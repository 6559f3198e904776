package io.chainpos.server.log;

import io.chainpos.model.event.Event;

/**
 * Receives a snapshot as the log reads it, in this order: the cursor it is taken at, the events kept as
 * they are, then what the projections carry forward as sums. Nothing is held in memory on the way.
 */
public interface SnapshotSink {
    /** What a carried-forward sum says it is, in its rules or its reference. */
    String CARRIED = "carried forward";

    /** The server sequence the snapshot reflects: the till pulls from here afterwards. */
    void begin(long cursor);

    /** An event exactly as stored. */
    void event(String body);

    /**
     * A sum carried forward as a fact of head office's; {@code what} names it (say {@code points/<member id>})
     * so the same snapshot gives the same event id.
     */
    void carried(String what, Event payload);
}
