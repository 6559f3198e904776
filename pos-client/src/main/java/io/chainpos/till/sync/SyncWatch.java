package io.chainpos.till.sync;

import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The sync state the counter shows, kept current between the agent's rounds: the agent says whether the server
 * answers, and every commit adds its events to those waiting at once, so a till selling offline sees the count
 * grow sale by sale instead of when the next retry happens to run.
 */
public final class SyncWatch {
    private final Ledger ledger;
    private final SyncAgent agent;
    private final Clock clock;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private SyncStatus status;

    /** {@code agent} null: a till not linked to any server. */
    public SyncWatch(Ledger ledger, SyncAgent agent, Clock clock) {
        this.ledger = ledger;
        this.agent = agent;
        this.clock = clock;
        this.status = agent == null ? notLinked(ledger.syncMarks().pendingCount()) : agent.status();
        ledger.onCommit(events -> publish(current -> new SyncStatus(current.connection(), current.lastSyncedAt(),
                current.waiting() + events.size(), current.problem())));
        if (agent != null) {
            agent.onStatus(said -> publish(current -> said));
        }
    }

    public synchronized SyncStatus status() {
        return status;
    }

    public boolean linked() {
        return agent != null;
    }

    /** Hears every change, on the thread that caused it (the agent's, or the one that committed). */
    public void onStatus(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    /**
     * Hears how a long sync comes along (a snapshot downloaded and installed, many pages pulled), at once of where it is
     * now; on the agent's thread. A till not linked never has one.
     */
    public void onProgress(Consumer<SyncProgress> listener) {
        if (agent == null) {
            listener.accept(SyncProgress.IDLE);
        } else {
            agent.onProgress(listener);
        }
    }

    /** One full round now, on the caller's thread (never the screen's): empty when the till is not linked. */
    public Optional<SyncAgent.Round> syncNow() throws IOException {
        if (agent == null) {
            return Optional.empty();
        }
        SyncAgent.Round round;
        try {
            round = agent.syncOnce();
        } catch (IOException | SyncRefusedException e) {
            // the counter shows at once what the cashier just learned, not at the agent's next retry
            long waiting = ledger.syncMarks().pendingCount();
            SyncStatus.Connection connection = switch (e) {
                case ServerNotTrustedException untrusted -> SyncStatus.Connection.UNTRUSTED;
                case SyncRefusedException refused -> SyncStatus.Connection.REFUSED;
                default -> SyncStatus.Connection.OFFLINE;
            };
            publish(current -> new SyncStatus(connection, current.lastSyncedAt(), waiting, SyncStatus.problemOf(e)));
            throw e;
        }
        long waiting = ledger.syncMarks().pendingCount();
        TillMessage problem = round.problems().isEmpty() ? null : round.problems().getFirst();
        publish(current -> new SyncStatus(SyncStatus.Connection.ONLINE, clock.instant(), waiting, problem));
        return Optional.of(round);
    }

    private void publish(java.util.function.UnaryOperator<SyncStatus> change) {
        SyncStatus now;
        synchronized (this) {
            status = change.apply(status);
            now = status;
        }
        listeners.forEach(listener -> listener.accept(now));
    }

    private static SyncStatus notLinked(long waiting) {
        return new SyncStatus(SyncStatus.Connection.OFFLINE, null, waiting, TillMessage.of(TillMessage.Code.SERVER_NOT_LINKED));
    }
}
