package io.chainpos.till.sync;

import io.chainpos.till.TillMessage;
import java.time.Instant;

/**
 * What the counter shows about sync: whether the server answers, when the last full round finished, how
 * many events wait to be sent, and the last problem (null once a round finishes cleanly), as a code the screens put
 * into words: never an exception's text.
 */
public record SyncStatus(Connection connection, Instant lastSyncedAt, long waiting, TillMessage problem) {

    public enum Connection {
        /** The last round reached the server and finished. */
        ONLINE,
        /** The server could not be reached; the till keeps selling and retries. */
        OFFLINE,
        /** The server answered but refused (a revoked token, an event it will not take): someone must look. */
        REFUSED,
        /**
         * The server's identity was refused (not vouched for, or another key than the one enrolled with): nothing is
         * sent to it; the till sells on offline until someone looks.
         */
        UNTRUSTED,
        /** No round has run yet. */
        STARTING
    }

    /** What a failed round means for the cashier: the server's refusal, its failure, or no connection at all. */
    public static TillMessage problemOf(Exception e) {
        return switch (e) {
            case SyncRefusedException refused -> refused.reason();
            case ServerAnswerException answer -> answer.reason();
            case ServerNotTrustedException untrusted -> untrusted.reason();
            default -> TillMessage.of(TillMessage.Code.SERVER_UNREACHABLE);
        };
    }

    public static SyncStatus starting(long waiting) {
        return new SyncStatus(Connection.STARTING, null, waiting, null);
    }

    SyncStatus withWaiting(long newWaiting) {
        return new SyncStatus(connection, lastSyncedAt, newWaiting, problem);
    }

    boolean isOnline() {
        return connection == Connection.ONLINE;
    }
}
