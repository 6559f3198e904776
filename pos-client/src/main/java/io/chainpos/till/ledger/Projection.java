package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import org.jdbi.v3.core.Handle;

/**
 * Keeps some tables in step with the events: called inside the ledger's transaction for every event
 * appended here and every event pulled from elsewhere (each exactly once), so tables and log never
 * disagree. A projection must give the same tables whatever order independent events arrive in.
 */
public interface Projection {

    void apply(Handle handle, TillIdentity self, EventEnvelope event);

    /**
     * True when this projection's tables keep all the till needs of {@code event} pulled from elsewhere, and a fold of
     * it again changes nothing: the ledger then keeps its id for a while instead of its envelope (the server holds the
     * log, a snapshot brings it back), and {@link #reset} must keep what such events wrote.
     */
    default boolean absorbs(EventEnvelope event) {
        return false;
    }

    /** A pulled event whose envelope this till does not keep (a projection absorbs it); by default as any other. */
    default void applyUnkept(Handle handle, TillIdentity self, EventEnvelope event) {
        apply(handle, self, event);
    }

    /** Empties what this projection derived, before the ledger replays every event into it. */
    void reset(Handle handle);
}
