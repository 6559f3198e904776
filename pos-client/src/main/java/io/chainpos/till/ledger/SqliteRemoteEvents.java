package io.chainpos.till.ledger;

import io.chainpos.model.event.EventEnvelope;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Other tills' and head office's events in {@code remote_events}, projected once each. An event a projection absorbs
 * whole (a member's registration or profile change) is projected and only its id kept, in {@code remote_absorbed}, for
 * {@link #ABSORBED_WINDOW} after its time: long enough for any page pulled again (the cursor moves in the same
 * transaction as the events, so only a server answering again or a snapshot overlaps), and a fold of such an event
 * again would change nothing anyway. A snapshot's absorbed events are not remembered at all, and those remembered before
 * it are forgotten: the pulls after it go on from its cursor, past every one of them (a chain's millions of
 * registrations would otherwise cost a row each).
 */
final class SqliteRemoteEvents implements RemoteEvents {
    static final Duration ABSORBED_WINDOW = Duration.ofDays(30);

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
            long newest = Long.MIN_VALUE;
            for (EventEnvelope event : events) {
                if (isOwn(h, event)) {
                    continue;
                }
                if (file.absorbed(event)) {
                    if (absorb(h, event) == 1) {
                        file.projectUnkept(h, self, event);
                        file.hlc().observe(event.hlc());
                        fresh++;
                    }
                    newest = Math.max(newest, event.hlc());
                } else if (insert(h, event) == 1) {
                    file.project(h, self, event);
                    file.hlc().observe(event.hlc());
                    fresh++;
                }
            }
            if (newest != Long.MIN_VALUE) {
                keepAbsorbedClock(h, newest);
                forgetAbsorbedBefore(h, (newest >>> 16) - ABSORBED_WINDOW.toMillis());
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
            h.execute("DELETE FROM remote_absorbed"); // every pull from here on starts past the snapshot's cursor
            file.reset(h);
            int count = 0;
            long newest = Long.MIN_VALUE;
            while (snapshot.hasNext()) {
                EventEnvelope event = snapshot.next();
                count++;
                // Only this till's id can be among its own events: a chain's millions of others need no look-up.
                if (!(event.tillId().equals(self.tillId()) && isOwn(h, event))) {
                    if (file.absorbed(event)) {
                        // Not remembered in remote_absorbed: a pull goes on from the snapshot's cursor, past all of these.
                        file.projectUnkept(h, self, event);
                        newest = Math.max(newest, event.hlc());
                    } else {
                        insert(h, event);
                    }
                    file.hlc().observe(event.hlc());
                }
            }
            // Projections give the same tables whatever order independent events come in: the absorbed ones went
            // first, the kept ones (and this till's own) follow in hybrid-clock order.
            file.fold(h, self);
            if (newest != Long.MIN_VALUE) {
                keepAbsorbedClock(h, newest);
            }
            SqliteSyncMarks.movePullCursor(h, cursor);
            return count;
        });
    }

    private TillIdentity enrolled() {
        return identity.get().orElseThrow(() -> new IllegalStateException("this till is not enrolled yet"));
    }

    private static int absorb(Handle h, EventEnvelope event) {
        return h.createUpdate("INSERT INTO remote_absorbed (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING")
                .bind(0, uuid(event.eventId().value()))
                .execute();
    }

    /**
     * The latest hybrid time among absorbed events, which the log no longer shows: the clock resumes past it at the next
     * start ({@link LedgerFile}), so an edit made here after one pulled still wins over it.
     */
    private static void keepAbsorbedClock(Handle h, long hlc) {
        h.createUpdate("INSERT INTO till_state (name, value) VALUES ('" + LedgerFile.ABSORBED_HLC + "', ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = MAX(value, excluded.value)").bind(0, hlc).execute();
    }

    /**
     * Forgets the absorbed ids older than {@code millis}: event ids are UUIDv7, whose first 48 bits are the time they
     * were minted, so the ids sort by time and the oldest go by one range delete.
     */
    private static void forgetAbsorbedBefore(Handle h, long millis) {
        if (millis <= 0) {
            return;
        }
        byte[] bound = ByteBuffer.allocate(16).putLong(millis << 16).array();
        h.createUpdate("DELETE FROM remote_absorbed WHERE event_id < ?").bind(0, bound).execute();
    }

    private static byte[] uuid(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
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
