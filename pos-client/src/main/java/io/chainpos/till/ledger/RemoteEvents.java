package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import java.util.Iterator;
import java.util.List;

/** What other tills and head office recorded, taken into this till's log and projections. */
public interface RemoteEvents {

    /**
     * Applies events pulled from the server: each one new to this till is stored and projected once, and the
     * pull cursor moves to {@code cursor}, all in one transaction. Returns how many were new.
     */
    int applyPulled(List<EventEnvelope> events, long cursor);

    /**
     * Replaces everything this till holds from other tills and head office with {@code snapshot} (a cursor
     * too old for the server to replay events from), rebuilds every projection from its own events plus
     * these, and continues pulling at {@code cursor}: one transaction, so a failure midway changes nothing.
     * Returns how many events the snapshot held.
     */
    int installSnapshot(Iterator<EventEnvelope> snapshot, long cursor);
}
