package io.chainpos.server.sync;

import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.log.PullPage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A pull that may wait: read now; when there is nothing for the till, wait for its scope's events and read again,
 * until something is there or the wait is up; then answer what the last read gave (an empty page after the wait).
 * A wake that brings the till nothing (its own events, a chain wake with nothing new since) waits on.
 *
 * <p>Other tills' chain-wide events (members' points and registrations) do not end a wait by default (see
 * {@link PullWaiters#DEFAULT_CHAIN_LINGER}), nor do they keep one from starting: a page of them alone, short of a full
 * one and all received within a wait, waits like an empty one and comes with the till's next answer (its store's next
 * event, head office's, or the end of the wait). Answered at once, in a chain with member sales every few hundred
 * milliseconds every till would pull again the moment it was answered, never waiting at all (measured: 10,000 tills
 * on one node pulled without pause, and a sale took seconds to reach the next counter of its store).
 */
final class HeldPulls {
    /** The longest a pull waits: under the 30 s after which the server drops an idle connection. */
    static final Duration MAX_WAIT = Duration.ofSeconds(25);

    private final PullEvents pulls;
    private final PullWaiters waiters;
    private final Consumer<Duration> wokenRead;

    /** {@code wokenRead} is told how long after its wake each woken pull's page was read (the sync metrics). */
    HeldPulls(PullEvents pulls, PullWaiters waiters, Consumer<Duration> wokenRead) {
        this.pulls = pulls;
        this.waiters = waiters;
        this.wokenRead = wokenRead;
    }

    /**
     * What to answer: at once when no wait was asked or there is something the till should have now, otherwise once
     * woken or at the end of the wait.
     */
    sealed interface Answer {
        record Now(PullEvents.Outcome outcome) implements Answer {
        }

        /** Completed with the outcome, or with nothing when the server stopped first. */
        record Later(CompletableFuture<Optional<PullEvents.Outcome>> outcome) implements Answer {
        }
    }

    Answer pull(TillPrincipal till, long after, int limit, Duration wait) {
        PullWaiters.Seen seen = waiters.seen(till.storeId());
        PullEvents.Outcome outcome = pulls.pull(till, after, limit);
        if (wait.isZero() || !mayWait(outcome)) {
            return new Answer.Now(outcome);
        }
        return new Answer.Later(waitFor(till, after, limit, seen, System.nanoTime() + waiters.spread(wait).toNanos()));
    }

    private CompletableFuture<Optional<PullEvents.Outcome>> waitFor(TillPrincipal till, long after, int limit, PullWaiters.Seen seen,
                                                          long deadline) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return waiters.await(till.storeId(), seen, left).thenCompose(wake -> {
            if (wake == PullWaiters.Wake.STOPPING) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            PullWaiters.Seen before = waiters.seen(till.storeId());
            long woken = System.nanoTime();
            CompletableFuture<PullEvents.Outcome> read;
            try {
                read = CompletableFuture.supplyAsync(() -> {
                    PullEvents.Outcome outcome = pulls.pull(till, after, limit);
                    if (wake == PullWaiters.Wake.EVENTS) {
                        wokenRead.accept(Duration.ofNanos(System.nanoTime() - woken));
                    }
                    return outcome;
                }, waiters.answering(wake));
            } catch (RejectedExecutionException stopped) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return read.thenCompose(outcome -> wake == PullWaiters.Wake.EVENTS && mayWait(outcome) && System.nanoTime() < deadline
                    ? waitFor(till, after, limit, before, deadline)
                    : CompletableFuture.completedFuture(Optional.of(outcome)));
        });
    }

    /**
     * Nothing the till should have at once: no event, or, where chain-wide events wait for the next answer, other tills'
     * chain-wide events only, received within a wait and short of a full page.
     */
    private boolean mayWait(PullEvents.Outcome outcome) {
        return outcome instanceof PullEvents.Outcome.Page(PullPage page) && !page.hasMore()
                && (page.events().isEmpty() || waiters.chainWaitsForNextAnswer() && pulls.mayWait(page, MAX_WAIT));
    }
}
