package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Other tills' and head office's events in {@code remote_events}, projected once each. */
final class SqliteRemoteEvents implements RemoteEvents {
    private final LedgerFile file;
    private final Supplier<Optional<TillIdentity>> identity;

    SqliteRemoteEvents(LedgerFile file, Supplier<Optional<TillIdentity>> identity) {
        this.file = file;
        this.identity = identity;
    }

    @Override
    public int applyPulled(List<EventEnvelope> events, long cursor) {
        return file.inTransaction(h -> {
            TillIdentity self = enrolled();
            int fresh = 0;
            for (EventEnvelope event : events) {
                if (!isOwn(h, event) && insert(h, event) == 1) {
                    file.project(h, self, event);
                    file.hlc().observe(event.hlc());
                    fresh++;
                }
            }
            SqliteSyncMarks.movePullCursor(h, cursor);
            return fresh;
        });
    }

    @Override
    public int installSnapshot(Iterator<EventEnvelope> snapshot, long cursor) {
        return file.inTransaction(h -> {
            TillIdentity self = enrolled();
            h.execute("DELETE FROM remote_events");
            int count = 0;
            while (snapshot.hasNext()) {
                EventEnvelope event = snapshot.next();
                count++;
                if (!isOwn(h, event)) {
                    insert(h, event);
                    file.hlc().observe(event.hlc());
                }
            }
            file.replay(h, self);
            SqliteSyncMarks.movePullCursor(h, cursor);
            return count;
        });
    }

    private TillIdentity enrolled() {
        return identity.get().orElseThrow(() -> new IllegalStateException("this till is not enrolled yet"));
    }

    private int insert(Handle h, EventEnvelope event) {
        return h.createUpdate("INSERT INTO remote_events (event_id, type, store_id, till_id, hlc, envelope) "
                        + "VALUES (:id, :type, :store, :till, :hlc, :envelope) ON CONFLICT (event_id) DO NOTHING")
                .bind("id", event.eventId().toString())
                .bind("type", event.type())
                .bind("store", event.storeId().value())
                .bind("till", event.tillId().value())
                .bind("hlc", event.hlc())
                .bind("envelope", file.codec().toJson(event))
                .execute();
    }

    /**
     * True for an event this ledger recorded itself. The server sends a till its own events of earlier epochs
     * (a reinstalled or restored till lost some of them); those it still holds count once, from here.
     */
    private static boolean isOwn(Handle h, EventEnvelope event) {
        return h.createQuery("SELECT COUNT(*) FROM ledger_events WHERE event_id = :id")
                .bind("id", event.eventId().toString()).mapTo(Integer.class).one() > 0;
    }
}
