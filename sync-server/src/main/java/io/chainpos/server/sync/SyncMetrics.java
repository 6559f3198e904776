package io.chainpos.server.sync;

import io.chainpos.model.id.TillId;
import io.chainpos.server.log.IngestResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What sync does, for Prometheus: events ingested (accepted, duplicate), events quarantined by reason,
 * push batch sizes and latency, snapshots served, and per till how many server sequences it was behind
 * when it last pulled. Every server node counts its own; Prometheus adds the nodes up.
 */
public final class SyncMetrics {
    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final Map<IngestResult.Reason, Counter> quarantined = new ConcurrentHashMap<>();
    private final DistributionSummary batchSize;
    private final Timer pushLatency;
    private final Timer wokenRead;
    private final Counter snapshots;
    private final Map<TillId, AtomicLong> pullLag = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = ingested("accepted");
        this.duplicates = ingested("duplicate");
        for (IngestResult.Reason reason : IngestResult.Reason.values()) {
            quarantined.put(reason, Counter.builder("chainpos.events.quarantined")
                    .description("Events set apart for head office instead of stored")
                    .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry));
        }
        this.batchSize = DistributionSummary.builder("chainpos.push.batch.size")
                .description("Events per push request")
                .baseUnit("events")
                .serviceLevelObjectives(1, 10, 100, 500, 1_000, 5_000)
                .register(registry);
        this.pushLatency = histogram("chainpos.push.latency", "Time to answer a push, parsing to commit");
        this.wokenRead = histogram("chainpos.pull.woken", "From the commit that woke a held pull to its page read, ready to answer");
        this.snapshots = Counter.builder("chainpos.snapshots.served").description("Snapshots sent to tills").register(registry);
    }

    /** A timer published as a histogram of 1 ms to 30 s. */
    private Timer histogram(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private Counter ingested(String outcome) {
        return Counter.builder("chainpos.events.ingested")
                .description("Events received by push, by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }

    void ingested(int events, IngestResult result) {
        batchSize.record(events);
        if (result instanceof IngestResult.Stored stored) {
            accepted.increment(stored.accepted());
            duplicates.increment(stored.duplicates());
            stored.quarantined().forEach(q -> quarantined.get(q.reason()).increment());
        }
    }

    void pushAnswered(Duration took) {
        pushLatency.record(took);
    }

    /** A held pull woken by events had its page read {@code took} after the wake. */
    void wokenRead(Duration took) {
        wokenRead.record(took);
    }

    /** The till pulled at {@code after} while the log's newest sequence was {@code newest}. */
    void pulled(TillId till, long after, long newest) {
        pullLag.computeIfAbsent(till, id -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("chainpos.pull.lag", lag, AtomicLong::get)
                    .description("Server sequences a till was behind when it last pulled")
                    .baseUnit("events")
                    .tag("till", id.value())
                    .register(registry);
            return lag;
        }).set(Math.max(0, newest - after));
    }

    /** How many pulls wait on this node now (each holds a connection, no thread). */
    public void watch(PullWaiters waiters) {
        Gauge.builder("chainpos.pulls.waiting", waiters, PullWaiters::waiting)
                .description("Pulls held open on this node, waiting for events")
                .register(registry);
    }

    void snapshotServed() {
        snapshots.increment();
    }
}
