package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.db.SqlSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A feature's view merged from the log, registered with the {@link EventLog}: the log calls it inside the
 * transaction that stores each batch, and again for every stored event when the projections are rebuilt.
 * It is the only code that writes its tables, for ingest and for rebuild alike, so a rebuild cannot
 * disagree with what was built incrementally.
 */
public interface Projection {

    /**
     * The tables this projection writes and nothing else does: a rebuild empties them before merging the
     * log again. A test checks every table of the schema is declared here or named as kept.
     */
    List<String> tables();

    /**
     * Merges stored events, in order, into its tables in the caller's transaction, and returns what head
     * office must look at. Throws when merging fails; the log then finds the event that caused it.
     */
    List<SyncException> apply(SqlSession sql, List<EventEnvelope> events, Instant now);

    /** The event types whose effect this projection carries into a snapshot as sums instead of one by one. */
    default Set<EventTypes.Type> summed() {
        return Set.of();
    }

    /**
     * Streams the sums of {@link #summed()} types a snapshot carries forward, as events of head office's
     * written to {@code sink} at {@code cursor}, less what the requester still holds itself ({@code held}).
     */
    default void carryForward(SqlSession sql, SnapshotQuery query, long cursor, HeldEvents held, SnapshotSink sink) {
    }

    /** The requester's own events it still holds (so counts itself), read from the snapshot's consistent state. */
    interface HeldEvents {
        /** Calls {@code each} with every held event of these types, in the requester's order. */
        void forEach(Set<EventTypes.Type> types, java.util.function.Consumer<EventEnvelope> each);
    }
}
