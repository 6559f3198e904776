package io.chainpos.server.sync;

import io.chainpos.server.auth.TillPrincipal;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.PullPage;
import io.chainpos.server.log.PullQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A till asks for what happened elsewhere since its cursor. Pull replays events for as long as the
 * retention period; a till whose cursor is older than that (offline for a month, restored from an old
 * backup, installed on a chain with years of history) is told to take a snapshot instead: the chain's
 * state in one answer is smaller and faster than every event since.
 */
public final class PullEvents {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final EventLog log;
    private final Clock clock;
    private final Duration retention;

    public PullEvents(EventLog log, Clock clock, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the pull retention must be positive: " + retention);
        }
        this.log = log;
        this.clock = clock;
        this.retention = retention;
    }

    /** A page of events, or the word that the cursor is older than the retention period. */
    public sealed interface Outcome {
        record Page(PullPage page) implements Outcome {
        }

        /** The first event after the cursor was received at {@code oldest}, more than the retention ago. */
        record SnapshotNeeded(Instant oldest, Duration retention) implements Outcome {
        }
    }

    /**
     * The page is read first: with nothing after the cursor (an idle till's pull, most of them) there is nothing too
     * old either, and the retention is not looked up.
     */
    Outcome pull(TillPrincipal till, long after, int limit) {
        PullPage page = log.pull(new PullQuery(after, limit, till.tillId(), till.tillEpoch(), till.storeId()));
        if (page.newest() > after) {
            Optional<Instant> oldest = log.receivedAfter(after);
            if (oldest.isPresent() && oldest.get().isBefore(retainedSince())) {
                return new Outcome.SnapshotNeeded(oldest.get(), retention);
            }
        }
        return new Outcome.Page(page);
    }

    /**
     * Whether a page may wait for its till's next answer: other tills' chain-wide events only, all received within
     * {@code lately} (a till catching up on older ones has them at once).
     */
    boolean mayWait(PullPage page, Duration lately) {
        return page.chainOnlySince().filter(since -> since.isAfter(clock.instant().minus(lately))).isPresent();
    }

    /** Records (sales, audit) received before this are left out of a snapshot, as they are of pulls. */
    Instant retainedSince() {
        return clock.instant().minus(retention);
    }

    Duration retention() {
        return retention;
    }
}
