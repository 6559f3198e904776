package io.chainpos.till.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Where this till stands with the server: what it still owes, what the server holds, where the next pull starts. */
public interface SyncMarks {

    /** Events of the oldest epoch still owed to the server, up to {@code limit}, in sequence order. */
    PendingEvents pending(int limit);

    /** How many events the server has not acknowledged yet, across epochs. */
    long pendingCount();

    /** Records that the server holds everything of {@code epoch} through {@code ackedThrough}. Never moves back. */
    void acknowledge(int epoch, long ackedThrough);

    /**
     * Takes the server's word for what it holds of {@code epoch}: through {@code through}, no more, no less.
     * Forward when an acknowledgement was lost; backward when the server was restored from a backup and
     * needs events again (they are still here: the ledger never deletes).
     */
    void serverHolds(int epoch, long through);

    /** Per epoch, the highest sequence this ledger holds (gap-free from 1): what a snapshot must not count again. */
    Map<Integer, Long> heldThrough();

    /** Where the next pull starts: the server sequence after the last one applied. */
    long pullCursor();

    /** When a sync round (push and pull) last completed, if ever: the offline limits on redeeming read it. */
    Optional<Instant> lastSynced();

    /** Records that a sync round completed at {@code at}. */
    void recordSynced(Instant at);
}
