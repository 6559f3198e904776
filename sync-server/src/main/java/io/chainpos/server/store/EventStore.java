package io.chainpos.server.store;

import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.sync.MemberView;
import io.chainpos.model.sync.StockView;
import io.chainpos.model.sync.SyncException;
import java.util.List;
import java.util.Optional;

/**
 * The chain's event log and the projections merged from it. One port, one adapter per database (SQLite
 * now, PostgreSQL later); {@code EventStoreContract} in the tests states what every adapter must do.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Stores a till's batch and merges it into the projections in one transaction, and returns only after
     * the commit. Per (till, epoch): a seq at or below the high-water mark is a duplicate when its content
     * is identical and is quarantined when it differs; mark+1 is stored; beyond mark+1 nothing is stored
     * and the answer is a {@link IngestResult.SequenceGap}. An event id already stored under another key is
     * quarantined; a quarantined event consumes its seq so the events after it still flow.
     */
    IngestResult ingest(IngestBatch batch);

    /** The high-water mark of a till's epoch (0 and 0 before its first event). */
    TillMark mark(TillId tillId, int tillEpoch);

    /**
     * Events for one till in server order: chain-wide events and its own store's, never its own. The page's
     * {@code next} is the last server sequence scanned, so a tail of events for others does not stall the
     * cursor; no event with a sequence at or below {@code next} may commit after the page is read.
     */
    PullPage pull(PullQuery query);

    /** The merged member, found by its own id or by the id of a member merged into it. */
    Optional<MemberView> member(MemberId memberId);

    /** The merged member whose current phone this is; when several unmerged members share it, the oldest id. */
    Optional<MemberView> memberByPhone(String phone);

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
