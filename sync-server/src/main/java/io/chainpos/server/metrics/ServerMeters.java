package io.chainpos.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** One running server's meters: the JVM's own beside the server's, every one tagged with the database kind. */
public final class ServerMeters implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Listens to the JVM's garbage collections until closed. */
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServerMeters(String database) {
        registry.config().commonTags("database", database);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The routes that expose these meters at {@code /metrics}, behind {@code token} when there is one. */
    public MetricsRoutes routes(String token) {
        return new MetricsRoutes(registry, token);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
