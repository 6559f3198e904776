package io.chainpos.server.log;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chain's event log: tills' batches and head office's events stored once each, in commit order, and read
 * back by pull and snapshot. It knows no feature: what the events mean is merged by the {@link Projection}s
 * registered with it, behind the pushes ({@link Projector}). {@code EventStoreContract} in the tests states
 * what it must do on SQLite and PostgreSQL alike.
 */
public interface EventLog {

    /**
     * Stores a till's batch in one transaction and returns only after the commit; the projections merge it after
     * ({@link Projector}). Per (till, epoch): a seq at or below the high-water mark is a duplicate when its content
     * is identical and is quarantined when it differs; mark+1 is stored; beyond mark+1 nothing is stored
     * and the answer is a {@link IngestResult.SequenceGap}. An event id already stored under another key and an
     * event the push rules refused are quarantined; a quarantined event
     * consumes its seq so the events after it still flow. Safe to call from several server nodes at once.
     */
    IngestResult ingest(IngestBatch batch);

    /**
     * Appends the server's own events (head office's) as the next of {@code tillId}'s epoch: {@code next}
     * receives the locked mark and builds events numbered from mark+1, so two nodes publishing at once
     * take turns instead of reusing a number. {@code next} may be called again if the transaction retries.
     */
    IngestResult append(TillId tillId, int tillEpoch, Function<TillMark, List<IncomingEvent>> next);

    /** The high-water mark of a till's epoch (0 and 0 before its first event). */
    TillMark mark(TillId tillId, int tillEpoch);

    /**
     * Events for one till in server order: chain-wide events and its own store's, never its own of the epoch
     * it asks in. The page's {@code next} is the last server sequence scanned, so a tail of events for others
     * does not stall the cursor; no event with a sequence at or below {@code next} may commit after the page
     * is read.
     */
    PullPage pull(PullQuery query);

    /**
     * Whom the events committed after {@code serverSeq} are for, up to the log head (every node's commits, read the
     * way a pull reads them). More than {@code window} sequences behind the head, it says chain-wide without scanning.
     */
    LogChanges changesAfter(long serverSeq, long window);

    /** When the server received the first event after {@code serverSeq}; empty when there is none yet. */
    Optional<Instant> receivedAfter(long serverSeq);

    /**
     * Streams, from one consistent state, what a till needs instead of the events since a cursor too old to
     * serve: every event a pull would give it, except that what the projections hold as sums comes as sums,
     * and sales and audit records older than the query says are left out. Returns the cursor.
     */
    long snapshot(SnapshotQuery query, SnapshotSink sink);

    /** Stored events that match {@code search}, in server order. Scans the log: meant for one answer on request. */
    List<EventEnvelope> find(LogSearch search);

    /**
     * The stored events with these ids, in server order; ids not stored are left out. Each is found by its
     * unique id: meant for the events a feature's own index points at (a member's history).
     */
    List<EventEnvelope> withIds(List<String> eventIds);

    /** True before the first event is stored. */
    boolean isEmpty();

    /**
     * Empties every registered projection's tables and merges the whole log into them again; the result
     * equals what the projector built as the log grew.
     */
    void rebuildProjections();
}
