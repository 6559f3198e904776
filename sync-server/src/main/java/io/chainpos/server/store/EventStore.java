package io.chainpos.server.store;

import io.chainpos.server.db.*;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.StockView;
import io.chainpos.model.sync.SyncException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chain's event log and the projections merged from it. One port, one adapter on SQLite and
 * PostgreSQL alike; {@code EventStoreContract} in the tests states what it must do on both.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores a till's batch and merges it into the projections in one transaction, and returns only after
     * the commit. Per (till, epoch): a seq at or below the high-water mark is a duplicate when its content
     * is identical and is quarantined when it differs; mark+1 is stored; beyond mark+1 nothing is stored
     * and the answer is a {@link IngestResult.SequenceGap}. An event id already stored under another key, an
     * event the push rules refused, and an event that cannot be merged are quarantined; a quarantined event
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

    /** When the server received the first event after {@code serverSeq}; empty when there is none yet. */
    Optional<Instant> receivedAfter(long serverSeq);

    /**
     * Streams, from one consistent state, what a till needs instead of the events since a cursor too old to
     * serve: every event a pull would give it, except that points, stored value and its store's stock come
     * as sums, and sales and audit records older than the query says are left out. Returns the cursor.
     */
    long snapshot(SnapshotQuery query, SnapshotSink sink);

    /** The merged member, found by its own id or by the id of a member merged into it. */
    Optional<MemberView> member(MemberId memberId);

    /**
     * The merged member whose current phone is this (found through its keyed hash); when several unmerged
     * members share it, the oldest id. Empty for a text that is not a mobile number.
     */
    Optional<MemberView> memberByPhone(String phone);

    /** The chain's secret for the keyed phone hash (base64), made on first use; tills get it at enrollment. */
    String memberLookupSecret();

    /** The chain's phone-hash secret; when there is none yet, {@code proposed} (base64, 32 bytes) becomes it. */
    String memberLookupSecret(String proposed);

    /** Keeps members' data keys a till hands over (never an erased member's; never replacing one); returns how many were new. */
    int storeMemberKeys(List<MemberKey> keys);

    /** The data keys held for these members (none for an erased one). */
    List<MemberKey> memberKeys(List<MemberId> memberIds);

    /** Surviving member ids (oldest first) whose merged profile's current phone hash is {@code phoneHash}. */
    List<MemberId> survivorsWithPhoneHash(String phoneHash);

    /** The member's survivor first, then every id merged into it; empty for an unknown member. */
    List<MemberId> memberFamily(MemberId memberId);

    /**
     * Every stored event about these members (profile, merges, erasure, sales, points, stored value), in server
     * order, from every store: the member's history. Scans the log; meant for one member on request.
     */
    List<EventEnvelope> memberHistory(List<MemberId> family);

    /** The chain's points and stored value: the sum of every delta stored, whoever it belongs to. */
    record BalanceTotals(long points, long storedValue) {
    }

    BalanceTotals balanceTotals();

    /** After an erasure: makes the database drop every copy of the deleted keys and fields it would otherwise keep. */
    void scrub();

    /** A store's stock of a SKU (0 when nothing moved). */
    StockView stock(StoreId storeId, Sku sku);

    /** The newest {@code limit} exceptions, oldest first. */
    List<SyncException> exceptions(int limit);

    /** True before the first event is stored. */
    boolean isEmpty();

    /** Recomputes every projection from the log alone; the result equals what ingest built incrementally. */
    void rebuildProjections();

    @Override
    void close();
}
