package io.chainpos.till.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.sync.ApiError;
import io.chainpos.model.sync.EnrollResponse;
import io.chainpos.model.sync.PullResponse;
import io.chainpos.model.sync.PushRequest;
import io.chainpos.model.sync.PushResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.sync.MemberIds;
import io.chainpos.model.sync.MemberKeys;

/** The sync server as the till sees it. An {@link IOException} means the server was not reached or did not answer. */
public interface SyncApi {

    PushOutcome push(PushRequest request) throws IOException;

    /** Events from other tills after {@code cursor}; a refusal (401, 4xx) is a {@link SyncRefusedException}. */
    PullOutcome pull(long cursor, int limit) throws IOException;

    /**
     * As {@link #pull(long, int)}, but when nothing is there the server may hold the answer for up to {@code wait}
     * until something is (an empty page after the wait). A server that does not hold pulls answers at once.
     */
    default PullOutcome pull(long cursor, int limit, Duration wait) throws IOException {
        return pull(cursor, limit);
    }

    /** Ends the pulls held open now (they fail with an {@link IOException}): the till is closing. */
    default void cancelWaitingPulls() {
    }

    /**
     * The chain's state for a till whose cursor is too old to pull from. {@code held} is, per epoch, the highest
     * sequence this till holds itself. The snapshot streams: read it while it is open, then close it.
     */
    Snapshot snapshot(Map<Integer, Long> held) throws IOException;

    /**
     * Asks the server to write this till's snapshot to a file it keeps for a while, to be fetched with
     * {@link #snapshotBytes}; empty from a server that does not (one older than spooled snapshots), whose
     * {@link #snapshot} streams instead.
     */
    default Optional<SpooledSnapshot> spoolSnapshot(Map<Integer, Long> held) throws IOException {
        return Optional.empty();
    }

    /**
     * The spooled snapshot's bytes from {@code from} on (from {@link SnapshotBytes#start()}, which is 0 when the server
     * sends them all); empty when the server no longer keeps it.
     */
    default Optional<SnapshotBytes> snapshotBytes(String id, long from) throws IOException {
        return Optional.empty();
    }

    /** A snapshot the server wrote to a file: its id, the cursor to pull from afterwards, its events, bytes and SHA-256. */
    record SpooledSnapshot(String id, long next, int events, long length, String sha256) {
    }

    /** Bytes of a spooled snapshot as they arrive, starting at {@code start} of the file. */
    interface SnapshotBytes extends AutoCloseable {
        long start();

        java.io.InputStream body();

        @Override
        void close();
    }

    /** Trades a one-time code for the till's identity and token; over HTTPS, with the key the server presented. */
    Enrollment enroll(String code) throws IOException;

    /** What enrolling gave: the server's answer, and the pin of the key it presented (null over plain HTTP). */
    record Enrollment(EnrollResponse response, String serverKeyPin) {
    }

    /** The key channel: hands the server the data keys of members registered at this till. */
    void handOverKeys(MemberKeys keys) throws IOException;

    /** The key channel: the data keys the server holds for these members (none for an erased member). */
    MemberKeys fetchKeys(MemberIds members) throws IOException;

    /** The member's history across every store as the server's JSON; empty when the server does not know the member. */
    Optional<String> memberHistory(MemberId member) throws IOException;

    /** What the server said to a push. */
    sealed interface PushOutcome permits Acked, Gap, Conflict, Refused {
    }

    record Acked(PushResponse response) implements PushOutcome {
    }

    /** The server holds this till's events through {@code expectedSeq - 1} and wants the next from there. */
    record Gap(long expectedSeq) implements PushOutcome {
    }

    /** An event reused a stored key with other content, or was refused: quarantined on the server; the rest was stored. */
    record Conflict(long ackedThrough, String detail) implements PushOutcome {
    }

    /** Any other 4xx: the batch was not stored. */
    record Refused(int status, ApiError error) implements PushOutcome {
    }

    /** What the server said to a pull. */
    sealed interface PullOutcome permits Pulled, SnapshotNeeded {
    }

    record Pulled(PullResponse response) implements PullOutcome {
    }

    /** The cursor is older than the server replays events for: rebuild from {@link #snapshot}. */
    record SnapshotNeeded(String detail) implements PullOutcome {
    }

    /** A snapshot being read: the cursor to pull from afterwards, and the events, one at a time. */
    interface Snapshot extends AutoCloseable {
        long next();

        /** The events; reading them may fail with an {@link java.io.UncheckedIOException} when the connection drops. */
        Iterator<EventEnvelope> events();

        @Override
        void close();
    }
}
