package io.chainpos.server.metrics;

import io.chainpos.server.db.ReplicaReads;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The read replica's meters: report reads per source, how often the replica was found unreachable, and how
 * far it trails the primary in events and seconds (read when scraped; NaN while it cannot be reached).
 */
public final class ReplicaMeters {
    private ReplicaMeters() {
    }

    public static void bind(ReplicaReads replica, MeterRegistry registry) {
        FunctionCounter.builder("chainpos.report.reads", replica, ReplicaReads::readsOnReplica)
                .tag("source", "replica").description("Head office report reads, by the database that answered")
                .register(registry);
        FunctionCounter.builder("chainpos.report.reads", replica, ReplicaReads::readsOnPrimary)
                .tag("source", "primary_fallback").description("Head office report reads, by the database that answered")
                .register(registry);
        FunctionCounter.builder("chainpos.read.replica.unreachable", replica, ReplicaReads::failures)
                .description("Times a report found the read replica unreachable and read the primary").register(registry);
        Gauge.builder("chainpos.read.replica.lag.events", replica,
                        r -> r.lag().map(lag -> (double) lag.events()).orElse(Double.NaN))
                .description("Events committed on the primary that the read replica has not applied yet").register(registry);
        Gauge.builder("chainpos.read.replica.lag.seconds", replica,
                        r -> r.lagTime().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                .description("How long ago the primary received the first event the read replica has not applied (0: caught up)")
                .register(registry);
    }
}
