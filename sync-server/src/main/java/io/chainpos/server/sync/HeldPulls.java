package io.chainpos.server.sync;

import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.log.PullPage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * A pull that may wait: read now; when there is nothing for the till, wait for its scope's events and read again,
 * until something is there or the wait is up; then answer what the last read gave (an empty page after the wait).
 * A wake that brings the till nothing (its own events, a chain wake with nothing new since) waits on.
 */
final class HeldPulls {
    /** The longest a pull waits: under the 30 s after which the server drops an idle connection. */
    static final Duration MAX_WAIT = Duration.ofSeconds(25);

    private final PullEvents pulls;
    private final PullWaiters waiters;

    HeldPulls(PullEvents pulls, PullWaiters waiters) {
        this.pulls = pulls;
        this.waiters = waiters;
    }

    /** What to answer: at once when there is something (or no wait was asked), otherwise once woken. */
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
        if (wait.isZero() || !isEmpty(outcome)) {
            return new Answer.Now(outcome);
        }
        return new Answer.Later(waitFor(till, after, limit, seen, System.nanoTime() + wait.toNanos()));
    }

    private CompletableFuture<Optional<PullEvents.Outcome>> waitFor(TillPrincipal till, long after, int limit, PullWaiters.Seen seen,
                                                          long deadline) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return waiters.await(till.storeId(), seen, left).thenCompose(wake -> {
            if (wake == PullWaiters.Wake.STOPPING) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            PullWaiters.Seen before = waiters.seen(till.storeId());
            CompletableFuture<PullEvents.Outcome> read;
            try {
                read = CompletableFuture.supplyAsync(() -> pulls.pull(till, after, limit), waiters.answering(wake));
            } catch (RejectedExecutionException stopped) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            return read.thenCompose(outcome -> wake == PullWaiters.Wake.EVENTS && isEmpty(outcome) && System.nanoTime() < deadline
                    ? waitFor(till, after, limit, before, deadline)
                    : CompletableFuture.completedFuture(Optional.of(outcome)));
        });
    }

    private static boolean isEmpty(PullEvents.Outcome outcome) {
        return outcome instanceof PullEvents.Outcome.Page(PullPage page) && page.events().isEmpty() && !page.hasMore();
    }
}
