package io.chainpos.server.web;

import java.time.Duration;
import java.util.Objects;

/** How long a page session lasts: it ends after {@code idle} without a request, and after {@code lifetime} at most. */
public record WebSettings(Duration idle, Duration lifetime) {
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    public WebSettings {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(lifetime, "lifetime");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
    }

    public static WebSettings defaults() {
        return new WebSettings(DEFAULT_IDLE, DEFAULT_LIFETIME);
    }
}
