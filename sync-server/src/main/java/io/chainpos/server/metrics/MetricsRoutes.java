package io.chainpos.server.metrics;

import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code GET /metrics}: every meter in Prometheus' text format, optionally behind a bearer token. */
public final class MetricsRoutes implements Routes {
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final String token;

    public MetricsRoutes(PrometheusMeterRegistry registry, String token) {
        this.registry = registry;
        this.token = token;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        if (token != null) {
            byte[] given = Requests.bearerToken(ctx).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
                throw ApiProblem.unauthorized("wrong metrics token");
            }
        }
        ctx.contentType(TEXT_FORMAT).result(registry.scrape());
    }
}
