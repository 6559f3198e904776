package io.chainpos.server.metrics;

import io.chainpos.server.log.Projector;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How far head office's projections trail the log, in events and seconds, and the time each projection has spent merging,
 * read when scraped.
 */
public final class ProjectorMeters {
    private ProjectorMeters() {
    }

    public static void bind(Projector projector, MeterRegistry registry) {
        Gauge.builder("chainpos.projection.lag.events", projector, p -> p.lag().events())
                .description("Events stored in the log that the projections have not merged yet").register(registry);
        Gauge.builder("chainpos.projection.lag.seconds", projector, p -> p.lag().behind().toMillis() / 1000.0)
                .description("How long ago the server received the first event the projections have not merged (0: caught up)")
                .register(registry);
        for (String projection : projector.timeSpent().keySet()) {
            FunctionCounter.builder("chainpos.projection.merge.seconds", projector,
                            p -> p.timeSpent().getOrDefault(projection, java.time.Duration.ZERO).toNanos() / 1e9)
                    .description("Time a projection has spent merging events since the server started").tag("projection", projection)
                    .register(registry);
        }
    }
}
