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

    /** Empties what this projection derived, before the ledger replays every event into it. */
    void reset(Handle handle);
}
