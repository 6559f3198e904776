package io.chainpos.server.testing;

import io.chainpos.model.clock.HybridLogicalClock;
import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Writes events as a till would: gap-free tillSeq, a monotonic hlc, the wall time of its clock. */
public final class TillWriter {
    public final StoreId store;
    public final TillId till;
    public final int epoch;
    private final Clock clock;
    private final HybridLogicalClock hlc;
    private long seq;

    public TillWriter(String store, String till, int epoch, Clock clock) {
        this.store = StoreId.of(store);
        this.till = TillId.of(till);
        this.epoch = epoch;
        this.clock = clock;
        this.hlc = new HybridLogicalClock(clock);
    }

    public EventEnvelope next(Event payload) {
        return new EventEnvelope(EventId.newId(clock), store, till, epoch, ++seq, hlc.now(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), payload);
    }

    /** The next event with a chosen hlc, for last-writer-wins cases. */
    public EventEnvelope nextWithHlc(long chosenHlc, Event payload) {
        return new EventEnvelope(EventId.newId(clock), store, till, epoch, ++seq, chosenHlc,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), payload);
    }

    public List<EventEnvelope> next(List<? extends Event> payloads) {
        List<EventEnvelope> events = new ArrayList<>();
        payloads.forEach(payload -> events.add(next(payload)));
        return events;
    }

    public long seq() {
        return seq;
    }
}
