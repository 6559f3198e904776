package io.chainpos.server.headoffice;

import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.sync.PushResponse;
import io.chainpos.server.merge.HeadOfficeTill;
import io.chainpos.server.log.EventLog;
import io.chainpos.server.log.IncomingEvent;
import io.chainpos.server.log.IngestResult;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Head office states facts (catalog, prices, rules, adjustments) as events of its own till, {@code HQ},
 * appended through the same ingest as any till's, so they are stored, merged and pulled the same way.
 */
public final class HeadOffice {
    private final EventLog log;
    private final EventCodec codec;
    private final Clock clock;
    private final HybridLogicalClock hlc;

    public HeadOffice(EventLog log, EventCodec codec, Clock clock) {
        this.log = log;
        this.codec = codec;
        this.clock = clock;
        // Start past every hlc already issued, so a server restarted with its clock set back stays monotonic.
        this.hlc = new HybridLogicalClock(clock, log.mark(HeadOfficeTill.TILL, HeadOfficeTill.EPOCH).lastHlc(),
                Duration.ofHours(1));
    }

    /**
     * Appends {@code facts} in order as one committed batch with the next gap-free sequence numbers. The
     * numbers are taken under the head-office mark's lock inside the log's transaction, so any number of
     * server nodes may publish at once; each batch lands whole, after the other.
     */
    public PushResponse publish(List<? extends Event> facts) {
        return publish(facts, false);
    }

    /**
     * Publishes {@code facts} only if head office has published nothing yet, decided under the same lock:
     * two nodes seeding a new database at once seed it once. True when these facts were published.
     */
    public boolean publishFirst(List<? extends Event> facts) {
        return publish(facts, true).accepted() > 0;
    }

    /**
     * Publishes what {@code decide} returns, deciding under the head-office mark's lock: every earlier publish
     * has committed (its projections too) and no other can commit until this one has, so a version read from a
     * projection inside {@code decide} is still the newest when these facts land. {@code decide} may return
     * nothing (a stale edit), and may be called again if the transaction retries. The number of facts published.
     */
    public int publishDecided(java.util.function.Supplier<List<? extends Event>> decide) {
        return publish(decide, false).accepted();
    }

    private PushResponse publish(List<? extends Event> facts, boolean onlyFirst) {
        return publish(() -> facts, onlyFirst);
    }

    private PushResponse publish(java.util.function.Supplier<List<? extends Event>> decide, boolean onlyFirst) {
        IngestResult result = log.append(HeadOfficeTill.TILL, HeadOfficeTill.EPOCH, mark -> {
            if (onlyFirst && mark.ackedThrough() > 0) {
                return List.of();
            }
            List<? extends Event> facts = decide.get();
            // Another node may have issued later hlcs: stay past them, so head office's own edits stay ordered.
            hlc.observe(mark.lastHlc());
            long seq = mark.ackedThrough();
            List<IncomingEvent> events = new ArrayList<>(facts.size());
            for (Event fact : facts) {
                EventEnvelope envelope = new EventEnvelope(EventId.newId(clock), HeadOfficeTill.STORE, HeadOfficeTill.TILL,
                        HeadOfficeTill.EPOCH, ++seq, hlc.now(), clock.instant().truncatedTo(ChronoUnit.MILLIS), fact);
                events.add(new IncomingEvent(envelope, codec.canonical(codec.toTree(envelope))));
            }
            return events;
        });
        if (result instanceof IngestResult.Stored stored && stored.quarantined().isEmpty()) {
            return new PushResponse(stored.ackedThrough(), stored.accepted(), stored.duplicates());
        }
        throw new IllegalStateException("head office's own events were not stored cleanly: " + result);
    }
}
