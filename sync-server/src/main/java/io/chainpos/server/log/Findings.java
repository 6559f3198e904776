package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import java.time.Instant;
import java.util.List;

/** Where the log records what head office must look at, in the transaction that found it. */
public interface Findings {

    void record(SqlSession sql, List<SyncException> found);

    /** A finding about one event, with no member or stock figures. */
    static SyncException about(SyncException.Kind kind, EventEnvelope event, Instant now, String detail) {
        return new SyncException(kind, null, null, event.storeId().value(), null, null,
                event.tillId().value(), event.eventId().toString(), detail, now);
    }
}
