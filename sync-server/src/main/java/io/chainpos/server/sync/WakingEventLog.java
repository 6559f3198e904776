package io.chainpos.server.sync;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.TillId;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.IncomingEvent;
import io.chainpos.server.log.IngestBatch;
import io.chainpos.server.log.IngestResult;
import io.chainpos.server.log.LogChanges;
import io.chainpos.server.log.LogSearch;
import io.chainpos.server.log.PullPage;
import io.chainpos.server.log.PullQuery;
import io.chainpos.server.log.SnapshotQuery;
import io.chainpos.server.log.SnapshotSink;
import io.chainpos.server.log.TillMark;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The event log, telling the waiting pulls of each commit once it is durable: a till's batch wakes the tills of its
 * scopes, head office's events every till (soon, see {@link PullWaiters#HEAD_OFFICE_GATHER}). A batch of duplicates only commits nothing new and wakes no one.
 */
final class WakingEventLog implements EventLog {
    private final EventLog log;
    private final PullWaiters waiters;

    WakingEventLog(EventLog log, PullWaiters waiters) {
        this.log = log;
        this.waiters = waiters;
    }

    @Override
    public IngestResult ingest(IngestBatch batch) {
        IngestResult result = log.ingest(batch);
        if (result instanceof IngestResult.Stored stored && stored.accepted() > 0) {
            waiters.committed(batch.events().stream().filter(e -> e.refusal() == null).map(IncomingEvent::envelope).toList());
        }
        return result;
    }

    @Override
    public IngestResult append(TillId tillId, int tillEpoch, Function<TillMark, List<IncomingEvent>> next) {
        IngestResult result = log.append(tillId, tillEpoch, next);
        if (result instanceof IngestResult.Stored stored && stored.accepted() > 0) {
            waiters.headOfficeCommitted();
        }
        return result;
    }

    @Override
    public TillMark mark(TillId tillId, int tillEpoch) {
        return log.mark(tillId, tillEpoch);
    }

    @Override
    public PullPage pull(PullQuery query) {
        return log.pull(query);
    }

    @Override
    public LogChanges changesAfter(long serverSeq, long window) {
        return log.changesAfter(serverSeq, window);
    }

    @Override
    public Optional<Instant> receivedAfter(long serverSeq) {
        return log.receivedAfter(serverSeq);
    }

    @Override
    public long snapshot(SnapshotQuery query, SnapshotSink sink) {
        return log.snapshot(query, sink);
    }

    @Override
    public List<EventEnvelope> find(LogSearch search) {
        return log.find(search);
    }

    @Override
    public List<EventEnvelope> withIds(List<String> eventIds) {
        return log.withIds(eventIds);
    }

    @Override
    public boolean isEmpty() {
        return log.isEmpty();
    }

    @Override
    public void rebuildProjections() {
        log.rebuildProjections();
    }
}
