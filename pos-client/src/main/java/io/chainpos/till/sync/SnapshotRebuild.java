package io.chainpos.till.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.till.ledger.Ledger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A till whose cursor is older than the server replays rebuilt from a snapshot: downloaded into the data folder and
 * installed from there (resumed after a cut), or read as it streams from a server that does not spool snapshots;
 * its progress told as it goes.
 */
final class SnapshotRebuild {
    private static final Logger log = LoggerFactory.getLogger(SnapshotRebuild.class);

    private final Ledger ledger;
    private final SyncApi api;
    /** Null: snapshots are installed as they stream. */
    private final SnapshotDownload download;
    private final Clock clock;
    private final Consumer<SyncProgress> progressed;

    SnapshotRebuild(Ledger ledger, SyncApi api, SnapshotDownload download, Clock clock, Consumer<SyncProgress> progressed) {
        this.ledger = ledger;
        this.api = api;
        this.download = download;
        this.clock = clock;
        this.progressed = progressed;
    }

    /** Events installed between two reports of progress: a two-hundredth of them, 50 at least, 2,000 at most. */
    private static long installReport(long total) {
        return total <= 0 ? 2_000 : Math.max(50, Math.min(2_000, total / 200));
    }

    /** Replaces what this till holds from elsewhere with the server's snapshot; returns how many events it held. */
    int rebuild(long oldCursor) throws IOException {
        java.util.Map<Integer, Long> held = ledger.syncMarks().heldThrough();
        java.util.Optional<SnapshotDownload.Ready> ready = download == null ? java.util.Optional.empty()
                : download.fetch(api, held, oldCursor, progressed);
        if (ready.isPresent()) {
            int events;
            try (SyncApi.Snapshot snapshot = download.open(ready.get())) {
                events = ledger.remote().installSnapshot(installing(snapshot.events(), ready.get().spooled().events()),
                        snapshot.next());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            download.discard();
            shrinkWriteAheadLog();
            log.atInfo().setMessage("sync.pull.rebuiltFromSnapshot").addKeyValue("oldCursor", oldCursor)
                    .addKeyValue("cursor", ready.get().spooled().next()).addKeyValue("events", events)
                    .addKeyValue("bytes", ready.get().spooled().length()).log();
            return events;
        }
        try (SyncApi.Snapshot snapshot = api.snapshot(held)) {
            int events = ledger.remote().installSnapshot(installing(snapshot.events(), 0), snapshot.next());
            shrinkWriteAheadLog();
            log.atInfo().setMessage("sync.pull.rebuiltFromSnapshot").addKeyValue("oldCursor", oldCursor)
                    .addKeyValue("cursor", snapshot.next()).addKeyValue("events", events).log();
            return events;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The install wrote the whole chain in one transaction, as large again in the write-ahead log as in the file: it
     * goes into the file now and the log is cut back to nothing, rather than keeping a shop PC's disk for it.
     */
    private void shrinkWriteAheadLog() {
        if (!ledger.scrub()) {
            log.atInfo().setMessage("sync.pull.walKeptByReader").log();
        }
    }

    /** The snapshot's events as they go into the ledger, counted on the progress bar ({@code total} 0: not known). */
    private java.util.Iterator<EventEnvelope> installing(java.util.Iterator<EventEnvelope> events, long total) {
        java.time.Instant started = clock.instant();
        progressed.accept(new SyncProgress(SyncProgress.Stage.INSTALLING, 0, total, null));
        long every = installReport(total);
        return new java.util.Iterator<>() {
            private long done;

            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public EventEnvelope next() {
                EventEnvelope event = events.next();
                if (++done % every == 0) {
                    progressed.accept(SyncProgress.of(SyncProgress.Stage.INSTALLING, done, total, 0,
                            Duration.between(started, clock.instant())));
                }
                return event;
            }
        };
    }

}
