package io.chainpos.server.log;

import java.time.Duration;

/**
 * Merges the stored log into the registered projections, behind the pushes: a push commits its events alone, and the
 * projections follow in larger steps ({@link #CHUNK} events a transaction), in server order, from {@code projector_head}.
 *
 * <p>Whoever reads a projection first calls {@link #catchUp()}: it returns once everything committed before the call is
 * merged, so a page or an answer never shows less than what was pushed before it was asked. A {@link ProjectorFollower} thread
 * catches up as soon as a push commits, so a read rarely has anything left to do. Several callers and several server
 * nodes may catch up at once: each step locks the head row, and the second finds the work done.
 *
 * <p>An event a projection cannot merge because of what it holds is skipped (recorded in {@code projection_skips},
 * shown to head office as {@link SyncException.Kind#UNPROCESSABLE_EVENT}); it stays in the log and reaches the tills.
 * Findings are recorded once: a rebuild merges again without finding again.
 */
public interface Projector {

    /** Merges every event committed before this call; returns at once when nothing is left. */
    void catchUp();

    /**
     * As {@link #catchUp()} when at most {@code events} are left to merge; returns at once when more are (a flood after
     * an outage or a period end): a reader then sees the projections as they stand rather than wait for all of it,
     * while the {@link ProjectorFollower} merges on.
     */
    void catchUpWithin(long events);

    /** What is left to merge now. */
    Lag lag();

    /**
     * The time each projection has spent merging in this process since it started (whichever projector over the log did
     * the work), by projection (its class's simple name), in the order they merge: where the projector's time goes.
     */
    java.util.Map<String, Duration> timeSpent();

    /** How far the projections trail the log: events not yet merged, and how long the oldest of them has waited. */
    record Lag(long events, Duration behind) {
        public static final Lag NONE = new Lag(0, Duration.ZERO);
    }
}
